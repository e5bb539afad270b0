import type { Db } from "../../../../db/connect.js";
import type { Row } from "../../../../db/schema.js";
import type { DayCountingMode } from "../../../../domain/calendar.js";
import {
  agendaClearDaysRequired,
  agendaPublicationDeadline,
  checkKeyDecisionNotice,
  deadlineStatus,
} from "../../../../domain/deadlines.js";
import { publishMeetingPapers } from "../../../../records/admin/documents.js";
import {
  agendaOfMeeting,
  itemRowOf,
  nationOf,
  type AgendaEntry,
  type MeetingRecord,
} from "../../../../records/admin/meetings.js";
import { longDate } from "../../../format.js";
import { optionalText, type Field } from "../../../forms/fields.js";
import { adminUrls } from "../admin-urls.js";
import { formPage, type AdminPage, type Note, type Params } from "../pages.js";
import { errorIf, loadMeeting, meetingName, meetingResource, reindexMeeting } from "./shared.js";

// Publishing a meeting's agenda and its papers. Before the button, the page says what the rules
// ask (RULES.md): the agenda open to inspection 5 clear days before the meeting in England, 3 in
// Wales and Scotland (LGA 1972 s.100B(3)); 28 clear days' notice of a key decision (2012
// Regulations reg 9); and which items are late. It warns and never blocks, but a late item must
// carry the reason it is urgent (s.100B(4)(b)), which is published with it. An agenda published
// after its deadline makes every item late, so one reason may be given for all that lack one.

type PublishContext = MeetingRecord & {
  agenda: AgendaEntry[];
  plans: Row<"forward_plan_entries">[];
  deadline: string;
  today: string;
  isLate: boolean;
};

function dayCounting(body: Row<"bodies">): DayCountingMode {
  return body.day_counting === "parish" ? "parish" : "working-days";
}

async function loadPublish(db: Db, params: Params, today: string): Promise<PublishContext | null> {
  const record = await loadMeeting(db, params);
  if (record === null) return null;
  const agenda = await agendaOfMeeting(db, record.meeting.id);
  const refs = agenda.flatMap((entry) => (entry.forward_plan_ref === null ? [] : [entry.forward_plan_ref]));
  const plans =
    refs.length === 0
      ? []
      : await db
          .selectFrom("forward_plan_entries")
          .selectAll()
          .where("authority_id", "=", record.meeting.authority_id)
          .where("reference", "in", refs)
          .execute();
  const nation = nationOf(record.authority);
  const deadline = agendaPublicationDeadline(record.meeting.date, nation, dayCounting(record.body));
  const isLate = !record.meeting.is_agenda_published && deadlineStatus(deadline, today).state === "overdue";
  return { ...record, agenda, plans, deadline, today, isLate };
}

function deadlineNote(context: PublishContext): Note {
  const { authority, deadline, today } = context;
  const required = agendaClearDaysRequired(nationOf(authority));
  const rule = `The agenda and reports must be published ${required} clear days before the meeting: by ${longDate(deadline)}.`;
  const status = deadlineStatus(deadline, today);
  if (status.state === "upcoming") {
    const days = status.daysRemaining === 1 ? "1 day" : `${status.daysRemaining} days`;
    return { text: `${rule} That is ${days} from today.` };
  }
  if (status.state === "due-today") return { text: `${rule} That is today.` };
  const days = status.daysOverdue === 1 ? "1 day" : `${status.daysOverdue} days`;
  return {
    text: `${rule} That was ${days} ago: publishing now is late, so every item is a late item and needs a reason for urgency.`,
    isWarning: true,
  };
}

