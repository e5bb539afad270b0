import type { MeetingSummary } from "../../records/meetings.js";
import type { AuthoritySummary } from "../../records/public/authorities.js";
import type { DecisionSummary } from "../../records/public/decisions.js";
import type { PublishedAgenda, PublishedMinutes } from "../../records/public/meeting-lists.js";
import { longDate, timeRange } from "../format.js";
import {
  actionsUrl,
  authoritiesUrl,
  authorityUrl,
  decisionUrl,
  decisionsUrl,
  forwardPlanUrl,
  issuesUrl,
  meetingUrl,
  peopleUrl,
} from "../urls.js";
import { dateText, type Link, type Tag } from "./labels.js";

export type MeetingLink = {
  href: string;
  body: string;
  authority: string;
  date: string;
  time: string | null;
  isCancelled: boolean;
};

/** An entry of a list of records: a link as its heading, and lines about it. */
export type RecordListItem = { href: string; text: string; hiddenText?: string; lines: string[]; tag?: Tag };

export type HomePage = {
  pageTitle: string;
  upcoming: MeetingLink[];
  recent: MeetingLink[];
  agendas: RecordListItem[];
  minutes: RecordListItem[];
  decisions: RecordListItem[];
  authorities: Link[];
  browse: Link[];
};

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

function agendaItem(meeting: PublishedAgenda): RecordListItem {
  return {
    href: meetingUrl(meeting.authority.slug, meeting.slug),
    text: meeting.body.name,
    hiddenText: `, agenda for ${longDate(meeting.date)}`,
    lines: [
      `${meeting.authority.name}. Meeting on ${longDate(meeting.date)}`,
      ...(meeting.agendaPublishedOn === null
        ? []
        : [`Agenda published ${dateText(meeting.agendaPublishedOn)}`]),
    ],
  };
}

function minutesItem(meeting: PublishedMinutes): RecordListItem {
  return {
    href: meetingUrl(meeting.authority.slug, meeting.slug),
    text: meeting.body.name,
    hiddenText: `, minutes of ${longDate(meeting.date)}`,
    lines: [`${meeting.authority.name}. Meeting on ${longDate(meeting.date)}`],
    ...(meeting.minutesStatus === "draft" ? { tag: { text: "Draft", classes: "govuk-tag--yellow" } } : {}),
  };
}

function decisionItem(decision: DecisionSummary): RecordListItem {
  return {
    href: decisionUrl(decision.id),
    text: decision.title,
    lines: [`${decision.decisionMaker}, ${decision.authority.name}. Decided ${dateText(decision.decidedOn)}`],
    ...(decision.isKeyDecision ? { tag: { text: "Key decision", classes: "govuk-tag--blue" } } : {}),
  };
}

export function homePage(input: {
  upcoming: MeetingSummary[];
  recent: MeetingSummary[];
  agendas: PublishedAgenda[];
  minutes: PublishedMinutes[];
  decisions: DecisionSummary[];
  authorities: AuthoritySummary[];
}): HomePage {
  return {
    pageTitle: "Council meetings",
    upcoming: input.upcoming.map(meetingLink),
    recent: input.recent.map(meetingLink),
    agendas: input.agendas.map(agendaItem),
    minutes: input.minutes.map(minutesItem),
    decisions: input.decisions.map(decisionItem),
    authorities: input.authorities.map((a) => ({ text: a.name, href: authorityUrl(a.slug) })),
    browse: [
      { text: "All authorities", href: authoritiesUrl() },
      { text: "Issues followed across meetings", href: issuesUrl() },
      { text: "Decisions", href: decisionsUrl() },
      { text: "Forward plan of key decisions", href: forwardPlanUrl() },
      { text: "Actions tracker", href: actionsUrl() },
      { text: "Councillors", href: peopleUrl() },
    ],
  };
}
