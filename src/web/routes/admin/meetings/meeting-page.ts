import { DOCUMENT_KINDS, ITEM_KINDS, choiceText } from "../../../../domain/choices.js";
import { can } from "../../../../domain/policy.js";
import type { Row } from "../../../../db/schema.js";
import { bodyResource, type BodyRecord } from "../../../../records/admin/authorities.js";
import {
  agendaOfMeeting,
  meetingsOfBody,
  type AgendaEntry,
  type MeetingRecord,
} from "../../../../records/admin/meetings.js";
import { longDate, timeRange } from "../../../format.js";
import { adminUrls } from "../admin-urls.js";
import {
  linkHtml,
  row,
  type OverviewPage,
  type Section,
  type TableCell,
  type TaskItem,
} from "../overview.js";
import { viewPage, type SectionsOf, type ViewRequest } from "../pages.js";
import { recordingSectionsOfMeeting } from "../recording/index.js";
import { moveButtons } from "./agenda-order.js";
import { skippedDates } from "./meeting-forms.js";
import { NOT_FOUND, canSee, loadMeeting, meetingName, meetingResource, partText } from "./shared.js";

// A meeting's page in the back office, in the GOV.UK task list pattern: its details, its agenda
// in order, and the tasks that take it to a published agenda; then the sections of the part that
// records the meeting. The body's page lists its meetings.

export function meetingStatus(meeting: Row<"meetings">): string {
  if (meeting.status === "cancelled") return "Cancelled";
  if (meeting.is_agenda_published) return "Agenda published";
  return "Draft";
}

const RECENT_MEETINGS = 10;

export const meetingSectionsOfBody: SectionsOf<BodyRecord> = async (record, request) => {
  const resource = bodyResource(record);
  const mayReadDrafts = can(request.account, "read-draft", resource);
  const meetings = (await meetingsOfBody(request.deps.db, record.body.id)).filter(
    (meeting) => mayReadDrafts || meeting.is_agenda_published,
  );
  const upcoming = meetings.filter((meeting) => meeting.date >= request.today).reverse();
  const recent = meetings.filter((meeting) => meeting.date < request.today).slice(0, RECENT_MEETINGS);
  const skipped = skippedDates(request.query, record);
  const table = (caption: string, rows: Row<"meetings">[], empty: string) => ({
    caption,
    head: [{ text: "Date" }, { text: "Time" }, { text: "Status" }],
    rows: rows.map((meeting): TableCell[] => [
      linkHtml(adminUrls.meeting(meeting.id), longDate(meeting.date)),
      { text: timeRange(meeting.start_time, meeting.end_time) ?? "" },
      { text: meetingStatus(meeting) },
    ]),
    empty,
  });
  return [
    {
      id: "meetings",
      heading: "Meetings",
      ...(skipped.length > 0
        ? { inset: `These dates were left out of the schedule: ${skipped.join("; ")}.` }
        : {}),
      table: table(`Upcoming meetings of ${record.body.name}`, upcoming, "There are no upcoming meetings."),
      ...(can(request.account, "edit-meeting", resource)
        ? {
            links: [
              { href: adminUrls.newMeeting(record.body.id), text: "Add a meeting" },
              { href: adminUrls.schedule(record.body.id), text: "Schedule a year of meetings" },
            ],
          }
        : {}),
    },
    {
      heading: "Recent meetings",
      table: table(`Recent meetings of ${record.body.name}`, recent, "There are no earlier meetings."),
    },
  ];
};

function flags(entry: AgendaEntry): string {
  return [...(entry.is_late ? ["Late item"] : []), ...(entry.is_key_decision ? ["Key decision"] : [])].join(
    ", ",
  );
}

/** One agenda line; a Part II item is its number alone for those who may not read it. */
function agendaRow(entry: AgendaEntry, mayReadExempt: boolean): TableCell[] {
  if (entry.part === "II" && !mayReadExempt) {
    return [
      { text: entry.number },
      { text: "Exempt item (Part II)" },
      { text: "" },
      { text: "Part II" },
      { text: "" },
      { text: "" },
    ];
  }
  const papers = entry.documents.filter((document) => document.part !== "II" || mayReadExempt);
  return [
    { text: entry.number },
    linkHtml(adminUrls.item(entry.id), entry.title),
    { text: choiceText(ITEM_KINDS, entry.kind) ?? "" },
    { text: partText(entry.part, entry.exempt_paragraph) },
    { text: flags(entry) },
    {
      text:
        papers.length === 0
          ? "None"
          : papers
              .map((paper) => `${paper.title} (${choiceText(DOCUMENT_KINDS, paper.kind) ?? paper.kind})`)
              .join("; "),
    },
  ];
}

