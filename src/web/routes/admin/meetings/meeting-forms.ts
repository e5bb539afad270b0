import type { Db } from "../../../../db/connect.js";
import type { Row } from "../../../../db/schema.js";
import { isBankHoliday } from "../../../../domain/calendar.js";
import { expandSchedule, scheduleProblem, type Repeat } from "../../../../domain/schedule.js";
import { bodyResource, findBodyRecord, type BodyRecord } from "../../../../records/admin/authorities.js";
import { meetingsOfBody, nationOf, type MeetingRecord } from "../../../../records/admin/meetings.js";
import { uniqueSlug } from "../../../../records/slugs.js";
import type { Writer } from "../../../../records/writer.js";
import { longDate } from "../../../format.js";
import { optionalText, textValue, type Field, type Values } from "../../../forms/fields.js";
import { adminUrls } from "../admin-urls.js";
import { formPage, type AdminPage, type Params } from "../pages.js";
import { errorIf, loadMeeting, meetingName, meetingResource, reindexMeeting } from "./shared.js";

// Adding meetings, singly or a municipal year at a time; changing, re-arranging and cancelling
// one. A meeting whose agenda is published is public: a change to it asks for a reason, which is
// published with it, and the meeting as it was is kept as a version.

type BodyContext = BodyRecord & { meetings: Row<"meetings">[] };

async function loadBody(db: Db, params: Params): Promise<BodyContext | null> {
  const record = await findBodyRecord(db, Number(params.body));
  return record === null ? null : { ...record, meetings: await meetingsOfBody(db, record.body.id) };
}

const DATE: Field = {
  kind: "date",
  name: "date",
  label: "Date",
  hint: "For example, 27 3 2026",
  isRequired: true,
};
const START: Field = {
  kind: "time",
  name: "start",
  label: "Start time",
  hint: "For example, 10am or 14:30",
  isRequired: true,
};
const END: Field = { kind: "time", name: "end", label: "End time (optional)", hint: "If it is known" };
const VENUE: Field = { kind: "text", name: "venue", label: "Venue", maxLength: 200 };
const CONTACT: Field = {
  kind: "text",
  name: "contact",
  label: "Contact",
  hint: "Who to ask about the meeting: a name, email address or phone number",
  maxLength: 200,
};

function checkTimes(values: Values): Record<string, string> {
  const start = optionalText(values, "start");
  const end = optionalText(values, "end");
  if (start !== null && end !== null && end <= start) return { end: "End time must be after the start time" };
  return {};
}

function clash(meetings: Row<"meetings">[], values: Values, except?: number): Record<string, string> {
  const date = optionalText(values, "date");
  const start = optionalText(values, "start");
  const same = meetings.find((m) => m.id !== except && m.date === date && m.start_time === start);
  return same === undefined ? {} : { date: "The body already meets on this date at this time" };
}

async function addMeeting(
  w: Writer,
  record: BodyRecord,
  facts: { date: string; start: string; end: string | null; venue: string | null; contact: string | null },
): Promise<number> {
  const { body } = record;
  // Named as the loader names an imported meeting (meeting-writes.ts), so the two agree.
  const slug = await uniqueSlug(w.trx, "meetings", `${facts.date}-${body.slug}`, body.authority_id);
  return w.insert("meetings", {
    authority_id: body.authority_id,
    body_id: body.id,
    slug,
    date: facts.date,
    start_time: facts.start,
    end_time: facts.end,
    venue: facts.venue,
    contact: facts.contact,
    status: "scheduled",
    is_agenda_published: false,
  });
}

const newMeetingPage = formPage<BodyContext>({
  path: "/admin/bodies/:body/meetings/new",
  action: "edit-meeting",
  load: loadBody,
  resource: bodyResource,
  title: () => "Add a meeting",
  caption: ({ body }) => body.name,
  back: ({ body }) => adminUrls.body(body.id),
  submit: "Add meeting",
  fields: () => [DATE, START, END, VENUE, CONTACT],
  check: (values, { meetings }) => ({ ...checkTimes(values), ...clash(meetings, values) }),
  async save(w, record, { values }) {
    const id = await addMeeting(w, record, {
      date: textValue(values, "date"),
      start: textValue(values, "start"),
      end: optionalText(values, "end"),
      venue: optionalText(values, "venue"),
      contact: optionalText(values, "contact"),
    });
    return { location: adminUrls.meeting(id), notice: "added" };
  },
});

