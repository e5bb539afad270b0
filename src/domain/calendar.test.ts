import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import {
  addDays,
  addWorkingDays,
  bankHolidays,
  calendarClearDaysBetween,
  clearDaysBetween,
  countsAsClearDay,
  daysBetween,
  earliestDateWithClearDays,
  easterSunday,
  isBankHoliday,
  isInChristmasOrEasterBreak,
  isIsoDate,
  isWorkingDay,
  latestDateWithClearDays,
} from "./calendar.js";
import type { DayCountingMode, IsoDate, Nation } from "./calendar.js";

const FIXTURE = new URL("../../../shared/data/bank-holidays.json", import.meta.url);
const DIVISIONS = ["england-and-wales", "scotland", "northern-ireland"] as const;
type Division = (typeof DIVISIONS)[number];
const NATIONS_OF: Record<Division, Nation[]> = {
  "england-and-wales": ["england", "wales"],
  scotland: ["scotland"],
  "northern-ireland": ["northern-ireland"],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function loadFixture(): Map<Division, IsoDate[]> {
  const raw: unknown = JSON.parse(readFileSync(FIXTURE, "utf8"));
  if (!isRecord(raw)) throw new Error("bank-holidays.json: expected an object");
  const byDivision = new Map<Division, IsoDate[]>();
  for (const division of DIVISIONS) {
    const entry = raw[division];
    const events = isRecord(entry) ? entry["events"] : undefined;
    if (!Array.isArray(events)) throw new Error(`bank-holidays.json: no events for ${division}`);
    const dates = events.map((event: unknown) => {
      const date = isRecord(event) ? event["date"] : undefined;
      if (typeof date !== "string" || !isIsoDate(date))
        throw new Error(`bank-holidays.json: bad event in ${division}`);
      return date;
    });
    byDivision.set(division, dates);
  }
  return byDivision;
}

const sorted = (dates: Iterable<IsoDate>): IsoDate[] => [...dates].sort();

describe("bank holidays", () => {
  const fixture = loadFixture();

  for (const division of DIVISIONS) {
    for (const nation of NATIONS_OF[division]) {
      test(`${nation} matches the ${division} reference list for every year 2015–2026`, () => {
        const reference = fixture.get(division) ?? [];
        for (let year = 2015; year <= 2026; year++) {
          const expected = reference.filter((date) => date.startsWith(`${year}-`)).sort();
          assert.ok(expected.length >= 8, `reference list for ${division} ${year} looks truncated`);
          assert.deepEqual(sorted(bankHolidays(nation, year)), expected, `${nation} ${year}`);
        }
      });
    }
  }

  test("one-off proclamations are included (2022 Platinum Jubilee, State Funeral; 2023 Coronation)", () => {
    for (const nation of ["england", "scotland", "northern-ireland"] as const) {
      assert.equal(isBankHoliday("2022-06-03", nation), true);
      assert.equal(isBankHoliday("2022-09-19", nation), true);
      assert.equal(isBankHoliday("2023-05-08", nation), true);
    }
  });

  test("a holiday falling at a weekend is taken on the substitute weekday, not on the weekend day", () => {
    // Christmas Day 2022 was a Sunday: Boxing Day Monday 26th, substitute Christmas Day Tuesday 27th.
    assert.equal(isBankHoliday("2022-12-25", "england"), false);
    assert.equal(isBankHoliday("2022-12-27", "england"), true);
    // St Andrew's Day 2025 is a Sunday: Scotland takes Monday 1 December; England does not.
    assert.equal(isBankHoliday("2025-11-30", "scotland"), false);
    assert.equal(isBankHoliday("2025-12-01", "scotland"), true);
    assert.equal(isBankHoliday("2025-12-01", "england"), false);
    // The Twelfth 2025 is a Saturday: Northern Ireland takes Monday 14 July.
    assert.equal(isBankHoliday("2025-07-12", "northern-ireland"), false);
    assert.equal(isBankHoliday("2025-07-14", "northern-ireland"), true);
    assert.equal(isBankHoliday("2025-07-14", "wales"), false);
  });

  test("the nations differ where the law differs", () => {
    assert.equal(isBankHoliday("2025-01-02", "scotland"), true);
    assert.equal(isBankHoliday("2025-01-02", "england"), false);
    assert.equal(isBankHoliday("2025-04-21", "england"), true, "Easter Monday");
    assert.equal(isBankHoliday("2025-04-21", "scotland"), false, "no Easter Monday in Scotland");
    assert.equal(isBankHoliday("2025-08-04", "scotland"), true, "Scottish summer holiday is in early August");
    assert.equal(isBankHoliday("2025-08-25", "scotland"), false);
    assert.equal(isBankHoliday("2025-03-17", "northern-ireland"), true, "St Patrick's Day");
    assert.equal(isBankHoliday("2025-03-17", "england"), false);
  });

  test("England and Wales share one list; Scotland has its own", () => {
    assert.equal(bankHolidays("england", 2025), bankHolidays("wales", 2025));
    assert.notEqual(bankHolidays("england", 2025), bankHolidays("scotland", 2025));
  });
});

describe("working days", () => {
  test("weekends and bank holidays are not working days; other weekdays are", () => {
    assert.equal(isWorkingDay("2025-05-23", "england"), true, "Friday");
    assert.equal(isWorkingDay("2025-05-24", "england"), false, "Saturday");
    assert.equal(isWorkingDay("2025-05-25", "england"), false, "Sunday");
    assert.equal(isWorkingDay("2025-05-26", "england"), false, "Spring bank holiday");
    assert.equal(isWorkingDay("2025-12-24", "england"), true, "Christmas Eve is a working day");
  });

  test("addWorkingDays skips weekends and bank holidays", () => {
    assert.equal(addWorkingDays("2025-05-22", 1, "england"), "2025-05-23");
    assert.equal(
      addWorkingDays("2025-05-22", 2, "england"),
      "2025-05-27",
      "over the weekend and Spring bank holiday",
    );
    assert.equal(addWorkingDays("2025-05-23", 0, "england"), "2025-05-23");
    assert.equal(addWorkingDays("2025-12-23", 3, "england"), "2025-12-30");
    assert.equal(addWorkingDays("2025-12-31", 1, "england"), "2026-01-02");
    assert.equal(addWorkingDays("2025-12-31", 1, "scotland"), "2026-01-05");
  });

  test("rejects a negative or fractional count", () => {
    assert.throws(() => addWorkingDays("2025-05-22", -1, "england"), RangeError);
    assert.throws(() => addWorkingDays("2025-05-22", 1.5, "england"), RangeError);
  });
});

describe("date arithmetic", () => {
  test("addDays and daysBetween cross month, leap-day, year and clock-change boundaries", () => {
    assert.equal(addDays("2024-02-28", 1), "2024-02-29");
    assert.equal(addDays("2025-02-28", 1), "2025-03-01");
    assert.equal(addDays("2025-12-31", 1), "2026-01-01");
    assert.equal(addDays("2025-03-29", 2), "2025-03-31", "over the start of British Summer Time");
    assert.equal(addDays("2025-10-25", 2), "2025-10-27", "over the end of British Summer Time");
    assert.equal(addDays("2026-01-06", -29), "2025-12-08");
    assert.equal(daysBetween("2025-03-29", "2025-03-31"), 2);
    assert.equal(daysBetween("2026-01-06", "2025-12-08"), -29);
    assert.equal(daysBetween("2024-01-01", "2025-01-01"), 366);
  });

  test("results do not depend on the machine's time zone", () => {
    const original = process.env["TZ"];
    try {
      for (const zone of ["Pacific/Kiritimati", "America/Los_Angeles", "Europe/London"]) {
        process.env["TZ"] = zone;
        assert.equal(addDays("2025-03-29", 2), "2025-03-31", zone);
        assert.equal(daysBetween("2025-10-25", "2025-10-27"), 2, zone);
        assert.equal(isWorkingDay("2025-03-31", "england"), true, zone);
        assert.equal(isWorkingDay("2025-03-30", "england"), false, zone);
        assert.equal(clearDaysBetween("2025-10-24", "2025-10-28", "england"), 1, zone);
      }
    } finally {
      if (original === undefined) delete process.env["TZ"];
      else process.env["TZ"] = original;
    }
  });

  test("rejects strings that are not real ISO dates", () => {
    for (const bad of ["2025-02-29", "2025-13-01", "2025-1-01", "25-01-01", "2025-01-01T00:00:00Z", ""]) {
      assert.equal(isIsoDate(bad), false, bad);
      assert.throws(() => addDays(bad, 1), RangeError, bad);
    }
    assert.equal(isIsoDate("2024-02-29"), true);
  });
});

describe("Easter and the Christmas break", () => {
  test("Easter Sunday on known dates", () => {
    assert.equal(easterSunday(1990), "1990-04-15");
    assert.equal(easterSunday(2019), "2019-04-21");
    assert.equal(easterSunday(2024), "2024-03-31");
    assert.equal(easterSunday(2025), "2025-04-20");
    assert.equal(easterSunday(2038), "2038-04-25");
  });

  test("Good Friday in the reference list is two days before Easter Sunday, every year 2015–2026", () => {
    const reference = loadFixture().get("england-and-wales") ?? [];
    for (let year = 2015; year <= 2026; year++) {
      assert.ok(reference.includes(addDays(easterSunday(year), -2)), `${year}`);
    }
  });

  test("the Easter break runs from Maundy Thursday to Easter Monday", () => {
    assert.equal(isInChristmasOrEasterBreak("2025-04-16", "england"), false, "Wednesday before");
    assert.equal(isInChristmasOrEasterBreak("2025-04-17", "england"), true, "Maundy Thursday");
    assert.equal(
      isInChristmasOrEasterBreak("2025-04-21", "scotland"),
      true,
      "Easter Monday, even in Scotland",
    );
    assert.equal(isInChristmasOrEasterBreak("2025-04-22", "england"), false, "Tuesday after");
  });

  test("the Christmas break runs from Christmas Eve to the nation's last New Year bank holiday", () => {
    assert.equal(isInChristmasOrEasterBreak("2025-12-23", "england"), false);
    assert.equal(isInChristmasOrEasterBreak("2025-12-24", "england"), true);
    assert.equal(isInChristmasOrEasterBreak("2026-01-01", "england"), true);
    assert.equal(isInChristmasOrEasterBreak("2026-01-02", "england"), false);
    assert.equal(isInChristmasOrEasterBreak("2026-01-02", "scotland"), true);
    // New Year's Day 2022 was a Saturday: the break ran to the substitute Monday (Scotland: Tuesday).
    assert.equal(isInChristmasOrEasterBreak("2022-01-03", "england"), true);
    assert.equal(isInChristmasOrEasterBreak("2022-01-04", "england"), false);
    assert.equal(isInChristmasOrEasterBreak("2022-01-04", "scotland"), true);
    assert.equal(isInChristmasOrEasterBreak("2022-01-05", "scotland"), false);
  });
});

describe("clear days", () => {
  test("R v Swansea CC, ex p Elitestone: Thursday 26 April 1990 to Tuesday 1 May 1990 gave only 2 clear days", () => {
    assert.equal(
      isBankHoliday("1990-04-30", "wales"),
      false,
      "Monday 30 April 1990 was an ordinary working day",
    );
    assert.equal(isBankHoliday("1990-05-07", "wales"), true, "the early May bank holiday was 7 May 1990");
    assert.equal(clearDaysBetween("1990-04-26", "1990-05-01", "wales"), 2);
    assert.ok(clearDaysBetween("1990-04-26", "1990-05-01", "wales") < 3);
  });

  test("parish mode counts the Saturday but not the Sunday", () => {
    assert.equal(clearDaysBetween("1990-04-26", "1990-05-01", "wales", "parish"), 3);
    assert.equal(countsAsClearDay("2025-06-07", "england", "parish"), true, "Saturday");
    assert.equal(countsAsClearDay("2025-06-08", "england", "parish"), false, "Sunday");
    assert.equal(countsAsClearDay("2025-06-07", "england", "working-days"), false, "Saturday");
  });

  test("parish mode excludes the weekdays of the Christmas and Easter breaks that working days count", () => {
    // 29–31 December 2025 are working days but fall in the Christmas break.
    assert.equal(clearDaysBetween("2025-12-28", "2026-01-01", "england"), 3);
    assert.equal(clearDaysBetween("2025-12-28", "2026-01-01", "england", "parish"), 0);
    // Maundy Thursday 17 April 2025 is a working day but in the Easter break.
    assert.equal(clearDaysBetween("2025-04-16", "2025-04-22", "england"), 1);
    assert.equal(clearDaysBetween("2025-04-16", "2025-04-22", "england", "parish"), 0);
  });

  test("the days of publication and of the meeting are never counted", () => {
    assert.equal(clearDaysBetween("2025-06-02", "2025-06-03", "england"), 0);
    assert.equal(clearDaysBetween("2025-06-02", "2025-06-04", "england"), 1);
    assert.equal(clearDaysBetween("2025-06-04", "2025-06-02", "england"), 0, "reversed range");
    assert.equal(calendarClearDaysBetween("2025-06-02", "2025-06-04"), 1);
    assert.equal(calendarClearDaysBetween("2025-06-04", "2025-06-02"), 0);
  });

  test("5 clear days before Wednesday 20 September 2017 is Tuesday 12 September 2017", () => {
    assert.equal(latestDateWithClearDays("2017-09-20", 5, "england"), "2017-09-12");
    assert.equal(clearDaysBetween("2017-09-12", "2017-09-20", "england"), 5);
    assert.equal(clearDaysBetween("2017-09-13", "2017-09-20", "england"), 4);
  });

  test("N clear days before a Monday can fall on a weekend: P is the day before the earliest clear day", () => {
    // Meeting Tuesday 10 June 2025, 5 clear days: Mon 9, Fri 6, Thu 5, Wed 4, Tue 3.
    assert.equal(latestDateWithClearDays("2025-06-10", 5, "england"), "2025-06-02");
    // Meeting Monday 9 June 2025, 5 clear days: Fri 6 … Mon 2, so P is Sunday 1 June.
    assert.equal(latestDateWithClearDays("2025-06-09", 5, "england"), "2025-06-01");
    assert.equal(latestDateWithClearDays("2025-06-09", 0, "england"), "2025-06-09");
  });

  test("earliestDateWithClearDays is the day after the N-th counting day", () => {
    assert.equal(earliestDateWithClearDays("2025-06-02", 5, "england"), "2025-06-10");
    assert.equal(earliestDateWithClearDays("2025-05-22", 5, "england"), "2025-05-31");
    assert.equal(earliestDateWithClearDays("2025-05-22", 0, "england"), "2025-05-22");
  });
});

describe("properties", () => {
  const NATIONS: readonly Nation[] = ["england", "wales", "scotland", "northern-ireland"];
  const MODES: readonly DayCountingMode[] = ["working-days", "parish"];
  // 2015-01-01 to 2026-10-31: inside the years the reference list covers, with room for the counts below.
  const date = fc.integer({ min: 0, max: 4321 }).map((offset) => addDays("2015-01-01", offset));
  const nation = fc.constantFrom(...NATIONS);
  const mode = fc.constantFrom(...MODES);

  test("latestDateWithClearDays gives at least N clear days, and the day after it gives fewer", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 30 }), nation, mode, (meeting, n, where, how) => {
        const latest = latestDateWithClearDays(meeting, n, where, how);
        assert.ok(clearDaysBetween(latest, meeting, where, how) >= n);
        assert.ok(clearDaysBetween(addDays(latest, 1), meeting, where, how) < n);
      }),
    );
  });

  test("earliestDateWithClearDays gives at least N clear days, and the day before it gives fewer", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 30 }), nation, mode, (start, n, where, how) => {
        const earliest = earliestDateWithClearDays(start, n, where, how);
        assert.ok(clearDaysBetween(start, earliest, where, how) >= n);
        assert.ok(clearDaysBetween(start, addDays(earliest, -1), where, how) < n);
      }),
    );
  });

  test("addWorkingDays lands on a working day with n - 1 working days strictly between", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 40 }), nation, (start, n, where) => {
        const end = addWorkingDays(start, n, where);
        assert.equal(isWorkingDay(end, where), true);
        assert.equal(clearDaysBetween(start, end, where), n - 1);
      }),
    );
  });

  test("calendar clear days are never fewer than working or parish clear days", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), nation, mode, (from, span, where, how) => {
        const to = addDays(from, span);
        assert.ok(calendarClearDaysBetween(from, to) >= clearDaysBetween(from, to, where, how));
      }),
    );
  });

  test("addDays and daysBetween are inverse", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -5000, max: 5000 }), (from, n) => {
        assert.equal(daysBetween(from, addDays(from, n)), n);
      }),
    );
  });
});
