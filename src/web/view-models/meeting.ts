import { meetingCalendarUrl } from "../portal-urls.js";
import { packUrl } from "../routes/pack.js";
import { slugify } from "../../domain/names.js";
import { documentUrl, itemUrl } from "../urls.js";
import { meetingTrail } from "./breadcrumbs.js";
import type { Breadcrumb } from "./labels.js";
import { minutesLabel } from "../../domain/visibility.js";
import type {
  ExemptItem,
  PublicAttendance,
  PublicItem,
  PublicMeeting,
  PublicResolution,
} from "../../records/meetings.js";
import type { Amendment } from "../../records/versions.js";
import {
  fileDescription,
  londonDate,
  longDate,
  pageRange,
  paragraphs,
  personLabel,
  roleLabel,
  sentenceCase,
  textBlocks,
  timeRange,
  type TextBlock,
} from "../format.js";

// The meeting page's view model: everything the template shows, already in words and in the
// parameter shapes of the govuk-frontend macros, so the template only lays it out.

type Text = { text: string };
export type SummaryRow = { key: Text; value: Text };
export type Tag = { text: string; classes?: string };

export type ResolutionView = {
  number: string | null;
  text: TextBlock[];
  notes: string[];
  children: ResolutionView[];
};

export type DocumentView = { title: string; href: string; description: string };

export type MinutesView = { text: TextBlock[]; isDraft: boolean; isExtract: boolean };

export type ExemptItemView = { isExempt: true; id: string; heading: string };

export type ItemView = {
  isExempt: false;
  id: string;
  heading: string;
  /** the item's own page, with its whole record */
  href: string;
  linkText: string;
  tags: Tag[];
  description: string[];
  pages: string | null;
  urgencyReason: string | null;
  leadMember: string | null;
  documents: DocumentView[];
  declarations: string[];
  minutes: MinutesView | null;
  resolutions: ResolutionView[];
};

export type AttendanceGroup = { heading: string; people: string[] };

export type MeetingPage = {
  pageTitle: string;
  breadcrumbs: Breadcrumb[];
  caption: string;
  heading: string;
  facts: SummaryRow[];
  statusTag: Tag | null;
  draftNotice: string | null;
  items: (ItemView | ExemptItemView)[];
  attendance: AttendanceGroup[];
  /** the printed agenda pack, its supplement of late items, and "add to calendar" */
  downloads: { text: string; href: string }[];
  /** "Amended on 2 March 2026: the venue changed" for each change since publication */
  amendments: string[];
};

/** What a public page says of each change made to its published record (issue 5, part 4). */
export function amendmentNotes(amendments: readonly Amendment[]): string[] {
  return amendments.map(
    (amendment) => `Amended on ${longDate(londonDate(new Date(amendment.at)))}: ${amendment.reason}`,
  );
}

export function meetingPage(meeting: PublicMeeting): MeetingPage {
  const date = longDate(meeting.date);
  const draftNotice = minutesLabel(meeting.minutesStatus);
  return {
    pageTitle: `${meeting.body.name}, ${date}, ${meeting.authority.name}`,
    breadcrumbs: meetingTrail(meeting.authority, meeting.body, meeting).slice(0, -1),
    caption: meeting.authority.name,
    heading: meeting.body.name,
    facts: meetingFacts(meeting, date),
    statusTag: meeting.status === "cancelled" ? { text: "Cancelled", classes: "govuk-tag--red" } : null,
    draftNotice,
    items: meeting.items.map((item) =>
      item.part === "I" ? itemView(meeting, item, draftNotice !== null) : exempt(item),
    ),
    attendance: attendanceGroups(meeting.attendance),
    downloads: meetingDownloads(meeting),
    amendments: amendmentNotes(meeting.amendments),
  };
}

function meetingDownloads(meeting: PublicMeeting): { text: string; href: string }[] {
  const [authority, slug] = [meeting.authority.slug, meeting.slug];
  const hasLateItems = meeting.items.some((item) => item.part === "I" && item.isLate);
  return [
    { text: "Agenda pack (PDF)", href: packUrl(authority, slug, "agenda", "public") },
    ...(hasLateItems
      ? [{ text: "Supplement: late items (PDF)", href: packUrl(authority, slug, "supplement", "public") }]
      : []),
    { text: "Add to calendar (iCalendar)", href: meetingCalendarUrl(authority, slug) },
  ];
}

function meetingFacts(meeting: PublicMeeting, date: string): SummaryRow[] {
  const rows: [string, string | null][] = [
    ["Date", date],
    ["Time", timeRange(meeting.startTime, meeting.endTime)],
    ["Venue", meeting.venue],
    ["Contact", meeting.contact],
    ["Status", sentenceCase(meeting.status)],
    ["Agenda published", meeting.agendaPublishedOn === null ? null : longDate(meeting.agendaPublishedOn)],
    ["Minutes", meeting.minutesStatus === "none" ? null : sentenceCase(meeting.minutesStatus)],
  ];
  return rows.flatMap(([key, value]) =>
    value === null ? [] : [{ key: { text: key }, value: { text: value } }],
  );
}