const REPEATS: { value: string; text: string; repeat: Repeat }[] = [
  { value: "weekly", text: "Every week", repeat: { kind: "weekly", everyWeeks: 1 } },
  { value: "fortnightly", text: "Every 2 weeks", repeat: { kind: "weekly", everyWeeks: 2 } },
  { value: "3-weeks", text: "Every 3 weeks", repeat: { kind: "weekly", everyWeeks: 3 } },
  { value: "4-weeks", text: "Every 4 weeks", repeat: { kind: "weekly", everyWeeks: 4 } },
  { value: "6-weeks", text: "Every 6 weeks", repeat: { kind: "weekly", everyWeeks: 6 } },
  { value: "8-weeks", text: "Every 8 weeks", repeat: { kind: "weekly", everyWeeks: 8 } },
  {
    value: "monthly",
    text: "Monthly, on the same weekday of the month as the first meeting (for example, the second Tuesday)",
    repeat: { kind: "monthly" },
  },
];

function scheduleOf(values: Values, record: BodyRecord) {
  const chosen = REPEATS.find((option) => option.value === textValue(values, "repeat"));
  return expandSchedule({
    first: textValue(values, "first"),
    until: textValue(values, "until"),
    repeat: chosen?.repeat ?? { kind: "monthly" },
    nation: nationOf(record.authority),
  });
}

const schedulePage = formPage<BodyContext>({
  path: "/admin/bodies/:body/schedule",
  action: "edit-meeting",
  load: loadBody,
  resource: bodyResource,
  title: () => "Schedule a year of meetings",
  caption: ({ body }) => body.name,
  back: ({ body }) => adminUrls.body(body.id),
  submit: "Add the meetings",
  notes: ({ authority }) => [
    {
      text: `Bank holidays in ${authority.name}'s nation are skipped, and so are dates on which the body already meets. You will be told which dates were left out.`,
    },
  ],
  fields: () => [
    {
      kind: "date",
      name: "first",
      label: "Date of the first meeting",
      hint: "For example, 19 5 2026",
      isRequired: true,
    },
    {
      kind: "radios",
      name: "repeat",
      label: "How often it meets",
      hint: "Every few weeks on the first meeting's weekday, or monthly",
      isRequired: true,
      options: REPEATS.map(({ value, text }) => ({ value, text })),
    },
    {
      kind: "date",
      name: "until",
      label: "Date of the last meeting",
      hint: "No more than a year after the first, for example 27 4 2027",
      isRequired: true,
    },
    START,
    VENUE,
  ],
  check(values) {
    const problem = scheduleProblem(textValue(values, "first"), textValue(values, "until"));
    return errorIf(problem !== null, "until", problem ?? "");
  },
  async save(w, record, { values }) {
    const { dates, skipped } = scheduleOf(values, record);
    const taken = new Set(record.meetings.map((meeting) => meeting.date));
    const start = textValue(values, "start");
    const venue = optionalText(values, "venue");
    for (const date of dates.filter((d) => !taken.has(d))) {
      await addMeeting(w, record, { date, start, end: null, venue, contact: null });
    }
    const left = [...skipped, ...dates.filter((d) => taken.has(d))].sort();
    const query = left.length === 0 ? "" : `?skipped=${left.join(",")}`;
    return { location: `${adminUrls.body(record.body.id)}${query}`, notice: "scheduled" };
  },
});

/** The dates a schedule left out, from the address the schedule form sent the officer to. */
export function skippedDates(query: Params, record: BodyRecord): string[] {
  const dates = (query.skipped ?? "").split(",").filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date));
  const nation = nationOf(record.authority);
  return dates.map(
    (date) =>
      `${longDate(date)} (${isBankHoliday(date, nation) ? "bank holiday" : "the body already meets"})`,
  );
}

