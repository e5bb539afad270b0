import type { Db } from "../db/connect.js";
import type { Row } from "../db/schema.js";
import { instant } from "../domain/instant.js";
import { isEmailAddress, normaliseEmail, passwordProblem } from "../domain/passwords.js";
import { currentBodyIds, isRole, type AccountFacts, type Grant } from "../domain/policy.js";
import { WitanError } from "../errors.js";
import { hashPassword } from "./passwords.js";
import { countSessions, endAllSessions } from "./sessions.js";
import { Writer, write, type Actor } from "./writer.js";

// Accounts for the back office: who they are, the roles they hold in each authority, and the
// person they are, if any. Every change goes through the audited writer; password hashes are
// redacted from the audit log there. Disabling an account or setting its password signs it out
// everywhere.

export type HeldGrant = Grant & { authorityName: string };

export type Account = {
  id: number;
  email: string;
  name: string;
  personId: number | null;
  isDisabled: boolean;
  createdAt: string;
  grants: HeldGrant[];
};

/** An account with what the authorisation policy needs to know about it. */
export type SignedInAccount = Account & AccountFacts;

export type NewAccount = {
  email: string;
  name: string;
  password: string;
  grants: Grant[];
  personId?: number | null;
};

const MAX_NAME_LENGTH = 200;

/** Who did it, for the audit log: an account is known there by its email address. */
export function actorFor(account: { id: number; email: string }): Actor {
  return { name: account.email, accountId: account.id };
}

function checkPassword(password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem !== null) throw new WitanError("BAD_INPUT", problem);
}

export async function createAccount(
  db: Db,
  actor: Actor,
  input: NewAccount,
  now = new Date(),
): Promise<number> {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  if (!isEmailAddress(email)) throw new WitanError("BAD_INPUT", `"${input.email}" is not an email address`);
  if (name === "" || name.length > MAX_NAME_LENGTH) {
    throw new WitanError("BAD_INPUT", `The name must be 1 to ${MAX_NAME_LENGTH} characters`);
  }
  checkPassword(input.password, email);
  if (await findAccountRow(db, email)) {
    throw new WitanError("BAD_INPUT", `There is already an account for ${email}`);
  }
  const passwordHash = await hashPassword(input.password);
  return write(db, actor, async (w) => {
    const id = await w.insert("accounts", {
      email,
      name,
      password_hash: passwordHash,
      created_at: instant(now),
      person_id: input.personId ?? null,
    });
    for (const grant of input.grants) await grantRole(w, id, grant);
    return id;
  });
}

export async function grantRole(w: Writer, accountId: number, grant: Grant): Promise<boolean> {
  return w.link("account_roles", {
    account_id: accountId,
    authority_id: grant.authorityId,
    role: grant.role,
  });
}

/** The account's row, its password hash included: for signing in and for changes here. */
/** Takes away a role; returns whether the account held it. */
export async function revokeRole(w: Writer, accountId: number, grant: Grant): Promise<boolean> {
  return w.unlink("account_roles", {
    account_id: accountId,
    authority_id: grant.authorityId,
    role: grant.role,
  });
}

export async function findAccountRow(db: Db, email: string): Promise<Row<"accounts"> | undefined> {
  return db.selectFrom("accounts").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
}

async function grantsOf(db: Db, accountIds: number[]): Promise<Map<number, HeldGrant[]>> {
  const byAccount = new Map<number, HeldGrant[]>();
  if (accountIds.length === 0) return byAccount;
  const rows = await db
    .selectFrom("account_roles")
    .innerJoin("authorities", "authorities.id", "account_roles.authority_id")
    .select(["account_roles.account_id", "account_roles.role", "authorities.id", "authorities.name"])
    .where("account_roles.account_id", "in", accountIds)
    .orderBy("authorities.name")
    .orderBy("account_roles.role")
    .execute();
  for (const row of rows) {
    if (!isRole(row.role)) continue;
    const grants = byAccount.get(row.account_id) ?? [];
    grants.push({ role: row.role, authorityId: row.id, authorityName: row.name });
    byAccount.set(row.account_id, grants);
  }
  return byAccount;
}

function toAccount(row: Row<"accounts">, grants: HeldGrant[]): Account {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    personId: row.person_id,
    isDisabled: row.is_disabled,
    createdAt: row.created_at,
    grants,
  };
}

export async function findAccountById(db: Db, id: number): Promise<Account | null> {
  const row = await db.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  return toAccount(row, (await grantsOf(db, [row.id])).get(row.id) ?? []);
}

