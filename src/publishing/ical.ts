import { TZDate } from "@date-fns/tz";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";

// iCalendar (RFC 5545) files of meetings, made with ical-generator: records in, text out.
// Times are the councils' local times, written with TZID=Europe/London and the zone's own
// VTIMEZONE, so a meeting at 10am in August reads 10am in every calendar, whatever the server's
// zone. A meeting with no start time is an all-day event.

export const LONDON = "Europe/London";

export type CalendarEvent = {
  /** stable across re-publication, so calendars update the event rather than add another */
  uid: string;
  summary: string;
  description: string | null;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, local time */
  start: string | null;
  end: string | null;
  location: string | null;
  url: string;
  isCancelled: boolean;
};

export type CalendarSpec = {
  name: string;
  description: string;
  /** the page the calendar is about */
  url: string;
  events: CalendarEvent[];
  /** when this file is made (DTSTAMP) */
  stamp: Date;
};

// The UK's rule since 1996 (the Summer Time Order 2002 keeps it): BST from 01:00 UTC on the last
// Sunday in March to 01:00 UTC on the last Sunday in October.
const LONDON_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${LONDON}`,
  `X-LIC-LOCATION:${LONDON}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0000",
  "TZOFFSETTO:+0100",
  "TZNAME:BST",
  "DTSTART:19700329T010000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0000",
  "TZNAME:GMT",
  "DTSTART:19701025T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

function londonVtimezone(zone: string): string | null {
  return zone === LONDON ? LONDON_VTIMEZONE : null;
}

/** A local date and time in London as an instant that knows its zone. */
export function londonTime(date: string, time: string | null): TZDate {
  const [year = 1970, month = 1, day = 1] = date.split("-").map(Number);
  const [hours = 0, minutes = 0] = (time ?? "00:00").split(":").map(Number);
  return new TZDate(year, month - 1, day, hours, minutes, LONDON);
}

/** The same moment as a plain Date (whose toISOString is in UTC, as feeds want it). */
export function londonInstant(date: string, time: string | null): Date {
  return new Date(londonTime(date, time).getTime());
}

export function icalendar(spec: CalendarSpec): string {
  const calendar = ical({
    name: spec.name,
    description: spec.description,
    url: spec.url,
    prodId: { company: "Witan", product: "Witan", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    // Each event names its zone; the calendar only carries the VTIMEZONE for it. Naming the zone
    // on the calendar too would make ical-generator write DTSTAMP in local time, and RFC 5545
    // (3.8.7.2) requires it in UTC.
    timezone: { name: null, generator: londonVtimezone },
  });
  for (const event of spec.events) {
    const allDay = event.start === null;
    const end =
      event.end !== null && event.start !== null && event.end > event.start
        ? londonTime(event.date, event.end)
        : null;
    calendar.createEvent({
      id: event.uid,
      stamp: spec.stamp,
      start: londonTime(event.date, event.start),
      end,
      allDay,
      timezone: LONDON,
      summary: event.summary,
      description: event.description,
      location: event.location,
      url: event.url,
      status: event.isCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
