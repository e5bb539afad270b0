import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { OTHER, OWN, errorSummaryText, openBackOffice, type BackOffice } from "../../support/back-office.js";

// The forward plan of key decisions and a scrutiny body's work programme: officers add and
// change entries; short notice of a key decision is a warning, never a refusal; others cannot.

const WELLBEING = "Wellbeing Overview and Scrutiny Committee";

function date(name: string, iso: string): Record<string, string> {
  const [year = "", month = "", day = ""] = iso.split("-");
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year };
}

describe("the forward plan in the back office", () => {
  let office: BackOffice;
  let own: number;
  before(async () => {
    office = await openBackOffice();
    own = await office.authorityId(OWN);
  });
  after(() => office.close());

  const entry = (reference: string) =>
    office.connection.db
      .selectFrom("forward_plan_entries")
      .selectAll()
      .where("reference", "=", reference)
      .executeTakeFirst();

  async function auditCount() {
    const row = await office.connection.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  test("an officer adds a key decision with enough notice, linked to an agenda item", async () => {
    const officer = await office.userFor("officer", OWN);
    const form = await office.get(officer, `/admin/authorities/${own}/forward-plan/new`);
    assert.equal(form.statusCode, 200);
    const item = /<option value="(\d+)">[^<]*Cabinet/.exec(form.body)?.[1];
    assert.ok(item, "the form offers the authority's agenda items");
    const response = await office.post(officer, `/admin/authorities/${own}/forward-plan/new`, {
      reference: "FP-2026-001",
      title: "Schools capital programme 2026 to 2027",
      "decision-maker": "Cabinet",
      ...date("expected-date", "2026-04-14"),
      ...date("first-published", "2026-03-02"),
      consultees: "Head teachers",
      item,
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/admin/authorities/${own}/forward-plan?notice=added`);
    const saved = await entry("FP-2026-001");
    assert.equal(saved?.expected_date, "2026-04-14");
    assert.equal(saved?.item_id, Number(item));
    assert.equal(saved?.is_exempt, false);

    const page = await office.get(officer, `/admin/authorities/${own}/forward-plan`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Schools capital programme/);
    assert.match(page.body, /28 clear days met/);
    assert.doesNotMatch(page.body, /govuk-warning-text/);
  });

  test("short notice is saved, and the plan and the entry's form warn about it", async () => {
    const officer = await office.userFor("officer", OWN);
    const response = await office.post(officer, `/admin/authorities/${own}/forward-plan/new`, {
      reference: "FP-2026-002",
      title: "Urgent care contract",
      "decision-maker": "Cabinet Member for Health",
      ...date("expected-date", "2026-03-20"),
      ...date("first-published", "2026-03-02"),
    });
    assert.equal(response.statusCode, 303);
    const saved = await entry("FP-2026-002");
    assert.ok(saved);
    const page = await office.get(officer, `/admin/authorities/${own}/forward-plan`);
    assert.match(page.body, /govuk-warning-text/);
    assert.match(
      page.body,
      /FP-2026-002: first published Monday 2 March 2026, 17 clear days \(13 counting working days only\)/,
    );
    assert.match(page.body, /Short notice/);
    const form = await office.get(officer, `/admin/plan-entries/${saved.id}`);
    assert.match(form.body, /govuk-warning-text[\s\S]*17 clear days/);
    assert.match(form.body, /value="FP-2026-002"/);
  });

  test("an officer changes an entry; an exempt entry is hidden from a member", async () => {
    const officer = await office.userFor("officer", OWN);
    const saved = await entry("FP-2026-002");
    assert.ok(saved);
    const fields = {
      reference: "FP-2026-002",
      title: "Urgent care contract award",
      "decision-maker": "Cabinet",
      ...date("expected-date", "2026-05-20"),
      ...date("first-published", "2026-03-02"),
    };
    // The notice is on the public forward plan: a change to it needs a reason, which is published.
    const unexplained = await office.post(officer, `/admin/plan-entries/${saved.id}`, fields);
    assert.equal(unexplained.statusCode, 400);
    assert.match(errorSummaryText(unexplained.body), /Enter reason for the change/);
    const explained = await office.post(officer, `/admin/plan-entries/${saved.id}`, {
      ...fields,
      "amendment-reason": "The contract is now awarded, not extended",
    });
    assert.equal(explained.statusCode, 303);
    const plan = await office.get(null, "/forward-plan");
    assert.match(plan.body, /Urgent care contract award/);
    assert.match(plan.body, /Amended on Monday 2 March 2026: The contract is now awarded, not extended/);

    // Marked exempt, it leaves the public plan; changes to it are no longer published amendments.
    const response = await office.post(officer, `/admin/plan-entries/${saved.id}`, {
      ...fields,
      exempt: "yes",
      "amendment-reason": "Commercially sensitive until the award",
    });
    assert.equal(response.statusCode, 303);
    assert.doesNotMatch((await office.get(null, "/forward-plan")).body, /Urgent care contract award/);
    const changed = await entry("FP-2026-002");
    assert.equal(changed?.title, "Urgent care contract award");
    assert.equal(changed?.is_exempt, true);
    assert.equal(changed?.item_id, null);

    const member = await office.userFor("member", OWN, { memberOf: ["Cabinet"] });
    const page = await office.get(member, `/admin/authorities/${own}/forward-plan`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Urgent care contract award/);
    assert.match(page.body, /Schools capital programme/);
    assert.doesNotMatch(page.body, /Add a key decision/);
  });

  test("bad input: each field says what is wrong, and nothing is saved", async () => {
    const officer = await office.userFor("officer", OWN);
    const before = await auditCount();
    const response = await office.post(officer, `/admin/authorities/${own}/forward-plan/new`, {
      reference: "FP-2026-001",
      title: "x".repeat(301),
      "decision-maker": "",
      "expected-date-day": "31",
      "expected-date-month": "2",
      "expected-date-year": "2026",
      "first-published-day": "2",
      "first-published-month": "3",
      item: "999999",
    });
    assert.equal(response.statusCode, 400);
    const summary = errorSummaryText(response.body);
    assert.match(summary, /Title must be 300 characters or fewer/);
    assert.match(summary, /Enter decision maker/);
    assert.match(summary, /Expected date of the decision must be a real date/);
    assert.match(summary, /Date first published must include a year/);
    assert.match(summary, /Select agenda item where the decision is taken from the list/);
    assert.match(response.body, /href="#expected-date-day"/);
    assert.equal(await auditCount(), before);

    const taken = await office.post(officer, `/admin/authorities/${own}/forward-plan/new`, {
      reference: "FP-2026-001",
      title: "Another",
      "decision-maker": "Cabinet",
      ...date("expected-date", "2026-06-01"),
      ...date("first-published", "2026-03-02"),
    });
    assert.equal(taken.statusCode, 400);
    assert.match(errorSummaryText(taken.body), /Another notice in your forward plan has this reference/);
    assert.equal(await auditCount(), before);
  });

  test("an author, an officer of another authority and a signed-out visitor cannot", async () => {
    const users = [await office.userFor("author", OWN), await office.userFor("officer", OTHER)];
    const before = await auditCount();
    const saved = await entry("FP-2026-001");
    assert.ok(saved);
    const fields = {
      reference: "FP-SNEAKY",
      title: "Sneaky",
      "decision-maker": "Cabinet",
      ...date("expected-date", "2026-06-01"),
      ...date("first-published", "2026-03-02"),
    };
    for (const user of users) {
      for (const url of [`/admin/authorities/${own}/forward-plan/new`, `/admin/plan-entries/${saved.id}`]) {
        const response = await office.post(user, url, fields);
        assert.equal(response.statusCode, 403, `${user.email} ${url}`);
      }
    }
    const outsider = await office.userFor("officer", OTHER);
    assert.equal((await office.get(outsider, `/admin/authorities/${own}/forward-plan`)).statusCode, 403);
    assert.equal((await office.get(null, `/admin/authorities/${own}/forward-plan`)).statusCode, 303);
    assert.equal(await entry("FP-SNEAKY"), undefined);
    assert.equal(await auditCount(), before);
  });
});

describe("a scrutiny body's work programme", () => {
  let office: BackOffice;
  let bodyId: number;
  before(async () => {
    office = await openBackOffice();
    const body = await office.connection.db
      .selectFrom("bodies")
      .select("id")
      .where("name", "=", WELLBEING)
      .executeTakeFirstOrThrow();
    bodyId = body.id;
  });
  after(() => office.close());

  const entry = (title: string) =>
    office.connection.db
      .selectFrom("work_programme_entries")
      .selectAll()
      .where("title", "=", title)
      .executeTakeFirst();

  test("the body's page shows its work programme, with a link to add to it", async () => {
    const officer = await office.userFor("officer", OWN);
    const page = await office.get(officer, `/admin/bodies/${bodyId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h2 class="govuk-heading-m">Work programme<\/h2>/);
    assert.match(page.body, /Acute Services Review/);
    assert.match(page.body, /6 \(High\)/);
    assert.match(page.body, /Add to the work programme/);
  });

  test("an officer adds an entry to be scheduled, then links it to a meeting", async () => {
    const officer = await office.userFor("officer", OWN);
    const url = `/admin/bodies/${bodyId}/work-programme/new`;
    const form = await office.get(officer, url);
    assert.match(form.body, /<option value="2025\/26" selected>2025 to 2026<\/option>/);
    assert.match(form.body, /name="position"[^>]*value="21"/);
    const response = await office.post(officer, url, {
      year: "2025/26",
      title: "Dental access in the city",
      score: "72",
      band: "high",
      reason: "Member request",
      responsible: "Director of Public Health",
      position: "21",
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/admin/bodies/${bodyId}?notice=added`);
    const saved = await entry("Dental access in the city");
    assert.ok(saved);
    assert.equal(saved.priority_score, 72);
    assert.equal(saved.meeting_date, null);
    assert.equal(saved.kind, null);
    const page = await office.get(officer, `/admin/bodies/${bodyId}`);
    assert.match(page.body, /To be scheduled/);
    assert.match(page.body, /72 \(High\)/);

    const meeting = await office.connection.db
      .selectFrom("meetings")
      .select(["id", "date"])
      .where("body_id", "=", bodyId)
      .orderBy("date", "desc")
      .executeTakeFirstOrThrow();
    const changed = await office.post(officer, `/admin/programme-entries/${saved.id}`, {
      year: "2025/26",
      title: "Dental access in the city",
      meeting: String(meeting.id),
      "meeting-date-day": "1",
      "meeting-date-month": "1",
      "meeting-date-year": "2027",
      standing: "yes",
      position: "3",
    });
    assert.equal(changed.statusCode, 303);
    const linked = await entry("Dental access in the city");
    assert.equal(linked?.meeting_id, meeting.id);
    assert.equal(linked?.meeting_date, meeting.date, "the meeting's date wins over a typed one");
    assert.equal(linked?.kind, "standing-item");
    assert.equal(linked?.priority_score, null);
  });

  test("an imported kind is kept when the entry is not a standing item", async () => {
    const officer = await office.userFor("officer", OWN);
    const saved = await entry("Acute Services Review");
    assert.equal(saved?.kind, "member-request");
    assert.ok(saved);
    const form = await office.get(officer, `/admin/programme-entries/${saved.id}`);
    assert.match(form.body, /<option value="2017\/18" selected>2017 to 2018<\/option>/);
    const response = await office.post(officer, `/admin/programme-entries/${saved.id}`, {
      year: "2017/18",
      title: "Acute Services Review",
      score: "6",
      band: "high",
      position: String(saved.position),
    });
    assert.equal(response.statusCode, 303);
    assert.equal((await entry("Acute Services Review"))?.kind, "member-request");
  });

  test("bad input: each field says what is wrong, and nothing is saved", async () => {
    const officer = await office.userFor("officer", OWN);
    const count = async () =>
      (await office.connection.db.selectFrom("audit_log").select("id").execute()).length;
    const before = await count();
    const response = await office.post(officer, `/admin/bodies/${bodyId}/work-programme/new`, {
      year: "1999/00",
      title: "",
      score: "101",
      band: "urgent",
      "meeting-date-day": "31",
      "meeting-date-month": "2",
      "meeting-date-year": "2026",
      position: "abc",
    });
    assert.equal(response.statusCode, 400);
    const summary = errorSummaryText(response.body);
    assert.match(summary, /Select municipal year from the list/);
    assert.match(summary, /Enter topic/);
    assert.match(summary, /Priority score must be 100 or less/);
    assert.match(summary, /Select priority from the list/);
    assert.match(summary, /must be a real date/);
    assert.match(summary, /Position in the work programme must be a whole number/);
    assert.match(response.body, /href="#meeting-date-day"/);
    assert.equal(await count(), before);
  });

  test("a member, an author and an officer of another authority cannot change it", async () => {
    const saved = await entry("Acute Services Review");
    assert.ok(saved);
    const users = [
      await office.userFor("member", OWN, { memberOf: [WELLBEING] }),
      await office.userFor("author", OWN),
      await office.userFor("officer", OTHER),
    ];
    for (const user of users) {
      for (const url of [
        `/admin/bodies/${bodyId}/work-programme/new`,
        `/admin/programme-entries/${saved.id}`,
      ]) {
        const response = await office.post(user, url, { year: "2025/26", title: "Sneaky", position: "1" });
        assert.equal(response.statusCode, 403, `${user.email} ${url}`);
      }
    }
    assert.equal(await entry("Sneaky"), undefined);
    const member = users[0];
    assert.ok(member);
    const page = await office.get(member, `/admin/bodies/${bodyId}`);
    assert.match(page.body, /Acute Services Review/);
    assert.doesNotMatch(page.body, /Add to the work programme/);
  });
});