function meetingAmends({ meeting }: MeetingRecord) {
  return meeting.is_agenda_published ? { table: "meetings" as const, before: meeting } : null;
}

const meetingEditPage = formPage<MeetingRecord>({
  path: "/admin/meetings/:meeting/edit",
  action: "edit-meeting",
  load: loadMeeting,
  resource: meetingResource,
  title: () => "Change the meeting's details",
  caption: meetingName,
  back: ({ meeting }) => adminUrls.meeting(meeting.id),
  submit: "Save changes",
  fields: () => [START, END, VENUE, CONTACT],
  initial: ({ meeting }) => ({
    start: meeting.start_time,
    end: meeting.end_time,
    venue: meeting.venue,
    contact: meeting.contact,
  }),
  check: checkTimes,
  amends: meetingAmends,
  async save(w, { meeting }, { values }) {
    await w.update("meetings", meeting, {
      start_time: textValue(values, "start"),
      end_time: optionalText(values, "end"),
      venue: optionalText(values, "venue"),
      contact: optionalText(values, "contact"),
    });
    await reindexMeeting(w, meeting.id);
    return { location: adminUrls.meeting(meeting.id), notice: "saved" };
  },
});

type RearrangeContext = MeetingRecord & { meetings: Row<"meetings">[] };

const rearrangePage = formPage<RearrangeContext>({
  path: "/admin/meetings/:meeting/rearrange",
  action: "edit-meeting",
  async load(db, params) {
    const record = await loadMeeting(db, params);
    return record === null ? null : { ...record, meetings: await meetingsOfBody(db, record.body.id) };
  },
  resource: meetingResource,
  title: () => "Re-arrange the meeting",
  caption: meetingName,
  back: ({ meeting }) => adminUrls.meeting(meeting.id),
  submit: "Re-arrange meeting",
  notes: ({ meeting }) =>
    meeting.is_agenda_published
      ? [
          {
            text: "The agenda is published: check the new date still gives the clear days' notice the rules require.",
          },
        ]
      : [],
  fields: () => [{ ...DATE, label: "New date" }, { ...START, label: "New start time" }, END],
  initial: ({ meeting }) => ({ date: meeting.date, start: meeting.start_time, end: meeting.end_time }),
  check: (values, { meetings, meeting }) => ({
    ...checkTimes(values),
    ...clash(meetings, values, meeting.id),
  }),
  amends: meetingAmends,
  asksDraftReason: true,
  async save(w, { meeting }, { values }) {
    await w.update("meetings", meeting, {
      date: textValue(values, "date"),
      start_time: textValue(values, "start"),
      end_time: optionalText(values, "end"),
      status: "scheduled",
    });
    await reindexMeeting(w, meeting.id);
    return { location: adminUrls.meeting(meeting.id), notice: "saved" };
  },
});

const cancelPage = formPage<MeetingRecord>({
  path: "/admin/meetings/:meeting/cancel",
  action: "edit-meeting",
  load: loadMeeting,
  resource: meetingResource,
  title: () => "Cancel the meeting",
  caption: meetingName,
  back: ({ meeting }) => adminUrls.meeting(meeting.id),
  submit: "Cancel meeting",
  notes: () => [
    {
      text: "The meeting stays on the record, marked as cancelled; its agenda and papers are kept.",
      isWarning: true,
    },
  ],
  fields: () => [],
  amends: meetingAmends,
  asksDraftReason: true,
  async save(w, { meeting }) {
    await w.update("meetings", meeting, { status: "cancelled" });
    await reindexMeeting(w, meeting.id);
    return { location: adminUrls.meeting(meeting.id), notice: "cancelled" };
  },
});

export const MEETING_FORM_PAGES: AdminPage[] = [
  newMeetingPage,
  schedulePage,
  meetingEditPage,
  rearrangePage,
  cancelPage,
];
