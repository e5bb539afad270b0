import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { callInExpiry } from "../../../src/domain/deadlines.js";
import { OTHER, OWN, errorSummaryText, openBackOffice, type BackOffice } from "../../support/back-office.js";

// Decision records: drafted on an item, published with the call-in period the deadline engine
// counts (or as urgent, with its reason), called in, and amended with a reason once published.

describe("decision records in the back office", () => {
  let office: BackOffice;
  let itemId: number;
  let otherItemId: number;

  before(async () => {
    office = await openBackOffice();
    const db = office.connection.db;
    const authorityId = await office.authorityId(OWN);
    const body = await db
      .selectFrom("bodies")
      .selectAll()
      .where("name", "=", "Cabinet")
      .executeTakeFirstOrThrow();
    const meeting = await db
      .insertInto("meetings")
      .values({
        authority_id: authorityId,
        body_id: body.id,
        slug: "2026-02-24-cabinet-decisions",
        date: "2026-02-24",
        is_agenda_published: true,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const item = async (position: number, title: string) =>
      (
        await db
          .insertInto("agenda_items")
          .values({
            authority_id: authorityId,
            meeting_id: meeting.id,
            position,
            number: String(position),
            title,
            kind: "report",
            part: "I",
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    itemId = await item(1, "Library service redesign");
    otherItemId = await item(2, "Emergency repairs to the Civic Centre");
  });
  after(() => office.close());

  const decisionOf = (id: number) =>
    office.connection.db.selectFrom("decisions").selectAll().where("item_id", "=", id).executeTakeFirst();

  test("an officer drafts a decision, publishes it with its call-in period, and records a call-in", async () => {
    const officer = await office.userFor("officer", OWN);
    const form = await office.get(officer, `/admin/items/${itemId}/decision`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Library service redesign/);
    const drafted = await office.post(officer, `/admin/items/${itemId}/decision`, {
      "decision-maker": "Cabinet",
      "decided-on-day": "24",
      "decided-on-month": "2",
      "decided-on-year": "2026",
      title: "Library service redesign",
      key: "yes",
      reasons: "To keep all branches open with shorter hours",
      "options-rejected": "Closing three branches",
    });
    assert.equal(drafted.statusCode, 303);
    const draft = await decisionOf(itemId);
    assert.ok(draft);
    assert.equal(draft.is_published, false);
    assert.equal(draft.decided_on, "2026-02-24");
    assert.equal(draft.is_key_decision, true);
    assert.equal(drafted.headers.location, `/admin/decisions/${draft.id}?notice=added`);

    const publishForm = await office.get(officer, `/admin/decisions/${draft.id}/publish`);
    const authority = await office.connection.db
      .selectFrom("authorities")
      .selectAll()
      .where("name", "=", OWN)
      .executeTakeFirstOrThrow();
    const expires = callInExpiry("2026-03-02", "england", authority.call_in_working_days);
    assert.match(publishForm.body, /may be called in until the end of/);
    const published = await office.post(officer, `/admin/decisions/${draft.id}/publish`, {});
    assert.equal(published.statusCode, 303);
    const after = await decisionOf(itemId);
    assert.equal(after?.is_published, true);
    assert.equal(after?.published_on, "2026-03-02");
    assert.equal(after?.call_in_expires_on, expires);
    assert.equal(after?.call_in_status, "open");

    const page = await office.get(officer, `/admin/decisions/${draft.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Call-in period ends/);
    assert.match(page.body, /Open for call-in/);

    // Published once: there is no publishing it again.
    assert.equal((await office.get(officer, `/admin/decisions/${draft.id}/publish`)).statusCode, 404);

    const calledIn = await office.post(officer, `/admin/decisions/${draft.id}/call-in`, {
      status: "called-in",
    });
    assert.equal(calledIn.statusCode, 303);
    assert.equal((await decisionOf(itemId))?.call_in_status, "called-in");
  });

  test("a published decision changed keeps its old version with the reason", async () => {
    const officer = await office.userFor("officer", OWN);
    const decision = await decisionOf(itemId);
    assert.ok(decision);
    const url = `/admin/decisions/${decision.id}/edit`;
    const fields = {
      "decision-maker": "Cabinet",
      "decided-on-day": "24",
      "decided-on-month": "2",
      "decided-on-year": "2026",
      title: "Library service redesign (phase 1)",
    };
    const withoutReason = await office.post(officer, url, fields);
    assert.equal(withoutReason.statusCode, 400);
    assert.match(errorSummaryText(withoutReason.body), /Enter reason for the change/);
    const amended = await office.post(officer, url, {
      ...fields,
      "amendment-reason": "The title named no phase",
    });
    assert.equal(amended.statusCode, 303);
    const versions = await office.connection.db
      .selectFrom("record_versions")
      .selectAll()
      .where("record_table", "=", "decisions")
      .where("record_id", "=", decision.id)
      .execute();
    assert.equal(versions.length, 1);
    assert.equal(versions[0]?.reason, "The title named no phase");
    assert.equal((await decisionOf(itemId))?.title, "Library service redesign (phase 1)");
  });

  test("an urgent decision needs its reason and is not subject to call-in", async () => {
    const officer = await office.userFor("officer", OWN);
    await office.post(officer, `/admin/items/${otherItemId}/decision`, {
      "decision-maker": "Leader of the Council",
      "decided-on-day": "1",
      "decided-on-month": "3",
      "decided-on-year": "2026",
      title: "Emergency repairs to the Civic Centre",
    });
    const decision = await decisionOf(otherItemId);
    assert.ok(decision);
    const url = `/admin/decisions/${decision.id}/publish`;
    const noReason = await office.post(officer, url, { urgent: "yes" });
    assert.equal(noReason.statusCode, 400);
    assert.match(errorSummaryText(noReason.body), /Enter the reason the decision is urgent/);
    assert.equal((await decisionOf(otherItemId))?.is_published, false);
    const urgent = await office.post(officer, url, {
      urgent: "yes",
      "urgency-reason": "The roof is unsafe and the building must reopen on Monday",
    });
    assert.equal(urgent.statusCode, 303);
    const after = await decisionOf(otherItemId);
    assert.equal(after?.call_in_status, "not-applicable");
    assert.equal(after?.call_in_expires_on, null);
    assert.equal(after?.urgency_reason, "The roof is unsafe and the building must reopen on Monday");
    const callIn = await office.post(officer, `/admin/decisions/${decision.id}/call-in`, {
      status: "called-in",
    });
    assert.equal(callIn.statusCode, 400);
  });

  test("an author and an officer of another authority are refused, and nothing changes", async () => {
    const decision = await decisionOf(itemId);
    assert.ok(decision);
    const draft = await office.connection.db
      .insertInto("decisions")
      .values({
        authority_id: decision.authority_id,
        item_id: otherItemId,
        decision_maker: "Cabinet",
        decided_on: "2026-02-24",
        title: "A draft decision",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const users = [await office.userFor("author", OWN), await office.userFor("officer", OTHER)];
    const audit = await office.connection.db.selectFrom("audit_log").select("id").execute();
    for (const user of users) {
      for (const [url, fields] of [
        [`/admin/items/${itemId}/decision`, { title: "Changed", "amendment-reason": "x" }],
        [`/admin/decisions/${decision.id}/call-in`, { status: "not-called-in" }],
        [`/admin/decisions/${draft.id}/publish`, {}],
      ] as const) {
        const response = await office.post(user, url, fields);
        assert.equal(response.statusCode, 403, `${user.email} ${url}`);
      }
    }
    assert.deepEqual(await decisionOf(itemId), decision);
    const stillDraft = await office.connection.db
      .selectFrom("decisions")
      .select("is_published")
      .where("id", "=", draft.id)
      .executeTakeFirstOrThrow();
    assert.equal(stillDraft.is_published, false);
    assert.equal(
      (await office.connection.db.selectFrom("audit_log").select("id").execute()).length,
      audit.length,
    );
  });

  test("bad input gets the error summary and saves nothing", async () => {
    const officer = await office.userFor("officer", OWN);
    const before = await office.connection.db.selectFrom("decisions").select("id").execute();
    const db = office.connection.db;
    const spare = await db
      .insertInto("agenda_items")
      .values({
        authority_id: await office.authorityId(OWN),
        meeting_id: (
          await db
            .selectFrom("agenda_items")
            .select("meeting_id")
            .where("id", "=", itemId)
            .executeTakeFirstOrThrow()
        ).meeting_id,
        position: 3,
        number: "3",
        title: "Spare item",
        kind: "report",
        part: "I",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const response = await office.post(officer, `/admin/items/${spare.id}/decision`, {
      "decision-maker": "",
      "decided-on-day": "31",
      "decided-on-month": "2",
      "decided-on-year": "2026",
      title: "x".repeat(301),
    });
    assert.equal(response.statusCode, 400);
    const summary = errorSummaryText(response.body);
    assert.match(summary, /Enter decision maker/);
    assert.match(summary, /Date of the decision must be a real date/);
    assert.match(summary, /Title must be 300 characters or fewer/);
    assert.equal(
      (await office.connection.db.selectFrom("decisions").select("id").execute()).length,
      before.length,
    );
  });
});
