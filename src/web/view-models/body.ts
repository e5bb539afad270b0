import { municipalYearOf, parseMunicipalYear } from "../../domain/municipal-year.js";
import type { MeetingSummary } from "../../records/meetings.js";
import type { BodyRecord, Member, WorkProgrammeEntry } from "../../records/public/bodies.js";
import { personLabel, roleLabel, sentenceCase, timeRange } from "../format.js";
import { bodyCalendarUrl, bodyFeedUrl, meetingUrl, personUrl } from "../urls.js";
import { authorityTrail } from "./breadcrumbs.js";
import { counted, dateText, type Breadcrumb, type Link, type Phrase, type Tag } from "./labels.js";

// A body's page: purpose, members, meetings by municipal year, work programme, feeds.

type Cell = { text?: string; parts?: Phrase; secondary?: string; tag?: Tag };

export type TableView = { caption: string; rows: Cell[][] };

export type BodyPage = {
  pageTitle: string;
  breadcrumbs: Breadcrumb[];
  caption: string;
  heading: string;
  purpose: string | null;
  facts: { key: { text: string }; value: { text: string } }[];
  members: { head: { text: string }[]; rows: Cell[][] };
  meetingYears: TableView[];
  workProgramme: { year: string; scheduled: TableView | null; toBeScheduled: TableView | null }[];
  feeds: Link[];
};

const ROLE_ORDER = ["chair", "vice-chair", "member", "co-opted", "substitute", "lead-officer", "clerk"];

function roleRank(role: string): number {
  const index = ROLE_ORDER.indexOf(role);
  return index < 0 ? ROLE_ORDER.length : index;
}

/** Members, chair first; the party column only where some member's party is recorded. */
function memberTable(members: Member[]): BodyPage["members"] {
  const withParty = members.some((m) => m.person.party !== null);
  return {
    head: [{ text: "Name" }, { text: "Role" }, ...(withParty ? [{ text: "Party" }] : [])],
    rows: [...members]
      .sort((a, b) => roleRank(a.role) - roleRank(b.role))
      .map((m) => [
        { parts: [{ text: personLabel(m.person), href: personUrl(m.person.authority, m.person) }] },
        { text: roleLabel(m.role) },
        ...(withParty ? [{ text: m.person.party ?? "Not recorded" }] : []),
      ]),
  };
}

function meetingStatus(meeting: MeetingSummary, today: string): Tag {
  if (meeting.status === "cancelled") return { text: "Cancelled", classes: "govuk-tag--red" };
  if (meeting.date >= today) return { text: "Upcoming", classes: "govuk-tag--blue" };
  return { text: "Held", classes: "govuk-tag--grey" };
}

function meetingYears(meetings: MeetingSummary[], today: string): TableView[] {
  const years = new Map<number, { label: string; meetings: MeetingSummary[] }>();
  for (const meeting of meetings) {
    const year = municipalYearOf(meeting.date);
    const entry = years.get(year.start) ?? { label: year.label, meetings: [] };
    entry.meetings.push(meeting);
    years.set(year.start, entry);
  }
  return [...years.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, year]) => ({
      caption: `Meetings in ${year.label}`,
      rows: year.meetings.map((m) => [
        { parts: [{ text: dateText(m.date), href: meetingUrl(m.authority.slug, m.slug) }] },
        { text: timeRange(m.startTime, m.endTime) ?? "Time not recorded" },
        { text: "", tag: meetingStatus(m, today) },
      ]),
    }));
}

function priority(entry: WorkProgrammeEntry): string {
  if (entry.priorityScore === null)
    return entry.priorityBand === null ? "Not scored" : sentenceCase(entry.priorityBand);
  return entry.priorityBand === null
    ? String(entry.priorityScore)
    : `${entry.priorityScore} (${sentenceCase(entry.priorityBand)})`;
}

function programmeRow(entry: WorkProgrammeEntry, authority: string, withMeeting: boolean): Cell[] {
  const topic: Cell = {
    text: entry.title,
    secondary: entry.kind === null ? undefined : sentenceCase(entry.kind),
  };
  const cells: Cell[] = [
    topic,
    { text: priority(entry) },
    { text: entry.reason ?? "" },
    { text: entry.responsible ?? "" },
  ];
  if (!withMeeting) return cells;
  const date = entry.meetingDate === null ? "" : dateText(entry.meetingDate);
  const meeting: Cell =
    entry.meeting === null
      ? { text: date }
      : { parts: [{ text: date, href: meetingUrl(authority, entry.meeting) }] };
  return [meeting, ...cells];
}

function workProgramme(entries: WorkProgrammeEntry[], authority: string): BodyPage["workProgramme"] {
  const years = new Map<string, { start: number; entries: WorkProgrammeEntry[] }>();
  for (const entry of entries) {
    const year =
      (entry.municipalYear === null ? null : parseMunicipalYear(entry.municipalYear)) ??
      (entry.meetingDate === null ? null : municipalYearOf(entry.meetingDate));
    const label = year?.label ?? entry.municipalYear ?? "Year not recorded";
    const group = years.get(label) ?? { start: year?.start ?? 0, entries: [] };
    group.entries.push(entry);
    years.set(label, group);
  }
  return [...years.entries()]
    .sort(([, a], [, b]) => b.start - a.start)
    .map(([label, group]) => {
      const scheduled = group.entries.filter((e) => e.meetingDate !== null);
      const waiting = group.entries.filter((e) => e.meetingDate === null);
      return {
        year: label,
        scheduled:
          scheduled.length === 0
            ? null
            : {
                caption: `Planned for meetings in ${label}`,
                rows: scheduled.map((e) => programmeRow(e, authority, true)),
              },
        toBeScheduled:
          waiting.length === 0
            ? null
            : {
                caption: `To be scheduled in ${label}`,
                rows: waiting.map((e) => programmeRow(e, authority, false)),
              },
      };
    });
}

export function bodyPage(
  body: BodyRecord,
  members: Member[],
  meetings: MeetingSummary[],
  programme: WorkProgrammeEntry[],
  today: string,
): BodyPage {
  const facts: [string, string][] = [
    ["Kind", sentenceCase(body.kind)],
    ...(body.isJoint
      ? [["Authorities", body.authorities.map((a) => a.name).join(", ")] as [string, string]]
      : []),
    ["Meetings published", counted(meetings.length, "meeting")],
  ];
  return {
    pageTitle: `${body.name}, ${body.authority.name}`,
    breadcrumbs: authorityTrail(body.authority),
    caption: body.authority.name,
    heading: body.name,
    purpose: body.purpose,
    facts: facts.map(([key, value]) => ({ key: { text: key }, value: { text: value } })),
    members: memberTable(members),
    meetingYears: meetingYears(meetings, today),
    workProgramme: workProgramme(programme, body.authority.slug),
    feeds: [
      {
        text: "Add this body's meetings to your calendar (iCalendar)",
        href: bodyCalendarUrl(body.authority.slug, body.slug),
      },
      { text: "Follow this body's meetings (Atom feed)", href: bodyFeedUrl(body.slug) },
    ],
  };
}
