import type { Db } from "../../../../db/connect.js";
import { EXEMPT_PARAGRAPHS, choiceText } from "../../../../domain/choices.js";
import { can } from "../../../../domain/policy.js";
import type { SignedInAccount } from "../../../../records/accounts.js";
import { bodyResource } from "../../../../records/admin/authorities.js";
import {
  findItemRecord,
  findMeetingRecord,
  type ItemRecord,
  type MeetingRecord,
} from "../../../../records/admin/meetings.js";
import { reindex } from "../../../../records/search.js";
import type { Writer } from "../../../../records/writer.js";
import { longDate } from "../../../format.js";
import type { Field, Values } from "../../../forms/fields.js";
import { optionalText, textValue } from "../../../forms/fields.js";
import type { Params } from "../pages.js";

// What the meeting, item and document pages share: loading from the address, the policy's
// resource (the meeting's body), who may see a draft or a Part II record, and the Part I/II fields.

export const loadMeeting = (db: Db, params: Params) => findMeetingRecord(db, Number(params.meeting));
export const loadItem = (db: Db, params: Params) => findItemRecord(db, Number(params.item));

export const meetingResource = bodyResource;

/** "Cabinet, Thursday 5 March 2026" */
export function meetingName({ body, meeting }: MeetingRecord): string {
  return `${body.name}, ${longDate(meeting.date)}`;
}

export function itemName({ item }: ItemRecord): string {
  return item.number === "" ? item.title : `${item.number}. ${item.title}`;
}

export type Visibility = { part: string; isPublished: boolean };

/** A draft is for those who may read drafts, a Part II record for those who may read exempt
 * papers of the body; everyone else is told there is nothing there. */
export function canSee(account: SignedInAccount, record: MeetingRecord, facts: Visibility): boolean {
  const resource = meetingResource(record);
  if (!facts.isPublished && !can(account, "read-draft", resource)) return false;
  return facts.part !== "II" || can(account, "read-exempt", resource);
}

export const NOT_FOUND = {
  template: "errors/not-found.njk",
  page: { pageTitle: "Page not found" },
  status: 404,
} as const;

/** "Part II (paragraph 3)" */
export function partText(part: string, paragraph: string | null): string {
  if (part !== "II") return "Part I";
  return paragraph === null ? "Part II" : `Part II (paragraph ${paragraph})`;
}

export function paragraphText(paragraph: string | null): string | null {
  return choiceText(EXEMPT_PARAGRAPHS, paragraph);
}

export const PART_FIELDS: readonly Field[] = [
  {
    kind: "radios",
    name: "part",
    label: "Part",
    hint: "Part II is exempt information: not published, and the press and public may be excluded",
    isRequired: true,
    options: [
      { value: "I", text: "Part I: open to the public" },
      { value: "II", text: "Part II: exempt information" },
    ],
  },
  {
    kind: "select",
    name: "paragraph",
    label: "Exempt information paragraph",
    hint: "Local Government Act 1972, Schedule 12A: needed for Part II",
    // The form draws its own empty choice, "None", first.
    options: EXEMPT_PARAGRAPHS,
  },
];

/** A Part II record must say which paragraph of Schedule 12A makes it exempt. */
export function checkPart(values: Values): Record<string, string> {
  if (values.part === "II" && optionalText(values, "paragraph") === null) {
    return { paragraph: "Select the exempt information paragraph for a Part II record" };
  }
  return {};
}

export function partValues(values: Values): { part: "I" | "II"; exempt_paragraph: string | null } {
  const part = textValue(values, "part") === "II" ? "II" : "I";
  return { part, exempt_paragraph: part === "II" ? optionalText(values, "paragraph") : null };
}

/** Keeps search right after a change to a meeting and its papers. */
export async function reindexMeeting(w: Writer, meetingId: number, documentIds: number[] = []) {
  await reindex(w.trx, {
    meetings: new Set([meetingId]),
    documents: new Set(documentIds),
    issues: new Set(),
  });
}

/** One field's error when a condition holds, none otherwise. */
export function errorIf(condition: boolean, field: string, message: string): Record<string, string> {
  return condition ? { [field]: message } : {};
}
