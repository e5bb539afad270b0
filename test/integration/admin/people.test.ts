import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { OTHER, OWN, errorSummaryText, openBackOffice, type BackOffice } from "../../support/back-office.js";

// People and memberships in the back office: an officer adds and changes people and who sits on
// which body; others may read but not change; the forms say what is wrong and save nothing.

describe("people and memberships in the back office", () => {
  let office: BackOffice;
  before(async () => {
    office = await openBackOffice();
  });
  after(() => office.close());

  const db = () => office.connection.db;

  async function personNamed(name: string) {
    return db().selectFrom("people").selectAll().where("name", "=", name).executeTakeFirst();
  }

  async function bodyId(name: string): Promise<number> {
    const body = await db()
      .selectFrom("bodies")
      .select("id")
      .where("name", "=", name)
      .executeTakeFirstOrThrow();
    return body.id;
  }

  function dateBoxes(name: string, [day, month, year]: string[]): Record<string, string> {
    return { [`${name}-day`]: day ?? "", [`${name}-month`]: month ?? "", [`${name}-year`]: year ?? "" };
  }

  async function count(table: "people" | "memberships"): Promise<number> {
    return (await db().selectFrom(table).select("id").execute()).length;
  }

  test("the people of an authority are listed for anyone with a role there", async () => {
    const own = await office.authorityId(OWN);
    const author = await office.userFor("author", OWN);
    const page = await office.get(author, `/admin/authorities/${own}/people`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Ross Jago/);
    assert.equal(page.body.includes("Add a person"), false, "an author may not add people");
    const officer = await office.userFor("officer", OWN);
    assert.match((await office.get(officer, `/admin/authorities/${own}/people`)).body, /Add a person/);
    const stranger = await office.userFor("officer", OTHER);
    assert.equal((await office.get(stranger, `/admin/authorities/${own}/people`)).statusCode, 403);
  });

  test("an officer adds a person, keyed by their name as the loader keys it", async () => {
    const officer = await office.userFor("officer", OWN);
    const own = await office.authorityId(OWN);
    const response = await office.post(officer, `/admin/authorities/${own}/people/new`, {
      name: "Sally Haydon",
      honorific: "Mrs",
      kind: "councillor",
      party: "Labour",
      ward: "Stoke",
    });
    assert.equal(response.statusCode, 303);
    const person = await personNamed("Sally Haydon");
    assert.ok(person);
    assert.equal(person.name_key, "sally haydon");
    assert.equal(person.authority_id, own);
    assert.equal(response.headers.location, `/admin/people/${person.id}?notice=added`);
    const page = await office.get(officer, `/admin/people/${person.id}`);
    assert.match(page.body, /Mrs Sally Haydon/);
    assert.match(page.body, /Stoke/);
  });

  test("a person's name already used in the authority, honorifics apart, is refused", async () => {
    const officer = await office.userFor("officer", OWN);
    const own = await office.authorityId(OWN);
    const before = await count("people");
    const response = await office.post(officer, `/admin/authorities/${own}/people/new`, {
      name: "Councillor Sally Haydon",
      kind: "councillor",
    });
    assert.equal(response.statusCode, 400);
    assert.match(errorSummaryText(response.body), /already someone with this name/);
    assert.equal(await count("people"), before);
  });

  test("bad input on the person form gets an error summary and saves nothing", async () => {
    const officer = await office.userFor("officer", OWN);
    const own = await office.authorityId(OWN);
    const before = await count("people");
    const response = await office.post(officer, `/admin/authorities/${own}/people/new`, {
      name: "",
      honorific: "x".repeat(51),
      kind: "wizard",
    });
    assert.equal(response.statusCode, 400);
    const summary = errorSummaryText(response.body);
    assert.match(summary, /Enter name/);
    assert.match(summary, /Title \(optional\) must be 50 characters or fewer/);
    assert.match(summary, /Select kind of person from the list/);
    assert.equal(await count("people"), before);
  });

  test("an officer changes a person; another authority's officer cannot", async () => {
    const person = await personNamed("Sally Haydon");
    assert.ok(person);
    const stranger = await office.userFor("officer", OTHER);
    const refused = await office.post(stranger, `/admin/people/${person.id}/edit`, {
      name: "Sneaky Name",
      kind: "officer",
    });
    assert.equal(refused.statusCode, 403);
    assert.equal((await personNamed("Sally Haydon"))?.kind, "councillor");

    const officer = await office.userFor("officer", OWN);
    const form = await office.get(officer, `/admin/people/${person.id}/edit`);
    assert.match(form.body, /value="Sally Haydon"/);
    const response = await office.post(officer, `/admin/people/${person.id}/edit`, {
      name: "Sally Haydon",
      honorific: "Mrs",
      kind: "councillor",
      party: "Labour and Co-operative",
      ward: "Stoke",
    });
    assert.equal(response.statusCode, 303);
    assert.equal((await personNamed("Sally Haydon"))?.party, "Labour and Co-operative");
  });

  test("an officer adds a member to a body, and the body's page lists them", async () => {
    const officer = await office.userFor("officer", OWN);
    const person = await personNamed("Sally Haydon");
    assert.ok(person);
    const cabinet = await bodyId("Cabinet");
    const form = await office.get(officer, `/admin/bodies/${cabinet}/memberships/new`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Mrs Sally Haydon/);
    const response = await office.post(officer, `/admin/bodies/${cabinet}/memberships/new`, {
      person: String(person.id),
      role: "member",
      "from-day": "1",
      "from-month": "4",
      "from-year": "2026",
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/admin/bodies/${cabinet}?notice=added`);
    const membership = await db()
      .selectFrom("memberships")
      .selectAll()
      .where("person_id", "=", person.id)
      .executeTakeFirstOrThrow();
    assert.equal(membership.from_date, "2026-04-01");
    assert.equal(membership.to_date, null);
    assert.equal(membership.body_id, cabinet);
    const page = await office.get(officer, `/admin/bodies/${cabinet}`);
    assert.match(page.body, /<h2 class="govuk-heading-m">Members<\/h2>/);
    assert.match(page.body, /Mrs Sally Haydon/);
    assert.match(page.body, /Wednesday 1 April 2026/);
    assert.match(page.body, /Add a member/);
    const author = await office.userFor("author", OWN);
    const read = await office.get(author, `/admin/bodies/${cabinet}`);
    assert.match(read.body, /Mrs Sally Haydon/);
    assert.equal(read.body.includes("Add a member"), false, "an author sees members but may not change them");
  });

  test("a second membership of the same body at the same dates is refused", async () => {
    const officer = await office.userFor("officer", OWN);
    const person = await personNamed("Sally Haydon");
    assert.ok(person);
    const cabinet = await bodyId("Cabinet");
    const before = await count("memberships");
    const response = await office.post(officer, `/admin/bodies/${cabinet}/memberships/new`, {
      person: String(person.id),
      role: "chair",
    });
    assert.equal(response.statusCode, 400);
    assert.match(errorSummaryText(response.body), /already a member at those dates/);
    assert.equal(await count("memberships"), before);
  });

  test("a membership whose last day is before its first is refused with the error summary", async () => {
    const officer = await office.userFor("officer", OWN);
    const person = await personNamed("Ross Jago");
    assert.ok(person);
    const cabinet = await bodyId("Cabinet");
    const before = await count("memberships");
    const response = await office.post(officer, `/admin/bodies/${cabinet}/memberships/new`, {
      person: String(person.id),
      role: "clerk",
      "from-day": "1",
      "from-month": "5",
      "from-year": "2026",
      "to-day": "30",
      "to-month": "4",
      "to-year": "2026",
    });
    assert.equal(response.statusCode, 400);
    assert.match(errorSummaryText(response.body), /Last day must be the same as or after the first day/);
    assert.match(response.body, /href="#to-day"/);
    assert.equal(await count("memberships"), before);
  });

  test("a date that does not exist, or a person not offered, is refused", async () => {
    const officer = await office.userFor("officer", OWN);
    const cabinet = await bodyId("Cabinet");
    const torbayPerson = await personNamed("Gordon Oliver");
    assert.ok(torbayPerson);
    const before = await count("memberships");
    const response = await office.post(officer, `/admin/bodies/${cabinet}/memberships/new`, {
      person: String(torbayPerson.id),
      role: "member",
      "from-day": "31",
      "from-month": "2",
      "from-year": "2026",
    });
    assert.equal(response.statusCode, 400);
    const summary = errorSummaryText(response.body);
    assert.match(summary, /Select person from the list/);
    assert.match(summary, /First day \(optional\) must be a real date/);
    assert.equal(await count("memberships"), before);
  });

  test("an officer changes, ends and removes a membership; another authority's officer cannot", async () => {
    const officer = await office.userFor("officer", OWN);
    const person = await personNamed("Sally Haydon");
    assert.ok(person);
    const membership = await db()
      .selectFrom("memberships")
      .selectAll()
      .where("person_id", "=", person.id)
      .executeTakeFirstOrThrow();
    const stranger = await office.userFor("officer", OTHER);
    const refused = await office.post(stranger, `/admin/memberships/${membership.id}/remove`, {});
    assert.equal(refused.statusCode, 403);

    const changed = await office.post(officer, `/admin/memberships/${membership.id}/edit`, {
      role: "vice-chair",
      "from-day": "1",
      "from-month": "4",
      "from-year": "2026",
    });
    assert.equal(changed.statusCode, 303);
    const early = await office.post(officer, `/admin/memberships/${membership.id}/end`, {
      "to-day": "31",
      "to-month": "3",
      "to-year": "2026",
    });
    assert.equal(early.statusCode, 400, "it cannot end before it began");
    const ended = await office.post(officer, `/admin/memberships/${membership.id}/end`, {
      "to-day": "30",
      "to-month": "4",
      "to-year": "2027",
    });
    assert.equal(ended.statusCode, 303);
    const row = await db()
      .selectFrom("memberships")
      .selectAll()
      .where("id", "=", membership.id)
      .executeTakeFirst();
    assert.equal(row?.role, "vice-chair");
    assert.equal(row?.to_date, "2027-04-30");

    const removed = await office.post(officer, `/admin/memberships/${membership.id}/remove`, {});
    assert.equal(removed.statusCode, 303);
    assert.equal(
      await db().selectFrom("memberships").select("id").where("id", "=", membership.id).executeTakeFirst(),
      undefined,
    );
    const audit = await db()
      .selectFrom("audit_log")
      .select(["action", "actor"])
      .where("record_table", "=", "memberships")
      .where("record_id", "=", String(membership.id))
      .orderBy("id")
      .execute();
    assert.deepEqual(
      audit.map((entry) => entry.action),
      ["insert", "update", "update", "delete"],
    );
    assert.ok(audit.every((entry) => entry.actor === officer.email));
  });

  test("changing a membership's dates to overlap another of the same person on the body is refused", async () => {
    const officer = await office.userFor("officer", OWN);
    const authority = await office.authorityId(OWN);
    const added = await office.post(officer, `/admin/authorities/${authority}/people/new`, {
      name: "Pat Overlap",
      kind: "councillor",
    });
    assert.equal(added.statusCode, 303);
    const person = await personNamed("Pat Overlap");
    assert.ok(person);
    const committee = await bodyId("Wellbeing Overview and Scrutiny Committee");
    const spans = [
      { from: ["1", "5", "2025"], to: ["31", "3", "2026"] },
      { from: ["1", "4", "2026"], to: null },
    ];
    for (const span of spans) {
      const response = await office.post(officer, `/admin/bodies/${committee}/memberships/new`, {
        person: String(person.id),
        role: "member",
        ...dateBoxes("from", span.from),
        ...(span.to === null ? {} : dateBoxes("to", span.to)),
      });
      assert.equal(response.statusCode, 303);
    }
    const [past] = await db()
      .selectFrom("memberships")
      .selectAll()
      .where("person_id", "=", person.id)
      .orderBy("from_date")
      .execute();
    assert.ok(past);
    const url = `/admin/memberships/${past.id}/edit`;
    const overlapping = await office.post(officer, url, {
      role: "member",
      ...dateBoxes("from", ["1", "5", "2025"]),
      ...dateBoxes("to", ["30", "6", "2026"]),
    });
    assert.equal(overlapping.statusCode, 400);
    assert.match(errorSummaryText(overlapping.body), /already a member at those dates/);
    const unchanged = await db()
      .selectFrom("memberships")
      .selectAll()
      .where("id", "=", past.id)
      .executeTakeFirstOrThrow();
    assert.equal(unchanged.to_date, "2026-03-31");

    // Its own dates are no overlap: a change that keeps clear of the other is saved.
    const changed = await office.post(officer, url, {
      role: "vice-chair",
      ...dateBoxes("from", ["1", "5", "2025"]),
      ...dateBoxes("to", ["30", "3", "2026"]),
    });
    assert.equal(changed.statusCode, 303);
  });

  test("pages for records that do not exist are not found", async () => {
    const officer = await office.userFor("officer", OWN);
    assert.equal((await office.get(officer, "/admin/people/99999")).statusCode, 404);
    assert.equal((await office.get(officer, "/admin/memberships/99999/edit")).statusCode, 404);
    assert.equal((await office.get(officer, "/admin/people/abc")).statusCode, 404);
  });
});
