import type { Db } from "../../db/connect.js";
import type { Row } from "../../db/schema.js";

// The audit log as an authority's administrators read it: the changes to that authority's
// records (audit_log.authority_id), and to the accounts holding a role there (an account belongs
// to no one authority, so its rows name none: without them, an administrator would not see an
// account added, disabled or given a new password). Newest first, a page at a time, filtered by
// record and by who made the change. Password hashes are redacted by the Writer.

export const AUDIT_PAGE_SIZE = 50;

export type AuthorityAuditFilter = { table?: string; recordId?: string; actor?: string };

export type AuditPage = { rows: Row<"audit_log">[]; total: number };

/** The entries the authority's administrators may read, with the filters applied. */
function filtered(db: Db, authorityId: number, accountIds: string[], filter: AuthorityAuditFilter) {
  let query = db
    .selectFrom("audit_log")
    .where((eb) =>
      eb.or([
        eb("authority_id", "=", authorityId),
        ...(accountIds.length === 0
          ? []
          : [
              eb.and([
                eb("authority_id", "is", null),
                eb("record_table", "=", "accounts"),
                eb("record_id", "in", accountIds),
              ]),
            ]),
      ]),
    );
  if (filter.table !== undefined) query = query.where("record_table", "=", filter.table);
  if (filter.recordId !== undefined) query = query.where("record_id", "=", filter.recordId);
  if (filter.actor !== undefined) query = query.where("actor", "=", filter.actor);
  return query;
}

/** The ids, as the audit log writes them, of the accounts holding a role in the authority. */
async function accountIdsOf(db: Db, authorityId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("account_roles")
    .select("account_id")
    .distinct()
    .where("authority_id", "=", authorityId)
    .execute();
  return rows.map((row) => String(row.account_id));
}

/** One page (from 1) of the authority's audit log, and how many entries match in all. */
export async function readAuthorityAudit(
  db: Db,
  authorityId: number,
  filter: AuthorityAuditFilter,
  page: number,
): Promise<AuditPage> {
  const accountIds = await accountIdsOf(db, authorityId);
  const counted = await filtered(db, authorityId, accountIds, filter)
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirst();
  const rows = await filtered(db, authorityId, accountIds, filter)
    .selectAll()
    .orderBy("id", "desc")
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .execute();
  return { rows, total: Number(counted?.total ?? 0) };
}

/** The kinds of record the authority's audit log names, for the filter's list. */
export async function auditedTables(db: Db, authorityId: number): Promise<string[]> {
  const rows = await filtered(db, authorityId, await accountIdsOf(db, authorityId), {})
    .select("record_table")
    .distinct()
    .orderBy("record_table")
    .execute();
  return rows.map((row) => row.record_table);
}
