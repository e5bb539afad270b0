import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { LightMyRequestResponse } from "fastify";
import type { Action, Role } from "../../../src/domain/policy.js";
import { ADMIN_PAGES } from "../../../src/web/routes/admin/index.js";
import type { AdminPage } from "../../../src/web/routes/admin/pages.js";
import {
  CLOCK,
  OTHER,
  OWN,
  formBody,
  openBackOffice,
  type BackOffice,
  type User,
} from "../../support/back-office.js";
import {
  ATTEMPTS,
  databaseState,
  postForm,
  resolvePage,
  resolvePages,
  restore,
  snapshot,
  storeFixtureFiles,
  validValues,
  type ResolvedPage,
  type Snapshot,
} from "./params.js";

// The authorisation matrix (issue 5, "Done means"): every page of the back office × every role ×
// the role held in the record's own authority or in another → allowed or refused, as the table
// below expects. A form allowed saves (303); a form refused answers 403, or 404 for exempt and
// draft papers, and changes nothing at all: the audit log and a digest of every table's rows
// are the same before and after. The pages come from ADMIN_PAGES, so a new page is in the
// matrix as soon as it is registered. Each page starts from the same records (restored from a
// snapshot), so what one page saves cannot change what the next is tried on.

const ROLES: readonly Role[] = ["admin", "officer", "author", "member"];

// Written out by hand, action by action, so that a change to the policy or to a page's action
// must change this table too. The member sits on every body of their authority, so on the body
// of any record in question.
const ALLOWED: Record<Action, readonly Role[]> = {
  "read-records": ["admin", "officer", "author", "member"],
  "read-draft": ["officer", "author"],
  "read-exempt": ["officer", "member"],
  "write-report": ["officer", "author"],
  "edit-meeting": ["officer"],
  "edit-body": ["officer"],
  "publish-agenda": ["officer"],
  "publish-minutes": ["officer"],
  "publish-decision": ["officer"],
  "manage-accounts": ["admin"],
  "read-audit-log": ["admin"],
  "edit-authority": ["admin"],
};

const HIDDEN: ReadonlySet<Action> = new Set(["read-exempt", "read-draft"]);
const TODAY = CLOCK.toISOString().slice(0, 10);

type Where = "own" | "other";

/** Roles refused first, so that a refusal is tried on the record before an allowed save. */
function rolesInOrder(action: Action): Role[] {
  const allowed = ALLOWED[action];
  return [
    ...ROLES.filter((role) => !allowed.includes(role)),
    ...ROLES.filter((role) => allowed.includes(role)),
  ];
}

function label(page: AdminPage): string {
  return `${page.method} ${page.path} (${page.action})`;
}

function summaryOf(body: string): string {
  const start = body.indexOf("govuk-error-summary");
  return start < 0
    ? ""
    : body
        .slice(start, start + 1500)
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ");
}

const POST_PAGES = ADMIN_PAGES.filter((page) => page.method === "POST");

