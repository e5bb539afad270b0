// Calendar rules for statutory deadlines: bank holidays, working days and clear days (RULES.md "Counting days").
// Every function is pure: dates are ISO strings and "today" is always a parameter. Arithmetic runs on integer
// day numbers (days since 1970-01-01 UTC), so no result depends on the machine's time zone.

import Holidays from "date-holidays";

export type IsoDate = string;
import type { Nation } from "./bundle.js";

export type { Nation };
export type DayCountingMode = "working-days" | "parish";

type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SUNDAY = 0;
const SATURDAY = 6;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (match === null) return false;
  const [, year, month, day] = match.map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  // Rejects 2025-02-29 and 2025-13-01, which Date.UTC would silently roll over.
  return fromDayNumber(Date.UTC(year, month - 1, day) / MS_PER_DAY) === value;
}

function toDayNumber(date: IsoDate): DayNumber {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}

function fromDayNumber(day: DayNumber): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function dayOfWeek(day: DayNumber): number {
  // 1970-01-01 was a Thursday (Sunday = 0).
  return (((day + 4) % 7) + 7) % 7;
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be a whole number: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function isWeekend(date: IsoDate): boolean {
  const weekday = dayOfWeek(toDayNumber(date));
  return weekday === SATURDAY || weekday === SUNDAY;
}

// Banking and Financial Dealings Act 1971 Sch.1: England and Wales share one list; Scotland and NI have their own.
const HOLIDAY_REGION: Readonly<Record<Nation, string>> = {
  england: "ENG",
  wales: "ENG",
  scotland: "SCT",
  "northern-ireland": "NIR",
};

const holidayCalendars = new Map<string, Holidays>();
const bankHolidayMemo = new Map<string, ReadonlySet<IsoDate>>();

function holidayCalendar(region: string): Holidays {
  const cached = holidayCalendars.get(region);
  if (cached !== undefined) return cached;
  const calendar = new Holidays("GB", region);
  holidayCalendars.set(region, calendar);
  return calendar;
}

/** The bank holidays of a nation in a year, as the weekdays on which they are taken (substitute days included). */
export function bankHolidays(nation: Nation, year: number): ReadonlySet<IsoDate> {
  const region = HOLIDAY_REGION[nation];
  const key = `${region}:${year}`;
  const cached = bankHolidayMemo.get(key);
  if (cached !== undefined) return cached;
  const dates = new Set<IsoDate>();
  for (const holiday of holidayCalendar(region).getHolidays(year)) {
    if (holiday.type !== "public" && holiday.type !== "bank") continue;
    // date-holidays also lists the nominal date when it falls at a weekend, beside the substitute weekday;
    // the bank holiday is the weekday on which it is taken, as in the government's bank-holidays.json.
    const date = holiday.date.slice(0, 10);
    if (!isWeekend(date)) dates.add(date);
  }
  bankHolidayMemo.set(key, dates);
  return dates;
}

export function isBankHoliday(date: IsoDate, nation: Nation): boolean {
  return bankHolidays(nation, yearOf(date)).has(date);
}

// RULES.md "Counting days": Monday to Friday, and not a bank holiday of the authority's nation.
export function isWorkingDay(date: IsoDate, nation: Nation): boolean {
  return !isWeekend(date) && !isBankHoliday(date, nation);
}

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromDayNumber(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

function lastNewYearBankHoliday(nation: Nation, year: number): IsoDate {
  // Scotland's 2 January, and substitutes for a weekend New Year, can push the last one to 4 January.
  const earlyJanuary = [...bankHolidays(nation, year)].filter((date) => date <= `${year}-01-07`);
  return earlyJanuary.reduce((latest, date) => (date > latest ? date : latest), `${year}-01-01`);
}

// Per-body "parish" setting (RULES.md, after LGA 1972 s.243): the Christmas break runs from Christmas Eve to the
// nation's (last) New Year bank holiday, and the Easter break from Maundy Thursday to Easter Monday, inclusive.
export function isInChristmasOrEasterBreak(date: IsoDate, nation: Nation): boolean {
  const year = yearOf(date);
  if (date >= `${year}-12-24`) return true;
  if (date <= `${year}-01-07` && date <= lastNewYearBankHoliday(nation, year)) return true;
  const easter = easterSunday(year);
  return date >= addDays(easter, -3) && date <= addDays(easter, 1);
}

// Parish mode counts Saturdays; it excludes Sundays, the Christmas and Easter breaks and bank holidays.
// Days of public mourning are also excluded by s.243 but are proclaimed ad hoc, so they cannot be computed here.
function isParishCountingDay(date: IsoDate, nation: Nation): boolean {
  if (dayOfWeek(toDayNumber(date)) === SUNDAY) return false;
  return !isBankHoliday(date, nation) && !isInChristmasOrEasterBreak(date, nation);
}

export function countsAsClearDay(date: IsoDate, nation: Nation, mode: DayCountingMode): boolean {
  return mode === "parish" ? isParishCountingDay(date, nation) : isWorkingDay(date, nation);
}

// RULES.md "Clear days": the publication day and the meeting day are both excluded (R v Swansea CC, ex p Elitestone).
export function clearDaysBetween(
  from: IsoDate,
  to: IsoDate,
  nation: Nation,
  mode: DayCountingMode = "working-days",
): number {
  const end = toDayNumber(to);
  let count = 0;
  for (let day = toDayNumber(from) + 1; day < end; day++) {
    if (countsAsClearDay(fromDayNumber(day), nation, mode)) count++;
  }
  return count;
}

/** Clear days counted as calendar days, for the rules that councils count that way (e.g. key decision notices). */
export function calendarClearDaysBetween(from: IsoDate, to: IsoDate): number {
  return Math.max(0, daysBetween(from, to) - 1);
}

function assertCount(count: number, what: string): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`${what} must be a whole number ≥ 0: ${count}`);
  }
}

/** The count-th counting day after (step 1) or before (step -1) `date`, not counting `date` itself. */
function nthCountingDay(
  date: IsoDate,
  count: number,
  step: 1 | -1,
  nation: Nation,
  mode: DayCountingMode,
): IsoDate {
  let day = toDayNumber(date);
  let found = 0;
  while (found < count) {
    day += step;
    if (countsAsClearDay(fromDayNumber(day), nation, mode)) found++;
  }
  return fromDayNumber(day);
}

/** The date `workingDays` working days after `date` (the day itself is not counted). */
export function addWorkingDays(date: IsoDate, workingDays: number, nation: Nation): IsoDate {
  assertCount(workingDays, "Working days");
  return nthCountingDay(date, workingDays, 1, nation, "working-days");
}

// RULES.md: "N clear days before D" is the latest P such that the clear days between P and D number at least N.
export function latestDateWithClearDays(
  date: IsoDate,
  clearDays: number,
  nation: Nation,
  mode: DayCountingMode = "working-days",
): IsoDate {
  assertCount(clearDays, "Clear days");
  if (clearDays === 0) return date;
  // The earliest of the N clear days must fall after P, so P is the day before it.
  return addDays(nthCountingDay(date, clearDays, -1, nation, mode), -1);
}

/** The mirror of latestDateWithClearDays: the earliest E such that the clear days between `date` and E are ≥ N. */
export function earliestDateWithClearDays(
  date: IsoDate,
  clearDays: number,
  nation: Nation,
  mode: DayCountingMode = "working-days",
): IsoDate {
  assertCount(clearDays, "Clear days");
  if (clearDays === 0) return date;
  return addDays(nthCountingDay(date, clearDays, 1, nation, mode), 1);
}
