import type { Db } from "../../db/connect.js";
import type { Row } from "../../db/schema.js";
import { findAccountById, type Account } from "../accounts.js";

// Reads for the back office's account pages. An authority's administrators manage the accounts
// holding a role in their authority, and no others: an account is not found from an authority
// where it holds no role, so another council's accounts cannot even be named from here.

export type AccountHere = { row: Row<"accounts">; account: Account };

export async function findAccountHere(
  db: Db,
  authorityId: number,
  accountId: number,
): Promise<AccountHere | null> {
  const account = await findAccountById(db, accountId);
  if (account === null || !account.grants.some((grant) => grant.authorityId === authorityId)) return null;
  const row = await db.selectFrom("accounts").selectAll().where("id", "=", accountId).executeTakeFirst();
  return row ? { row, account } : null;
}

/** Every email address already used by an account (they are stored normalised). */
export async function takenEmails(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom("accounts").select("email").execute();
  return new Set(rows.map((row) => row.email));
}
