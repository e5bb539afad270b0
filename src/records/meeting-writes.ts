import type { BundleMeeting, MinutesStatus } from "../domain/bundle.js";
import type { Writer } from "./writer.js";
import { uniqueSlug } from "./slugs.js";

/** A meeting is known by its body and date, and by its start time where a body meets twice in a day. */
async function findMeeting(w: Writer, bodyId: number, date: string, start: string | undefined) {
  const sameDay = await w.trx
    .selectFrom("meetings")
    .select(["id", "start_time", "minutes_status"])
    .where("body_id", "=", bodyId)
    .where("date", "=", date)
    .orderBy("id")
    .execute();
  return sameDay.find((m) => start === undefined || m.start_time === null || m.start_time === start);
}

/** A bundle meeting carries minutes when it records what happened: minute text, resolutions,
 * declarations or attendance. */
function carriesMinutes(m: BundleMeeting): boolean {
  return (
    m.attendance.length > 0 ||
    m.items.some((i) => Boolean(i.minutes) || i.resolutions.length > 0 || i.declarations.length > 0)
  );
}

/** The minutes status to store. Minutes a bundle carries without a status were published where it
 * was read from (imported history, the demo), so they are at least draft: an unstated status
 * never hides them, and never demotes approved minutes. A stated status is stored as stated. */
function minutesStatusToStore(m: BundleMeeting, stored: string | undefined): MinutesStatus | undefined {
  if (m.minutesStatus !== undefined) return m.minutesStatus;
  if (!carriesMinutes(m)) return undefined;
  return stored === undefined || stored === "none" ? "draft" : undefined;
}

export async function saveMeeting(
  w: Writer,
  f: { authorityId: number; bodyId: number; meeting: BundleMeeting },
): Promise<{ id: number; changed: boolean }> {
  const m = f.meeting;
  // Published when the bundle says so or gives the date it was; unsaid, the stored state stands.
  const published = m.published ?? (m.agendaPublished !== undefined ? true : undefined);
  const existing = await findMeeting(w, f.bodyId, m.date, m.start);
  const values = {
    start_time: m.start,
    end_time: m.end,
    venue: m.venue,
    contact: m.contact,
    status: m.status,
    webcast_url: m.webcast,
    agenda_published_on: m.agendaPublished,
    minutes_status: minutesStatusToStore(m, existing?.minutes_status),
    is_agenda_published: published,
  };
  if (existing) return w.upsert("meetings", { id: existing.id }, values);
  const body = await w.trx
    .selectFrom("bodies")
    .select("slug")
    .where("id", "=", f.bodyId)
    .executeTakeFirstOrThrow();
  const base = `${m.date}-${body.slug}`;
  const slug = await uniqueSlug(w.trx, "meetings", base, f.authorityId);
  const id = await w.insert("meetings", {
    ...values,
    authority_id: f.authorityId,
    body_id: f.bodyId,
    slug,
    date: m.date,
    is_agenda_published: published ?? false,
  });
  return { id, changed: true };
}

export async function saveAttendance(
  w: Writer,
  a: {
    authorityId: number;
    meetingId: number;
    personId: number;
    status: string;
    role?: string;
    substituteForId?: number;
  },
) {
  return w.upsert(
    "attendances",
    { meeting_id: a.meetingId, person_id: a.personId },
    {
      authority_id: a.authorityId,
      status: a.status,
      role: a.role,
      substitute_for_person_id: a.substituteForId,
    },
  );
}

export async function findMeetingItem(
  w: Writer,
  bodyId: number,
  date: string,
  number: string,
): Promise<number | undefined> {
  const item = await w.trx
    .selectFrom("agenda_items as i")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .select("i.id")
    .where("m.body_id", "=", bodyId)
    .where("m.date", "=", date)
    .where("i.number", "=", number)
    .executeTakeFirst();
  return item?.id;
}
