import type { AttendanceStatus, PersonKind } from "./bundle.js";

// The fixed lists a back-office form offers, each value with the words an officer reads. Stored
// values are the same words the bundle uses, so imported and typed records agree.

export type Choice<V extends string = string> = { value: V; text: string };

export const BODY_KINDS: readonly Choice[] = [
  { value: "full-council", text: "Full council" },
  { value: "executive", text: "Cabinet or executive" },
  { value: "committee", text: "Committee" },
  { value: "overview-and-scrutiny", text: "Overview and scrutiny" },
  { value: "sub-committee", text: "Sub-committee" },
  { value: "regulatory", text: "Regulatory (planning, licensing)" },
  { value: "joint-committee", text: "Joint committee" },
  { value: "partnership-board", text: "Partnership board" },
  { value: "forum", text: "Forum" },
  { value: "working-group", text: "Working group" },
];

export const PERSON_KINDS: readonly Choice<PersonKind>[] = [
  { value: "councillor", text: "Councillor" },
  { value: "officer", text: "Officer" },
  { value: "external", text: "Someone from outside the council" },
];

export const MEMBERSHIP_ROLES: readonly Choice[] = [
  { value: "chair", text: "Chair" },
  { value: "vice-chair", text: "Vice-chair" },
  { value: "member", text: "Member" },
  { value: "co-opted", text: "Co-opted member" },
  { value: "substitute", text: "Named substitute" },
  { value: "lead-officer", text: "Lead officer" },
  { value: "clerk", text: "Clerk or democratic services officer" },
];

export const ITEM_KINDS: readonly Choice[] = [
  { value: "apologies", text: "Apologies" },
  { value: "declarations", text: "Declarations of interest" },
  { value: "minutes", text: "Minutes of the last meeting" },
  { value: "public-participation", text: "Public questions and participation" },
  { value: "report", text: "Report" },
  { value: "work-programme", text: "Work programme" },
  { value: "urgent-business", text: "Urgent business" },
  { value: "exclusion", text: "Exclusion of the press and public" },
  { value: "other", text: "Other" },
];

export const DOCUMENT_KINDS: readonly Choice[] = [
  { value: "report", text: "Report" },
  { value: "appendix", text: "Appendix" },
  { value: "minutes", text: "Minutes" },
  { value: "letter", text: "Letter" },
  { value: "assessment", text: "Impact assessment" },
  { value: "work-programme", text: "Work programme" },
  { value: "presentation", text: "Presentation" },
  { value: "other", text: "Other document" },
];

export const ATTENDANCE_STATUSES: readonly Choice<AttendanceStatus>[] = [
  { value: "present", text: "Present" },
  { value: "apologies", text: "Apologies" },
  { value: "absent", text: "Absent" },
  { value: "substitute", text: "Substitute" },
  { value: "in-attendance", text: "Also in attendance" },
];

export const DECLARATION_KINDS: readonly Choice[] = [
  { value: "disclosable-pecuniary", text: "Disclosable pecuniary interest" },
  { value: "other-registrable", text: "Other registrable interest" },
  { value: "non-registrable", text: "Non-registrable interest" },
  { value: "predetermination", text: "Predetermination or bias" },
];

/** Local Government Act 1972, Schedule 12A, Part 1 (England): the descriptions of exempt
 * information an item or paper may be withheld under (RULES.md). */
export const EXEMPT_PARAGRAPHS: readonly Choice[] = [
  { value: "1", text: "1. Information relating to any individual" },
  { value: "2", text: "2. Information likely to reveal the identity of an individual" },
  { value: "3", text: "3. Information about the financial or business affairs of any particular person" },
  { value: "4", text: "4. Consultations or negotiations on labour relations" },
  { value: "5", text: "5. Information covered by legal professional privilege" },
  { value: "6", text: "6. A proposed notice, order or direction under an enactment" },
  { value: "7", text: "7. The prevention, investigation or prosecution of crime" },
];

export const CALL_IN_STATUSES: readonly Choice[] = [
  { value: "not-applicable", text: "Not subject to call-in" },
  { value: "open", text: "Open for call-in" },
  { value: "not-called-in", text: "Not called in" },
  { value: "called-in", text: "Called in" },
];

export const CONDITION_STATUSES: readonly Choice[] = [
  { value: "open", text: "Open" },
  { value: "evidence-submitted", text: "Evidence submitted" },
  { value: "assured", text: "Assured" },
  { value: "not-assured", text: "Not assured" },
];

export const ACTION_STATUSES: readonly Choice[] = [
  { value: "open", text: "Open" },
  { value: "done", text: "Done" },
  { value: "cancelled", text: "Cancelled" },
];

export const PRIORITY_BANDS: readonly Choice[] = [
  { value: "high", text: "High" },
  { value: "medium", text: "Medium" },
  { value: "low", text: "Low" },
];

export function choiceText(choices: readonly Choice[], value: string | null): string | null {
  if (value === null) return null;
  return choices.find((choice) => choice.value === value)?.text ?? value;
}
