import { findAuthorities } from "./authorities.js";
import { looksLikeBody } from "./bodies.js";
import { findDates, isDateLine } from "./dates.js";
import { isDecisionNotice, isNoticeHeading, noticeEnd } from "./decision-notice.js";
import { itemKind } from "./item-kinds.js";
import type { Line } from "./lines.js";
import {
  APPENDIX_HEADING,
  ASSESSMENT_HEADING,
  ITEM_LINE,
  LETTER_CLOSING,
  LETTER_GREETING,
  PADDING,
  PAGES,
  PRESENT,
  REPORT_LABEL,
  VENUE_LINE,
  WORK_PROGRAMME_HEADING,
} from "./patterns.js";
import type { PartKind } from "./recognise.js";

// Where each part of a long document starts: minutes at "Present:", a report at its metadata
// block, a letter at the letterhead above "Dear …", an assessment and a work programme at their
// headings, the agenda at its first standing item, appendices where the report's list of them
// says, and the front sheet before all of these.

export type Start = { index: number; kind: PartKind };

export function findStarts(lines: Line[]): Start[] {
  const starts: Start[] = [];
  const taken = new Set<number>();
  const add = (index: number, kind: PartKind) => {
    if (taken.has(index)) return;
    taken.add(index);
    starts.push({ index, kind });
  };
  const closing = nextClosings(lines);
  // Decision notices one after another are one part: a file or a section of notices.
  let inNotices = false;
  let lastOpening = -Infinity;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.text ?? "";
    if (text === "") continue;
    const before = starts.length;
    // A notice's labels indented inside minutes quote the decision the minute is about (a
    // call-in); they are the minute's text, not a notice of their own.
    const quoted = lastOpening > -Infinity && /^\s/.test(lines[i]?.raw ?? "");
    if (!quoted && isDecisionNotice(lines, i)) {
      if (!inNotices) add(headerStart(lines, i, noticeHeader), "decisions");
      inNotices = true;
      i = noticeEnd(lines, i);
      continue;
    }
    // "In the Chair:", then "Members present:" a few lines on: one attendance block, one minutes.
    if (PRESENT.test(text) && isMinutesOpening(lines, i)) {
      if (i - lastOpening > 12) add(headerStart(lines, i, minutesHeader, 10), "minutes");
      lastOpening = i;
    } else if (REPORT_LABEL.test(text) && isMetadataBlock(lines, i)) {
      add(headerStart(lines, i, reportHeader), "report");
      i = skipLabels(lines, i);
    } else if (LETTER_GREETING.test(text) && (closing[i] ?? Infinity) - i < 400 && !summons(lines, i))
      add(letterheadStart(lines, i), "letter");
    else if (ASSESSMENT_HEADING.test(text) || /^EQUALITY IMPACT ASSESSMENT\b/.test(text))
      add(i, "assessment");
    else if (
      WORK_PROGRAMME_HEADING.test(text) &&
      text.length < 80 &&
      !ITEM_LINE.test(text) &&
      !PAGES.test(text) &&
      tableFollows(lines, i)
    )
      add(headerStart(lines, i, programmeHeader, 3), "work-programme");
    if (starts.length > before) inNotices = false;
  }
  addAgenda(lines, starts);
  for (const s of starts) taken.add(s.index);
  addAppendices(lines, starts);
  const first = starts.reduce((min, s) => Math.min(min, s.index), lines.length);
  if (first > 0) {
    const head = lines.slice(0, first);
    if (isFrontSheet(head)) add(0, "front-sheet");
    else if (looksLikeReport(head)) add(0, "report");
    else add(0, "other");
  }
  return starts.sort((a, b) => a.index - b.index);
}

/** "Dear Councillor, You are hereby summoned to attend a meeting of the Cabinet …": the
 * summons on a front sheet, not a letter. */
function summons(lines: Line[], greeting: number): boolean {
  const text = lines
    .slice(greeting + 1, greeting + 8)
    .map((l) => l.text)
    .join(" ");
  return /\bsummoned\s+to\s+attend\b|\b(?:requested|invited|required)\s+to\s+attend\s+(?:a|the)\s+meeting\b|\bnotice\s+is\s+hereby\s+given\b/i.test(
    text,
  );
}

