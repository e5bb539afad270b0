import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { OWN, errorSummaryText, openBackOffice, type BackOffice } from "../../support/back-office.js";

// A year of a body's meetings from one rule: bank holidays and the days it already meets are
// left out, and the officer is told which.

describe("scheduling a year of meetings", () => {
  let office: BackOffice;
  let bodyId: number;
  before(async () => {
    office = await openBackOffice();
    const body = await office.connection.db
      .selectFrom("bodies")
      .select("id")
      .where("name", "=", "Cabinet")
      .executeTakeFirstOrThrow();
    bodyId = body.id;
  });
  after(() => office.close());

  const meetingDates = async () =>
    (
      await office.connection.db
        .selectFrom("meetings")
        .select("date")
        .where("body_id", "=", bodyId)
        .where("date", ">=", "2026-06-01")
        .orderBy("date")
        .execute()
    ).map((row) => row.date);

  test("monthly on the last Monday for a year: bank holidays and a day already taken are left out, and said", async () => {
    const officer = await office.userFor("officer", OWN);
    const single = await office.post(officer, `/admin/bodies/${bodyId}/meetings/new`, {
      "date-day": "28",
      "date-month": "9",
      "date-year": "2026",
      start: "10am",
    });
    assert.equal(single.statusCode, 303);
    const response = await office.post(officer, `/admin/bodies/${bodyId}/schedule`, {
      "first-day": "29",
      "first-month": "6",
      "first-year": "2026",
      repeat: "monthly",
      "until-day": "28",
      "until-month": "6",
      "until-year": "2027",
      start: "2pm",
      venue: "Council House",
    });
    assert.equal(response.statusCode, 303);
    const location = String(response.headers.location);
    assert.match(
      location,
      /^\/admin\/bodies\/\d+\?skipped=2026-08-31,2026-09-28,2026-12-28,2027-03-29,2027-05-31&notice=scheduled$/,
    );
    assert.deepEqual(await meetingDates(), [
      "2026-06-29",
      "2026-07-27",
      "2026-09-28",
      "2026-10-26",
      "2026-11-30",
      "2027-01-25",
      "2027-02-22",
      "2027-04-26",
      "2027-06-28",
    ]);
    const page = await office.get(officer, location);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The meetings have been scheduled/);
    assert.match(page.body, /Monday 31 August 2026 \(bank holiday\)/);
    assert.match(page.body, /Monday 28 September 2026 \(the body already meets\)/);
    assert.match(page.body, /Monday 29 June 2026/);
  });

  test("a rule longer than a year, or an unreal date, is refused with the error summary and nothing saved", async () => {
    const officer = await office.userFor("officer", OWN);
    const before = await meetingDates();
    const tooLong = await office.post(officer, `/admin/bodies/${bodyId}/schedule`, {
      "first-day": "1",
      "first-month": "7",
      "first-year": "2026",
      repeat: "fortnightly",
      "until-day": "30",
      "until-month": "7",
      "until-year": "2027",
      start: "10am",
    });
    assert.equal(tooLong.statusCode, 400);
    assert.match(errorSummaryText(tooLong.body), /no more than a year after the first meeting/);
    const unreal = await office.post(officer, `/admin/bodies/${bodyId}/schedule`, {
      "first-day": "31",
      "first-month": "2",
      "first-year": "2026",
      repeat: "every-day",
      "until-day": "",
      "until-month": "",
      "until-year": "",
      start: "",
    });
    assert.equal(unreal.statusCode, 400);
    const summary = errorSummaryText(unreal.body);
    assert.match(summary, /Date of the first meeting must be a real date/);
    assert.match(summary, /Select how often it meets from the list/);
    assert.match(summary, /Enter date of the last meeting/);
    assert.match(summary, /Enter start time/);
    assert.deepEqual(await meetingDates(), before);
  });

  test("a member and an author may not schedule meetings", async () => {
    const before = await meetingDates();
    for (const user of [
      await office.userFor("member", OWN, { memberOf: ["Cabinet"] }),
      await office.userFor("author", OWN),
    ]) {
      const response = await office.post(user, `/admin/bodies/${bodyId}/schedule`, {
        "first-day": "1",
        "first-month": "7",
        "first-year": "2026",
        repeat: "weekly",
        "until-day": "1",
        "until-month": "9",
        "until-year": "2026",
        start: "10am",
      });
      assert.equal(response.statusCode, 403, user.email);
    }
    assert.deepEqual(await meetingDates(), before);
  });
});
