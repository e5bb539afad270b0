// Where an action in the resolution tracker stands. Overdue is not stored: it is an open action
// whose due date (or the date of the meeting it is due at) has passed, so it is computed against
// the clock each time it is shown.

export type ActionState = "open" | "overdue" | "done" | "cancelled";

export type ActionFacts = { status: string; due: string | null };

export function actionState(action: ActionFacts, today: string): ActionState {
  if (action.status === "done") return "done";
  if (action.status === "cancelled") return "cancelled";
  return action.due !== null && action.due < today ? "overdue" : "open";
}
