import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import type { MeetingSummary } from "./meetings.js";
import { publicItem, publicMeeting } from "./visibility.js";

// Public meetings for the calendar, the iCalendar files and the meeting feeds. A meeting appears
// once its agenda is published (the visibility rule), whether it is ahead or past, held or
// cancelled; a cancelled meeting stays listed so that calendars can show it as cancelled.

export type CalendarMeeting = MeetingSummary & {
  id: number;
  venue: string | null;
  agendaPublishedOn: string | null;
};

export type CalendarQuery = {
  /** on or after this date (YYYY-MM-DD) */
  from?: string;
  /** before this date (YYYY-MM-DD) */
  before?: string;
  authorityId?: number;
  bodyIds?: number[];
  /** meetings of the bodies this person is a member of */
  memberId?: number;
  /** one meeting, by its authority's slug and its own */
  meeting?: { authority: string; slug: string };
  order: "earliest-first" | "latest-first";
  limit?: number;
};

export async function listCalendarMeetings(db: Db, q: CalendarQuery): Promise<CalendarMeeting[]> {
  const direction = q.order === "earliest-first" ? "asc" : "desc";
  let query = db
    .selectFrom("meetings as m")
    .innerJoin("authorities as a", "a.id", "m.authority_id")
    .innerJoin("bodies as b", "b.id", "m.body_id")
    .select([
      "m.id",
      "m.slug",
      "m.date",
      "m.start_time",
      "m.end_time",
      "m.status",
      "m.venue",
      "m.agenda_published_on",
      "a.name as authority_name",
      "a.slug as authority_slug",
      "b.name as body_name",
      "b.slug as body_slug",
    ])
    .where(publicMeeting("m"));
  if (q.from !== undefined) query = query.where("m.date", ">=", q.from);
  if (q.before !== undefined) query = query.where("m.date", "<", q.before);
  if (q.authorityId !== undefined) query = query.where("m.authority_id", "=", q.authorityId);
  if (q.bodyIds !== undefined) query = query.where("m.body_id", "in", q.bodyIds.length ? q.bodyIds : [-1]);
  if (q.meeting !== undefined) {
    query = query.where("a.slug", "=", q.meeting.authority).where("m.slug", "=", q.meeting.slug);
  }
  if (q.memberId !== undefined) {
    const memberId = q.memberId;
    query = query.where("m.body_id", "in", (eb) =>
      eb.selectFrom("memberships").select("body_id").where("person_id", "=", memberId),
    );
  }
  let ordered = query
    .orderBy("m.date", direction)
    // The engines sort a missing time differently (SQLite first, PostgreSQL last); say which.
    .orderBy(sql`coalesce(m.start_time, '')`, direction)
    .orderBy("m.id", direction);
  if (q.limit !== undefined) ordered = ordered.limit(q.limit);
  const rows = await ordered.execute();
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    status: row.status,
    venue: row.venue,
    agendaPublishedOn: row.agenda_published_on,
    authority: { name: row.authority_name, slug: row.authority_slug },
    body: { name: row.body_name, slug: row.body_slug },
  }));
}

/** The printed numbers and titles of each meeting's public agenda items, in agenda order. Part II
 * items are left out altogether: their titles may carry exempt information. */
export async function publicAgendaTitles(db: Db, meetingIds: number[]): Promise<Map<number, string[]>> {
  const titles = new Map<number, string[]>();
  if (meetingIds.length === 0) return titles;
  const rows = await db
    .selectFrom("agenda_items as i")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .select(["i.meeting_id", "i.number", "i.title"])
    .where("i.meeting_id", "in", meetingIds)
    .where(publicItem("i", "m"))
    .orderBy("i.meeting_id")
    .orderBy("i.position")
    .execute();
  for (const row of rows) {
    const list = titles.get(row.meeting_id) ?? [];
    list.push(`${row.number}. ${row.title}`);
    titles.set(row.meeting_id, list);
  }
  return titles;
}
