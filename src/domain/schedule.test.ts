import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { expandSchedule, monthlyPattern, scheduleProblem, weekOfMonth } from "./schedule.js";

describe("expandSchedule", () => {
  test("every four weeks on a Monday skips Easter Monday and the May bank holidays in England", () => {
    const schedule = expandSchedule({
      first: "2026-03-09",
      until: "2026-06-30",
      repeat: { kind: "weekly", everyWeeks: 4 },
      nation: "england",
    });
    // 6 April 2026 is Easter Monday; 4 May the early May bank holiday.
    assert.deepEqual(schedule.dates, ["2026-03-09", "2026-06-01", "2026-06-29"]);
    assert.deepEqual(schedule.skipped, ["2026-04-06", "2026-05-04"]);
  });

  test("monthly on the last Monday skips the summer, spring, Christmas and Easter bank holidays", () => {
    const schedule = expandSchedule({
      first: "2026-06-29",
      until: "2027-06-28",
      repeat: { kind: "monthly" },
      nation: "england",
    });
    assert.deepEqual(schedule.skipped, ["2026-08-31", "2026-12-28", "2027-03-29", "2027-05-31"]);
    assert.deepEqual(schedule.dates, [
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
  });

  test("Scotland's bank holidays are its own: the last Monday in August is a working day there", () => {
    const schedule = expandSchedule({
      first: "2026-06-29",
      until: "2026-09-30",
      repeat: { kind: "monthly" },
      nation: "scotland",
    });
    assert.deepEqual(schedule.dates, ["2026-06-29", "2026-07-27", "2026-08-31", "2026-09-28"]);
    assert.deepEqual(schedule.skipped, []);
  });

  test("monthly on the second Tuesday, and the last date counts in full", () => {
    const schedule = expandSchedule({
      first: "2026-05-12",
      until: "2026-08-11",
      repeat: { kind: "monthly" },
      nation: "wales",
    });
    assert.deepEqual(schedule.dates, ["2026-05-12", "2026-06-09", "2026-07-14", "2026-08-11"]);
  });

  test("every week keeps the first meeting's weekday", () => {
    const schedule = expandSchedule({
      first: "2026-01-07",
      until: "2026-01-28",
      repeat: { kind: "weekly", everyWeeks: 1 },
      nation: "england",
    });
    assert.deepEqual(schedule.dates, ["2026-01-07", "2026-01-14", "2026-01-21", "2026-01-28"]);
  });

  test("a rule longer than a municipal year, or ending before it starts, is refused", () => {
    assert.match(scheduleProblem("2026-05-12", "2027-05-20") ?? "", /no more than a year/);
    assert.match(scheduleProblem("2026-05-12", "2026-05-12") ?? "", /after the first meeting/);
    assert.equal(scheduleProblem("2026-05-12", "2027-05-12"), null);
    assert.throws(() =>
      expandSchedule({
        first: "2026-05-12",
        until: "2026-04-01",
        repeat: { kind: "monthly" },
        nation: "england",
      }),
    );
  });
});

describe("monthlyPattern", () => {
  test("names the weekday of the month, the fifth as the last", () => {
    assert.equal(monthlyPattern("2026-05-12"), "second Tuesday");
    assert.equal(monthlyPattern("2026-06-01"), "first Monday");
    assert.equal(monthlyPattern("2026-06-29"), "last Monday");
    assert.equal(weekOfMonth("2026-06-28"), 4);
  });
});
