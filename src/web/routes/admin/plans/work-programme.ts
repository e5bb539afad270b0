import type { Db } from "../../../../db/connect.js";
import type { Row } from "../../../../db/schema.js";
import { PRIORITY_BANDS, choiceText } from "../../../../domain/choices.js";
import { municipalYearOf, parseMunicipalYear } from "../../../../domain/municipal-year.js";
import { can } from "../../../../domain/policy.js";
import { bodyResource, findBodyRecord, type BodyRecord } from "../../../../records/admin/authorities.js";
import {
  findProgrammeEntry,
  meetingChoicesOfBody,
  nextProgrammePosition,
  programmeOfBody,
  type MeetingChoice,
} from "../../../../records/admin/plans.js";
import {
  flagValue,
  optionalId,
  optionalNumber,
  optionalText,
  textValue,
  type Field,
  type Option,
  type Values,
} from "../../../forms/fields.js";
import { longDate } from "../../../format.js";
import { adminUrls } from "../admin-urls.js";
import { linkHtml, type Section } from "../overview.js";
import { formPage, type SectionsOf } from "../pages.js";
import { isRemovalConfirmed, removalField, removeLink } from "../removal.js";

// A scrutiny body's work programme: the topics it plans to look at in the municipal year, each
// with a meeting (or none yet), a priority score and band from the body's prioritisation, the
// reason it is there and who is responsible. Standing items recur at every meeting.

const STANDING = "standing-item";
const SCRUTINY_KINDS = new Set(["overview-and-scrutiny"]);

