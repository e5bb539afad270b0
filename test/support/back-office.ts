import assert from "node:assert/strict";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { loadConfig } from "../../src/config.js";
import type { Connection } from "../../src/db/connect.js";
import type { Role } from "../../src/domain/policy.js";
import { createAccount, linkPerson } from "../../src/records/accounts.js";
import { loadBundle } from "../../src/records/bundle-load.js";
import { memoryFileStore, type FileStore } from "../../src/records/files.js";
import { createApp } from "../../src/web/app.js";
import { TEST_ACTOR, demoBundle } from "./demo.js";
import { openSqlite } from "./engines.js";

// The back office under test: the demo records on SQLite, an app on a fixed clock, and accounts
// for every role in two authorities, each signed in through the real sign-in form. A test posts
// forms as a user would: with the session cookie and a CSRF token read from the form's page.

export const PASSWORD = "a long enough passphrase";
export const OWN = "Plymouth City Council";
export const OTHER = "Torbay Council";
/** A Monday in term, well before the demo's meetings are compared with anything. */
export const CLOCK = new Date("2026-03-02T09:00:00Z");

export type User = { email: string; cookie: string };

export type BackOffice = {
  connection: Connection;
  app: FastifyInstance;
  files: FileStore;
  authorityId(name: string): Promise<number>;
  /** Signs in (creating the account the first time) as a role in an authority. A member sits
   * on the bodies named. */
  userFor(role: Role, authority: string, options?: { memberOf?: string[] }): Promise<User>;
  get(user: User | null, url: string): Promise<LightMyRequestResponse>;
  /** Fetches the form's page for its CSRF token, then posts the fields to the same address. */
  post(user: User, url: string, fields: Record<string, string | string[]>): Promise<LightMyRequestResponse>;
  /** A token from any page the user may see, for posting to a page they may not. */
  tokenFor(user: User): Promise<string>;
  close(): Promise<void>;
};

export function tokenIn(html: string): string {
  const token = /<input type="hidden" name="_csrf" value="([^"]+)">/.exec(html)?.[1];
  assert.ok(token, "the page has a form with a CSRF token");
  return token;
}

export function formBody(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
  }
  return params.toString();
}

export function errorSummaryText(html: string): string {
  const start = html.indexOf('class="govuk-error-summary"');
  assert.ok(start >= 0, "the page has an error summary");
  return html
    .slice(start, html.indexOf("</ul>", start))
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

function sessionCookie(response: LightMyRequestResponse): string {
  const header = response.headers["set-cookie"];
  const lines = header === undefined ? [] : Array.isArray(header) ? header : [header];
  const pair = lines.map((line) => line.split(";")[0] ?? "").find((p) => p.startsWith("witan-session="));
  assert.ok(pair, "signing in sets the session cookie");
  return pair;
}

export async function openBackOffice(options: { connection?: Connection } = {}): Promise<BackOffice> {
  const connection = options.connection ?? (await openSqlite());
  await loadBundle(connection.db, demoBundle(), TEST_ACTOR);
  const files = memoryFileStore();
  const app = await createApp({
    db: connection.db,
    engine: connection.engine,
    config: loadConfig({}),
    now: () => CLOCK,
    files,
  });
  const users = new Map<string, User>();
  let address = 0;

  async function authorityId(name: string): Promise<number> {
    const row = await connection.db
      .selectFrom("authorities")
      .select("id")
      .where("name", "=", name)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function signIn(email: string): Promise<string> {
    address += 1;
    const remoteAddress = `198.51.100.${address % 250}`;
    const page = await app.inject({ method: "GET", url: "/sign-in", remoteAddress });
    const pre = (page.headers["set-cookie"] as string | string[] | undefined) ?? [];
    const preCookie = (Array.isArray(pre) ? pre : [pre]).map((line) => line.split(";")[0]).join("; ");
    const response = await app.inject({
      method: "POST",
      url: "/sign-in",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: preCookie },
      payload: formBody({ _csrf: tokenIn(page.body), email, password: PASSWORD }),
      remoteAddress,
    });
    assert.equal(response.statusCode, 303, `${email} signs in`);
    return sessionCookie(response);
  }

  async function userFor(role: Role, authority: string, opts: { memberOf?: string[] } = {}): Promise<User> {
    const bodies = opts.memberOf ?? [];
    const key = `${role}:${authority}:${bodies.join(",")}`;
    const known = users.get(key);
    if (known) return known;
    const email = `${role}.${users.size + 1}@example.gov.uk`;
    const id = await authorityId(authority);
    const accountId = await createAccount(connection.db, TEST_ACTOR, {
      email,
      name: `Test ${role} ${users.size + 1}`,
      password: PASSWORD,
      grants: [{ role, authorityId: id }],
    });
    if (bodies.length > 0) {
      // A councillor of their own, sitting on the bodies named.
      const personId = await connection.db
        .insertInto("people")
        .values({ authority_id: id, name: `Councillor ${email}`, name_key: email, kind: "councillor" })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const bodyName of bodies) {
        const body = await connection.db
          .selectFrom("bodies")
          .select("id")
          .where("name", "=", bodyName)
          .executeTakeFirstOrThrow();
        await connection.db
          .insertInto("memberships")
          .values({ authority_id: id, person_id: personId.id, body_id: body.id, role: "member" })
          .execute();
      }
      await linkPerson(connection.db, TEST_ACTOR, accountId, personId.id);
    }
    const user = { email, cookie: await signIn(email) };
    users.set(key, user);
    return user;
  }

  async function get(user: User | null, url: string) {
    return app.inject({ method: "GET", url, headers: user ? { cookie: user.cookie } : {} });
  }

  async function tokenFor(user: User): Promise<string> {
    return tokenIn((await get(user, "/admin")).body);
  }

  async function post(user: User, url: string, fields: Record<string, string | string[]>) {
    const page = await get(user, url);
    const token = page.statusCode === 200 ? tokenIn(page.body) : await tokenFor(user);
    return app.inject({
      method: "POST",
      url,
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: user.cookie },
      payload: formBody({ ...fields, _csrf: token }),
    });
  }

  return {
    connection,
    app,
    files,
    authorityId,
    userFor,
    get,
    post,
    tokenFor,
    async close() {
      await app.close();
      await connection.close();
    },
  };
}
