import { sql } from "kysely";
import type { Db } from "../../db/connect.js";
import type { Row } from "../../db/schema.js";
import { findAuthorityRow, findBodyRecord, type BodyRecord } from "./authorities.js";

// Reads for the back office's forward plan and work programmes. Unlike the public reads, these
// include exempt notices: the route has already asked the policy whether the account may see them.

export type PlanEntryRecord = { entry: Row<"forward_plan_entries">; authority: Row<"authorities"> };

/** An authority's notices of key decisions, the soonest expected first and undated ones last. */
export async function planEntriesOfAuthority(
  db: Db,
  authorityId: number,
): Promise<Row<"forward_plan_entries">[]> {
  return (
    db
      .selectFrom("forward_plan_entries")
      .selectAll()
      .where("authority_id", "=", authorityId)
      // Undated entries last on both engines, which otherwise sort nulls differently.
      .orderBy(sql`coalesce(expected_date, '9999-12-31')`)
      .orderBy("reference")
      .execute()
  );
}

export async function findPlanEntry(db: Db, id: number): Promise<PlanEntryRecord | null> {
  const entry = await db
    .selectFrom("forward_plan_entries")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!entry) return null;
  const authority = await findAuthorityRow(db, entry.authority_id);
  return authority === null ? null : { entry, authority };
}

/** Whether another of the authority's notices already has this reference. */
export async function isPlanReferenceTaken(
  db: Db,
  authorityId: number,
  reference: string,
  exceptId: number | null,
): Promise<boolean> {
  let query = db
    .selectFrom("forward_plan_entries")
    .select("id")
    .where("authority_id", "=", authorityId)
    .where("reference", "=", reference);
  if (exceptId !== null) query = query.where("id", "!=", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export type ItemChoice = { id: number; number: string; title: string; date: string; bodyName: string };

/** The agenda items of the authority's meetings, newest meeting first: a notice's decision is
 * taken at one of them. */
export async function itemChoicesOfAuthority(db: Db, authorityId: number): Promise<ItemChoice[]> {
  return db
    .selectFrom("agenda_items as i")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .innerJoin("bodies as b", "b.id", "m.body_id")
    .select(["i.id", "i.number", "i.title", "m.date", "b.name as bodyName"])
    .where("m.authority_id", "=", authorityId)
    .orderBy("m.date", "desc")
    .orderBy("m.id")
    .orderBy("i.position")
    .execute();
}

export type ProgrammeEntryRecord = BodyRecord & { entry: Row<"work_programme_entries"> };

/** A body's work programme in its order. */
export async function programmeOfBody(db: Db, bodyId: number): Promise<Row<"work_programme_entries">[]> {
  return db
    .selectFrom("work_programme_entries")
    .selectAll()
    .where("body_id", "=", bodyId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export async function findProgrammeEntry(db: Db, id: number): Promise<ProgrammeEntryRecord | null> {
  const entry = await db
    .selectFrom("work_programme_entries")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!entry) return null;
  const body = await findBodyRecord(db, entry.body_id);
  return body === null ? null : { ...body, entry };
}

/** The next position at the end of a body's work programme. */
export async function nextProgrammePosition(db: Db, bodyId: number): Promise<number> {
  const last = await db
    .selectFrom("work_programme_entries")
    .select((eb) => eb.fn.max("position").as("position"))
    .where("body_id", "=", bodyId)
    .executeTakeFirst();
  return Number(last?.position ?? 0) + 1;
}

export type MeetingChoice = { id: number; date: string; status: string };

/** A body's meetings, newest first: a work-programme entry is planned for one of them. */
export async function meetingChoicesOfBody(db: Db, bodyId: number): Promise<MeetingChoice[]> {
  return db
    .selectFrom("meetings")
    .select(["id", "date", "status"])
    .where("body_id", "=", bodyId)
    .orderBy("date", "desc")
    .orderBy("id")
    .execute();
}
