import { MONTHS } from "../../domain/wording.js";
import type { CalendarMeeting } from "../../records/calendar.js";
import { longDate, timeRange } from "../format.js";
import { meetingCalendarUrl } from "../portal-urls.js";
import { meetingUrl } from "../urls.js";

// The month view: a grid of weeks (Monday first, as UK calendars print them) for wide screens,
// and the same meetings as a list by day, which is what narrow screens and screen readers get.

export type Month = { year: number; month: number };

export type CalendarMeetingView = {
  href: string;
  body: string;
  authority: string;
  time: string | null;
  isCancelled: boolean;
  calendarHref: string;
  /** the day in words, for link text that makes sense out of context */
  date: string;
};

export type DayCell = { day: number | null; isToday: boolean; meetings: CalendarMeetingView[] };

export type CalendarPage = {
  pageTitle: string;
  heading: string;
  monthName: string;
  previous: { href: string; labelText: string };
  next: { href: string; labelText: string };
  weekdays: { text: string }[];
  weeks: DayCell[][];
  days: { id: string; heading: string; meetings: CalendarMeetingView[] }[];
};

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

const pad = (n: number) => String(n).padStart(2, "0");

export function parseMonth(value: string): Month | null {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return null;
  const month = { year: Number(match[1]), month: Number(match[2]) };
  return month.month >= 1 && month.month <= 12 ? month : null;
}

export function monthOf(isoDate: string): Month {
  return { year: Number(isoDate.slice(0, 4)), month: Number(isoDate.slice(5, 7)) };
}

export function addMonths(m: Month, n: number): Month {
  const index = m.year * 12 + (m.month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export const monthParam = (m: Month) => `${m.year}-${pad(m.month)}`;
export const firstDay = (m: Month) => `${monthParam(m)}-01`;
const monthName = (m: Month) => `${MONTHS[m.month - 1] ?? ""} ${m.year}`;
const calendarHref = (m: Month) => `/calendar?month=${monthParam(m)}`;

function meetingView(meeting: CalendarMeeting): CalendarMeetingView {
  return {
    href: meetingUrl(meeting.authority.slug, meeting.slug),
    body: meeting.body.name,
    authority: meeting.authority.name,
    time: timeRange(meeting.startTime, meeting.endTime),
    isCancelled: meeting.status === "cancelled",
    calendarHref: meetingCalendarUrl(meeting.authority.slug, meeting.slug),
    date: longDate(meeting.date),
  };
}

export function calendarPage(month: Month, today: string, meetings: CalendarMeeting[]): CalendarPage {
  const daysInMonth = new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
  // getUTCDay: 0 is Sunday; the grid starts on Monday.
  const lead = (new Date(Date.UTC(month.year, month.month - 1, 1)).getUTCDay() + 6) % 7;
  const byDay = new Map<number, CalendarMeetingView[]>();
  for (const meeting of meetings) {
    const day = Number(meeting.date.slice(8, 10));
    byDay.set(day, [...(byDay.get(day) ?? []), meetingView(meeting)]);
  }
  const cells: DayCell[] = [
    ...Array.from({ length: lead }, () => ({ day: null, isToday: false, meetings: [] })),
    ...Array.from({ length: daysInMonth }, (_, i) => ({
      day: i + 1,
      isToday: `${monthParam(month)}-${pad(i + 1)}` === today,
      meetings: byDay.get(i + 1) ?? [],
    })),
  ];
  while (cells.length % 7 !== 0) cells.push({ day: null, isToday: false, meetings: [] });
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const previous = addMonths(month, -1);
  const next = addMonths(month, 1);
  const name = monthName(month);
  return {
    pageTitle: `Meetings in ${name}`,
    heading: `Meetings in ${name}`,
    monthName: name,
    previous: { href: calendarHref(previous), labelText: monthName(previous) },
    next: { href: calendarHref(next), labelText: monthName(next) },
    weekdays: WEEKDAYS.map((text) => ({ text })),
    weeks,
    days: [...byDay.entries()]
      .sort(([a], [b]) => a - b)
      .map(([day, list]) => ({
        id: `day-${day}`,
        heading: longDate(`${monthParam(month)}-${pad(day)}`),
        meetings: list,
      })),
  };
}
