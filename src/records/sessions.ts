import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Db } from "../db/connect.js";
import type { Database } from "../db/schema.js";
import { instant } from "../domain/instant.js";
import { write, type Actor, type Writer } from "./writer.js";

// Sessions live in the database, so any number of web processes can serve a signed-in officer.
// The cookie carries a random 256-bit token; the database keeps only its SHA-256, so neither a
// copy of the database nor the audit log holds anything that could be replayed as a cookie.
// A session ends when it expires, when its owner signs out, or when every session of the account
// is ended (sign out everywhere, a new password, a disabled account).

/** A working day and then some: a session lasts 12 hours from sign-in, however active. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export type NewSession = { token: string; expiresAt: string };

export type Session = { id: string; accountId: number; expiresAt: string; csrfSecret: string };

/** Tokens are 32 random bytes in base64url: 43 characters from [A-Za-z0-9_-]. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The id a session is stored under: the SHA-256 of its token. */
export function sessionId(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Starts a session for the account and sweeps away its expired ones. */
export async function createSession(w: Writer, accountId: number, now: Date): Promise<NewSession> {
  const expired = await w.trx
    .selectFrom("sessions")
    .selectAll()
    .where("account_id", "=", accountId)
    .where("expires_at", "<=", instant(now))
    .execute();
  for (const session of expired) await w.delete("sessions", session);
  const token = newToken();
  const expiresAt = instant(new Date(now.getTime() + SESSION_LIFETIME_MS));
  await w.insert("sessions", {
    id: sessionId(token),
    account_id: accountId,
    created_at: instant(now),
    expires_at: expiresAt,
    // The secret the session's CSRF tokens are made from (src/web/plugins/csrf.ts).
    csrf_secret: newToken(),
  });
  return { token, expiresAt };
}

/** The live session this token names, if its account may still sign in. */
export async function findSession(db: Db, token: string, now: Date): Promise<Session | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await db
    .selectFrom("sessions")
    .innerJoin("accounts", "accounts.id", "sessions.account_id")
    .select(["sessions.id", "sessions.account_id", "sessions.expires_at", "sessions.csrf_secret"])
    .where("sessions.id", "=", sessionId(token))
    .where("sessions.expires_at", ">", instant(now))
    .where("accounts.is_disabled", "=", false)
    .executeTakeFirst();
  if (!row) return null;
  return { id: row.id, accountId: row.account_id, expiresAt: row.expires_at, csrfSecret: row.csrf_secret };
}

/** Ends the session this token names; returns whether there was one. */
export async function endSession(db: Db, actor: Actor, token: string): Promise<boolean> {
  return write(db, actor, async (w) => {
    const row = await w.trx
      .selectFrom("sessions")
      .selectAll()
      .where("id", "=", sessionId(token))
      .executeTakeFirst();
    if (!row) return false;
    await w.delete("sessions", row);
    return true;
  });
}

/** How many sessions the account holds, expired ones not yet swept away included. */
export async function countSessions(db: Kysely<Database>, accountId: number): Promise<number> {
  const row = await db
    .selectFrom("sessions")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("account_id", "=", accountId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Ends every session of the account, each one recorded in the audit log; returns how many. */
export async function endAllSessions(w: Writer, accountId: number): Promise<number> {
  const rows = await w.trx.selectFrom("sessions").selectAll().where("account_id", "=", accountId).execute();
  for (const row of rows) await w.delete("sessions", row);
  return rows.length;
}
