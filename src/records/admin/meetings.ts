import type { Db } from "../../db/connect.js";
import type { Row } from "../../db/schema.js";
import { asNation } from "../../domain/bundle.js";
import type { Nation } from "../../domain/calendar.js";
import { findBodyRecord, type BodyRecord } from "./authorities.js";

// Reads for the back office's meeting and agenda item pages. Unlike the public reads
// (src/records/meetings.ts), these include drafts and Part II items: the route has already asked
// the policy whether the account may see the meeting, and hides what it may not (Part II).

export type MeetingRecord = BodyRecord & { meeting: Row<"meetings"> };

export type ItemRecord = MeetingRecord & { item: Row<"agenda_items"> };

/** A document as an item's list shows it. */
export type ItemDocument = Pick<
  Row<"documents">,
  "id" | "title" | "kind" | "part" | "exempt_paragraph" | "is_published" | "media_type" | "size_bytes"
>;

export type AgendaEntry = Row<"agenda_items"> & { documents: ItemDocument[] };

/** The nation whose rules and bank holidays apply; England when the authority says nothing known. */
export function nationOf(authority: Row<"authorities">): Nation {
  return asNation(authority.nation) ?? "england";
}

/** A body's meetings, latest first. */
export async function meetingsOfBody(db: Db, bodyId: number): Promise<Row<"meetings">[]> {
  return db
    .selectFrom("meetings")
    .selectAll()
    .where("body_id", "=", bodyId)
    .orderBy("date", "desc")
    .orderBy("start_time", "desc")
    .execute();
}

/** The dates on which a body already meets, to keep a schedule from doubling them. */
export async function meetingDatesOfBody(db: Db, bodyId: number): Promise<Set<string>> {
  const rows = await db.selectFrom("meetings").select("date").where("body_id", "=", bodyId).execute();
  return new Set(rows.map((row) => row.date));
}

export async function findMeetingRecord(db: Db, meetingId: number): Promise<MeetingRecord | null> {
  const meeting = await db.selectFrom("meetings").selectAll().where("id", "=", meetingId).executeTakeFirst();
  if (!meeting) return null;
  const body = await findBodyRecord(db, meeting.body_id);
  return body === null ? null : { ...body, meeting };
}

export async function findItemRecord(db: Db, itemId: number): Promise<ItemRecord | null> {
  const item = await db.selectFrom("agenda_items").selectAll().where("id", "=", itemId).executeTakeFirst();
  if (!item) return null;
  const meeting = await findMeetingRecord(db, item.meeting_id);
  return meeting === null ? null : { ...meeting, item };
}

/** The documents of some items, in their order on each item. */
export async function documentsOfItems(db: Db, itemIds: number[]): Promise<Map<number, ItemDocument[]>> {
  const groups = new Map<number, ItemDocument[]>();
  if (itemIds.length === 0) return groups;
  const rows = await db
    .selectFrom("item_documents as link")
    .innerJoin("documents as d", "d.id", "link.document_id")
    .select([
      "link.item_id",
      "d.id",
      "d.title",
      "d.kind",
      "d.part",
      "d.exempt_paragraph",
      "d.is_published",
      "d.media_type",
      "d.size_bytes",
    ])
    .where("link.item_id", "in", itemIds)
    .orderBy("link.item_id")
    .orderBy("link.position")
    .execute();
  for (const { item_id: itemId, ...document } of rows) {
    groups.set(itemId, [...(groups.get(itemId) ?? []), document]);
  }
  return groups;
}

/** The meeting's agenda in order, every item and paper, Part II included. */
export async function agendaOfMeeting(db: Db, meetingId: number): Promise<AgendaEntry[]> {
  const items = await db
    .selectFrom("agenda_items")
    .selectAll()
    .where("meeting_id", "=", meetingId)
    .orderBy("position")
    .orderBy("id")
    .execute();
  const documents = await documentsOfItems(
    db,
    items.map((item) => item.id),
  );
  return items.map((item) => ({ ...item, documents: documents.get(item.id) ?? [] }));
}

/** The place after the agenda's last item. */
export async function nextItemPosition(db: Db, meetingId: number): Promise<number> {
  const row = await db
    .selectFrom("agenda_items")
    .select((eb) => eb.fn.max("position").as("position"))
    .where("meeting_id", "=", meetingId)
    .executeTakeFirst();
  return Number(row?.position ?? 0) + 1;
}

/** The people an item may name as its lead member or officer: the authorities taking part. */
export async function peopleOfAuthorities(
  db: Db,
  authorityIds: number[],
  kind: "councillor" | "officer",
): Promise<Pick<Row<"people">, "id" | "name" | "honorific">[]> {
  return db
    .selectFrom("people")
    .select(["id", "name", "honorific"])
    .where("authority_id", "in", authorityIds)
    .where("kind", "=", kind)
    .orderBy("name")
    .execute();
}

export async function personName(db: Db, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const row = await db.selectFrom("people").select("name").where("id", "=", id).executeTakeFirst();
  return row?.name ?? null;
}

/** The item's own row, without the papers the agenda read brought with it (for writes and the
 * audit log, which keeps rows as they are stored). */
export function itemRowOf(entry: AgendaEntry): Row<"agenda_items"> {
  const item: Row<"agenda_items"> & Partial<Pick<AgendaEntry, "documents">> = { ...entry };
  delete item.documents;
  return item;
}
