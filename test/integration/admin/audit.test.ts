import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { OTHER, OWN, errorSummaryText, openBackOffice, type BackOffice } from "../../support/back-office.js";

// The audit log in the back office: an authority's administrators read its changes, newest
// first, a page at a time, filtered by record and by person; nobody else reads them. And the
// back office's home page, which leads each role to these pages.

describe("the audit log and the home page", () => {
  let office: BackOffice;
  let own: number;
  let other: number;
  before(async () => {
    office = await openBackOffice();
    own = await office.authorityId(OWN);
    other = await office.authorityId(OTHER);
  });
  after(() => office.close());

  const db = () => office.connection.db;
  const auditUrl = (authorityId: number, query = "") => `/admin/authorities/${authorityId}/audit${query}`;

  test("an administrator reads the changes to their authority's records, newest first", async () => {
    const officer = await office.userFor("officer", OWN);
    const admin = await office.userFor("admin", OWN);
    const added = await office.post(officer, `/admin/authorities/${own}/people/new`, {
      name: "Audit Person",
      kind: "officer",
      "job-title": "Scrutiny Officer",
    });
    assert.equal(added.statusCode, 303);
    const person = await db()
      .selectFrom("people")
      .select("id")
      .where("name", "=", "Audit Person")
      .executeTakeFirstOrThrow();
    await office.post(officer, `/admin/people/${person.id}/edit`, { name: "Audit Person", kind: "officer" });

    const page = await office.get(admin, auditUrl(own));
    assert.equal(page.statusCode, 200);
    const changed = page.body.indexOf("job_title: Scrutiny Officer → empty");
    const inserted = page.body.indexOf("name: Audit Person");
    assert.ok(changed > 0 && inserted > changed, "the change comes before the addition");
    assert.match(page.body, new RegExp(officer.email.replace(".", "\\.")));
    assert.match(page.body, /Changed/);
    assert.match(page.body, new RegExp(`People ${person.id}`));
    assert.match(page.body, /Showing 1 to 50 of \d+ changes/);
    assert.match(page.body, /govuk-pagination__next/);
  });

  test("times are London times", async () => {
    const admin = await office.userFor("admin", OWN);
    await db()
      .insertInto("audit_log")
      .values({
        at: "2026-07-01T12:30:00.000Z",
        actor: "summer@example.gov.uk",
        account_id: null,
        authority_id: own,
        action: "update",
        record_table: "bodies",
        record_id: "1",
        before: JSON.stringify({ id: 1, purpose: "Old" }),
        after: JSON.stringify({ id: 1, purpose: "New" }),
        reason: null,
      })
      .execute();
    const page = await office.get(admin, auditUrl(own, "?person=summer@example.gov.uk"));
    assert.match(page.body, /1 July 2026, 1:30pm/);
    assert.match(page.body, /purpose: Old → New/);
    assert.match(page.body, /Showing 1 to 1 of 1 changes/);
  });

  test("filters by record and by person, and pages through", async () => {
    const admin = await office.userFor("admin", OWN);
    const officer = await office.userFor("officer", OWN);
    const person = await db()
      .selectFrom("people")
      .select("id")
      .where("name", "=", "Audit Person")
      .executeTakeFirstOrThrow();
    const byRecord = await office.get(admin, auditUrl(own, `?table=people&record=${person.id}`));
    assert.equal(byRecord.statusCode, 200);
    assert.match(byRecord.body, /Showing 1 to 2 of 2 changes/);
    const byPerson = await office.get(
      admin,
      auditUrl(own, `?person=${encodeURIComponent(officer.email.toUpperCase())}`),
    );
    assert.match(byPerson.body, /Showing 1 to 2 of 2 changes/);
    const second = await office.get(admin, auditUrl(own, "?page=2"));
    assert.match(second.body, /Showing 51 to/);
    assert.match(second.body, /govuk-pagination__prev/);
    const beyond = await office.get(admin, auditUrl(own, "?page=999"));
    assert.match(beyond.body, /There are only \d+ pages of changes/);
  });

  test("bad filters get an error summary and a 400", async () => {
    const admin = await office.userFor("admin", OWN);
    const cases: [string, RegExp][] = [
      ["?table=people&record=abc", /Record number must be a whole number/],
      ["?record=12", /Select the kind of record the number is for/],
      ["?table=no_such_table", /Select kind of record from the list/],
      ["?person=not-an-address", /Enter an email address in the correct format/],
      [`?person=${"x".repeat(255)}`, /Changed by must be 254 characters or fewer/],
    ];
    for (const [query, message] of cases) {
      const response = await office.get(admin, auditUrl(own, query));
      assert.equal(response.statusCode, 400, query);
      assert.match(errorSummaryText(response.body), message);
      assert.match(response.body, /<title>Error: /);
    }
  });

  test("changes to the accounts holding a role here are in the log, their passwords redacted", async () => {
    const admin = await office.userFor("admin", OWN);
    const officer = await office.userFor("officer", OWN);
    const account = await db()
      .selectFrom("accounts")
      .selectAll()
      .where("email", "=", officer.email)
      .executeTakeFirstOrThrow();
    const page = await office.get(admin, auditUrl(own, `?table=accounts&record=${account.id}`));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Showing 1 to 1 of 1 changes/);
    assert.match(page.body, /password_hash: \[redacted\]/);
    assert.equal(page.body.includes(account.password_hash), false);
    const torbayAdmin = await office.userFor("admin", OTHER);
    const theirs = await office.get(torbayAdmin, auditUrl(other, `?table=accounts&record=${account.id}`));
    assert.equal(theirs.statusCode, 200);
    assert.match(theirs.body, /No changes match/);
  });

  test("an officer, and another authority's administrator, are refused", async () => {
    const officer = await office.userFor("officer", OWN);
    assert.equal((await office.get(officer, auditUrl(own))).statusCode, 403);
    const torbayAdmin = await office.userFor("admin", OTHER);
    assert.equal((await office.get(torbayAdmin, auditUrl(own))).statusCode, 403);
    const theirs = await office.get(torbayAdmin, auditUrl(other));
    assert.equal(theirs.statusCode, 200);
    assert.equal(theirs.body.includes("Audit Person"), false, "Plymouth's changes are not in Torbay's log");
  });

  test("the home page leads an administrator to accounts and the audit log, and an officer to the authority", async () => {
    const admin = await office.userFor("admin", OWN);
    const home = await office.get(admin, "/admin");
    assert.equal(home.statusCode, 200);
    assert.match(home.body, new RegExp(`href="/admin/authorities/${own}"`));
    assert.match(home.body, new RegExp(`href="/admin/authorities/${own}/accounts"`));
    assert.match(home.body, new RegExp(`href="/admin/authorities/${own}/audit"`));
    assert.match(home.body, /Sign out everywhere/);
    const officer = await office.userFor("officer", OTHER);
    const theirs = await office.get(officer, "/admin");
    assert.match(theirs.body, new RegExp(`href="/admin/authorities/${other}"`));
    assert.equal(theirs.body.includes(`/admin/authorities/${other}/accounts`), false);
    assert.equal(theirs.body.includes(`/admin/authorities/${own}`), false);
  });
});
