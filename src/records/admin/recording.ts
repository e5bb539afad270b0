import type { Db } from "../../db/connect.js";
import type { Row } from "../../db/schema.js";
import { bodyResource } from "./authorities.js";
import { findItemRecord, findMeetingRecord, type ItemRecord, type MeetingRecord } from "./meetings.js";

// Reads for recording a meeting in the back office: the meeting, item, resolution, condition,
// action and declaration each with the body and authority they belong to, so that the policy
// can be asked about the body's records. Unlike the public reads, these include Part II items
// and unpublished minutes: the route has already asked the policy.

export type { ItemRecord, MeetingRecord };
export { findItemRecord, findMeetingRecord };

export type ResolutionRecord = ItemRecord & { resolution: Row<"resolutions"> };

/** The policy's resource for anything recorded at a meeting: the body's records. */
export const meetingResource = (record: MeetingRecord) => bodyResource(record);

export async function findResolutionRecord(db: Db, resolutionId: number): Promise<ResolutionRecord | null> {
  const resolution = await db
    .selectFrom("resolutions")
    .selectAll()
    .where("id", "=", resolutionId)
    .executeTakeFirst();
  if (!resolution) return null;
  const record = await findItemRecord(db, resolution.item_id);
  return record === null ? null : { ...record, resolution };
}

/** A row hanging from a resolution (a condition or an action), with the resolution's record. */
export async function findUnderResolution<T extends { resolution_id: number }>(
  db: Db,
  row: T | undefined,
): Promise<(ResolutionRecord & { row: T }) | null> {
  if (!row) return null;
  const record = await findResolutionRecord(db, row.resolution_id);
  return record === null ? null : { ...record, row };
}

export const findCondition = async (db: Db, id: number) =>
  findUnderResolution(
    db,
    await db.selectFrom("conditions").selectAll().where("id", "=", id).executeTakeFirst(),
  );

export const findAction = async (db: Db, id: number) =>
  findUnderResolution(db, await db.selectFrom("actions").selectAll().where("id", "=", id).executeTakeFirst());

export async function findDeclaration(db: Db, id: number) {
  const declaration = await db.selectFrom("declarations").selectAll().where("id", "=", id).executeTakeFirst();
  if (!declaration) return null;
  const record = await findItemRecord(db, declaration.item_id);
  return record === null ? null : { ...record, declaration };
}

export type PersonOption = { id: number; name: string; honorific: string | null };

/** The body's members on the meeting's date: memberships covering it, both ends included. */
export async function membersOn(
  db: Db,
  bodyId: number,
  date: string,
): Promise<(PersonOption & { role: string })[]> {
  return db
    .selectFrom("memberships as ms")
    .innerJoin("people as p", "p.id", "ms.person_id")
    .select(["p.id", "p.name", "p.honorific", "ms.role"])
    .where("ms.body_id", "=", bodyId)
    .where((eb) => eb.or([eb("ms.from_date", "is", null), eb("ms.from_date", "<=", date)]))
    .where((eb) => eb.or([eb("ms.to_date", "is", null), eb("ms.to_date", ">=", date)]))
    .orderBy("p.name")
    .execute();
}

/** Everyone the authorities taking part know, to choose from. */
export async function peopleOf(db: Db, authorityIds: readonly number[]): Promise<PersonOption[]> {
  if (authorityIds.length === 0) return [];
  return db
    .selectFrom("people")
    .select(["id", "name", "honorific"])
    .where("authority_id", "in", [...authorityIds])
    .orderBy("name")
    .orderBy("id")
    .execute();
}

export type AttendanceLine = Row<"attendances"> & {
  name: string;
  honorific: string | null;
  substitute_for_name: string | null;
};

export async function attendancesOf(db: Db, meetingId: number): Promise<AttendanceLine[]> {
  return db
    .selectFrom("attendances as a")
    .innerJoin("people as p", "p.id", "a.person_id")
    .leftJoin("people as s", "s.id", "a.substitute_for_person_id")
    .selectAll("a")
    .select(["p.name", "p.honorific", "s.name as substitute_for_name"])
    .where("a.meeting_id", "=", meetingId)
    .orderBy("p.name")
    .execute();
}

export type DeclarationLine = Row<"declarations"> & { name: string; honorific: string | null };

export async function declarationsOf(db: Db, itemId: number): Promise<DeclarationLine[]> {
  return db
    .selectFrom("declarations as d")
    .innerJoin("people as p", "p.id", "d.person_id")
    .selectAll("d")
    .select(["p.name", "p.honorific"])
    .where("d.item_id", "=", itemId)
    .orderBy("d.id")
    .execute();
}

export async function resolutionsOf(db: Db, itemId: number): Promise<Row<"resolutions">[]> {
  return db
    .selectFrom("resolutions")
    .selectAll()
    .where("item_id", "=", itemId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export async function conditionsOf(db: Db, resolutionId: number): Promise<Row<"conditions">[]> {
  return db
    .selectFrom("conditions")
    .selectAll()
    .where("resolution_id", "=", resolutionId)
    .orderBy("position")
    .execute();
}

export async function evidenceOf(db: Db, conditionIds: number[]) {
  if (conditionIds.length === 0) return [];
  return db
    .selectFrom("condition_evidence as e")
    .innerJoin("documents as d", "d.id", "e.document_id")
    .select(["e.condition_id", "d.id", "d.title"])
    .where("e.condition_id", "in", conditionIds)
    .execute();
}

export async function actionsOf(db: Db, resolutionId: number): Promise<Row<"actions">[]> {
  return db
    .selectFrom("actions")
    .selectAll()
    .where("resolution_id", "=", resolutionId)
    .orderBy("position")
    .execute();
}

export async function actionUpdatesOf(db: Db, actionId: number): Promise<Row<"action_updates">[]> {
  return db
    .selectFrom("action_updates")
    .selectAll()
    .where("action_id", "=", actionId)
    .orderBy("at")
    .orderBy("id")
    .execute();
}

/** The papers of the meeting's items: what a condition's evidence may be. */
export async function documentsOfMeeting(db: Db, meetingId: number) {
  return db
    .selectFrom("item_documents as link")
    .innerJoin("agenda_items as i", "i.id", "link.item_id")
    .innerJoin("documents as d", "d.id", "link.document_id")
    .select(["d.id", "d.title"])
    .where("i.meeting_id", "=", meetingId)
    .distinct()
    .orderBy("d.title")
    .execute();
}

export async function bodiesOfAuthorities(db: Db, authorityIds: readonly number[]): Promise<Row<"bodies">[]> {
  return db
    .selectFrom("bodies")
    .selectAll()
    .where("authority_id", "in", [...authorityIds])
    .orderBy("name")
    .execute();
}

/** The next place after the rows already there: of an item's resolutions, or a resolution's
 * conditions or actions. */
export async function nextPosition(
  db: Db,
  table: "resolutions" | "conditions" | "actions",
  parentId: number,
): Promise<number> {
  const rows =
    table === "resolutions"
      ? await db.selectFrom("resolutions").select("position").where("item_id", "=", parentId).execute()
      : await db.selectFrom(table).select("position").where("resolution_id", "=", parentId).execute();
  return rows.reduce((max, row) => Math.max(max, row.position), 0) + 1;
}
