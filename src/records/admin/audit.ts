import type { Db } from "../../db/connect.js";
import type { Row } from "../../db/schema.js";

// The audit log as an authority's administrators read it: only the changes to that authority's
// records (audit_log.authority_id), newest first, a page at a time, filtered by record and by
// who made the change.

export const AUDIT_PAGE_SIZE = 50;

export type AuthorityAuditFilter = { table?: string; recordId?: string; actor?: string };

export type AuditPage = { rows: Row<"audit_log">[]; total: number };

function filtered(db: Db, authorityId: number, filter: AuthorityAuditFilter) {
  let query = db.selectFrom("audit_log").where("authority_id", "=", authorityId);
  if (filter.table !== undefined) query = query.where("record_table", "=", filter.table);
  if (filter.recordId !== undefined) query = query.where("record_id", "=", filter.recordId);
  if (filter.actor !== undefined) query = query.where("actor", "=", filter.actor);
  return query;
}

/** One page (from 1) of the authority's audit log, and how many entries match in all. */
export async function readAuthorityAudit(
  db: Db,
  authorityId: number,
  filter: AuthorityAuditFilter,
  page: number,
): Promise<AuditPage> {
  const counted = await filtered(db, authorityId, filter)
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirst();
  const rows = await filtered(db, authorityId, filter)
    .selectAll()
    .orderBy("id", "desc")
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .execute();
  return { rows, total: Number(counted?.total ?? 0) };
}

/** The kinds of record the authority's audit log names, for the filter's list. */
export async function auditedTables(db: Db, authorityId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("audit_log")
    .select("record_table")
    .distinct()
    .where("authority_id", "=", authorityId)
    .orderBy("record_table")
    .execute();
  return rows.map((row) => row.record_table);
}
