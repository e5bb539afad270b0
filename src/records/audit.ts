import type { Db } from "../db/connect.js";
import type { Row } from "../db/schema.js";

export type AuditFilter = { table?: string; recordId?: string | number; actor?: string; limit?: number };

/** The audit log, newest first, filtered by record and by who made the change. */
export async function readAuditLog(db: Db, filter: AuditFilter = {}): Promise<Row<"audit_log">[]> {
  let query = db.selectFrom("audit_log").selectAll();
  if (filter.table !== undefined) query = query.where("record_table", "=", filter.table);
  if (filter.recordId !== undefined) query = query.where("record_id", "=", String(filter.recordId));
  if (filter.actor !== undefined) query = query.where("actor", "=", filter.actor);
  return query
    .orderBy("id", "desc")
    .limit(filter.limit ?? 100)
    .execute();
}
