import type { BundleAction, BundleMeeting } from "../../domain/bundle.js";
import { findDates } from "./dates.js";
import { ownerNamed, type ResolutionContext } from "./enrich.js";
import { cleanText, type Line } from "./lines.js";

// A table of the actions the minutes give rise to, set out after them:
//
//   ACTIONS ARISING
//   Minute | Action                                 | Owner              | Due
//   44(2)  | Publish monthly ambulance handover times | Kelso Hospitals NHS Trust | 30 April 2025
//
// Each row is an action of the decision its minute reference names ("44(2)": minute 44, decision
// (2)), with its owner and due date. The table states the actions outright, so they replace those
// read from the decision's wording. The table and its heading are no minute's text.

export type TableAction = { minute: string; action: BundleAction };

type Columns = { minute: number; action: number; owner?: number; due?: number };

const HEADING =
  /^(?:actions?\s+(?:arising|log|list|sheet|summary|agreed)|summary\s+of\s+actions|action\s+points)$/i;
const MINUTE_HEADER = /^(?:minute|min\.?|minute\s+(?:no\.?|ref(?:erence)?)|item|ref(?:erence)?|no\.?)$/i;
const ACTION_HEADER = /^(?:actions?|action\s+(?:required|agreed)|what)$/i;
const OWNER_HEADER = /^(?:owner|lead|responsible|responsibility|by\s+whom|who|action\s+by|officer)$/i;
const DUE_HEADER = /^(?:due|due\s+date|deadline|by\s+when|when|target(?:\s+date)?|date|timescale)$/i;

/** The minutes' lines without the actions table, and the table's rows. */
export function splitActionsTable(lines: Line[]): { lines: Line[]; actions: TableAction[] } {
  for (const [index, line] of lines.entries()) {
    const columns = headerColumns(line);
    if (!columns) continue;
    let end = index + 1;
    const actions: TableAction[] = [];
    for (; end < lines.length && lines[end]?.raw.includes("\t"); end++) {
      const row = tableAction(lines[end]?.raw ?? "", columns);
      if (row) actions.push(row);
    }
    if (actions.length === 0) continue;
    const above = lines.slice(0, index).findLastIndex((l) => l.text !== "");
    const from = above >= 0 && HEADING.test(lines[above]?.text ?? "") ? above : index;
    return { lines: [...lines.slice(0, from), ...lines.slice(end)], actions };
  }
  return { lines, actions: [] };
}

function headerColumns(line: Line): Columns | undefined {
  if (!line.raw.includes("\t") || line.text.length > 160) return undefined;
  const cells = line.raw.split("\t").map(cleanText);
  const minute = cells.findIndex((c) => MINUTE_HEADER.test(c));
  const action = cells.findIndex((c) => ACTION_HEADER.test(c));
  if (minute !== 0 || action < 0) return undefined;
  const columns: Columns = { minute, action };
  const owner = cells.findIndex((c) => OWNER_HEADER.test(c));
  const due = cells.findIndex((c) => DUE_HEADER.test(c));
  if (owner >= 0) columns.owner = owner;
  if (due >= 0) columns.due = due;
  return columns;
}

function tableAction(raw: string, columns: Columns): TableAction | undefined {
  const cells = raw.split("\t").map(cleanText);
  const minute = cells[columns.minute] ?? "";
  const text = cells[columns.action] ?? "";
  if (!/^\S*\d/.test(minute) || text === "") return undefined;
  const action: BundleAction = { text };
  const owner = columns.owner === undefined ? "" : (cells[columns.owner] ?? "");
  if (owner !== "") action.owner = owner;
  const due = columns.due === undefined ? undefined : findDates(cells[columns.due] ?? "")[0]?.iso;
  if (due) action.due = due;
  return { minute, action };
}

/** Each row's action on the decision it names: "44(2)" is decision (2) of minute 44; a minute
 * named alone ("47") is its only or last decision. */
export function attachTableActions(
  meeting: BundleMeeting,
  actions: TableAction[],
  ctx: ResolutionContext,
): void {
  const stated = new Set<object>();
  for (const { minute, action } of actions) {
    const item = [...meeting.items]
      .sort((a, b) => b.number.length - a.number.length)
      .find((i) => minute === i.number || minute.startsWith(i.number));
    if (!item) continue;
    const rest = minute.slice(item.number.length).replace(/^[\s.]+/, "");
    const resolution =
      rest === ""
        ? item.resolutions.at(-1)
        : item.resolutions.find((r) => r.number.replace(/[().\s]/g, "") === rest.replace(/[().\s]/g, ""));
    if (!resolution) continue;
    if (!stated.has(resolution)) resolution.actions = [];
    stated.add(resolution);
    const owned = action.owner ? { ...action, owner: ownerNamed(action.owner, ctx) } : action;
    resolution.actions = [...(resolution.actions ?? []), owned];
  }
}