/** The accounts holding any role in the authority, each with all its roles, by email. */
export async function accountsWithRolesIn(db: Db, authorityId: number): Promise<Account[]> {
  const rows = await db
    .selectFrom("accounts")
    .selectAll()
    .where("id", "in", (eb) =>
      eb.selectFrom("account_roles").select("account_id").where("authority_id", "=", authorityId),
    )
    .orderBy("email")
    .execute();
  const grants = await grantsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toAccount(row, grants.get(row.id) ?? []));
}

export async function findAccount(db: Db, email: string): Promise<Account | null> {
  const row = await findAccountRow(db, email);
  if (!row) return null;
  return toAccount(row, (await grantsOf(db, [row.id])).get(row.id) ?? []);
}

export async function listAccounts(db: Db): Promise<Account[]> {
  const rows = await db.selectFrom("accounts").selectAll().orderBy("email").execute();
  const grants = await grantsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toAccount(row, grants.get(row.id) ?? []));
}

/** The account with its roles and the bodies its person sits on today (YYYY-MM-DD). */
export async function loadSignedInAccount(
  db: Db,
  accountId: number,
  today: string,
): Promise<SignedInAccount | null> {
  const row = await db.selectFrom("accounts").selectAll().where("id", "=", accountId).executeTakeFirst();
  if (!row) return null;
  const memberships =
    row.person_id === null
      ? []
      : await db
          .selectFrom("memberships")
          .select(["body_id as bodyId", "from_date as from", "to_date as to"])
          .where("person_id", "=", row.person_id)
          .execute();
  const account = toAccount(row, (await grantsOf(db, [row.id])).get(row.id) ?? []);
  return { ...account, bodyIds: currentBodyIds(memberships, today) };
}

async function requireAccountRow(db: Db, email: string): Promise<Row<"accounts">> {
  const row = await findAccountRow(db, email);
  if (!row) throw new WitanError("NOT_FOUND", `There is no account for ${normaliseEmail(email)}`);
  return row;
}

/** Sets a new password and signs the account out everywhere. */
export async function setPassword(db: Db, actor: Actor, email: string, password: string): Promise<void> {
  const row = await requireAccountRow(db, email);
  checkPassword(password, row.email);
  const passwordHash = await hashPassword(password);
  await write(db, actor, (w) => replacePassword(w, row, passwordHash));
}

/** A writer whose audit rows say what was done to the account and how many sessions it ended.
 * Session rows name no authority, so an authority's administrators, who read the changes to the
 * accounts holding a role there, would otherwise never see that anyone was signed out. */
async function signingOut(w: Writer, accountId: number, what: string): Promise<Writer> {
  const count = await countSessions(w.trx, accountId);
  const ended = count === 1 ? "1 session ended" : `${count} sessions ended`;
  const reason = [w.reason, `${what}: signed out everywhere, ${ended}`].filter((part) => part !== null);
  return new Writer(w.trx, w.actor, { reason: reason.join("; ") });
}

/** Stores a new password's hash, lifts any lock-out, and signs the account out everywhere. */
export async function replacePassword(
  writer: Writer,
  row: Row<"accounts">,
  passwordHash: string,
): Promise<void> {
  const w = await signingOut(writer, row.id, "New password");
  await w.update("accounts", row, {
    password_hash: passwordHash,
    failed_sign_ins: 0,
    failed_since: null,
    locked_until: null,
  });
  await endAllSessions(w, row.id);
}

/** Stops the account signing in and ends its sessions; its records and audit entries stay. */
export async function disableAccount(db: Db, actor: Actor, email: string): Promise<boolean> {
  const row = await requireAccountRow(db, email);
  return write(db, actor, (w) => disableAccountRow(w, row));
}

export async function disableAccountRow(writer: Writer, row: Row<"accounts">): Promise<boolean> {
  const w = await signingOut(writer, row.id, "Account disabled");
  const changed = await w.update("accounts", row, { is_disabled: true });
  await endAllSessions(w, row.id);
  return changed;
}

/** Links the account to a person (or unlinks it, with null). */
export async function linkPerson(
  db: Db,
  actor: Actor,
  accountId: number,
  personId: number | null,
): Promise<void> {
  const row = await db.selectFrom("accounts").selectAll().where("id", "=", accountId).executeTakeFirst();
  if (!row) throw new WitanError("NOT_FOUND", "There is no such account");
  await write(db, actor, (w) => w.update("accounts", row, { person_id: personId }));
}
