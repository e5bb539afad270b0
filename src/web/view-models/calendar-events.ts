import type { CalendarMeeting } from "../../records/calendar.js";
import type { CalendarEvent } from "../../publishing/ical.js";
import { meetingUrl } from "../urls.js";

// Public meetings as iCalendar events. The UID is built from the meeting's natural key (its
// authority and its slug, which is its date and body), not from a database id, so it survives an
// export into another deployment and is the same in every calendar that lists the meeting: a
// person's calendar and their committee's do not show it twice.

export function meetingUid(meeting: CalendarMeeting): string {
  return `meeting/${meeting.authority.slug}/${meeting.slug}@witan`;
}

export function calendarEvents(
  meetings: CalendarMeeting[],
  origin: string,
  agendas: Map<number, string[]>,
): CalendarEvent[] {
  return meetings.map((meeting) => {
    const url = `${origin}${meetingUrl(meeting.authority.slug, meeting.slug)}`;
    const agenda = agendas.get(meeting.id) ?? [];
    const description = [
      meeting.authority.name,
      ...(meeting.status === "cancelled" ? ["This meeting is cancelled."] : []),
      ...(agenda.length ? ["", "Agenda:", ...agenda] : []),
      "",
      `Agenda, papers and minutes: ${url}`,
    ].join("\n");
    return {
      uid: meetingUid(meeting),
      summary: meeting.status === "cancelled" ? `Cancelled: ${meeting.body.name}` : meeting.body.name,
      description,
      date: meeting.date,
      start: meeting.startTime,
      end: meeting.endTime,
      location: meeting.venue,
      url,
      isCancelled: meeting.status === "cancelled",
    };
  });
}
