import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { OTHER, OWN, errorSummaryText, openBackOffice, type BackOffice } from "../../support/back-office.js";

// Bodies in the back office: an officer adds and changes them, joint bodies included; the forms
// say what is wrong and save nothing when it is.

describe("bodies in the back office", () => {
  let office: BackOffice;
  before(async () => {
    office = await openBackOffice();
  });
  after(() => office.close());

  async function bodyNamed(name: string) {
    return office.connection.db.selectFrom("bodies").selectAll().where("name", "=", name).executeTakeFirst();
  }

  test("an officer adds a joint body with a partner authority, and the audit log says who", async () => {
    const officer = await office.userFor("officer", OWN);
    const own = await office.authorityId(OWN);
    const other = await office.authorityId(OTHER);
    const response = await office.post(officer, `/admin/authorities/${own}/bodies/new`, {
      name: "Joint Licensing Committee",
      kind: "joint-committee",
      purpose: "Taxi licensing across both areas",
      partners: [String(other)],
    });
    assert.equal(response.statusCode, 303);
    const body = await bodyNamed("Joint Licensing Committee");
    assert.ok(body);
    assert.equal(body.is_joint, true);
    assert.equal(response.headers.location, `/admin/bodies/${body.id}?notice=added`);
    const links = await office.connection.db
      .selectFrom("body_authorities")
      .selectAll()
      .where("body_id", "=", body.id)
      .execute();
    assert.deepEqual(links.map((l) => l.authority_id).sort(), [own, other].sort());
    const audit = await office.connection.db
      .selectFrom("audit_log")
      .selectAll()
      .where("record_table", "=", "bodies")
      .where("record_id", "=", String(body.id))
      .execute();
    assert.equal(audit[0]?.actor, officer.email);

    const page = await office.get(officer, `/admin/bodies/${body.id}?notice=added`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Joint Licensing Committee/);
    assert.match(page.body, /Also taking part/);
    assert.match(page.body, /govuk-notification-banner/);
  });

  test("bad input gets an error summary linking to each field, and saves nothing", async () => {
    const officer = await office.userFor("officer", OWN);
    const own = await office.authorityId(OWN);
    const before = await office.connection.db.selectFrom("bodies").select("id").execute();
    const response = await office.post(officer, `/admin/authorities/${own}/bodies/new`, {
      name: "x".repeat(201),
      kind: "not-a-kind",
    });
    assert.equal(response.statusCode, 400);
    const summary = errorSummaryText(response.body);
    assert.match(summary, /Name must be 200 characters or fewer/);
    assert.match(summary, /Select kind of body from the list/);
    assert.match(response.body, /href="#name"/);
    assert.match(response.body, /<title>Error: /);
    const afterwards = await office.connection.db.selectFrom("bodies").select("id").execute();
    assert.equal(afterwards.length, before.length);
  });

  test("an officer of another authority, an author and a signed-out visitor cannot", async () => {
    const own = await office.authorityId(OWN);
    const url = `/admin/authorities/${own}/bodies/new`;
    for (const user of [await office.userFor("officer", OTHER), await office.userFor("author", OWN)]) {
      const response = await office.post(user, url, { name: "Sneaky Committee", kind: "committee" });
      assert.equal(response.statusCode, 403, user.email);
    }
    const anonymous = await office.get(null, url);
    assert.equal(anonymous.statusCode, 303);
    assert.equal(await bodyNamed("Sneaky Committee"), undefined);
  });

  test("an officer changes a body; a joint body stops being joint when its partners are removed", async () => {
    const officer = await office.userFor("officer", OWN);
    const body = await bodyNamed("Joint Licensing Committee");
    assert.ok(body);
    const form = await office.get(officer, `/admin/bodies/${body.id}/edit`);
    assert.match(form.body, /value="Joint Licensing Committee"/);
    const response = await office.post(officer, `/admin/bodies/${body.id}/edit`, {
      name: "Licensing Committee",
      kind: "regulatory",
    });
    assert.equal(response.statusCode, 303);
    const changed = await bodyNamed("Licensing Committee");
    assert.equal(changed?.is_joint, false);
    const links = await office.connection.db
      .selectFrom("body_authorities")
      .selectAll()
      .where("body_id", "=", body.id)
      .execute();
    assert.equal(links.length, 1);
  });
});
