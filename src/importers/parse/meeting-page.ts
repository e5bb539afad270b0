import type { BundleDeclaration, BundleItem, BundleMeeting } from "../../domain/bundle.js";
import { type AttendanceEntry, readAttendance } from "./attendance.js";
import { addAttendance, addLeadMember, addPerson, type Context, lacks, sourceOf } from "./context.js";
import { findDates, findTime, longDate } from "./dates.js";
import type { Attendee } from "./enrich.js";
import { exemptIn } from "./exempt.js";
import { documentId } from "./ids.js";
import { isAgendaItemPage, parseAgendaItemPage } from "./issue-history.js";
import { readItemBody } from "./item-body.js";
import { cleanTitle, followsInSeries, itemKind, itemOrdinal } from "./item-kinds.js";
import type { Line } from "./lines.js";
import { bodyName } from "./meeting-header.js";
import {
  type AgendaRow,
  cellsOf,
  isMinutedTablePage,
  readAgendaTable,
  readAttendanceTable,
  readMeetingDetails,
  readMeetingStatus,
} from "./meeting-tables.js";
import { apologiesIn, isDraft, meetingTimes, substitutesIn, withoutClosing } from "./minutes.js";
import { addDocument } from "./papers.js";
import { ITEM_LINE, MEETING_PAGE_HEADING, MEETING_TITLE_LINE, PAGE_TITLE, PRESENT } from "./patterns.js";
import { readContact } from "./people.js";
import { addProsePeople } from "./prose-people.js";
import {
  addPresentingOfficers,
  addWebFiles,
  linkedFiles,
  MINUTES_MARKER,
  readWebItem,
  type WebItem,
} from "./web-item.js";

// A meeting's "Agenda and minutes" web page (ModernGov and alike, as text): "Planning Committee -
// Tuesday, 14th March, 2023 6.30 pm", "Venue:", "Contact:", an optional attendance list, then the
// items, each a number, a title with its papers, and its minutes. Or a page set out in tables
// (CMIS): the committee as its heading, its details, who came and the items, each in a table.

export function parseMeetingPage(lines: Line[], ctx: Context): void {
  if (isMinutedTablePage(lines)) return parseTablePage(lines, ctx);
  if (isAgendaItemPage(lines)) return parseAgendaItemPage(lines, ctx);
  const titleAt = lines.findIndex((l) => MEETING_TITLE_LINE.test(l.text));
  const title = MEETING_TITLE_LINE.exec(lines[titleAt]?.text ?? "") ?? PAGE_TITLE.exec(ctx.doc.title ?? "");
  const when = title?.[2] ?? "";
  const date = findDates(when)[0]?.iso ?? ctx.hints.date;
  const body = title?.[1] ? bodyName(title[1]) : ctx.hints.body;
  if (!date || !body) {
    lacks(ctx, "meeting page", date ? "committee" : "date");
    return;
  }
  const meeting = ctx.out.meeting(ctx.authority, body, date);
  meeting.published = true;
  const start = findTime(when.slice(findDates(when)[0]?.length ?? 0));
  if (start) meeting.start = start.time;
  const headings = pageItems(lines, Math.max(0, titleAt));
  const head = lines.slice(0, headings[0]?.index ?? lines.length);
  for (const line of head) {
    const venue = /^(?:proposed\s+)?(?:venue|location|place)\s*:\s*(.+)$/i.exec(line.text);
    // ModernGov follows the venue with a "View directions" link.
    if (venue?.[1]) meeting.venue ??= venue[1].replace(/[.\s]*\bview\s+(?:directions|map)\b.*$/i, "").trim();
    meetingFile(ctx, line, meeting);
    const contact = /^contact\s*:\s*(.+)$/i.exec(line.text)?.[1];
    if (contact && !meeting.contact) addContact(ctx, meeting, contact);
  }
  const presentAt = head.findIndex((l) => PRESENT.test(l.text));
  const attendance = presentAt >= 0 ? readAttendance(head, presentAt) : { entries: [] };
  addAttendance(ctx, meeting, attendance.entries);
  const all = lines.map((l) => l.text).join("\n");
  const times = meetingTimes(all);
  if (times.end) meeting.end = times.end;
  if (isDraft(all)) meeting.minutesStatus = "draft";
  const state = itemsState(ctx, attendance.entries);
  for (const [n, h] of headings.entries()) {
    const rest = lines.slice(h.titleIndex + 1, headings[n + 1]?.index ?? lines.length);
    const titleLine = lines[h.titleIndex];
    if (!titleLine) continue;
    const flat = unflatten(titleLine, h.title);
    const web = readWebItem(titleLine, flat.title, [...flat.lines, ...rest]);
    const span = lines.slice(h.index, headings[n + 1]?.index ?? lines.length);
    addPageItem(ctx, meeting, state, {
      number: h.number,
      titleLine,
      web,
      span,
      last: n === headings.length - 1,
    });
  }
  recordDeclarations(meeting, state);
  if (state.hasMinutes) meeting.status = "held";
  // "Kingston Committee - Thursday 4 December 2025 7:30 pm, CANCELLED"
  else if (/,\s*cancelled\b/i.test(when)) meeting.status = "cancelled";
}

