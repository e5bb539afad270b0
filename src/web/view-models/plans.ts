import { actionState, type ActionState } from "../../domain/actions.js";
import type { TrackedAction } from "../../records/public/actions.js";
import type { ForwardPlanEntry } from "../../records/public/forward-plan.js";
import { actionsUrl, forwardPlanEntryId } from "../urls.js";
import { home } from "./breadcrumbs.js";
import {
  actionTag,
  counted,
  dateText,
  itemLink,
  resolutionLink,
  type Breadcrumb,
  type Phrase,
  type Tag,
} from "./labels.js";
import { amendmentNotes } from "./meeting.js";
import { actionOwner } from "./resolution-view.js";

// The forward plan of key decisions, and the tracker of actions asked for by resolutions.

type Cell = { text?: string; parts?: Phrase; secondary?: string; tag?: Tag };

export type ForwardPlanPage = {
  pageTitle: string;
  breadcrumbs: Breadcrumb[];
  authorities: {
    name: string;
    entries: {
      id: string;
      reference: string;
      title: string;
      facts: { key: { text: string }; value: { text: string } | { parts: Phrase } }[];
    }[];
  }[];
};

export function forwardPlanPage(entries: ForwardPlanEntry[]): ForwardPlanPage {
  const authorities: ForwardPlanPage["authorities"] = [];
  for (const entry of entries) {
    let group = authorities.find((a) => a.name === entry.authority.name);
    if (!group) {
      group = { name: entry.authority.name, entries: [] };
      authorities.push(group);
    }
    const facts: ForwardPlanPage["authorities"][number]["entries"][number]["facts"] = [
      { key: { text: "Decision maker" }, value: { text: entry.decisionMaker } },
      {
        key: { text: "Expected" },
        value: { text: entry.expectedDate === null ? "Not yet known" : dateText(entry.expectedDate) },
      },
    ];
    if (entry.firstPublished)
      facts.push({ key: { text: "First published" }, value: { text: dateText(entry.firstPublished) } });
    if (entry.consultees) facts.push({ key: { text: "Consultees" }, value: { text: entry.consultees } });
    if (entry.item) facts.push({ key: { text: "Taken at" }, value: { parts: [itemLink(entry.item)] } });
    for (const note of amendmentNotes(entry.amendments))
      facts.push({ key: { text: "Changes" }, value: { text: note } });
    group.entries.push({
      id: forwardPlanEntryId(entry.reference),
      reference: entry.reference,
      title: entry.title,
      facts,
    });
  }
  return { pageTitle: "Forward plan of key decisions", breadcrumbs: [home], authorities };
}

export type ActionFilter = "all" | "open" | "overdue" | "done";

export const ACTION_FILTERS: { value: ActionFilter; text: string }[] = [
  { value: "all", text: "All actions" },
  { value: "open", text: "Open" },
  { value: "overdue", text: "Overdue" },
  { value: "done", text: "Done" },
];

export function isActionFilter(value: string): value is ActionFilter {
  return ACTION_FILTERS.some((f) => f.value === value);
}

export type ActionsPage = {
  pageTitle: string;
  breadcrumbs: Breadcrumb[];
  today: string;
  filters: { text: string; href: string; count: number; current: boolean }[];
  caption: string;
  rows: Cell[][];
};

function matches(filter: ActionFilter, state: ActionState): boolean {
  if (filter === "all") return true;
  // Overdue actions are open ones too.
  if (filter === "open") return state === "open" || state === "overdue";
  return state === filter;
}

export function actionsPage(actions: TrackedAction[], filter: ActionFilter, today: string): ActionsPage {
  const states = actions.map((a) => ({
    action: a,
    state: actionState({ status: a.status, due: a.due }, today),
  }));
  const shown = states.filter((s) => matches(filter, s.state));
  const label = ACTION_FILTERS.find((f) => f.value === filter)?.text ?? "All actions";
  return {
    pageTitle: filter === "all" ? "Actions" : `${label} actions`,
    breadcrumbs: [home],
    today: dateText(today),
    filters: ACTION_FILTERS.map((f) => ({
      text: f.text,
      href: f.value === "all" ? actionsUrl() : `${actionsUrl()}?status=${f.value}`,
      count: states.filter((s) => matches(f.value, s.state)).length,
      current: f.value === filter,
    })),
    caption: `${label}: ${counted(shown.length, "action")}`,
    rows: shown.map(({ action, state }) => [
      { text: action.text, tag: actionTag(state) },
      { parts: actionOwner(action) ?? [{ text: "Not recorded" }] },
      { text: action.due === null ? "No date set" : dateText(action.due) },
      { parts: [resolutionLink(action.resolution)] },
    ]),
  };
}
