import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  OWN,
  errorSummaryText,
  openBackOffice,
  type BackOffice,
  type User,
} from "../../support/back-office.js";
import { postAnyway } from "./post-anyway.js";

// Changes to a meeting after the first draft: an agenda published once is not published again.

const COMMITTEE = "Wellbeing Overview and Scrutiny Committee";

describe("changing meetings and their agendas", () => {
  let office: BackOffice;
  let officer: User;
  let meetingId: number;
  let bodyId: number;
  before(async () => {
    office = await openBackOffice();
    officer = await office.userFor("officer", OWN);
    const body = await db()
      .selectFrom("bodies")
      .select("id")
      .where("name", "=", COMMITTEE)
      .executeTakeFirstOrThrow();
    bodyId = body.id;
    const created = await office.post(officer, `/admin/bodies/${bodyId}/meetings/new`, {
      "date-day": "20",
      "date-month": "4",
      "date-year": "2026",
      start: "10am",
    });
    assert.equal(created.statusCode, 303);
    meetingId = Number(/\/admin\/meetings\/(\d+)/.exec(created.headers.location ?? "")?.[1]);
    const titles = ["Apologies", "Budget", "Any other business"];
    for (const [index, title] of titles.entries()) {
      const number = String(index + 1);
      const added = await office.post(officer, `/admin/meetings/${meetingId}/items/new`, {
        number,
        title,
        kind: "report",
        part: "I",
      });
      assert.equal(added.statusCode, 303, `item ${number} added`);
    }
  });
  after(() => office.close());

  const db = () => office.connection.db;
  const meeting = () =>
    db().selectFrom("meetings").selectAll().where("id", "=", meetingId).executeTakeFirstOrThrow();
  const auditCount = async () =>
    Number(
      (
        await db()
          .selectFrom("audit_log")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const agenda = () =>
    db()
      .selectFrom("agenda_items")
      .select(["id", "number", "title", "position"])
      .where("meeting_id", "=", meetingId)
      .orderBy("position")
      .execute();

  test("the agenda has buttons to move each item up or down, for an officer only", async () => {
    const [first, , last] = await agenda();
    assert.ok(first && last);
    const page = await office.get(officer, `/admin/meetings/${meetingId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Move down<span class="govuk-visually-hidden"> item 1<\/span>/);
    assert.match(page.body, /Move up<span class="govuk-visually-hidden"> item 3<\/span>/);
    assert.ok(!page.body.includes(`/admin/items/${first.id}/move-up`), "the first cannot go up");
    assert.ok(!page.body.includes(`/admin/items/${last.id}/move-down`), "the last cannot go down");
    const author = await office.userFor("author", OWN);
    assert.doesNotMatch((await office.get(author, `/admin/meetings/${meetingId}`)).body, /Move up/);
  });

  test("moving an item down swaps it with the next, numbers kept, each place audited", async () => {
    const [first] = await agenda();
    assert.ok(first);
    const before = await auditCount();
    const moved = await office.post(officer, `/admin/items/${first.id}/move-down`, {});
    assert.equal(moved.statusCode, 303);
    assert.equal(moved.headers.location, `/admin/meetings/${meetingId}?notice=moved`);
    assert.deepEqual(
      (await agenda()).map((item) => [item.position, item.number, item.title]),
      [
        [1, "2", "Budget"],
        [2, "1", "Apologies"],
        [3, "3", "Any other business"],
      ],
    );
    assert.equal(await auditCount(), before + 2, "two places changed, two audit rows");
    const back = await office.post(officer, `/admin/items/${first.id}/move-up`, {});
    assert.equal(back.statusCode, 303);
    assert.deepEqual(
      (await agenda()).map((item) => item.title),
      ["Apologies", "Budget", "Any other business"],
    );
  });

  test("the first item cannot move up nor the last down; an author cannot move any", async () => {
    const [first, second, last] = await agenda();
    assert.ok(first && second && last);
    assert.equal((await office.get(officer, `/admin/items/${first.id}/move-up`)).statusCode, 404);
    assert.equal((await office.get(officer, `/admin/items/${last.id}/move-down`)).statusCode, 404);
    const author = await office.userFor("author", OWN);
    const before = await auditCount();
    assert.equal((await postAnyway(office, author, `/admin/items/${second.id}/move-up`, {})).statusCode, 403);
    assert.equal(await auditCount(), before);
    assert.deepEqual(
      (await agenda()).map((item) => item.title),
      ["Apologies", "Budget", "Any other business"],
    );
  });

  test("a draft re-arranged or cancelled keeps the reason given in the audit log", async () => {
    const created = await office.post(officer, `/admin/bodies/${bodyId}/meetings/new`, {
      "date-day": "11",
      "date-month": "5",
      "date-year": "2026",
      start: "2pm",
    });
    assert.equal(created.statusCode, 303);
    const draftId = Number(/\/admin\/meetings\/(\d+)/.exec(created.headers.location ?? "")?.[1]);
    const form = await office.get(officer, `/admin/meetings/${draftId}/rearrange`);
    assert.match(form.body, /Reason \(optional\)/);
    assert.doesNotMatch(form.body, /Reason for the change/, "a draft's reason is not published");

    const tooLong = await office.post(officer, `/admin/meetings/${draftId}/rearrange`, {
      "date-day": "12",
      "date-month": "5",
      "date-year": "2026",
      start: "2pm",
      reason: "x".repeat(501),
    });
    assert.equal(tooLong.statusCode, 400);
    assert.match(errorSummaryText(tooLong.body), /Reason/);

    const rearranged = await office.post(officer, `/admin/meetings/${draftId}/rearrange`, {
      "date-day": "12",
      "date-month": "5",
      "date-year": "2026",
      start: "2pm",
      reason: "The chair is away on the 11th.",
    });
    assert.equal(rearranged.statusCode, 303);
    const cancelled = await office.post(officer, `/admin/meetings/${draftId}/cancel`, {
      reason: "No business.",
    });
    assert.equal(cancelled.statusCode, 303);
    const rows = await db()
      .selectFrom("audit_log")
      .select(["action", "after", "reason"])
      .where("record_table", "=", "meetings")
      .where("record_id", "=", String(draftId))
      .orderBy("id")
      .execute();
    assert.deepEqual(
      rows.map((row) => [row.action, row.reason]),
      [
        ["insert", null],
        ["update", "The chair is away on the 11th."],
        ["update", "No business."],
      ],
    );
    const versions = await db()
      .selectFrom("record_versions")
      .select("id")
      .where("record_table", "=", "meetings")
      .where("record_id", "=", draftId)
      .execute();
    assert.equal(versions.length, 0, "a draft keeps no published version");
  });

  test("the item form's optional selects offer None once", async () => {
    const form = await office.get(officer, `/admin/meetings/${meetingId}/items/new`);
    assert.equal(form.statusCode, 200);
    for (const name of ["paragraph", "lead-member", "lead-officer"]) {
      const start = form.body.indexOf(`name="${name}"`);
      const select = form.body.slice(start, form.body.indexOf("</select>", start));
      assert.equal(select.match(/>\s*None\s*</g)?.length, 1, `${name}: one None`);
    }
  });

  test("a published agenda's page says when, with no button; posting again changes nothing", async () => {
    const url = `/admin/meetings/${meetingId}/publish-agenda`;
    const published = await office.post(officer, url, {});
    assert.equal(published.statusCode, 303);
    assert.equal((await meeting()).agenda_published_on, "2026-03-02");

    const page = await office.get(officer, url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The agenda was published on Monday 2 March 2026\./);
    assert.ok(!page.body.includes(`action="${url}"`), "no form to publish it again");
    assert.doesNotMatch(page.body, /Publish the agenda\s*<\/button>/);

    await db()
      .updateTable("meetings")
      .set({ agenda_published_on: "2026-03-01" })
      .where("id", "=", meetingId)
      .execute();
    const before = await auditCount();
    const again = await postAnyway(office, officer, url, { urgency: "Again" });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /The agenda was published on Sunday 1 March 2026\./);
    assert.equal(await auditCount(), before, "nothing is written");
    assert.equal((await meeting()).agenda_published_on, "2026-03-01");

    const author = await office.userFor("author", OWN);
    assert.equal((await postAnyway(office, author, url, {})).statusCode, 403);
  });
});
