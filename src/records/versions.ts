import type { Db } from "../db/connect.js";
import type { Writer } from "./writer.js";

// Versions of published records (issue 5, part 4). When a record the public can already see is
// changed, the row as it was is kept as a numbered version with the reason for the change, and
// the public page says it was amended, when and why. Drafts change freely: nobody has relied on
// them yet, and the audit log has every change anyway.

export type VersionedTable = "meetings" | "agenda_items" | "documents" | "decisions" | "forward_plan_entries";

export type Amendment = { version: number; at: string; reason: string };

/** The row as it was: every versioned table's rows have these, and more. */
export type VersionedRow = { id: number; authority_id: number };

/** Keeps `before` as the record's next version, with the reason; returns the version number. */
export async function keepVersion(
  w: Writer,
  table: VersionedTable,
  before: VersionedRow,
  reason: string,
  at: string,
): Promise<number> {
  const latest = await w.trx
    .selectFrom("record_versions")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("record_table", "=", table)
    .where("record_id", "=", before.id)
    .executeTakeFirst();
  const version = Number(latest?.version ?? 0) + 1;
  await w.insert("record_versions", {
    authority_id: before.authority_id,
    record_table: table,
    record_id: before.id,
    version,
    at,
    reason,
    snapshot: JSON.stringify(before),
  });
  return version;
}

/** The amendments of several records of one table, oldest first, by record id. */
export async function amendmentsByRecord(
  db: Db,
  table: VersionedTable,
  ids: readonly number[],
): Promise<Map<number, Amendment[]>> {
  const byRecord = new Map<number, Amendment[]>();
  if (ids.length === 0) return byRecord;
  const rows = await db
    .selectFrom("record_versions")
    .select(["record_id", "version", "at", "reason"])
    .where("record_table", "=", table)
    .where("record_id", "in", [...ids])
    .orderBy("record_id")
    .orderBy("version")
    .execute();
  for (const { record_id: id, ...amendment } of rows)
    byRecord.set(id, [...(byRecord.get(id) ?? []), amendment]);
  return byRecord;
}

/** The amendments of one record, oldest first. */
export async function amendmentsOf(db: Db, table: VersionedTable, id: number): Promise<Amendment[]> {
  return (await amendmentsByRecord(db, table, [id])).get(id) ?? [];
}
