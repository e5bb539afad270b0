import { sql } from "kysely";
import type { Db } from "../../db/connect.js";
import type { MinutesStatus } from "../../domain/bundle.js";
import type { MeetingSummary } from "../meetings.js";
import { publicMeeting, publicMinutes } from "../visibility.js";

// Lists of published meetings for the authority, body and home pages. Only meetings whose
// agenda is published are listed (records/visibility.ts); unpublished ones do not exist here.

export type MeetingFilter = {
  /** meetings of this authority's bodies, its joint bodies included */
  authorityId?: number;
  bodyId?: number;
  /** on or after this date (YYYY-MM-DD) */
  from?: string;
  /** before this date (YYYY-MM-DD) */
  before?: string;
  order: "earliest-first" | "latest-first";
  limit?: number;
};

export type PublishedAgenda = MeetingSummary & { agendaPublishedOn: string | null };
export type PublishedMinutes = MeetingSummary & { minutesStatus: MinutesStatus };

function baseQuery(db: Db) {
  return db
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
      "m.agenda_published_on",
      "m.minutes_status",
      "a.name as authority_name",
      "a.slug as authority_slug",
      "b.name as body_name",
      "b.slug as body_slug",
    ])
    .where(publicMeeting("m"));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>["execute"]>>[number];

function summary(row: Row): MeetingSummary {
  return {
    slug: row.slug,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    status: row.status,
    authority: { name: row.authority_name, slug: row.authority_slug },
    body: { name: row.body_name, slug: row.body_slug },
  };
}

export async function listMeetings(db: Db, filter: MeetingFilter): Promise<MeetingSummary[]> {
  const direction = filter.order === "earliest-first" ? "asc" : "desc";
  let query = baseQuery(db);
  const { authorityId, bodyId } = filter;
  if (authorityId !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb("m.authority_id", "=", authorityId),
        eb(
          "m.body_id",
          "in",
          eb.selectFrom("body_authorities").select("body_id").where("authority_id", "=", authorityId),
        ),
      ]),
    );
  }
  if (bodyId !== undefined) query = query.where("m.body_id", "=", bodyId);
  if (filter.from !== undefined) query = query.where("m.date", ">=", filter.from);
  if (filter.before !== undefined) query = query.where("m.date", "<", filter.before);
  query = query
    .orderBy("m.date", direction)
    // The engines sort a missing time differently (SQLite first, PostgreSQL last); say which.
    .orderBy(sql`coalesce(m.start_time, '')`, direction)
    .orderBy("m.id", direction);
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return (await query.execute()).map(summary);
}

/** Agendas published on or before today, the latest first: by the date of publication where it
 * is known, else by the meeting's own date. */
export async function listRecentAgendas(db: Db, today: string, limit: number): Promise<PublishedAgenda[]> {
  const rows = await baseQuery(db)
    .where(sql<boolean>`coalesce(m.agenda_published_on, m.date) <= ${today}`)
    .orderBy(sql`coalesce(m.agenda_published_on, m.date)`, "desc")
    .orderBy("m.date", "desc")
    .orderBy("m.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...summary(row), agendaPublishedOn: row.agenda_published_on }));
}

/** Meetings held by today whose minutes are published, as draft or approved. Minutes recorded
 * but not yet published do not count (records/visibility.ts). */
export async function listRecentMinutes(db: Db, today: string, limit: number): Promise<PublishedMinutes[]> {
  const rows = await baseQuery(db)
    .where("m.date", "<=", today)
    .where(publicMinutes("m"))
    .orderBy("m.date", "desc")
    .orderBy("m.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    ...summary(row),
    minutesStatus:
      row.minutes_status === "draft" || row.minutes_status === "approved" ? row.minutes_status : "none",
  }));
}
