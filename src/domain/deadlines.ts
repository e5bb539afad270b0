// Statutory deadlines for agendas and executive decisions (RULES.md). Witan warns and records; nothing here blocks.

import {
  addDays,
  addWorkingDays,
  calendarClearDaysBetween,
  clearDaysBetween,
  daysBetween,
  earliestDateWithClearDays,
  latestDateWithClearDays,
} from "./calendar.js";
import type { DayCountingMode, IsoDate, Nation } from "./calendar.js";

const AGENDA_CLEAR_DAYS: Readonly<Record<Nation, number>> = {
  // LGA 1972 s.100B(3), as amended by SI 2002/715: 5 clear days (England).
  england: 5,
  // LGA 1972 s.100B(3) as it applies in Wales: 3 clear days, published electronically.
  wales: 3,
  // Local Government (Scotland) Act 1973 ss.50A–50K: 3 clear days.
  scotland: 3,
  // RULES.md is silent; Local Government Act (Northern Ireland) 2014, Part 7 (access to meetings and documents): 3 clear days.
  "northern-ireland": 3,
};

// Local Authorities (Executive Arrangements) (Meetings and Access to Information) (England) Regulations 2012, reg 9.
export const KEY_DECISION_NOTICE_CLEAR_DAYS = 28;
// Same Regulations, reg 10: the decision is taken no sooner than 5 clear days after the general exception notice.
export const GENERAL_EXCEPTION_CLEAR_DAYS = 5;
// LGA 2000 s.9F; the period comes from each council's constitution, default 5 working days (RULES.md).
export const DEFAULT_CALL_IN_WORKING_DAYS = 5;

export function agendaClearDaysRequired(nation: Nation): number {
  return AGENDA_CLEAR_DAYS[nation];
}

/** The latest date on which the agenda and reports can be opened to inspection and still give the full notice. */
export function agendaPublicationDeadline(
  meetingDate: IsoDate,
  nation: Nation,
  mode: DayCountingMode = "working-days",
): IsoDate {
  return latestDateWithClearDays(meetingDate, agendaClearDaysRequired(nation), nation, mode);
}

export type LateItemInput = {
  meetingDate: IsoDate;
  availableFrom: IsoDate;
  nation: Nation;
  mode?: DayCountingMode;
  /** When the meeting was convened, if at shorter notice than the clear days allow. */
  convenedOn?: IsoDate;
};

export type LateItemCheck = {
  late: boolean;
  clearDaysGiven: number;
  clearDaysRequired: number;
  publicationDeadline: IsoDate;
};

// LGA 1972 s.100B(4)(b): an item not open to inspection for the full period is late and needs a recorded urgency reason.
export function isLateItem({
  meetingDate,
  availableFrom,
  nation,
  mode = "working-days",
  convenedOn,
}: LateItemInput): LateItemCheck {
  const statutoryDeadline = agendaPublicationDeadline(meetingDate, nation, mode);
  // s.100B(3): open for the clear days "or, if the meeting is convened at shorter notice, from the time it is convened".
  const publicationDeadline =
    convenedOn !== undefined && daysBetween(statutoryDeadline, convenedOn) > 0
      ? convenedOn
      : statutoryDeadline;
  return {
    late: daysBetween(publicationDeadline, availableFrom) > 0,
    clearDaysGiven: clearDaysBetween(availableFrom, meetingDate, nation, mode),
    clearDaysRequired: agendaClearDaysRequired(nation),
    publicationDeadline,
  };
}

export type KeyDecisionNoticeDeadline = {
  /** The latest notice date counting calendar days: the default that the UI shows. */
  calendarDays: IsoDate;
  /** The latest notice date counting working days only (always the earlier of the two). */
  workingDays: IsoDate;
};

// 2012 Regulations reg 9: 28 clear days; councils mostly count calendar days, so compute both (RULES.md).
export function keyDecisionNoticeDeadline(decisionDate: IsoDate, nation: Nation): KeyDecisionNoticeDeadline {
  return {
    calendarDays: addDays(decisionDate, -(KEY_DECISION_NOTICE_CLEAR_DAYS + 1)),
    workingDays: latestDateWithClearDays(
      decisionDate,
      KEY_DECISION_NOTICE_CLEAR_DAYS,
      nation,
      "working-days",
    ),
  };
}

export type KeyDecisionNoticeCheck = {
  clearDaysRequired: number;
  calendarClearDaysGiven: number;
  workingClearDaysGiven: number;
  /** True when either count falls short: RULES.md asks for a warning in that case. */
  short: boolean;
};

export function checkKeyDecisionNotice(
  noticeDate: IsoDate,
  decisionDate: IsoDate,
  nation: Nation,
): KeyDecisionNoticeCheck {
  const calendarClearDaysGiven = calendarClearDaysBetween(noticeDate, decisionDate);
  const workingClearDaysGiven = clearDaysBetween(noticeDate, decisionDate, nation, "working-days");
  return {
    clearDaysRequired: KEY_DECISION_NOTICE_CLEAR_DAYS,
    calendarClearDaysGiven,
    workingClearDaysGiven,
    short: Math.min(calendarClearDaysGiven, workingClearDaysGiven) < KEY_DECISION_NOTICE_CLEAR_DAYS,
  };
}

// 2012 Regulations reg 10 (general exception): no sooner than 5 clear days after the notice is published.
export function generalExceptionEarliestDecision(
  noticeDate: IsoDate,
  nation: Nation,
  mode: DayCountingMode = "working-days",
): IsoDate {
  return earliestDateWithClearDays(noticeDate, GENERAL_EXCEPTION_CLEAR_DAYS, nation, mode);
}

// LGA 2000 s.9F: default 5 working days after the decision is published, set by each council's constitution.
// Returns the last day of the period, which runs to the end of that day; the day of publication is not counted.
export function callInExpiry(
  decisionPublished: IsoDate,
  nation: Nation,
  workingDays: number = DEFAULT_CALL_IN_WORKING_DAYS,
): IsoDate {
  return addWorkingDays(decisionPublished, workingDays, nation);
}

// LGA 2000 s.9F: a decision cannot be implemented until the call-in period has passed; Witan takes the next working day.
export function earliestImplementation(
  decisionPublished: IsoDate,
  nation: Nation,
  workingDays: number = DEFAULT_CALL_IN_WORKING_DAYS,
): IsoDate {
  return addWorkingDays(callInExpiry(decisionPublished, nation, workingDays), 1, nation);
}

export type DeadlineStatus =
  | { state: "upcoming"; daysRemaining: number }
  | { state: "due-today" }
  | { state: "overdue"; daysOverdue: number };

/** Where `today` stands against a "by this date" deadline, in calendar days, for warnings (never to block). */
export function deadlineStatus(deadline: IsoDate, today: IsoDate): DeadlineStatus {
  const daysRemaining = daysBetween(today, deadline);
  if (daysRemaining > 0) return { state: "upcoming", daysRemaining };
  if (daysRemaining === 0) return { state: "due-today" };
  return { state: "overdue", daysOverdue: -daysRemaining };
}
