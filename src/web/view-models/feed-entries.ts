import { createHash } from "node:crypto";
import type { CalendarMeeting } from "../../records/calendar.js";
import type { DecidedItem, IssueFeedRecords, ResolutionText } from "../../records/feed-entries.js";
import type { FeedEntry } from "../../publishing/feeds.js";
import { londonInstant } from "../../publishing/ical.js";
import { longDate, sentenceCase, timeRange } from "../format.js";
import { documentUrl, issueUrl, itemUrl, meetingUrl } from "../urls.js";

// Records as feed entries: plain text titles and summaries, absolute links, and ids that are the
// permanent address of what the entry is about, so a reader never shows an entry twice.

export function meetingEntries(
  meetings: CalendarMeeting[],
  origin: string,
  agendas: Map<number, string[]>,
): FeedEntry[] {
  return meetings.map((meeting) => {
    const link = `${origin}${meetingUrl(meeting.authority.slug, meeting.slug)}`;
    const cancelled = meeting.status === "cancelled";
    const when = [longDate(meeting.date), timeRange(meeting.startTime, meeting.endTime)].filter(
      (p) => p !== null,
    );
    return {
      id: link,
      title: `${cancelled ? "Cancelled: " : ""}${meeting.body.name}, ${longDate(meeting.date)}`,
      link,
      date: londonInstant(meeting.date, meeting.startTime),
      summary: [
        meeting.authority.name,
        when.join(", "),
        ...(meeting.venue ? [meeting.venue] : []),
        ...(cancelled ? ["This meeting is cancelled."] : []),
        ...(agendas.get(meeting.id) ?? []),
      ].join("\n"),
    };
  });
}

function resolutionLines(resolutions: ResolutionText[]): string[] {
  return resolutions.flatMap((r) => [`${r.number} ${r.text}`.trim(), ...resolutionLines(r.children)]);
}

export function decisionEntries(items: DecidedItem[], origin: string): FeedEntry[] {
  return items.map((item) => {
    const link = `${origin}${itemUrl(item.authority.slug, item.meetingSlug, item.number)}`;
    return {
      id: link,
      title: `${item.body.name}, ${longDate(item.date)}: ${item.number}. ${item.title}`,
      link,
      date: londonInstant(item.date, null),
      summary: [item.authority.name, ...resolutionLines(item.resolutions)].join("\n"),
    };
  });
}

const shortHash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 12);

/** The issue's items, documents and events, newest first. An undated document takes the date of
 * the latest dated entry, so it is shown among the news rather than at 1970. */
export function issueEntries(issue: IssueFeedRecords, origin: string): FeedEntry[] {
  const page = `${origin}${issueUrl(issue.slug)}`;
  const items: FeedEntry[] = issue.items.map((item) => {
    const link = `${origin}${itemUrl(item.authority.slug, item.meetingSlug, item.number)}`;
    return {
      id: link,
      title: `${item.body.name}, ${longDate(item.date)}: ${item.number}. ${item.title}`,
      link,
      date: londonInstant(item.date, null),
      summary: `Agenda item at ${item.body.name} (${item.authority.name}), ${longDate(item.date)}.`,
    };
  });
  const events: FeedEntry[] = issue.events.map((event) => ({
    id: `${page}#event-${event.date}-${shortHash(event.text)}`,
    title: `${longDate(event.date)}: ${event.text.length > 120 ? `${event.text.slice(0, 117)}…` : event.text}`,
    link: event.document ? `${origin}${documentUrl(event.document.authority, event.document.key)}` : page,
    date: londonInstant(event.date, null),
    summary: [event.text, ...(event.document ? [`Source: ${event.document.title}`] : [])].join("\n"),
  }));
  const dated = [...items, ...events].map((entry) => entry.date.getTime());
  const latest = new Date(dated.length ? Math.max(...dated) : 0);
  const documents: FeedEntry[] = issue.documents.map((document) => {
    const link = `${origin}${documentUrl(document.authority.slug, document.key)}`;
    return {
      id: link,
      title: document.title,
      link,
      date: document.date === null ? latest : londonInstant(document.date, null),
      summary: [
        sentenceCase(document.kind),
        ...(document.publisher ? [`Published by ${document.publisher}`] : []),
        ...(document.date ? [longDate(document.date)] : []),
      ].join("\n"),
    };
  });
  return [...items, ...documents, ...events].sort((a, b) => b.date.getTime() - a.date.getTime());
}
