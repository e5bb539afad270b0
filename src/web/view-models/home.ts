import type { MeetingSummary } from "../../records/meetings.js";
import { longDate, timeRange } from "../format.js";
import { meetingUrl } from "../urls.js";

export type MeetingLink = {
  href: string;
  body: string;
  authority: string;
  date: string;
  time: string | null;
  isCancelled: boolean;
};

export type HomePage = { pageTitle: string; upcoming: MeetingLink[]; recent: MeetingLink[] };

export function meetingLink(meeting: MeetingSummary): MeetingLink {
  return {
    href: meetingUrl(meeting.authority.slug, meeting.slug),
    body: meeting.body.name,
    authority: meeting.authority.name,
    date: longDate(meeting.date),
    time: timeRange(meeting.startTime, null),
    isCancelled: meeting.status === "cancelled",
  };
}

export function homePage(upcoming: MeetingSummary[], recent: MeetingSummary[]): HomePage {
  return {
    pageTitle: "Council meetings",
    upcoming: upcoming.map(meetingLink),
    recent: recent.map(meetingLink),
  };
}