/** A page set out in tables (meeting-tables.ts). The committee is the page's heading above its
 * details; the page records the meeting's minutes, so it is itself that meeting's minutes. */
function parseTablePage(lines: Line[], ctx: Context): void {
  const rows = readAgendaTable(lines);
  const itemsFrom = rows[0]?.lines[0]?.from ?? Number.POSITIVE_INFINITY;
  const head = lines.filter((l) => l.to <= itemsFrom);
  const details = readMeetingDetails(head);
  const detailsAt = head.findIndex((l) => cellsOf(l).length === 2);
  const heading = head
    .slice(0, Math.max(0, detailsAt))
    .find(
      (l) =>
        l.text !== "" &&
        !l.raw.includes("\t") &&
        !MEETING_PAGE_HEADING.test(l.text) &&
        !/^(?:meeting\s+)?details$/i.test(l.text),
    );
  const date = details.date ?? ctx.hints.date;
  const body = heading ? bodyName(heading.text) : ctx.hints.body;
  if (!date || !body) {
    lacks(ctx, "meeting page", date ? "committee" : "date");
    return;
  }
  const meeting = ctx.out.meeting(ctx.authority, body, date);
  meeting.published = true;
  if (details.start) meeting.start = details.start;
  if (details.venue) meeting.venue = details.venue;
  if (details.contact) addContact(ctx, meeting, details.contact);
  const state = readMeetingStatus(details.status);
  const all = lines.map((l) => l.text).join("\n");
  if (state.minutesStatus) meeting.minutesStatus = state.minutesStatus;
  else if (isDraft(all)) meeting.minutesStatus = "draft";
  let minutesFile = false;
  for (const line of head) minutesFile = meetingFile(ctx, line, meeting) === "minutes" || minutesFile;
  const attendance = readAttendanceTable(head);
  const entries = attendance.map((row) => row.entry);
  addAttendance(ctx, meeting, entries);
  for (const row of attendance) {
    if (!row.membership) continue;
    const person = addPerson(ctx, row.entry.person);
    ctx.out.membership({ person, body: meeting.body, authority: meeting.authority, role: row.membership });
  }
  const times = meetingTimes(all);
  if (times.end) meeting.end = times.end;
  const items = itemsState(ctx, entries);
  for (const [n, row] of rows.entries()) {
    const web = rowItem(row);
    const notes = row.papers.filter((l) => !web.files.some((f) => f.line === l));
    const exempt = exemptIn([row.title, ...notes]);
    if (exempt.exempt) {
      web.restricted = true;
      web.restrictedParagraph ??= exempt.paragraph ?? notedParagraph(notes);
    }
    addPageItem(ctx, meeting, items, {
      number: row.number,
      titleLine: row.title,
      web,
      span: row.lines,
      last: n === rows.length - 1,
    });
  }
  recordDeclarations(meeting, items);
  if (state.status) meeting.status = state.status;
  else if (items.hasMinutes) meeting.status = "held";
  if (!items.hasMinutes || minutesFile) return;
  addDocument(ctx, lines, {
    id: documentId(meeting.authority, meeting.body, meeting.date, "minutes"),
    title: `${meeting.body}, ${longDate(meeting.date)}: ${meeting.minutesStatus === "draft" ? "draft minutes" : "minutes"}`,
    kind: "minutes",
    body: meeting.body,
  });
}

/** An item cell holds its title and, under it, the minutes (or labels them "Minutes:" as ModernGov
 * does); the documents cell holds its papers, the first known by the item's title. */
function rowItem(row: AgendaRow): WebItem {
  const marked = row.body.some((l) => MINUTES_MARKER.test(l.text));
  const title = cleanTitle(row.title.text);
  const web = marked
    ? readWebItem(row.title, row.title.text, row.body)
    : { title, restricted: false, files: [], minutes: row.body };
  if (web.files.length === 0) web.files = linkedFiles(row.papers, web.title);
  return web;
}

