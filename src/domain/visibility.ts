import type { MinutesStatus, Part } from "./bundle.js";

// Who may see what (DESIGN.md section 7). Exempt (Part II) material and anything not yet
// published never reaches the public: LGA 1972 s.100A(4) and Schedule 12A let the public be
// excluded from exempt items, and s.100B(1) opens only agendas that are published.
// Every public query path applies these rules; records/visibility.ts states the same rules in
// SQL and a test proves the two agree on every combination.

export type MeetingFacts = { isAgendaPublished: boolean };
export type ItemFacts = { part: Part; meeting: MeetingFacts };
export type MinutesFacts = MeetingFacts & { minutesStatus: MinutesStatus };
export type ItemMinutesFacts = { part: Part; meeting: MinutesFacts };
export type DocumentFacts = { part: Part; isPublished: boolean; items: ItemFacts[] };
export type DecisionFacts = { isPublished: boolean; item: ItemFacts | null };

export function meetingIsPublic(meeting: MeetingFacts): boolean {
  return meeting.isAgendaPublished;
}

/** An item as the agenda lists it (its title, description and papers) is public only when it is
 * Part I and its meeting's agenda is published. What was recorded under it follows
 * itemMinutesArePublic. */
export function itemIsPublic(item: ItemFacts): boolean {
  return item.part === "I" && meetingIsPublic(item.meeting);
}

/** The minutes of a meeting, and with them its attendance, are public once they are published
 * (as draft or approved) and the meeting is public. Minutes typed in the back office but not yet
 * published are the officer's working copy, as an unpublished agenda is. */
export function minutesArePublic(meeting: MinutesFacts): boolean {
  return meeting.minutesStatus !== "none" && meetingIsPublic(meeting);
}

/** What was recorded under an item (its minutes, declarations, resolutions with their votes,
 * conditions and actions) is public when the item is and its meeting's minutes are. */
export function itemMinutesArePublic(item: ItemMinutesFacts): boolean {
  return itemIsPublic(item) && minutesArePublic(item.meeting);
}

/** A document is public when it is Part I, published, and either stands alone (an external
 * article, a report to a body with no recorded meeting) or belongs to at least one public item. */
export function documentIsPublic(document: DocumentFacts): boolean {
  if (document.part !== "I" || !document.isPublished) return false;
  return document.items.length === 0 || document.items.some(itemIsPublic);
}

export function decisionIsPublic(decision: DecisionFacts): boolean {
  return decision.isPublished && (decision.item === null || itemIsPublic(decision.item));
}

/** Drafts are shown, but labelled: minutes are not the record until a later meeting approves them. */
export function minutesLabel(status: MinutesStatus): string | null {
  if (status === "draft") return "Draft minutes: not yet approved by the committee";
  return null;
}