function isMinutesOpening(lines: Line[], i: number): boolean {
  const text = lines[i]?.text ?? "";
  if (/^(?:present|sederunt)\s*:?\s*$/i.test(text) || /^(?:present|sederunt)\s*[:\-–\t]\s*\S/i.test(text))
    return true;
  if (/^members\s+of\s+the\s+[\w -]{3,40}:\s*\S/i.test(text)) return true;
  if (/^in\s+the\s+chair\s*:\s*\S/i.test(text)) return true;
  // "1.   Those Attending:   Cllr J Nicholas-Letch (Chairman), …": attendance as the first minute.
  if (/^\d{1,2}\.?\s+(?:present|those\s+(?:present|attending)|attendance)\s*:\s*\S/i.test(text)) return true;
  return (
    /^(members|councillors|those)\s+(?:present|attending)\b/i.test(text) ||
    /^attendance\s*(?::\s*\S.*)?$/i.test(text)
  );
}

function isMetadataBlock(lines: Line[], i: number): boolean {
  let labels = 0;
  let seen = 0;
  let meetingLabels = 0;
  for (let j = i; j < lines.length && seen < 16; j++) {
    const text = lines[j]?.text ?? "";
    if (text === "") continue;
    seen++;
    if (REPORT_LABEL.test(text)) labels++;
    if (/^(?:time|venue|place|location|members|membership|quorum)\s*:/i.test(text)) meetingLabels++;
  }
  // A front sheet labels its meeting too ("Meeting:", "Date:"), but also its time, venue and members.
  if (meetingLabels >= 2) return false;
  const first = REPORT_LABEL.exec(lines[i]?.text ?? "")?.[1]?.toLowerCase() ?? "";
  return labels >= 3 && /subject|title|report|committee|meeting|decision/.test(first);
}

function skipLabels(lines: Line[], i: number): number {
  let j = i;
  let gap = 0;
  while (j + 1 < lines.length && gap < 3) {
    const text = lines[j + 1]?.text ?? "";
    if (REPORT_LABEL.test(text)) gap = 0;
    else if (text !== "") gap++;
    j++;
  }
  return j - gap;
}

/** For each line, the index of the next "Yours sincerely" after it: found in one pass, so a text
 * of many greetings is not searched again from each. */
function nextClosings(lines: Line[]): number[] {
  const next: number[] = new Array<number>(lines.length).fill(Infinity);
  let seen = Infinity;
  for (let i = lines.length - 1; i >= 0; i--) {
    next[i] = seen;
    if (LETTER_CLOSING.test(lines[i]?.text ?? "")) seen = i;
  }
  return next;
}

function tableFollows(lines: Line[], i: number): boolean {
  for (let j = i + 1; j < Math.min(lines.length, i + 20); j++) {
    const cells = (lines[j]?.raw ?? "").split("\t").map((c) => c.trim().toLowerCase());
    if (
      cells.length >= 3 &&
      cells.some((c) => /date|meeting/.test(c)) &&
      cells.some((c) => /item|topic|title|subject|issue/.test(c))
    )
      return true;
  }
  return false;
}

/** Walks back from a part's first telling line over the heading lines that belong to it. */
function headerStart(lines: Line[], i: number, isHeader: (text: string) => boolean, max = 6): number {
  let start = i;
  let seen = 0;
  for (let j = i - 1; j >= 0 && seen < max; j--) {
    const text = lines[j]?.text ?? "";
    if (text === "") continue;
    if (!isHeader(text)) break;
    start = j;
    seen++;
  }
  return start;
}

function minutesHeader(text: string): boolean {
  if (PADDING.test(text)) return false;
  // A Welsh council's bilingual heading: "Dydd Iau, 15 Mai 2025 / Thursday, 15 May 2025 …".
  const halves = text.split(" / ");
  if (halves.length > 1 && halves.slice(1).some((half) => minutesHeader(half.trim()))) return true;
  if (
    /^(?:(?:draft|approved|unconfirmed|confirmed|signed)\s+)?minutes?\b/i.test(text) ||
    /\bminutes? of\b/i.test(text)
  )
    return true;
  // "Date: Thursday, 25 July 2024", "Time: 6.00 pm - 8.35 pm", "Place: Council Chamber"
  if (/^(?:date|time|place|venue|location|meeting\s+held)\b[^:]{0,20}:/i.test(text) && text.length <= 160)
    return true;
  if (/^(?:record\s+of|decisions?\s+of)\b/i.test(text)) return true;
  // "These minutes are in draft form until confirmed at the next meeting of the Committee."
  if (/^(?:these|the(?:se)?)\s+minutes\s+(?:are|remain)\b/i.test(text) && text.length <= 200) return true;
  // "Council Chamber, Clune House, Port Ardlie": where the meeting was held.
  if (text.length <= 100 && !/[.;]$/.test(text) && VENUE_LINE.test(text)) return true;
  // "Held in the Pearce Institute at 7 p.m.", "held on Monday 3 March 2025 at …"
  if (/^(?:(?:a\s+)?meeting\s+)?held\s+(?:on|at|in)\b/i.test(text) && text.length <= 160) return true;
  // "Wednesday 15 January 2025, 7.00pm, Council Chamber": the date first, then time and place;
  // "11 November 2020 Manordeilo Community Council held their meeting via Zoom at 7.30pm …".
  const date = findDates(text)[0];
  if (date && date.index <= 10 && text.length <= 200) return true;
  if (text.length > 140 || /[.;]$/.test(text)) return false;
  // "10.00 am, Tuesday 11 March 2025": the time first.
  if (date && /^(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|noon)\b/i.test(text)) return true;
  return isDateLine(text) || looksLikeBody(text) || capitalsHeading(text) || findAuthorities(text).length > 0;
}

