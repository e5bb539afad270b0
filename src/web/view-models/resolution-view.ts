import { actionState } from "../../domain/actions.js";
import type { ActionRecord, ConditionRecord, ResolutionRecord } from "../../records/public/resolutions.js";
import { personLabel, textBlocks, type TextBlock } from "../format.js";
import { bodyUrl, personUrl } from "../urls.js";
import {
  actionTag,
  conditionTag,
  dateText,
  documentView,
  resolutionLink,
  type DocumentView,
  type Phrase,
  type Tag,
} from "./labels.js";

// Resolutions as the appResolutionRecord macro shows them, with every link already worked out.

export type ConditionView = { text: string; tag: Tag; owner: string | null; evidence: DocumentView[] };
export type ConditionGroupView = { title: string | null; conditions: ConditionView[] };
export type ActionView = { text: string; owner: Phrase | null; due: string | null; tag: Tag };

export type ResolutionRecordView = {
  number: string | null;
  text: TextBlock[];
  tags: Tag[];
  notes: Phrase[];
  conditions: ConditionGroupView[];
  actions: ActionView[];
  children: ResolutionRecordView[];
};

/** Printed numbers are kept as printed ("1", "(i)", "IV"); a bare number gets its full stop. */
function printedNumber(number: string): string | null {
  if (number === "") return null;
  return /^[0-9a-z]+$/i.test(number) ? `${number}.` : number;
}

function notes(r: ResolutionRecord): Phrase[] {
  const out: Phrase[] = [];
  const person = (p: NonNullable<ResolutionRecord["proposer"]>) => ({
    text: personLabel(p),
    href: personUrl(p.authority, p),
  });
  if (r.proposer && r.seconder) {
    out.push([
      { text: "Proposed by " },
      person(r.proposer),
      { text: " and seconded by " },
      person(r.seconder),
      { text: "." },
    ]);
  } else if (r.proposer) {
    out.push([{ text: "Proposed by " }, person(r.proposer), { text: "." }]);
  }
  const { votes } = r;
  if (votes.isUnanimous) out.push([{ text: "Vote: unanimous." }]);
  else if (votes.for !== null || votes.against !== null || votes.abstain !== null) {
    const counts = [
      ...(votes.for === null ? [] : [`${votes.for} for`]),
      ...(votes.against === null ? [] : [`${votes.against} against`]),
      ...(votes.abstain === null ? [] : [`${votes.abstain} abstaining`]),
    ];
    out.push([{ text: `Vote: ${counts.join(", ")}.` }]);
  }
  if (r.delegatedTo) out.push([{ text: `Delegated to the ${r.delegatedTo}.` }]);
  if (r.recommendsTo) {
    const { body, authority, date } = r.recommendsTo;
    out.push([
      { text: "Recommended to " },
      { text: `${body.name}, ${authority.name}`, href: bodyUrl(authority.slug, body.slug) },
      { text: date === null ? "." : `, for its meeting on ${dateText(date)}.` },
    ]);
  }
  if (r.respondsTo) out.push([{ text: "Responds to " }, resolutionLink(r.respondsTo), { text: "." }]);
  for (const answer of r.respondedToBy)
    out.push([{ text: "Answered by " }, resolutionLink(answer), { text: "." }]);
  return out;
}

function conditionGroups(conditions: ConditionRecord[]): ConditionGroupView[] {
  const groups: ConditionGroupView[] = [];
  for (const c of conditions) {
    const view: ConditionView = {
      text: c.text,
      tag: conditionTag(c.status),
      owner: c.owner,
      evidence: c.evidence.map(documentView),
    };
    const title = c.group === "" ? null : c.group;
    const last = groups.at(-1);
    if (last && last.title === title) last.conditions.push(view);
    else groups.push({ title, conditions: [view] });
  }
  return groups;
}

export function actionOwner(action: {
  owner: string | null;
  ownerPerson: ActionRecord["ownerPerson"];
  ownerBody: ActionRecord["ownerBody"];
}): Phrase | null {
  if (action.ownerPerson) {
    return [
      {
        text: personLabel(action.ownerPerson),
        href: personUrl(action.ownerPerson.authority, action.ownerPerson),
      },
    ];
  }
  if (action.ownerBody) {
    return [
      { text: action.ownerBody.name, href: bodyUrl(action.ownerBody.authority, action.ownerBody.slug) },
    ];
  }
  return action.owner === null ? null : [{ text: action.owner }];
}

function actionView(action: ActionRecord, today: string): ActionView {
  return {
    text: action.text,
    owner: actionOwner(action),
    due: action.due === null ? null : dateText(action.due),
    tag: actionTag(actionState({ status: action.status, due: action.due }, today)),
  };
}

export function resolutionRecordView(r: ResolutionRecord, today: string): ResolutionRecordView {
  return {
    number: printedNumber(r.number),
    text: textBlocks(r.text),
    tags: r.isInPrinciple ? [{ text: "In principle", classes: "govuk-tag--purple" }] : [],
    notes: notes(r),
    conditions: conditionGroups(r.conditions),
    actions: r.actions.map((a) => actionView(a, today)),
    children: r.children.map((child) => resolutionRecordView(child, today)),
  };
}
