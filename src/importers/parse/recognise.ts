import { findDates } from "./dates.js";
import { COMMITTEE_PAGE_HEADING } from "./committee-page.js";
import { DECISION_PAGE_HEADING, labelField } from "./decision-notice.js";
import { MEETINGS_LIST_HEADING } from "./meetings-list.js";
import { isAgendaItemPage } from "./issue-history.js";
import { isListedMeetingPage } from "./meeting-page.js";
import { isMinutedTablePage } from "./meeting-tables.js";
import { isBlank, type Line } from "./lines.js";
import {
  ISSUE_HISTORY_HEADING,
  MEETING_PAGE_HEADING,
  MEETING_REF,
  MEETING_TITLE_LINE,
  PADDING,
  PAGE_TITLE,
  PRESENT,
} from "./patterns.js";
import { findStarts, type Start } from "./starts.js";

// Recognisers: find what kind of document a text is and, in a long one (an agenda pack holds a
// front sheet, an agenda, minutes, reports and their appendices), where each part starts
// (starts.ts). They read structure only: labels, headings, numbering, tables, greetings and
// closings.

export type PartKind =
  | "front-sheet"
  | "agenda"
  | "minutes"
  | "report"
  | "appendix"
  | "letter"
  | "assessment"
  | "work-programme"
  /** one or more decision notices, each a labelled record of an executive decision */
  | "decisions"
  | "issue-history"
  | "meeting-page"
  /** a committee's own page: its members and the officer who supports it */
  | "committee-page"
  /** a committee's list of its meetings */
  | "meetings-list"
  | "article"
  /** text no recogniser claims, such as the pages after a padding page that follow minutes */
  | "other";

export type Part = { kind: PartKind; lines: Line[] };

/** `title` is the document's own title where its format carries one (an HTML page's <title>). */
export function segment(lines: Line[], title?: string): Part[] {
  const whole = wholePageKind(lines, title);
  if (whole) return [{ kind: whole, lines }];
  const starts = findStarts(lines);
  return cut(lines, starts);
}

/** Web pages that are one record each: an issue's history, a meeting's agenda-and-minutes page. */
function wholePageKind(lines: Line[], title: string | undefined): PartKind | undefined {
  const head = firstNonBlank(lines, 40);
  if (head.some((l) => ISSUE_HISTORY_HEADING.test(l.text))) return "issue-history";
  if (COMMITTEE_PAGE_HEADING.test(head[0]?.text ?? "")) return "committee-page";
  if (MEETINGS_LIST_HEADING.test(head[0]?.text ?? "")) return "meetings-list";
  // ModernGov's page of one decision: "Decision details", its title, then its labels.
  if (DECISION_PAGE_HEADING.test(head[0]?.text ?? "") && head.some((l) => labelField(l.text)))
    return "decisions";
  // ModernGov's page of one agenda item cites its meeting as an issue's page does.
  if (isAgendaItemPage(lines)) return "meeting-page";
  if (lines.filter((l) => MEETING_REF.test(l.text)).length >= 1 && !lines.some((l) => PRESENT.test(l.text)))
    return "issue-history";
  const pageHeading = head.some((l) => MEETING_PAGE_HEADING.test(l.text));
  const titleLine = head.some((l) => MEETING_TITLE_LINE.test(l.text) && isDateLike(l.text));
  const minutesMarkers = lines.filter((l) =>
    /^(minutes|decision)\s*:?$|\s(minutes|decision):\s/i.test(l.text),
  ).length;
  const venue = head.some((l) => /^(venue|location|place)\s*:/i.test(l.text));
  // A web page's own title names the meeting: "Agenda for Planning Committee on Tuesday, 14th March, 2023".
  const pageTitle = title !== undefined && PAGE_TITLE.test(title);
  const rows = lines.filter((l) => /^\d{1,4}[a-z]?\.?\t\S/.test(l.raw)).length;
  if (pageHeading && pageTitle && (minutesMarkers >= 1 || rows >= 2)) return "meeting-page";
  // A meeting with no papers yet, or called off: "No documents are available for this meeting".
  const bare = head.some((l) =>
    /\bno\s+documents\s+are\s+available\b|,\s*cancelled$|\bpostponed$/i.test(l.text),
  );
  if (pageHeading && (pageTitle || titleLine) && bare) return "meeting-page";
  if (pageHeading && (titleLine || venue) && minutesMarkers >= 1) return "meeting-page";
  if (titleLine && venue && minutesMarkers >= 1) return "meeting-page";
  // CMIS sets a meeting out in tables: its details, who came, and the items with their minutes.
  if (isMinutedTablePage(lines)) return "meeting-page";
  // A council's own page: the meeting named in its heading, its details, lists and items.
  if (isListedMeetingPage(lines, title)) return "meeting-page";
  return undefined;
}

function isDateLike(text: string): boolean {
  return findDates(text).length > 0 || /\b\d{1,2}(st|nd|rd|th)?,?\s+[A-Z][a-z]+,?\s+\d{4}/.test(text);
}

function firstNonBlank(lines: Line[], n: number): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    if (!isBlank(l)) out.push(l);
    if (out.length >= n) break;
  }
  return out;
}

/** Cuts the lines at each start; a padding page ends a part. Text between a padding page and the
 * next start continues the document before it, as an unnamed appendix when that was a report. */
function cut(lines: Line[], starts: Start[]): Part[] {
  const parts: Part[] = [];
  for (const [n, start] of starts.entries()) {
    const end = starts[n + 1]?.index ?? lines.length;
    let current: Line[] = [];
    let kind = start.kind;
    const flush = () => {
      if (current.some((l) => !isBlank(l))) parts.push({ kind, lines: current });
      current = [];
    };
    for (let i = start.index; i < end; i++) {
      const line = lines[i];
      if (!line) continue;
      if (PADDING.test(line.text)) {
        flush();
        kind = followerKind(kind);
        continue;
      }
      current.push(line);
    }
    flush();
  }
  return parts;
}

function followerKind(kind: PartKind): PartKind {
  return kind === "report" || kind === "appendix" || kind === "letter" || kind === "assessment"
    ? "appendix"
    : "other";
}