describe("the authorisation matrix of the back office", () => {
  let office: BackOffice;
  let own: number;
  let other: number;
  let saved: Snapshot;
  const users = new Map<string, User>();

  before(async () => {
    office = await openBackOffice();
    own = await office.authorityId(OWN);
    other = await office.authorityId(OTHER);
    await storeFixtureFiles(office);
    const db = office.connection.db;
    // Every user signs in before the snapshot, so that restoring it keeps their sessions.
    const bodies = await db
      .selectFrom("bodies")
      .select("name")
      .where("authority_id", "=", own)
      .where("is_joint", "=", false)
      .execute();
    for (const where of ["own", "other"] as const) {
      for (const role of ROLES) {
        const memberOf = role === "member" ? bodies.map((body) => body.name) : [];
        users.set(
          `${role}:${where}`,
          await office.userFor(role, where === "own" ? OWN : OTHER, { memberOf }),
        );
      }
    }
    // The records the pages need and the demo lacks are made once, before the snapshot too.
    for (const page of ADMIN_PAGES) {
      for (const authorityId of [own, other])
        await resolvePage(db, page, authorityId, TODAY).catch(() => null);
    }
    saved = await snapshot(db);
  });
  after(() => office.close());

  function userOf(role: Role, where: Where): User {
    const user = users.get(`${role}:${where}`);
    assert.ok(user, `${role} of the ${where} authority signed in`);
    return user;
  }

  async function resolved(page: AdminPage): Promise<ResolvedPage[]> {
    const found = await resolvePages(office.connection.db, page, own, TODAY);
    for (const one of found) {
      assert.ok(
        !(one.resource.authorityIds ?? []).includes(other),
        `${one.url}: the record is shared with ${OTHER}`,
      );
    }
    return found;
  }

  /** Posts valid values, in the ways ATTEMPTS lists, until one is not refused as bad input (a
   * form's checks across fields may refuse one set of valid values). */
  async function postValid(user: User, found: ResolvedPage): Promise<LightMyRequestResponse> {
    let response = await postForm(office, user, found.url, found.fields, validValues(found.fields, TODAY));
    for (const attempt of ATTEMPTS.slice(1)) {
      if (response.statusCode !== 400) return response;
      response = await postForm(
        office,
        user,
        found.url,
        found.fields,
        validValues(found.fields, TODAY, attempt),
      );
    }
    return response;
  }

  /** An allowed form is tried on each of the records it may be about until one takes valid values:
   * some forms are only for a record in a certain state (call-in needs a published decision). */
  async function postAllowed(
    user: User,
    found: ResolvedPage[],
  ): Promise<{ url: string; response: LightMyRequestResponse }> {
    let last: { url: string; response: LightMyRequestResponse } | null = null;
    for (const one of found) {
      last = { url: one.url, response: await postValid(user, one) };
      if (last.response.statusCode !== 400) return last;
    }
    assert.ok(last, "a record to post to");
    return last;
  }

  test("the matrix has pages to walk, and the table covers every action they use", () => {
    assert.ok(ADMIN_PAGES.length > 0);
    for (const page of ADMIN_PAGES) assert.ok(Object.hasOwn(ALLOWED, page.action), label(page));
  });

  for (const page of ADMIN_PAGES) {
    describe(label(page), () => {
      before(() => restore(office.connection.db, saved));
      for (const where of ["other", "own"] as const) {
        for (const role of rolesInOrder(page.action)) {
          const expected = where === "own" && ALLOWED[page.action].includes(role);
          test(`${role} of the ${where} authority is ${expected ? "allowed" : "refused"}`, async () => {
            const found = await resolved(page);
            const [first] = found;
            assert.ok(first);
            const user = userOf(role, where);
            if (expected && page.method === "GET") {
              const response = await office.get(user, first.url);
              assert.equal(response.statusCode, 200, first.url);
              return;
            }
            if (expected) {
              const { url, response } = await postAllowed(user, found);
              assert.equal(response.statusCode, 303, `${url}: ${summaryOf(response.body)}`);
              return;
            }
            const before = await databaseState(office.connection.db);
            const response =
              page.method === "GET" ? await office.get(user, first.url) : await postValid(user, first);
            assert.equal(response.statusCode, HIDDEN.has(page.action) ? 404 : 403, first.url);
            assert.deepEqual(
              await databaseState(office.connection.db),
              before,
              `${first.url} changed nothing`,
            );
          });
        }
      }
    });
  }

  describe("another authority's records, from the other side", () => {
    before(() => restore(office.connection.db, saved));
    for (const page of POST_PAGES) {
      test(`an officer of ${OWN} is refused ${page.path} on ${OTHER}'s record`, async (t) => {
        const found = await resolvePage(office.connection.db, page, other, TODAY).catch((error: unknown) => {
          // Some forms are for a record in a state only the demo's fuller authority has.
          t.diagnostic(`not walked: ${error instanceof Error ? error.message : String(error)}`);
          return null;
        });
        if (found === null) return;
        const before = await databaseState(office.connection.db);
        const response = await postValid(userOf("officer", "own"), found);
        assert.equal(response.statusCode, 403, found.url);
        assert.deepEqual(await databaseState(office.connection.db), before);
      });
    }
  });

  describe("without signing in, or without the form's token", () => {
    before(() => restore(office.connection.db, saved));
    for (const page of POST_PAGES) {
      test(`${page.path}: signed out, sent to sign in; no token, refused; nothing changed`, async () => {
        const found = await resolvePage(office.connection.db, page, own, TODAY);
        const before = await databaseState(office.connection.db);

        // A visitor with the sign-in form's secret and token, but no session.
        const signIn = await office.app.inject({ method: "GET", url: "/sign-in" });
        const cookies = signIn.headers["set-cookie"];
        const cookie = (Array.isArray(cookies) ? cookies : [cookies ?? ""])
          .map((c) => c.split(";")[0])
          .join("; ");
        const token = /name="_csrf" value="([^"]+)"/.exec(signIn.body)?.[1] ?? "";
        const signedOut = await office.app.inject({
          method: "POST",
          url: found.url,
          headers: { "content-type": "application/x-www-form-urlencoded", cookie },
          payload: formBody({ ...validValues(found.fields, TODAY), _csrf: token }),
        });
        assert.equal(signedOut.statusCode, 303);
        assert.match(String(signedOut.headers.location), /^\/sign-in/);

        const tokenless = await postForm(
          office,
          userOf("officer", "own"),
          found.url,
          found.fields,
          validValues(found.fields, TODAY),
          { token: false },
        );
        assert.equal(tokenless.statusCode, 403);
        assert.deepEqual(await databaseState(office.connection.db), before);
      });
    }
  });
});
