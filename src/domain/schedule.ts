import rrule from "rrule";
import { addDays, daysBetween, isBankHoliday, type IsoDate, type Nation } from "./calendar.js";
import { DAYS } from "./wording.js";

// A municipal year of meetings from one simple rule (issue 5, part 2): every N weeks on the
// first meeting's weekday, or monthly on the same weekday of the month ("the second Tuesday").
// Expansion is rrule's; bank holidays of the authority's nation are skipped, and said so, since
// a council office is shut and the agenda's clear days would count wrongly around them.

const { RRule } = rrule;

export type Repeat = { kind: "weekly"; everyWeeks: number } | { kind: "monthly" };

export type ScheduleRule = { first: IsoDate; until: IsoDate; repeat: Repeat; nation: Nation };

export type Schedule = { dates: IsoDate[]; skipped: IsoDate[] };

/** A municipal year: a schedule may run no further than a year after its first meeting. */
export const MAX_SCHEDULE_DAYS = 366;

const ORDINALS = ["first", "second", "third", "fourth"];

function utc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function weekdayIndex(date: IsoDate): number {
  return utc(date).getUTCDay();
}

/** Which of its month's weekdays a date is: 1 to 4, or -1 for the last when it is the fifth. */
export function weekOfMonth(date: IsoDate): number {
  const nth = Math.ceil(Number(date.slice(8, 10)) / 7);
  return nth > 4 ? -1 : nth;
}

/** "second Tuesday", "last Friday": how a monthly rule reads for its first date. */
export function monthlyPattern(date: IsoDate): string {
  const nth = weekOfMonth(date);
  const weekday = DAYS[weekdayIndex(date)] ?? "";
  return `${nth === -1 ? "last" : (ORDINALS[nth - 1] ?? "")} ${weekday}`;
}

/** Whether the rule's last date is after its first and within a municipal year of it. */
export function scheduleProblem(first: IsoDate, until: IsoDate): string | null {
  if (daysBetween(first, until) <= 0) return "The last date must be after the first meeting";
  if (daysBetween(first, until) > MAX_SCHEDULE_DAYS) {
    return "The last date must be no more than a year after the first meeting";
  }
  return null;
}

// rrule's weekday constants run Monday = 0; a JavaScript date's run Sunday = 0.
const RRULE_WEEKDAYS = [RRule.SU, RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA];

/** The meeting dates of a rule, first date included, with the bank holidays left out. */
export function expandSchedule(rule: ScheduleRule): Schedule {
  const problem = scheduleProblem(rule.first, rule.until);
  if (problem !== null) throw new RangeError(problem);
  const weekday = RRULE_WEEKDAYS[weekdayIndex(rule.first)] ?? RRule.MO;
  const options =
    rule.repeat.kind === "weekly"
      ? { freq: RRule.WEEKLY, interval: rule.repeat.everyWeeks, byweekday: [weekday] }
      : { freq: RRule.MONTHLY, byweekday: [weekday.nth(weekOfMonth(rule.first))] };
  const all = new RRule({
    ...options,
    dtstart: utc(rule.first),
    // The last day counts in full: rrule's until is an instant.
    until: utc(addDays(rule.until, 1)),
  })
    .all()
    .map((instant) => instant.toISOString().slice(0, 10))
    .filter((date) => date <= rule.until);
  return {
    dates: all.filter((date) => !isBankHoliday(date, rule.nation)),
    skipped: all.filter((date) => isBankHoliday(date, rule.nation)),
  };
}
