import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { OWN, errorSummaryText, openBackOffice, type BackOffice } from "../../support/back-office.js";

// Agenda items and issues: an officer links an item to an issue already followed, or starts a
// new issue from it; the public issue page then lists the item with the issue's other meetings.

const ISSUE = "Torbay Children's Services Partnership Arrangement with PCC";

describe("linking agenda items to issues", () => {
  let office: BackOffice;
  let meetingId = 0;
  let issueId = 0;

  before(async () => {
    office = await openBackOffice();
    const db = office.connection.db;
    const meeting = await db
      .selectFrom("meetings")
      .innerJoin("bodies", "bodies.id", "meetings.body_id")
      .select("meetings.id")
      .where("bodies.name", "=", "Cabinet")
      .where("meetings.is_agenda_published", "=", true)
      .executeTakeFirstOrThrow();
    meetingId = meeting.id;
    issueId = (
      await db.selectFrom("issues").select("id").where("title", "=", ISSUE).executeTakeFirstOrThrow()
    ).id;
  });
  after(() => office.close());

  async function issuesOfItem(itemId: number): Promise<string[]> {
    const rows = await office.connection.db
      .selectFrom("issue_items")
      .innerJoin("issues", "issues.id", "issue_items.issue_id")
      .select("issues.title")
      .where("issue_items.item_id", "=", itemId)
      .orderBy("issues.title")
      .execute();
    return rows.map((row) => row.title);
  }

  test("an item added with an issue ticked and a new issue named belongs to both, and the public issue page lists it", async () => {
    const officer = await office.userFor("officer", OWN);
    const response = await office.post(officer, `/admin/meetings/${meetingId}/items/new`, {
      number: "99",
      title: "Partnership review: six months on",
      kind: "report",
      part: "I",
      issues: [String(issueId)],
      "new-issue": "Children's services improvement plan",
    });
    assert.equal(response.statusCode, 303);
    const itemId = Number(/\/admin\/items\/(\d+)/.exec(String(response.headers.location))?.[1]);
    assert.deepEqual(await issuesOfItem(itemId), ["Children's services improvement plan", ISSUE]);

    const issue = await office.connection.db
      .selectFrom("issues")
      .select("slug")
      .where("id", "=", issueId)
      .executeTakeFirstOrThrow();
    const page = await office.get(null, `/issues/${issue.slug}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Partnership review: six months on/);

    const itemPage = await office.get(officer, `/admin/items/${itemId}`);
    assert.match(itemPage.body, /Children&#39;s services improvement plan; Torbay/);
  });

  test("changing the item unticks an issue, and a new issue may not repeat a known title", async () => {
    const officer = await office.userFor("officer", OWN);
    const item = await office.connection.db
      .selectFrom("agenda_items")
      .selectAll()
      .where("title", "=", "Partnership review: six months on")
      .executeTakeFirstOrThrow();
    const refused = await office.post(officer, `/admin/items/${item.id}/edit`, {
      number: "99",
      title: item.title,
      kind: "report",
      part: "I",
      "new-issue": ISSUE.toUpperCase(),
      "amendment-reason": "Issue links corrected",
    });
    assert.equal(refused.statusCode, 400);
    assert.match(errorSummaryText(refused.body), /There is already an issue with this title/);
    assert.equal((await issuesOfItem(item.id)).length, 2, "nothing changed");

    const changed = await office.post(officer, `/admin/items/${item.id}/edit`, {
      number: "99",
      title: item.title,
      kind: "report",
      part: "I",
      issues: [String(issueId)],
      "amendment-reason": "Issue links corrected",
    });
    assert.equal(changed.statusCode, 303);
    assert.deepEqual(await issuesOfItem(item.id), [ISSUE]);
  });
});