/** Above a work programme: the council and the committee whose programme it is. */
function programmeHeader(text: string): boolean {
  if (text.length > 100 || /[.;]$/.test(text)) return false;
  return capitalsHeading(text) || looksLikeBody(text) || findAuthorities(text).length > 0;
}

/** Above a decision notice: the council and "DECISION NOTICE" or "Record of executive decision". */
function noticeHeader(text: string): boolean {
  return isNoticeHeading(text) || capitalsHeading(text) || findAuthorities(text).length > 0;
}

function reportHeader(text: string): boolean {
  return capitalsHeading(text) || /^(report|agenda item|item)\b/i.test(text);
}

function capitalsHeading(text: string): boolean {
  return text.length <= 80 && /[A-Z]{3}/.test(text) && text === text.toUpperCase() && !PADDING.test(text);
}

/** A letter starts at its letterhead: the short address and date lines above "Dear …". */
function letterheadStart(lines: Line[], i: number): number {
  let start = i;
  for (let j = i - 1; j >= 0 && i - j < 30; j--) {
    const text = lines[j]?.text ?? "";
    if (text === "") continue;
    if (text.length > 100 || (/[.;]$/.test(text) && text.length > 40) || PADDING.test(text)) break;
    start = j;
  }
  return start;
}

/** The agenda of a pack: its first item "1." (usually apologies) after the front sheet. */
function addAgenda(lines: Line[], starts: Start[]): void {
  const limit = starts.reduce((min, s) => Math.min(min, s.index), lines.length);
  let numbered = 0;
  let standing = 0;
  let firstItem = -1;
  for (let i = 0; i < limit; i++) {
    const text = lines[i]?.text ?? "";
    const cells = (lines[i]?.raw ?? "").split("\t").map((c) => c.trim());
    const m = ITEM_LINE.exec(text) ?? (cells.length > 1 ? ITEM_LINE.exec(cells.join(" ")) : null);
    if (!m || !/^[A-Z'‘"]/.test(m[2] ?? "")) continue;
    if (firstItem < 0 && /^1$|\D1$/.test(m[1] ?? "")) firstItem = i;
    if (firstItem < 0) continue;
    numbered++;
    if (itemKind(m[2] ?? "") !== "report" || PAGES.test(text)) standing++;
  }
  // An agenda carries standing items (apologies, declarations, minutes) or page references; a
  // report's numbered sections ("1. Purpose", "2. Background") carry neither.
  const heading = lines.slice(0, limit).some((l) => /^agenda$/i.test(l.text));
  if (firstItem < 0 || numbered < 2 || (standing === 0 && !heading)) return;
  // The agenda's own heading: "AGENDA", a table header, and the body's name just above them.
  let start = firstItem;
  let bodyLines = 0;
  for (let j = firstItem - 1; j >= 0 && firstItem - j < 6; j--) {
    const text = lines[j]?.text ?? "";
    if (text === "") continue;
    const isBody = looksLikeBody(text) && text.length < 100 && bodyLines === 0;
    if (/^agenda\b/i.test(text) || isBody || /^(no\.?|item)\s*\t/i.test(lines[j]?.raw ?? "")) {
      if (isBody) bodyLines++;
      start = j;
      continue;
    }
    break;
  }
  starts.push({ index: start, kind: "agenda" });
}

/** A report lists its appendices ("Appendix 1. Prospectus"); a later part that opens with one of
 * those titles, or with an "Appendix N" heading, is that appendix. */
function addAppendices(lines: Line[], starts: Start[]): void {
  const known = new Set(starts.map((s) => s.index));
  const sorted = [...starts].sort((a, b) => a.index - b.index);
  for (const [n, report] of sorted.entries()) {
    if (report.kind !== "report") continue;
    // A report's appendices follow it, up to the next document of another kind.
    const next = sorted.slice(n + 1).find((s) => s.kind !== "letter" && s.kind !== "assessment");
    const end = next?.index ?? lines.length;
    const titles = appendixTitles(lines, report.index, end);
    for (let i = report.index + 1; i < end; i++) {
      const text = lines[i]?.text ?? "";
      if (text === "" || known.has(i)) continue;
      if (underListHeading(lines, i)) continue;
      const heading = APPENDIX_HEADING.exec(text);
      const prefix = /^[-•]?\s*$/.test(lines[i - 1]?.text ?? "");
      const listed = titles.some((t) => t.length >= 4 && text.toLowerCase().startsWith(t.toLowerCase()));
      if (
        (heading && text.length < 120 && prefix && !/[.;]$/.test(text)) ||
        (listed && prefix && text.length < 200)
      ) {
        starts.push({ index: i, kind: "appendix" });
        known.add(i);
      }
    }
  }
}

/** "Appendices", "8. Background papers:": the heading of the report's own list of its papers. */
const LIST_HEADING =
  /^(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:list\s+of\s+)?appendices(?:\s+and\s+background\s+papers)?|background\s+(?:papers|documents)(?:\s+and\s+appendices)?|(?:supporting|accompanying)\s+(?:papers|documents))\s*:?$/i;

/** A line of the list under that heading names an appendix; it does not start one. An appendix
 * on a page of its own (after the page's number, or its running head) does. */
function underListHeading(lines: Line[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const line = lines[j];
    if (!line || (line.text === "" && line.raw.trim() !== "")) return false;
    if (line.text === "") continue;
    if (LIST_HEADING.test(line.text)) return true;
    if (!APPENDIX_HEADING.test(line.text)) return false;
  }
  return false;
}

export function appendixTitles(lines: Line[], from: number, to: number): string[] {
  const titles: string[] = [];
  for (let i = from; i < to; i++) {
    const text = (lines[i]?.text ?? "").replace(/^[-•*]\s*/, "");
    const m = /^Appendix\s+[A-Z0-9]{1,3}\s*[:.\-–)]\s*(.{3,120})$/i.exec(text);
    if (m?.[1]) titles.push(m[1].trim().replace(/[.;]$/, ""));
  }
  return titles;
}

