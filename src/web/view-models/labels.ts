import { MONTHS } from "../../domain/wording.js";
import type {
  DocumentRef,
  ItemRef,
  MeetingRef,
  PersonRef,
  ResolutionRef,
} from "../../records/public/refs.js";
import { fileDescription, personLabel, sentenceCase } from "../format.js";
import { bodyUrl, documentUrl, itemUrl, meetingUrl, personUrl } from "../urls.js";

// Words and links for records, as every record page writes them: "29 August 2017",
// "Cabinet, 29 August 2017, item 36", "Report, PDF, 653 KB". Links are data ({ text, href }); the
// templates make them into anchors, escaping both.

export type Link = { text: string; href: string };

/** A sentence made of text and links, rendered by the appPhrase macro. */
export type Phrase = { text: string; href?: string }[];

export type Breadcrumb = { text: string; href?: string };

export type Tag = { text: string; classes?: string };

/** "2017-08-29" → "29 August 2017" (GOV.UK style; the weekday is for meetings, on their pages). */
export function dateText(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  const name = month === undefined ? undefined : MONTHS[month - 1];
  if (year === undefined || day === undefined || name === undefined) return isoDate;
  return `${day} ${name} ${year}`;
}

export function personLink(person: PersonRef): Link {
  return { text: personLabel(person), href: personUrl(person.authority, person) };
}

export function meetingText(meeting: MeetingRef): string {
  return `${meeting.body.name}, ${dateText(meeting.date)}`;
}

export function meetingLinkOf(meeting: MeetingRef): Link {
  return { text: meetingText(meeting), href: meetingUrl(meeting.authority.slug, meeting.slug) };
}

export function bodyLink(body: { name: string; slug: string }, authority: string): Link {
  return { text: body.name, href: bodyUrl(authority, body.slug) };
}

/** "Cabinet, 29 August 2017, item 36". */
export function itemText(item: ItemRef): string {
  return `${meetingText(item.meeting)}, item ${item.number}`;
}

export function itemHref(item: ItemRef): string {
  return itemUrl(item.meeting.authority.slug, item.meeting.slug, item.number);
}

export function itemLink(item: ItemRef): Link {
  return { text: itemText(item), href: itemHref(item) };
}

/** "Cabinet, 29 August 2017, item 36, resolution 4". */
export function resolutionLink(ref: ResolutionRef): Link {
  const number = ref.resolution === "" ? "" : `, resolution ${ref.resolution}`;
  return { text: `${itemText(ref)}${number}`, href: itemHref(ref) };
}

export function documentDescription(document: DocumentRef): string {
  return [sentenceCase(document.kind), fileDescription(document.mediaType, document.sizeBytes)]
    .filter((part) => part !== null)
    .join(", ");
}

export type DocumentView = { title: string; href: string; description: string };

export function documentView(document: DocumentRef): DocumentView {
  return {
    title: document.title,
    href: documentUrl(document.authority, document.key),
    description: documentDescription(document),
  };
}

const CALL_IN: Record<string, string> = {
  "not-applicable": "Not subject to call-in",
  open: "Open for call-in",
  "not-called-in": "Not called in",
  "called-in": "Called in",
  unknown: "Not recorded",
};

export const CALL_IN_STATUSES = Object.keys(CALL_IN);

export function callInText(status: string): string {
  return CALL_IN[status] ?? sentenceCase(status);
}

const CONDITION_TAGS: Record<string, Tag> = {
  open: { text: "Open", classes: "govuk-tag--grey" },
  "evidence-submitted": { text: "Evidence submitted", classes: "govuk-tag--blue" },
  assured: { text: "Assured", classes: "govuk-tag--green" },
  "not-assured": { text: "Not assured", classes: "govuk-tag--red" },
};

export function conditionTag(status: string): Tag {
  return CONDITION_TAGS[status] ?? { text: sentenceCase(status), classes: "govuk-tag--grey" };
}

const ACTION_TAGS: Record<string, Tag> = {
  open: { text: "Open", classes: "govuk-tag--blue" },
  overdue: { text: "Overdue", classes: "govuk-tag--red" },
  done: { text: "Done", classes: "govuk-tag--green" },
  cancelled: { text: "Cancelled", classes: "govuk-tag--grey" },
};

export function actionTag(state: string): Tag {
  return ACTION_TAGS[state] ?? { text: sentenceCase(state), classes: "govuk-tag--grey" };
}

/** Singular or plural: "1 meeting", "3 meetings". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