const itemId = (number: string) => `item-${slugify(number)}`;

function exempt(item: ExemptItem): ExemptItemView {
  return {
    isExempt: true,
    id: itemId(item.number),
    heading: `${item.number}. Exempt item (Part II): not for publication`,
  };
}

function itemView(meeting: PublicMeeting, item: PublicItem, minutesAreDraft: boolean): ItemView {
  const tags: Tag[] = [
    ...(item.isLate ? [{ text: "Late item", classes: "govuk-tag--orange" }] : []),
    ...(item.isKeyDecision ? [{ text: "Key decision", classes: "govuk-tag--blue" }] : []),
  ];
  return {
    isExempt: false,
    id: itemId(item.number),
    heading: `${item.number}. ${item.title}`,
    href: itemUrl(meeting.authority.slug, meeting.slug, item.number),
    linkText: `Full record of item ${item.number}`,
    tags,
    description: item.description === null ? [] : paragraphs(item.description),
    pages: pageRange(item.pages),
    urgencyReason: item.urgencyReason,
    leadMember: item.leadMember === null ? null : personLabel(item.leadMember),
    documents: item.documents.map((document) => ({
      title: document.title,
      href: documentUrl(meeting.authority.slug, document.key),
      description: [sentenceCase(document.kind), fileDescription(document.mediaType, document.sizeBytes)]
        .filter((part) => part !== null)
        .join(", "),
    })),
    declarations: item.declarations.map((declaration) =>
      [personLabel(declaration.person), sentenceCase(declaration.kind), declaration.nature]
        .filter((part) => part !== null)
        .join(": "),
    ),
    minutes:
      item.minutes === null
        ? null
        : { text: textBlocks(item.minutes), isDraft: minutesAreDraft, isExtract: item.isMinutesTruncated },
    resolutions: item.resolutions.map(resolutionView),
  };
}

/** Printed numbers are kept as printed ("1", "(i)", "IV"); a bare number gets its full stop. */
function printedNumber(number: string): string | null {
  if (number === "") return null;
  return /^[0-9a-z]+$/i.test(number) ? `${number}.` : number;
}

function resolutionView(resolution: PublicResolution): ResolutionView {
  const notes: string[] = [];
  const { proposer, seconder, votes } = resolution;
  if (proposer && seconder) {
    notes.push(`Proposed by ${personLabel(proposer)} and seconded by ${personLabel(seconder)}.`);
  } else if (proposer) {
    notes.push(`Proposed by ${personLabel(proposer)}.`);
  }
  if (votes.isUnanimous) {
    notes.push("Vote: unanimous.");
  } else if (votes.for !== null || votes.against !== null || votes.abstain !== null) {
    const counts = [
      ...(votes.for === null ? [] : [`${votes.for} for`]),
      ...(votes.against === null ? [] : [`${votes.against} against`]),
      ...(votes.abstain === null ? [] : [`${votes.abstain} abstaining`]),
    ];
    notes.push(`Vote: ${counts.join(", ")}.`);
  }
  return {
    number: printedNumber(resolution.number),
    text: textBlocks(resolution.text),
    notes,
    children: resolution.children.map(resolutionView),
  };
}

const ATTENDANCE_GROUPS: [status: string, heading: string][] = [
  ["present", "Present"],
  ["substitute", "Substitutes"],
  ["apologies", "Apologies"],
  ["absent", "Absent"],
  ["in-attendance", "Also in attendance"],
];

function attendanceLabel(attendance: PublicAttendance): string {
  const details = [
    ...(attendance.role === null ? [] : [roleLabel(attendance.role)]),
    ...(attendance.substituteFor === null ? [] : [`substitute for ${personLabel(attendance.substituteFor)}`]),
  ];
  const name = personLabel(attendance.person);
  return details.length === 0 ? name : `${name} (${details.join(", ")})`;
}

function attendanceGroups(attendance: PublicAttendance[]): AttendanceGroup[] {
  const known = new Set(ATTENDANCE_GROUPS.map(([status]) => status));
  const groups: [string, string][] = [
    ...ATTENDANCE_GROUPS,
    // A status the loader accepts but this page has no heading for is still shown.
    ...[...new Set(attendance.map((a) => a.status))]
      .filter((status) => !known.has(status))
      .map((status): [string, string] => [status, sentenceCase(status)]),
  ];
  return groups.flatMap(([status, heading]) => {
    const people = attendance.filter((a) => a.status === status).map(attendanceLabel);
    return people.length === 0 ? [] : [{ heading, people }];
  });
}