function isFrontSheet(lines: Line[]): boolean {
  const head = lines.slice(0, 160).map((l) => l.text);
  let signals = 0;
  if (
    head.some(
      (t) =>
        /^(?:(?:board|committee|cabinet|panel)\s+)?(members|membership)\s*:?\s*$/i.test(t) ||
        /^(?:(?:board|committee|cabinet|panel)\s+)?members(?:hip)?\s*:/i.test(t) ||
        // A summons addressed "To: Cllrs D Thwaite (Chairman), M Hebblethwaite, …"
        /^to\s*:\s*(?:cllrs?\.?|councillors?)\s/i.test(t),
    )
  )
    signals++;
  if (
    head.some(
      (t) =>
        /^(?:for\s+(?:further\s+)?enquiries\s*,?\s*)?please\s+(ask\s+for|contact)\b/i.test(t) ||
        /^contact(\s+officer)?\s*:/i.test(t),
    )
  )
    signals++;
  if (head.some((t) => /^(published|date\s+of\s+publication|despatched|issued)\b/i.test(t))) signals++;
  if (
    head.some(
      (t) =>
        /\b(summoned|invited|requested)\s+to\s+attend\b/i.test(t) ||
        /^notice\s+of\s+(meeting|a meeting)/i.test(t),
    )
  )
    signals++;
  if (head.some((t) => /^(venue|place|location)\s*:/i.test(t))) signals++;
  if (head.some((t) => /^agenda$/i.test(t))) signals++;
  return signals >= 2;
}

function looksLikeReport(lines: Line[]): boolean {
  const texts = lines.map((l) => l.text).filter((t) => t !== "");
  const purpose = texts.some(
    (t) => /\bpurpose of (this|the) report\b/i.test(t) || /^\d+\.?\s*purpose\b/i.test(t),
  );
  const recommendation = texts.some((t) => /^(\d+(\.\d+)?\.?\s*)?recommendations?\b/i.test(t));
  const numbered = texts.filter((t) => /^\d+\.\d+\s+\S/.test(t)).length;
  return (purpose && (recommendation || numbered >= 3)) || (recommendation && numbered >= 5);
}