function keyDecisionNotes(context: PublishContext): Note[] {
  const { agenda, plans, meeting, authority } = context;
  return agenda
    .filter((entry) => entry.is_key_decision)
    .map((entry) => {
      const plan = plans.find((candidate) => candidate.reference === entry.forward_plan_ref);
      const name = `Item ${entry.number} is a key decision`;
      if (plan === undefined || plan.first_published === null) {
        return {
          text: `${name}, and no forward plan notice of it was found: it needs the general exception or special urgency procedure.`,
          isWarning: true,
        };
      }
      const check = checkKeyDecisionNotice(plan.first_published, meeting.date, nationOf(authority));
      const given = Math.min(check.calendarClearDaysGiven, check.workingClearDaysGiven);
      return check.short
        ? {
            text: `${name}: the forward plan gave notice on ${longDate(plan.first_published)}, ${given} clear days before, short of the ${check.clearDaysRequired} required.`,
            isWarning: true,
          }
        : { text: `${name}: the forward plan gave ${check.clearDaysRequired} clear days' notice or more.` };
    });
}

function lateNotes(agenda: AgendaEntry[]): Note[] {
  return agenda
    .filter((entry) => entry.is_late)
    .map((entry) =>
      entry.urgency_reason === null
        ? { text: `Item ${entry.number} is late and has no reason for urgency yet.`, isWarning: true }
        : { text: `Item ${entry.number} is late. Reason for urgency: ${entry.urgency_reason}` },
    );
}

/** Whether publishing now needs a reason for urgency: for items late and without one. */
function needsReason({ agenda, isLate }: PublishContext): boolean {
  return agenda.some((entry) => (isLate || entry.is_late) && entry.urgency_reason === null);
}

const URGENCY: Field = {
  kind: "textarea",
  name: "urgency",
  label: "Reason for urgency",
  hint: "Why the late items must be considered at this meeting. It is published with each late item that has no reason of its own.",
  maxLength: 1000,
};

const publishAgendaPage = formPage<PublishContext>({
  path: "/admin/meetings/:meeting/publish-agenda",
  action: "publish-agenda",
  load: loadPublish,
  resource: meetingResource,
  title: ({ meeting }) => (meeting.is_agenda_published ? "The agenda is published" : "Publish the agenda"),
  caption: meetingName,
  back: ({ meeting }) => adminUrls.meeting(meeting.id),
  submit: "Publish the agenda",
  // Published once: after that, a change is made item by item, each with its reason.
  closed: ({ meeting }) =>
    meeting.is_agenda_published
      ? [
          meeting.agenda_published_on === null
            ? "The agenda has been published."
            : `The agenda was published on ${longDate(meeting.agenda_published_on)}.`,
          "To change a published item or paper, use Change on its page: the change is published with the reason you give.",
        ]
      : null,
  notes: (context) => {
    const exempt = context.agenda.filter((entry) => entry.part === "II").length;
    return [
      deadlineNote(context),
      ...keyDecisionNotes(context),
      ...lateNotes(context.agenda),
      ...(exempt > 0
        ? [{ text: `${exempt} of the items are Part II: their titles and papers are not published.` }]
        : []),
      ...(context.agenda.length === 0 ? [{ text: "The agenda has no items yet.", isWarning: true }] : []),
    ];
  },
  fields: (context) => (needsReason(context) ? [URGENCY] : []),
  check: (values, context) =>
    errorIf(
      needsReason(context) && optionalText(values, "urgency") === null,
      "urgency",
      "Enter the reason for urgency: the late items must have one",
    ),
  async save(w, context, { values }) {
    const { meeting, agenda, isLate, today } = context;
    if (meeting.is_agenda_published) return { location: adminUrls.meeting(meeting.id), notice: "published" };
    const reason = optionalText(values, "urgency");
    for (const entry of agenda) {
      const late = isLate || entry.is_late;
      await w.update("agenda_items", itemRowOf(entry), {
        is_late: late,
        urgency_reason: entry.urgency_reason ?? (late ? reason : null),
      });
    }
    await w.update("meetings", meeting, { is_agenda_published: true, agenda_published_on: today });
    const papers = await publishMeetingPapers(w, meeting.id, today);
    await reindexMeeting(w, meeting.id, papers);
    return { location: adminUrls.meeting(meeting.id), notice: "published" };
  },
});

export const PUBLISH_PAGES: AdminPage[] = [publishAgendaPage];