/** "2025/26", as councils and the bundle write a municipal year. */
function yearValue(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** Last year, this year and the next two; and the entry's own year, whatever it is. */
function yearOptions(today: string, current: string | null): Option[] {
  const start = municipalYearOf(today).start;
  const options = [start - 1, start, start + 1, start + 2].map((year) => ({
    value: yearValue(year),
    text: `${year} to ${year + 1}`,
  }));
  if (current !== null && !options.some((option) => option.value === current)) {
    const parsed = parseMunicipalYear(current);
    options.unshift({ value: current, text: parsed === null ? current : parsed.label });
  }
  return options;
}

function meetingText(meeting: MeetingChoice): string {
  return meeting.status === "cancelled" ? `${longDate(meeting.date)} (cancelled)` : longDate(meeting.date);
}

type ProgrammeContext = BodyRecord & { meetings: MeetingChoice[]; today: string };
type EntryContext = ProgrammeContext & { entry: Row<"work_programme_entries"> };

async function loadBody(db: Db, id: string, today: string): Promise<ProgrammeContext | null> {
  const record = await findBodyRecord(db, Number(id));
  if (record === null) return null;
  return { ...record, meetings: await meetingChoicesOfBody(db, record.body.id), today };
}

async function loadEntry(db: Db, id: string, today: string): Promise<EntryContext | null> {
  const record = await findProgrammeEntry(db, Number(id));
  if (record === null) return null;
  return { ...record, meetings: await meetingChoicesOfBody(db, record.body.id), today };
}

function entryFields(context: ProgrammeContext, year: string | null): Field[] {
  return [
    {
      kind: "select",
      name: "year",
      label: "Municipal year",
      isRequired: true,
      options: yearOptions(context.today, year),
    },
    { kind: "text", name: "title", label: "Topic", isRequired: true, maxLength: 300 },
    {
      kind: "select",
      name: "meeting",
      label: "Meeting",
      hint: "Choose None if the meeting is not arranged yet",
      options: context.meetings.map((meeting) => ({ value: String(meeting.id), text: meetingText(meeting) })),
    },
    {
      kind: "date",
      name: "meeting-date",
      label: "Or the date of a meeting not yet arranged",
      hint: "Leave empty when you chose a meeting, or when it is to be scheduled. For example, 27 3 2026",
    },
    {
      kind: "number",
      name: "score",
      label: "Priority score",
      hint: "From the committee's prioritisation, a whole number from 0 to 100",
      min: 0,
      max: 100,
    },
    { kind: "radios", name: "band", label: "Priority", options: PRIORITY_BANDS },
    {
      kind: "textarea",
      name: "reason",
      label: "Reason",
      hint: "Why the committee is looking at it, for example a member request",
      maxLength: 2000,
      rows: 3,
    },
    {
      kind: "text",
      name: "responsible",
      label: "Responsible",
      hint: "The cabinet member, officer or partner who will attend or report",
      maxLength: 300,
    },
    {
      kind: "checkbox",
      name: "standing",
      label: "Standing item",
      checkboxText: "This is a standing item at every meeting",
    },
    {
      kind: "number",
      name: "position",
      label: "Position in the work programme",
      isRequired: true,
      min: 1,
      max: 999,
    },
  ];
}

function entryValues(values: Values, meetings: MeetingChoice[], kindBefore: string | null) {
  const meetingId = optionalId(values, "meeting");
  const meeting = meetings.find((m) => m.id === meetingId);
  // A standing item says so; any other kind an import gave (a member request, a select
  // review) is kept when the item is not standing.
  const kind = flagValue(values, "standing") ? STANDING : kindBefore === STANDING ? null : kindBefore;
  return {
    municipal_year: textValue(values, "year"),
    title: textValue(values, "title"),
    meeting_id: meeting?.id ?? null,
    // The chosen meeting's date wins over a typed one: the entry follows its meeting.
    meeting_date: meeting?.date ?? optionalText(values, "meeting-date"),
    priority_score: optionalNumber(values, "score"),
    priority_band: optionalText(values, "band"),
    reason: optionalText(values, "reason"),
    responsible: optionalText(values, "responsible"),
    kind,
    position: Number(values.position),
  };
}

const newProgrammeEntryPage = formPage<ProgrammeContext & { position: number }>({
  path: "/admin/bodies/:body/work-programme/new",
  action: "edit-meeting",
  async load(db, params, today) {
    const context = await loadBody(db, params.body ?? "", today);
    if (context === null) return null;
    return { ...context, position: await nextProgrammePosition(db, context.body.id) };
  },
  resource: bodyResource,
  title: () => "Add to the work programme",
  caption: (context) => context.body.name,
  back: (context) => adminUrls.body(context.body.id),
  submit: "Add to the work programme",
  fields: (context) => entryFields(context, null),
  initial: (context) => ({
    year: yearValue(municipalYearOf(context.today).start),
    position: context.position,
  }),
  async save(w, context, { values }) {
    await w.insert("work_programme_entries", {
      authority_id: context.body.authority_id,
      body_id: context.body.id,
      ...entryValues(values, context.meetings, null),
    });
    return { location: adminUrls.body(context.body.id), notice: "added" };
  },
});

const programmeEntryPage = formPage<EntryContext>({
  path: "/admin/programme-entries/:programmeEntry",
  action: "edit-meeting",
  load: (db, params, today) => loadEntry(db, params.programmeEntry ?? "", today),
  resource: bodyResource,
  title: () => "Change the work programme entry",
  caption: (context) => `${context.body.name}: ${context.entry.title}`,
  back: (context) => adminUrls.body(context.body.id),
  submit: "Save changes",
  fields: (context) => entryFields(context, context.entry.municipal_year),
  initial: ({ entry }) => ({
    year: entry.municipal_year,
    title: entry.title,
    meeting: entry.meeting_id === null ? null : String(entry.meeting_id),
    "meeting-date": entry.meeting_id === null ? entry.meeting_date : null,
    score: entry.priority_score,
    band: entry.priority_band,
    reason: entry.reason,
    responsible: entry.responsible,
    standing: entry.kind === STANDING,
    position: entry.position,
  }),
  async save(w, context, { values }) {
    await w.update(
      "work_programme_entries",
      context.entry,
      entryValues(values, context.meetings, context.entry.kind),
    );
    return { location: adminUrls.body(context.body.id), notice: "saved" };
  },
});

/** The address of this part's page beyond those named in adminUrls. */
export const programmeEntryRemoveUrl = (id: number) => `/admin/programme-entries/${id}/remove`;

const programmeEntryRemovePage = formPage<EntryContext>({
  path: "/admin/programme-entries/:programmeEntry/remove",
  action: "edit-meeting",
  load: (db, params, today) => loadEntry(db, params.programmeEntry ?? "", today),
  resource: bodyResource,
  title: () => "Remove the topic from the work programme",
  caption: (context) => `${context.body.name}: ${context.entry.title}`,
  back: (context) => adminUrls.body(context.body.id),
  submit: "Continue",
  fields: ({ entry }) => [removalField(`“${entry.title}”`)],
  async save(w, { entry, body }, { values }) {
    if (!isRemovalConfirmed(values)) return { location: adminUrls.body(body.id), notice: "kept" };
    await w.delete("work_programme_entries", entry);
    return { location: adminUrls.body(body.id), notice: "removed" };
  },
});

function priorityText(entry: Row<"work_programme_entries">): string {
  const band = choiceText(PRIORITY_BANDS, entry.priority_band);
  if (entry.priority_score === null) return band ?? "Not scored";
  return band === null ? String(entry.priority_score) : `${entry.priority_score} (${band})`;
}

/** A linked meeting's own date, which follows it when it is re-arranged; else the planned date. */
function meetingDateText(entry: Row<"work_programme_entries">, meetings: MeetingChoice[]): string {
  const date = meetings.find((meeting) => meeting.id === entry.meeting_id)?.date ?? entry.meeting_date;
  return date === null ? "To be scheduled" : longDate(date);
}

/** The work programme on a body's page: every scrutiny body has one; other bodies show theirs
 * only when they keep one. */
export const workProgrammeSections: SectionsOf<BodyRecord> = async (record, request) => {
  const { db } = request.deps;
  const entries = await programmeOfBody(db, record.body.id);
  if (entries.length === 0 && !SCRUTINY_KINDS.has(record.body.kind)) return [];
  const meetings = await meetingChoicesOfBody(db, record.body.id);
  const mayEdit = can(request.account, "edit-meeting", bodyResource(record));
  const section: Section = {
    heading: "Work programme",
    table: {
      caption: `Work programme of ${record.body.name}`,
      head: [
        { text: "Meeting" },
        { text: "Topic" },
        { text: "Priority" },
        { text: "Responsible" },
        ...(mayEdit ? [{ text: "Action" }] : []),
      ],
      rows: entries.map((entry) => [
        { text: meetingDateText(entry, meetings) },
        mayEdit ? linkHtml(adminUrls.programmeEntry(entry.id), entry.title) : { text: entry.title },
        { text: priorityText(entry) },
        { text: entry.responsible ?? "" },
        ...(mayEdit ? [removeLink(programmeEntryRemoveUrl(entry.id), entry.title)] : []),
      ]),
      empty: "The work programme is empty.",
    },
    ...(mayEdit
      ? { links: [{ href: adminUrls.newProgrammeEntry(record.body.id), text: "Add to the work programme" }] }
      : {}),
  };
  return [section];
};

export const WORK_PROGRAMME_PAGES = [newProgrammeEntryPage, programmeEntryPage, programmeEntryRemovePage];
