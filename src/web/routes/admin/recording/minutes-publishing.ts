import type { Db } from "../../../../db/connect.js";
import type { Row } from "../../../../db/schema.js";
import { longDate } from "../../../../domain/wording.js";
import { textValue } from "../../../forms/fields.js";
import { adminUrls } from "../admin-urls.js";
import type { Section } from "../overview.js";
import { formPage, type Note, type Params, type ViewRequest } from "../pages.js";
import {
  itemName,
  linksFor,
  loadItem,
  loadMeeting,
  may,
  meetingName,
  reindexMeeting,
  resourceOf,
} from "./shared.js";
import type { ItemRecord, MeetingRecord } from "../../../../records/admin/recording.js";

// Publishing minutes: recorded minutes become draft minutes the public can read, labelled as not
// yet approved; a later meeting of the body approves them at its "minutes" item, which links the
// two meetings. The public sees minutes only of a meeting whose agenda is published (visibility).

const MINUTES_STATUS_TEXT: Record<string, string> = {
  none: "Not published",
  draft: "Published as draft: not yet approved",
  approved: "Approved",
};

function publishNotes(record: MeetingRecord): Note[] {
  const notes: Note[] = [
    {
      text: "The minutes will be published as draft minutes, labelled as not yet approved, until a later meeting of the body approves them.",
    },
  ];
  if (!record.meeting.is_agenda_published)
    notes.push({
      text: "The agenda of this meeting is not published, so nothing of it is public: the minutes will not be public until the agenda is published.",
      isWarning: true,
    });
  return notes;
}

const publishMinutesPage = formPage<MeetingRecord>({
  path: "/admin/meetings/:meeting/publish-minutes",
  action: "publish-minutes",
  // Minutes already published have no "publish" form: they move on only by approval.
  load: async (db, params) => {
    const record = await loadMeeting(db, params);
    return record === null || record.meeting.minutes_status !== "none" ? null : record;
  },
  resource: resourceOf,
  title: () => "Publish draft minutes",
  caption: meetingName,
  back: (context) => adminUrls.meeting(context.meeting.id),
  submit: "Publish draft minutes",
  notes: publishNotes,
  fields: () => [],
  async save(w, context) {
    await w.update("meetings", context.meeting, { minutes_status: "draft" });
    await reindexMeeting(w, context.meeting.id);
    return { location: adminUrls.meeting(context.meeting.id), notice: "published" };
  },
});

type ApprovalContext = ItemRecord & { earlier: Row<"meetings">[] };

/** Earlier meetings of the body whose minutes are published as drafts: what a minutes item may
 * approve. */
async function draftsBefore(db: Db, record: ItemRecord): Promise<Row<"meetings">[]> {
  return db
    .selectFrom("meetings")
    .selectAll()
    .where("body_id", "=", record.body.id)
    .where("date", "<", record.meeting.date)
    .where("minutes_status", "=", "draft")
    .orderBy("date", "desc")
    .execute();
}

/** Only a "minutes" item approves minutes, and only when there are draft minutes to approve;
 * otherwise there is no such form. */
async function loadApproval(db: Db, params: Params): Promise<ApprovalContext | null> {
  const record = await loadItem(db, params);
  if (record === null || record.item.kind !== "minutes") return null;
  const earlier = await draftsBefore(db, record);
  return earlier.length === 0 ? null : { ...record, earlier };
}

const approveMinutesPage = formPage<ApprovalContext>({
  path: "/admin/items/:item/approve-minutes",
  action: "publish-minutes",
  load: loadApproval,
  resource: resourceOf,
  title: () => "Approve the minutes of an earlier meeting",
  caption: itemName,
  back: (context) => adminUrls.item(context.item.id),
  submit: "Approve the minutes",
  fields: (context) => [
    {
      kind: "radios",
      name: "meeting",
      label: "Approve the minutes of",
      isRequired: true,
      options: context.earlier.map((m) => ({ value: String(m.id), text: longDate(m.date) })),
    },
  ],
  async save(w, context, { values }) {
    const id = Number(textValue(values, "meeting"));
    const meeting = context.earlier.find((m) => m.id === id);
    if (meeting === undefined) throw new Error("The form offers only earlier meetings with draft minutes");
    await w.update("meetings", meeting, {
      minutes_status: "approved",
      minutes_approved_item_id: context.item.id,
    });
    await reindexMeeting(w, meeting.id);
    return { location: adminUrls.item(context.item.id), notice: "saved" };
  },
});

export const MINUTES_PUBLISHING_PAGES = [publishMinutesPage, approveMinutesPage];

export async function minutesPublishingSection(
  record: MeetingRecord,
  request: ViewRequest,
): Promise<Section> {
  const { meeting } = record;
  const approvedAt =
    meeting.minutes_approved_item_id === null
      ? null
      : await request.deps.db
          .selectFrom("agenda_items as i")
          .innerJoin("meetings as m", "m.id", "i.meeting_id")
          .select(["m.id", "m.date", "i.number"])
          .where("i.id", "=", meeting.minutes_approved_item_id)
          .executeTakeFirst();
  return {
    id: "minutes",
    heading: "Minutes",
    summary: [
      {
        key: { text: "Minutes" },
        value: { text: MINUTES_STATUS_TEXT[meeting.minutes_status] ?? meeting.minutes_status },
      },
      ...(approvedAt
        ? [
            {
              key: { text: "Approved at" },
              value: { text: `Item ${approvedAt.number}, meeting of ${longDate(approvedAt.date)}` },
            },
          ]
        : []),
    ],
    links: linksFor(
      request,
      record,
      "publish-minutes",
      meeting.minutes_status === "none"
        ? [{ href: adminUrls.publishMinutes(meeting.id), text: "Publish draft minutes" }]
        : [],
    ),
  };
}

/** On a "minutes" item: the minutes it approved, or the form to approve them. */
export async function approvalSection(record: ItemRecord, request: ViewRequest): Promise<Section | null> {
  if (record.item.kind !== "minutes") return null;
  const waiting = await draftsBefore(request.deps.db, record);
  const approved = await request.deps.db
    .selectFrom("meetings")
    .select(["id", "date"])
    .where("minutes_approved_item_id", "=", record.item.id)
    .execute();
  return {
    id: "approval",
    heading: "Minutes approved",
    paragraphs:
      approved.length === 0
        ? ["No minutes have been approved at this item yet."]
        : approved.map(
            (m) => `The minutes of the meeting of ${longDate(m.date)} were approved at this item.`,
          ),
    links: [
      ...approved.map((m) => ({ href: adminUrls.meeting(m.id), text: `Meeting of ${longDate(m.date)}` })),
      ...(waiting.length === 0 || !may(request, "publish-minutes", record)
        ? []
        : [
            {
              href: adminUrls.approveMinutes(record.item.id),
              text: "Approve the minutes of an earlier meeting",
            },
          ]),
    ],
  };
}
