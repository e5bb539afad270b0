import type { Db } from "../db/connect.js";
import type { Engine } from "../db/engine.js";
import { afterFailure, isLocked, UNLOCKED, type LockoutState } from "../domain/lockout.js";
import { actorFor, findAccountRow } from "./accounts.js";
import { hashPassword, needsRehash, spendVerificationTime, verifyPassword } from "./passwords.js";
import { createSession, type NewSession } from "./sessions.js";
import { write, type Actor } from "./writer.js";

// Signing in: check the password, count failures and lock the account after too many
// (src/domain/lockout.ts), and start a session. Every outcome takes one password check's time,
// so the time taken does not say whether an address has an account. The reasons are for the
// log and the tests; the person signing in is told the same thing whatever went wrong.

export type SignInAttempt = { email: string; password: string; now: Date };

export type SignInResult =
  | ({ ok: true; accountId: number } & NewSession)
  | { ok: false; reason: "no-account" | "disabled" | "locked" | "wrong-password" };

/** Failures are recorded before anyone is known to be signed in. */
const SIGN_IN: Actor = { name: "sign-in", accountId: null };

export async function signIn(db: Db, engine: Engine, attempt: SignInAttempt): Promise<SignInResult> {
  const found = await findAccountRow(db, attempt.email);
  if (!found) {
    await spendVerificationTime(attempt.password);
    return { ok: false, reason: "no-account" };
  }
  // The slow check runs before the transaction, so no lock is held while it runs.
  const matches = await verifyPassword(attempt.password, found.password_hash);
  const rehash = matches && needsRehash(found.password_hash) ? await hashPassword(attempt.password) : null;

  return write(db, matches ? actorFor(found) : SIGN_IN, async (w): Promise<SignInResult> => {
    // Read again under a row lock, so that failures made at the same moment are all counted.
    const current = await w.trx
      .selectFrom("accounts")
      .selectAll()
      .where("id", "=", found.id)
      .$if(engine === "postgres", (query) => query.forUpdate())
      .executeTakeFirstOrThrow();
    if (current.is_disabled) return { ok: false, reason: "disabled" };
    const state: LockoutState = {
      failures: current.failed_sign_ins,
      failedSince: current.failed_since,
      lockedUntil: current.locked_until,
    };
    if (isLocked(state, attempt.now)) return { ok: false, reason: "locked" };
    if (!matches || current.password_hash !== found.password_hash) {
      const next = afterFailure(state, attempt.now);
      await w.update("accounts", current, {
        failed_sign_ins: next.failures,
        failed_since: next.failedSince,
        locked_until: next.lockedUntil,
      });
      return { ok: false, reason: next.lockedUntil === null ? "wrong-password" : "locked" };
    }
    await w.update("accounts", current, {
      failed_sign_ins: UNLOCKED.failures,
      failed_since: UNLOCKED.failedSince,
      locked_until: UNLOCKED.lockedUntil,
      ...(rehash === null ? {} : { password_hash: rehash }),
    });
    const session = await createSession(w, current.id, attempt.now);
    return { ok: true, accountId: current.id, ...session };
  });
}