/** "Exempt - not for publication (paragraph 3)": the paragraph of Schedule 12A a note cites. */
function notedParagraph(notes: Line[]): string | undefined {
  for (const note of notes) {
    const paragraph = /\bparagraphs?\s+(\d{1,2}[a-z]?)\b/i.exec(note.text)?.[1];
    if (paragraph) return paragraph;
  }
  return undefined;
}

function addContact(ctx: Context, meeting: BundleMeeting, text: string): void {
  const person = readContact(text);
  if (person) meeting.contact = addPerson(ctx, person);
}

type ItemsState = {
  attendees: Attendee[];
  /** declared under the declarations item, each recorded against the item it names once all are read */
  declarations: { declaration: BundleDeclaration; item: string | undefined; at: BundleItem }[];
  /** after the item that excludes the public, the items are taken in private */
  privateFrom?: { paragraph?: string };
  hasMinutes: boolean;
};

function itemsState(ctx: Context, entries: AttendanceEntry[]): ItemsState {
  const attendees = entries.map((e) => ({
    name: addPerson(ctx, e.person),
    ...(e.role ? { role: e.role } : {}),
    ...(e.person.jobTitle ? { jobTitle: e.person.jobTitle } : {}),
  }));
  return { attendees, declarations: [], hasMinutes: false };
}

/** "Councillor A declared an interest in item 6": the declaration belongs to item 6, which the
 * page lists after the item that records it. */
function recordDeclarations(meeting: BundleMeeting, state: ItemsState): void {
  for (const { declaration, item, at } of state.declarations) {
    const target = meeting.items.find((i) => i.number === item) ?? at;
    if (!target.declarations.some((x) => x.person === declaration.person))
      target.declarations.push(declaration);
  }
}

type PageItemSource = { number: string; titleLine: Line; web: WebItem; span: Line[]; last: boolean };

/** One item of the page, with its papers, its Part, its minutes and what they record. */
function addPageItem(ctx: Context, meeting: BundleMeeting, state: ItemsState, source: PageItemSource): void {
  const { titleLine, web } = source;
  if (itemKind(web.title) === "apologies") {
    apologiesIn(web.minutes, ctx, meeting);
    substitutesIn(web.minutes, ctx, meeting);
  }
  if (web.title === "") return;
  const item = ctx.out.item(meeting, source.number, web.title, itemKind(web.title));
  if (web.description) item.description = web.description;
  const exempt = exemptIn([titleLine, ...web.minutes]);
  if (web.restricted || exempt.exempt || state.privateFrom) {
    item.part = "II";
    const paragraph = exempt.paragraph ?? web.restrictedParagraph ?? state.privateFrom?.paragraph;
    if (paragraph) item.exemptParagraph = paragraph;
  }
  if (exempt.excludesPublic) state.privateFrom = exempt.paragraph ? { paragraph: exempt.paragraph } : {};
  if (web.leadMember) item.leadMember = addLeadMember(ctx, web.leadMember, web.leadLabel);
  const where = { authority: meeting.authority, body: meeting.body, date: meeting.date, itemKind: item.kind };
  for (const id of addWebFiles(ctx, web.files, where))
    if (!item.documents.includes(id)) item.documents.push(id);
  const parsed = readItemBody(web.minutes, {
    authority: ctx.authority,
    body: meeting.body,
    out: ctx.out,
    attendees: state.attendees,
  });
  if (web.minutes.some((l) => l.text !== "")) state.hasMinutes = true;
  const minutes = source.last ? withoutClosing(parsed.minutes) : parsed.minutes;
  if (minutes) {
    item.minutes = minutes;
    addProsePeople(minutes, ctx);
    addPresentingOfficers(minutes, ctx);
  }
  if (parsed.truncated) item.minutesTruncated = true;
  item.resolutions.push(...parsed.resolutions);
  for (const d of parsed.declarations) {
    const declaration = {
      person: addPerson(ctx, d.person),
      kind: d.kind,
      ...(d.nature ? { nature: d.nature } : {}),
    };
    state.declarations.push({ declaration, item: d.item, at: item });
  }
  const span = sourceOf(ctx, source.span);
  if (span) item.source = span;
}

/** The meeting's own papers, linked above its items: "Agenda frontsheet PDF 198 KB", "Printed
 * decisions PDF 117 KB", "Printed minutes pdf icon PDF 188 KB", "Supplement: … PDF 10 MB". */
