import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  OTHER,
  OWN,
  errorSummaryText,
  openBackOffice,
  type BackOffice,
  type User,
} from "../../support/back-office.js";
import { postAnyway } from "./post-anyway.js";

// Removing a person, a forward plan notice or a work programme topic: each asks yes or no first;
// a person still named by other records is not removed, and the page says what names them.

describe("removing people and plan entries in the back office", () => {
  let office: BackOffice;
  let officer: User;
  let authorityId: number;
  before(async () => {
    office = await openBackOffice();
    officer = await office.userFor("officer", OWN);
    authorityId = await office.authorityId(OWN);
  });
  after(() => office.close());

  const db = () => office.connection.db;
  const personNamed = (name: string) =>
    db().selectFrom("people").selectAll().where("name", "=", name).executeTakeFirst();
  const deletions = async (table: string, id: number) =>
    db()
      .selectFrom("audit_log")
      .select(["actor", "before"])
      .where("action", "=", "delete")
      .where("record_table", "=", table)
      .where("record_id", "=", String(id))
      .execute();

  test("a person named by other records is not removed; the page says what names them", async () => {
    const member = await db()
      .selectFrom("people")
      .innerJoin("memberships", "memberships.person_id", "people.id")
      .select(["people.id", "people.name"])
      .where("people.authority_id", "=", authorityId)
      .executeTakeFirstOrThrow();
    const url = `/admin/people/${member.id}/remove`;
    const page = await office.get(officer, url);
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /cannot be removed, because other records name them: \d+ members?hips? of (a )?bod/,
    );
    assert.doesNotMatch(page.body, /name="confirm"/);
    const refused = await postAnyway(office, officer, url, { confirm: "yes" });
    assert.equal(refused.statusCode, 409);
    assert.ok(await personNamed(member.name), "still there");
    assert.equal((await deletions("people", member.id)).length, 0);
  });

  test("a person named nowhere is removed after a yes; no keeps them; no answer is refused", async () => {
    const added = await office.post(officer, `/admin/authorities/${authorityId}/people/new`, {
      name: "Added Twice",
      kind: "officer",
    });
    assert.equal(added.statusCode, 303);
    const person = await personNamed("Added Twice");
    assert.ok(person);
    const url = `/admin/people/${person.id}/remove`;
    const personPage = await office.get(officer, `/admin/people/${person.id}`);
    assert.ok(personPage.body.includes(`href="${url}"`), "the person's page links to it");

    const unanswered = await office.post(officer, url, {});
    assert.equal(unanswered.statusCode, 400);
    assert.match(
      errorSummaryText(unanswered.body),
      /Select yes if you want to remove Added Twice, or no to keep it/,
    );
    const kept = await office.post(officer, url, { confirm: "no" });
    assert.equal(kept.statusCode, 303);
    assert.equal(kept.headers.location, `/admin/people/${person.id}?notice=kept`);
    assert.ok(await personNamed("Added Twice"));

    const author = await office.userFor("author", OWN);
    assert.equal((await office.post(author, url, { confirm: "yes" })).statusCode, 403);
    const stranger = await office.userFor("officer", OTHER);
    assert.equal((await office.post(stranger, url, { confirm: "yes" })).statusCode, 403);
    assert.ok(await personNamed("Added Twice"), "refusals change nothing");

    const removed = await office.post(officer, url, { confirm: "yes" });
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers.location, `/admin/authorities/${authorityId}/people?notice=removed`);
    assert.equal(await personNamed("Added Twice"), undefined);
    const [audit] = await deletions("people", person.id);
    assert.equal(audit?.actor, officer.email);
    assert.match(audit?.before ?? "", /Added Twice/);
  });

  test("an imported person's provenance goes with them, in the audit log too", async () => {
    assert.equal(
      (
        await office.post(officer, `/admin/authorities/${authorityId}/people/new`, {
          name: "Imported Once",
          kind: "officer",
        })
      ).statusCode,
      303,
    );
    const person = await personNamed("Imported Once");
    assert.ok(person);
    const source = await db()
      .insertInto("provenance")
      .values({
        authority_id: authorityId,
        record_table: "people",
        record_id: person.id,
        source_file: "minutes.pdf",
        source_from: 10,
        source_to: 23,
        imported_at: "2026-01-05T10:00:00.000Z",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const removed = await office.post(officer, `/admin/people/${person.id}/remove`, { confirm: "yes" });
    assert.equal(removed.statusCode, 303);
    const left = await db()
      .selectFrom("provenance")
      .select("id")
      .where("record_table", "=", "people")
      .where("record_id", "=", person.id)
      .execute();
    assert.deepEqual(left, []);
    const [audit] = await deletions("provenance", source.id);
    assert.equal(audit?.actor, officer.email);
    assert.match(audit?.before ?? "", /minutes\.pdf/);
  });

  test("a forward plan notice is removed after a yes, from a link on the plan", async () => {
    const added = await office.post(officer, `/admin/authorities/${authorityId}/forward-plan/new`, {
      reference: "FP-REMOVE-1",
      title: "Added by mistake",
      "decision-maker": "Cabinet",
      "expected-date-day": "30",
      "expected-date-month": "4",
      "expected-date-year": "2026",
      "first-published-day": "2",
      "first-published-month": "3",
      "first-published-year": "2026",
    });
    assert.equal(added.statusCode, 303);
    const entry = await db()
      .selectFrom("forward_plan_entries")
      .selectAll()
      .where("reference", "=", "FP-REMOVE-1")
      .executeTakeFirstOrThrow();
    const url = `/admin/plan-entries/${entry.id}/remove`;
    const plan = await office.get(officer, `/admin/authorities/${authorityId}/forward-plan`);
    assert.ok(plan.body.includes(`href="${url}"`));
    const member = await office.userFor("member", OWN, { memberOf: ["Cabinet"] });
    assert.equal((await office.post(member, url, { confirm: "yes" })).statusCode, 403);
    assert.equal((await office.post(officer, url, {})).statusCode, 400);
    const removed = await office.post(officer, url, { confirm: "yes" });
    assert.equal(removed.statusCode, 303);
    const gone = await db()
      .selectFrom("forward_plan_entries")
      .select("id")
      .where("id", "=", entry.id)
      .executeTakeFirst();
    assert.equal(gone, undefined);
    assert.equal((await deletions("forward_plan_entries", entry.id)).length, 1);
  });

  test("a work programme topic is removed after a yes, from a link on the body's page", async () => {
    const entry = await db()
      .selectFrom("work_programme_entries")
      .selectAll()
      .where("authority_id", "=", authorityId)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const url = `/admin/programme-entries/${entry.id}/remove`;
    const body = await office.get(officer, `/admin/bodies/${entry.body_id}`);
    assert.ok(body.body.includes(`href="${url}"`));
    const author = await office.userFor("author", OWN);
    assert.equal((await office.post(author, url, { confirm: "yes" })).statusCode, 403);
    const kept = await office.post(officer, url, { confirm: "no" });
    assert.equal(kept.headers.location, `/admin/bodies/${entry.body_id}?notice=kept`);
    const removed = await office.post(officer, url, { confirm: "yes" });
    assert.equal(removed.statusCode, 303);
    const gone = await db()
      .selectFrom("work_programme_entries")
      .select("id")
      .where("id", "=", entry.id)
      .executeTakeFirst();
    assert.equal(gone, undefined);
    assert.equal((await deletions("work_programme_entries", entry.id)).length, 1);
  });
});
