import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes, scryptSync } from "node:crypto";
import type { Connection, Db } from "../../src/db/connect.js";
import { WitanError } from "../../src/errors.js";
import {
  actorFor,
  createAccount,
  disableAccount,
  findAccount,
  linkPerson,
  listAccounts,
  loadSignedInAccount,
  setPassword,
} from "../../src/records/accounts.js";
import { readAuditLog } from "../../src/records/audit.js";
import { loadBundle } from "../../src/records/bundle-load.js";
import { SESSION_LIFETIME_MS, endAllSessions, endSession, findSession } from "../../src/records/sessions.js";
import { signIn } from "../../src/records/sign-in.js";
import { write } from "../../src/records/writer.js";
import { TEST_ACTOR } from "../support/demo.js";
import { ENGINES, engineSkip } from "../support/engines.js";

// Accounts, passwords, lockout and sessions on both engines. The clock is passed in, so the
// fifteen-minute lockout and the twelve-hour session are tested without waiting.

const PASSWORD = "a long enough passphrase";
const T0 = new Date("2026-03-02T09:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60 * 1000;

const bundle = {
  format: "witan-bundle/1",
  authorities: [{ name: "Plymouth City Council" }, { name: "Torbay Council" }],
  bodies: [
    { name: "Cabinet", authority: "Plymouth City Council", kind: "executive" },
    {
      name: "Wellbeing Overview and Scrutiny Committee",
      authority: "Plymouth City Council",
      kind: "scrutiny",
    },
  ],
  people: [
    { name: "Aspinall", honorific: "Councillor Mrs", kind: "councillor", authority: "Plymouth City Council" },
  ],
  memberships: [
    {
      person: "Aspinall",
      body: "Wellbeing Overview and Scrutiny Committee",
      authority: "Plymouth City Council",
      role: "chair",
    },
  ],
  meetings: [],
  documents: [],
  issues: [],
  workProgramme: [],
};

async function idOf(db: Db, table: "authorities" | "bodies" | "people", name: string): Promise<number> {
  const row = await db.selectFrom(table).select("id").where("name", "=", name).executeTakeFirstOrThrow();
  return row.id;
}

async function auditText(db: Db): Promise<string> {
  return JSON.stringify(await readAuditLog(db, { limit: 100000 }));
}

async function count(
  db: Db,
  table: "accounts" | "sessions" | "audit_log" | "account_roles",
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const engine of ENGINES) {
  describe(`accounts and sessions on ${engine.name}`, { skip: await engineSkip(engine) }, () => {
    let connection: Connection;
    let db: Db;
    let plymouth: number;
    let torbay: number;
    let n = 0;

    before(async () => {
      connection = await engine.open();
      db = connection.db;
      await loadBundle(db, bundle, TEST_ACTOR);
      plymouth = await idOf(db, "authorities", "Plymouth City Council");
      torbay = await idOf(db, "authorities", "Torbay Council");
    });

    after(async () => {
      await connection.close();
    });

    let email = "";
    beforeEach(() => {
      n += 1;
      email = `officer${n}@plymouth.gov.uk`;
    });

    async function officer(address = email): Promise<number> {
      return createAccount(db, TEST_ACTOR, {
        email: address,
        name: "Ross Jago",
        password: PASSWORD,
        grants: [{ role: "officer", authorityId: plymouth }],
      });
    }

    const attempt = (password: string, now = T0, address = email) =>
      signIn(db, engine.name, { email: address, password, now });

    test("an account is stored with a self-describing scrypt hash, never the password", async () => {
      const id = await officer();
      const row = await db.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      assert.match(row.password_hash, /^scrypt\$32768\$8\$1\$[^$]+\$[^$]+$/);
      assert.equal(row.password_hash.includes(PASSWORD), false);
      assert.equal(row.email, email);
      const found = await findAccount(db, email.toUpperCase());
      assert.deepEqual(found?.grants, [
        { role: "officer", authorityId: plymouth, authorityName: "Plymouth City Council" },
      ]);
    });

    test("a weak password, a duplicate address or a bad address is refused and nothing is written", async () => {
      await officer();
      const before = [await count(db, "accounts"), await count(db, "audit_log")];
      const refusals: [string, string, RegExp][] = [
        ["short", "shortpass", /at least 12 characters/],
        ["the address", email, /email address/],
        ["a duplicate", PASSWORD, /already an account/],
      ];
      for (const [what, password, message] of refusals) {
        await assert.rejects(
          createAccount(db, TEST_ACTOR, {
            email: ` ${email.toUpperCase()} `,
            name: "X",
            password,
            grants: [],
          }),
          (error: unknown) => error instanceof WitanError && message.test(error.message),
          what,
        );
      }
      await assert.rejects(
        createAccount(db, TEST_ACTOR, { email: "not an address", name: "X", password: PASSWORD, grants: [] }),
        /not an email address/,
      );
      assert.deepEqual([await count(db, "accounts"), await count(db, "audit_log")], before);
    });

    test("the right password starts a session; only the token's hash is stored", async () => {
      const id = await officer();
      const result = await attempt(PASSWORD);
      assert.ok(result.ok);
      assert.equal(result.accountId, id);
      assert.match(result.token, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(result.expiresAt, "2026-03-02T21:00:00Z");
      const rows = await db.selectFrom("sessions").selectAll().where("account_id", "=", id).execute();
      assert.equal(rows.length, 1);
      assert.match(rows[0]?.id ?? "", /^[0-9a-f]{64}$/);
      assert.equal(JSON.stringify(rows).includes(result.token), false);
      const session = await findSession(db, result.token, T0);
      assert.equal(session?.accountId, id);
      assert.equal(await findSession(db, rows[0]?.id ?? "", T0), null, "the stored hash is not a token");
    });

    test("a wrong password is counted and starts no session; an unknown address writes nothing", async () => {
      const id = await officer();
      assert.deepEqual(await attempt("not the password at all"), { ok: false, reason: "wrong-password" });
      const row = await db.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      assert.equal(row.failed_sign_ins, 1);
      assert.equal(row.failed_since, "2026-03-02T09:00:00Z");
      assert.equal(
        (await db.selectFrom("sessions").select("id").where("account_id", "=", id).execute()).length,
        0,
      );

      const audit = await count(db, "audit_log");
      assert.deepEqual(await attempt(PASSWORD, T0, "nobody@plymouth.gov.uk"), {
        ok: false,
        reason: "no-account",
      });
      assert.equal(await count(db, "audit_log"), audit);
    });

    test("five failures in fifteen minutes lock the account for fifteen minutes, even to the right password", async () => {
      const id = await officer();
      for (let i = 0; i < 4; i += 1) {
        assert.deepEqual(await attempt("wrong password here", later(i * MINUTE)), {
          ok: false,
          reason: "wrong-password",
        });
      }
      assert.deepEqual(await attempt("wrong password here", later(10 * MINUTE)), {
        ok: false,
        reason: "locked",
      });
      assert.deepEqual(await attempt(PASSWORD, later(11 * MINUTE)), { ok: false, reason: "locked" });
      assert.deepEqual(await attempt(PASSWORD, later(24 * MINUTE + 59 * 1000)), {
        ok: false,
        reason: "locked",
      });
      const row = await db.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      assert.equal(row.locked_until, "2026-03-02T09:25:00Z", "attempts while locked do not extend the lock");

      const unlocked = await attempt(PASSWORD, later(25 * MINUTE));
      assert.equal(unlocked.ok, true);
      const reset = await db
        .selectFrom("accounts")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      assert.deepEqual([reset.failed_sign_ins, reset.failed_since, reset.locked_until], [0, null, null]);
    });

    test("failures spread over more than fifteen minutes never lock", async () => {
      await officer();
      for (let i = 0; i < 8; i += 1) {
        assert.deepEqual(await attempt("wrong password here", later(i * 4 * MINUTE)), {
          ok: false,
          reason: "wrong-password",
        });
      }
      assert.equal((await attempt(PASSWORD, later(33 * MINUTE))).ok, true);
    });

    test("a session expires twelve hours after sign-in", async () => {
      await officer();
      const result = await attempt(PASSWORD);
      assert.ok(result.ok);
      assert.notEqual(await findSession(db, result.token, later(SESSION_LIFETIME_MS - 1000)), null);
      assert.equal(await findSession(db, result.token, later(SESSION_LIFETIME_MS)), null);
    });

    test("a new sign-in sweeps away the account's expired sessions", async () => {
      const id = await officer();
      const first = await attempt(PASSWORD);
      assert.ok(first.ok);
      const second = await attempt(PASSWORD, later(SESSION_LIFETIME_MS + MINUTE));
      assert.ok(second.ok);
      const rows = await db
        .selectFrom("sessions")
        .select("expires_at")
        .where("account_id", "=", id)
        .execute();
      assert.deepEqual(rows, [{ expires_at: "2026-03-03T09:01:00Z" }]);
    });

    test("signing out ends that session only; signing out everywhere ends all the account's sessions", async () => {
      const id = await officer();
      const otherId = await officer(`other${n}@plymouth.gov.uk`);
      const tokens: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const result = await attempt(PASSWORD, later(i * MINUTE));
        assert.ok(result.ok);
        tokens.push(result.token);
      }
      const other = await attempt(PASSWORD, T0, `other${n}@plymouth.gov.uk`);
      assert.ok(other.ok);
      const [first, second, third] = tokens;
      assert.ok(first && second && third);

      assert.equal(await endSession(db, actorFor({ id, email }), first), true);
      assert.equal(await findSession(db, first, T0), null);
      assert.notEqual(await findSession(db, second, T0), null);

      const ended = await write(db, actorFor({ id, email }), (w) => endAllSessions(w, id));
      assert.equal(ended, 2);
      assert.equal(await findSession(db, second, T0), null);
      assert.equal(await findSession(db, third, T0), null);
      assert.equal(
        (await findSession(db, other.token, T0))?.accountId,
        otherId,
        "another account is untouched",
      );
    });

    test("a new password signs the account out everywhere; the old one stops working", async () => {
      await officer();
      const before = await attempt(PASSWORD);
      assert.ok(before.ok);
      await setPassword(db, TEST_ACTOR, email, "another long passphrase");
      assert.equal(await findSession(db, before.token, T0), null);
      assert.deepEqual(await attempt(PASSWORD), { ok: false, reason: "wrong-password" });
      assert.equal((await attempt("another long passphrase")).ok, true);
      await assert.rejects(setPassword(db, TEST_ACTOR, email, "short"), /at least 12/);
      await assert.rejects(setPassword(db, TEST_ACTOR, "nobody@x.gov.uk", PASSWORD), /no account/);
    });

    test("a disabled account is signed out and cannot sign in, even with the right password", async () => {
      await officer();
      const before = await attempt(PASSWORD);
      assert.ok(before.ok);
      assert.equal(await disableAccount(db, TEST_ACTOR, email), true);
      assert.equal(await findSession(db, before.token, T0), null);
      assert.deepEqual(await attempt(PASSWORD), { ok: false, reason: "disabled" });
      assert.equal(await disableAccount(db, TEST_ACTOR, email), false, "disabling twice changes nothing");
      assert.equal((await findAccount(db, email))?.isDisabled, true);
    });

    test("a hash made with weaker parameters is replaced at the next sign-in", async () => {
      const id = await officer();
      const salt = randomBytes(16);
      const weak = [
        "scrypt",
        16384,
        8,
        1,
        salt.toString("base64"),
        scryptSync(PASSWORD, salt, 32, { N: 16384, r: 8, p: 1 }).toString("base64"),
      ].join("$");
      await db.updateTable("accounts").set({ password_hash: weak }).where("id", "=", id).execute();
      assert.equal((await attempt(PASSWORD)).ok, true);
      const row = await db.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      assert.match(row.password_hash, /^scrypt\$32768\$/);
      assert.equal((await attempt(PASSWORD)).ok, true);
    });

    test("the audit log records every change but no password hash, token or CSRF secret", async () => {
      const id = await officer();
      const result = await attempt(PASSWORD);
      assert.ok(result.ok);
      await attempt("wrong password here");
      await setPassword(db, TEST_ACTOR, email, "another long passphrase");
      const hashes = await db.selectFrom("accounts").select("password_hash").execute();
      const secrets = await db.selectFrom("sessions").select("csrf_secret").execute();
      const entries = await readAuditLog(db, { limit: 100000 });
      const text = await auditText(db);
      for (const { password_hash } of hashes) assert.equal(text.includes(password_hash), false);
      for (const { csrf_secret } of secrets) assert.equal(text.includes(csrf_secret), false);
      assert.equal(text.includes("scrypt$"), false);
      assert.equal(text.includes(result.token), false);
      assert.equal(text.includes(PASSWORD), false);

      const mine = entries.filter((e) => e.record_table === "accounts" && e.record_id === String(id));
      assert.deepEqual(mine.map((e) => [e.action, e.actor]).reverse(), [
        ["insert", "test"],
        ["update", "sign-in"],
        ["update", "test"],
      ]);
      assert.match(mine[0]?.after ?? "", /"password_hash":"\[redacted\]"/);
      const ofAccount = `"account_id":${id},`;
      const sessions = entries.filter(
        (e) => e.record_table === "sessions" && `${e.before}${e.after}`.includes(ofAccount),
      );
      assert.deepEqual(
        sessions.map((e) => e.action),
        ["delete", "insert"],
      );
      assert.match(sessions[1]?.after ?? "", /"csrf_secret":"\[redacted\]"/);
      assert.equal(sessions[1]?.actor, email, "a sign-in is recorded as the account's own act");
      const roles = entries.filter((e) => e.record_table === "account_roles" && e.after?.includes(ofAccount));
      assert.equal(roles.length, 1);
    });

    test("a councillor's account knows the bodies their person sits on today, and its roles", async () => {
      const id = await createAccount(db, TEST_ACTOR, {
        email: `councillor${n}@plymouth.gov.uk`,
        name: "Mrs Aspinall",
        password: PASSWORD,
        grants: [
          { role: "member", authorityId: plymouth },
          { role: "author", authorityId: torbay },
        ],
      });
      assert.deepEqual((await loadSignedInAccount(db, id, "2026-03-02"))?.bodyIds, []);
      const person = await idOf(db, "people", "Aspinall");
      await linkPerson(db, TEST_ACTOR, id, person);
      const account = await loadSignedInAccount(db, id, "2026-03-02");
      const scrutiny = await idOf(db, "bodies", "Wellbeing Overview and Scrutiny Committee");
      assert.deepEqual(account?.bodyIds, [scrutiny]);
      assert.equal(account?.personId, person);
      assert.deepEqual(account?.grants, [
        { role: "member", authorityId: plymouth, authorityName: "Plymouth City Council" },
        { role: "author", authorityId: torbay, authorityName: "Torbay Council" },
      ]);
      const listed = (await listAccounts(db)).find((a) => a.id === id);
      assert.equal(listed?.grants.length, 2);
    });
  });
}