function meetingFile(ctx: Context, line: Line, meeting: BundleMeeting): string | undefined {
  const text = line.text.replace(/^[-•]\s*/, "");
  const file = readWebItem(line, text, []).files[0];
  if (!file) return undefined;
  const minutes = /^(?:printed|draft|signed|approved)?\s*minutes\b/i.test(file.title);
  const title = `${meeting.body}, ${longDate(meeting.date)}: ${minutes ? "minutes" : file.title}`;
  const kind = minutes
    ? "minutes"
    : /^(?:printed\s+)?decisions\b/i.test(file.title)
      ? "decision-notice"
      : /\b(?:agenda|front\s*sheet|summons)\b/i.test(file.title)
        ? "agenda"
        : "other";
  const where = { authority: meeting.authority, body: meeting.body, date: meeting.date };
  addWebFiles(ctx, [{ ...file, title, kind }], where);
  return kind;
}

type PageItem = { index: number; titleIndex: number; number: string; title: string };

/** Items: "1." on its own line with the title on the next, or "1. Title" on one line. A page that
 * sets its numbers apart does so for every item, so then numbered lines in minutes are not items. */
function pageItems(lines: Line[], from: number): PageItem[] {
  const apart = candidates(lines, from, true);
  return apart.length >= 2 ? apart : candidates(lines, from, false);
}

function candidates(lines: Line[], from: number, apartOnly: boolean): PageItem[] {
  const items: PageItem[] = [];
  for (let i = from + 1; i < lines.length; i++) {
    const text = (lines[i]?.text ?? "").replace(/\t+/g, " ").trim();
    // A table row ("47.<tab>Title … Minutes: …") may carry a whole cell; other long lines are prose.
    const row = /^\d{1,4}[a-z]?\.?\t/.test(lines[i]?.raw ?? "");
    if (text === "" || (text.length > 220 && !row) || text.length > 20000) continue;
    let number: string | undefined;
    let title: string | undefined;
    let titleIndex = i;
    const alone = /^(\d{1,4}[a-z]?)\.?$/.exec(text);
    if (alone) {
      const next = lines.slice(i + 1, i + 4).findIndex((l) => l.text !== "");
      if (next >= 0) {
        titleIndex = i + 1 + next;
        number = alone[1];
        title = lines[titleIndex]?.text;
      }
    } else if (!apartOnly) {
      const m = ITEM_LINE.exec(text);
      if (m?.[1] && m[2]) {
        number = m[1];
        title = m[2];
      }
    }
    if (!number || !title || !/^[A-Z'‘"“]/.test(title)) continue;
    const last = items[items.length - 1];
    if (last ? !followsInSeries(last.number, number) : itemOrdinal(number) > 300) continue;
    items.push({ index: i, titleIndex, number, title });
    i = titleIndex;
  }
  return items;
}

const INLINE_MARKER =
  /\s+((?:Minutes|Decision|Additional documents|Cabinet Member|Portfolio Holder|Lead Member):)\s*/;

/** A page converted from HTML may put a whole table cell on one line: "Land at Mill Lane PDF 653 KB
 * Minutes: RESOLVED that: (1) …; (2) …". The labels and numbered clauses start lines again. */
function unflatten(line: Line, text: string): { title: string; lines: Line[] } {
  const pieces = text.split(INLINE_MARKER);
  const title = pieces[0] ?? text;
  const lines: Line[] = [];
  for (let i = 1; i < pieces.length; i += 2) {
    lines.push({ ...line, raw: pieces[i] ?? "", text: pieces[i] ?? "" });
    for (const clause of clauses(pieces[i + 1] ?? "")) lines.push({ ...line, raw: clause, text: clause });
  }
  return { title, lines };
}

/** "… seconded refusal. RESOLVED that: (1) the report be noted; (2) …" → the narrative, the lead
 * and one line per clause. */
function clauses(text: string): string[] {
  const resolved = /\s(?=(?:it\s+was\s+)?RESOLVED\b)/.exec(text);
  if (resolved && resolved.index > 0) {
    return [text.slice(0, resolved.index).trim(), ...clauses(text.slice(resolved.index + 1))];
  }
  const marks = [...text.matchAll(/\s(\((?:\d{1,2}|[a-z]|[ivx]{1,4})\))\s/g)];
  if (marks.length < 2) return text.trim() === "" ? [] : [text.trim()];
  const out: string[] = [];
  let from = 0;
  for (const m of marks) {
    out.push(text.slice(from, m.index).trim());
    from = m.index + 1;
  }
  out.push(text.slice(from).trim());
  return out.filter((t) => t !== "");
}