function tasks(record: MeetingRecord, agenda: AgendaEntry[], request: ViewRequest): TaskItem[] {
  const { meeting } = record;
  const resource = meetingResource(record);
  const papers = agenda.reduce((count, entry) => count + entry.documents.length, 0);
  const done = (text: string) => ({ text });
  const todo = (text: string) => ({ tag: { text, classes: "govuk-tag--blue" } });
  const mayEdit = can(request.account, "edit-meeting", resource);
  const items: TaskItem[] = [
    {
      title: { text: "Add agenda items" },
      ...(mayEdit ? { href: adminUrls.newItem(meeting.id) } : {}),
      status: agenda.length === 0 ? todo("Not started") : done(`${agenda.length} items`),
    },
    {
      title: { text: "Upload reports and other documents" },
      hint: { text: "From each item's page" },
      status: papers === 0 ? todo("None yet") : done(`${papers} documents`),
    },
  ];
  if (can(request.account, "publish-agenda", resource)) {
    items.push({
      title: { text: "Publish the agenda" },
      ...(meeting.is_agenda_published ? {} : { href: adminUrls.publishAgenda(meeting.id) }),
      hint: { text: "Check the deadlines, then publish the agenda and its papers" },
      status: meeting.is_agenda_published ? done("Published") : todo("Not yet"),
    });
  }
  return items;
}

function details(record: MeetingRecord, request: ViewRequest): Section {
  const { meeting } = record;
  const mayEdit = can(request.account, "edit-meeting", meetingResource(record));
  const change = (href: string, hidden: string) =>
    mayEdit ? { href, text: "Change", visuallyHiddenText: hidden } : undefined;
  return {
    summary: [
      row("Date", longDate(meeting.date), change(adminUrls.meetingRearrange(meeting.id), "the date")),
      row(
        "Time",
        timeRange(meeting.start_time, meeting.end_time),
        change(adminUrls.meetingEdit(meeting.id), "the time"),
      ),
      row("Venue", meeting.venue, change(adminUrls.meetingEdit(meeting.id), "the venue")),
      row("Contact", meeting.contact, change(adminUrls.meetingEdit(meeting.id), "the contact")),
      row(
        "Status",
        meeting.is_agenda_published && meeting.agenda_published_on !== null
          ? `${meetingStatus(meeting)} on ${longDate(meeting.agenda_published_on)}`
          : meetingStatus(meeting),
      ),
    ],
    ...(mayEdit
      ? {
          links: [
            {
              href: adminUrls.meetingRearrange(meeting.id),
              text: "Re-arrange the meeting (new date or time)",
            },
            ...(meeting.status === "cancelled"
              ? []
              : [{ href: adminUrls.meetingCancel(meeting.id), text: "Cancel the meeting" }]),
          ],
        }
      : {}),
  };
}

const meetingPage = viewPage<MeetingRecord>({
  path: "/admin/meetings/:meeting",
  action: "read-records",
  load: loadMeeting,
  resource: meetingResource,
  hidesRefusal: ({ meeting }) => !meeting.is_agenda_published,
  async render(record, request) {
    const { meeting, body } = record;
    if (!canSee(request.account, record, { part: "I", isPublished: meeting.is_agenda_published })) {
      return NOT_FOUND;
    }
    const agenda = await agendaOfMeeting(request.deps.db, meeting.id);
    const mayReadExempt = can(request.account, "read-exempt", meetingResource(record));
    const mayEdit = can(request.account, "edit-meeting", meetingResource(record));
    const page: OverviewPage = {
      pageTitle: meetingName(record),
      title: longDate(meeting.date),
      caption: body.name,
      back: adminUrls.body(body.id),
      notice: request.notice,
      csrfToken: request.csrfToken,
      sections: [
        details(record, request),
        {
          heading: "Agenda",
          table: {
            caption: `Agenda of ${meetingName(record)}`,
            head: [
              { text: "Number" },
              { text: "Title" },
              { text: "Kind" },
              { text: "Part" },
              { text: "Notes" },
              { text: "Documents" },
              ...(mayEdit ? [{ text: "Order" }] : []),
            ],
            rows: agenda.map((entry, index) => [
              ...agendaRow(entry, mayReadExempt),
              ...(mayEdit ? [{ buttons: moveButtons(entry, index + 1, agenda.length) }] : []),
            ]),
            empty: "There are no agenda items yet.",
          },
        },
        { id: "tasks", heading: "Getting the agenda ready", tasks: tasks(record, agenda, request) },
        ...(await recordingSectionsOfMeeting(meeting.id, request)),
      ],
    };
    return { template: "admin/overview.njk", page };
  },
});

export const MEETING_VIEW_PAGES = [meetingPage];
