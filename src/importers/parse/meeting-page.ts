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
import {
  ITEM_LINE,
  MEETING_PAGE_HEADING,
  MEETING_TITLE_LINE,
  PAGE_TITLE,
  PRESENT,
  TITLED_NAME,
} from "./patterns.js";
import { looksLikeName, readContact } from "./people.js";
import { addProsePeople } from "./prose-people.js";
import {
  addPresentingOfficers,
  addPublicSpeakers,
  addWebFiles,
  linkedFiles,
  MINUTES_MARKER,
  PACK_TITLE,
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
  const headings = pageItems(lines, Math.max(0, titleAt));
  const head = lines.slice(0, headings[0]?.index ?? lines.length);
  const details = readMeetingDetails(head);
  const named = title ? undefined : namedMeetingOf(lines, ctx.doc.title);
  const date = findDates(when)[0]?.iso ?? named?.date ?? details.date ?? ctx.hints.date;
  const body = title?.[1] ? bodyName(title[1]) : named ? bodyName(named.body) : ctx.hints.body;
  if (!date || !body) {
    lacks(ctx, "meeting page", date ? "committee" : "date");
    return;
  }
  const meeting = ctx.out.meeting(ctx.authority, body, date);
  meeting.published = true;
  const start = findTime(when.slice(findDates(when)[0]?.length ?? 0))?.time ?? details.start;
  if (start) meeting.start = start;
  if (details.venue) meeting.venue = details.venue;
  if (details.contact) addContact(ctx, meeting, details.contact);
  const webcast = details.webcast ? linkIn(ctx, details.webcast) : undefined;
  if (webcast) meeting.webcast = webcast;
  const stated = readMeetingStatus(details.status);
  for (const line of head) {
    const venue = /^(?:proposed\s+)?(?:venue|location|place)\s*:\s*(.+)$/i.exec(line.text);
    // ModernGov follows the venue with a "View directions" link.
    if (venue?.[1]) meeting.venue ??= venue[1].replace(/[.\s]*\bview\s+(?:directions|map)\b.*$/i, "").trim();
    meetingFile(ctx, line, meeting);
    const contact = /^contact\s*:\s*(.+)$/i.exec(line.text)?.[1];
    if (contact && !meeting.contact) addContact(ctx, meeting, contact);
  }
  // The list starts at a heading ("Attendance", "Members present"), not at a link of that name.
  const presentAt = head.findIndex((l) => PRESENT.test(l.text));
  const listed = head.map(listEntry);
  const attendance = presentAt >= 0 ? readAttendance(listed, presentAt) : { entries: [] };
  addAttendance(ctx, meeting, attendance.entries);
  addMemberships(ctx, meeting, attendance.entries, listed.slice(Math.max(0, presentAt)));
  const end = pageEnd(lines, headings.at(-1)?.titleIndex ?? lines.length);
  const all = lines
    .slice(0, end)
    .map((l) => l.text)
    .join("\n");
  const times = meetingTimes(all);
  if (times.end) meeting.end = times.end;
  if (stated.minutesStatus) meeting.minutesStatus = stated.minutesStatus;
  else if (isDraft(all)) meeting.minutesStatus = "draft";
  const state = itemsState(ctx, attendance.entries);
  for (const [n, h] of headings.entries()) {
    const rest = lines.slice(h.titleIndex + 1, headings[n + 1]?.index ?? end);
    const titleLine = lines[h.titleIndex];
    if (!titleLine) continue;
    const flat = unflatten(titleLine, h.title);
    const web = readWebItem(titleLine, flat.title, [...flat.lines, ...rest]);
    const span = lines.slice(h.index, headings[n + 1]?.index ?? end);
    addPageItem(ctx, meeting, state, {
      number: h.number,
      titleLine,
      web,
      span,
      last: n === headings.length - 1,
    });
  }
  recordDeclarations(meeting, state);
  if (stated.status) meeting.status = stated.status;
  else if (state.hasMinutes) meeting.status = "held";
  // "Kingston Committee - Thursday 4 December 2025 7:30 pm, CANCELLED"
  else if (/,\s*cancelled\b/i.test(when)) meeting.status = "cancelled";
  // A council's own page that holds the minutes (its heading names the meeting) is itself them.
  if (named && state.hasMinutes) pageMinutes(ctx, meeting, lines.slice(0, end));
}

function pageMinutes(ctx: Context, meeting: BundleMeeting, lines: Line[]): void {
  addDocument(ctx, lines, {
    id: documentId(meeting.authority, meeting.body, meeting.date, "minutes"),
    title: `${meeting.body}, ${longDate(meeting.date)}: ${meeting.minutesStatus === "draft" ? "draft minutes" : "minutes"}`,
    kind: "minutes",
    body: meeting.body,
  });
}

/** "Meeting of Planning Committee, Wednesday 4 March 2026", "Licensing Sub-Committee - 3 June
 * 2025", "Cabinet on Tuesday 8 April 2025 at 2pm": a heading that names the meeting by its
 * committee and date. The page's own title may name it so too ("Cabinet, 8 April 2025 | Site"). */
export function namedMeeting(text: string): { body: string; date: string } | undefined {
  const found = findDates(text)[0];
  if (!found || text.length > 160 || found.index === 0) return undefined;
  const body = text
    .slice(0, found.index)
    .replace(/\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s*$/, "")
    .replace(/(?:\s*[,:–-]\s*|\s+(?:held\s+)?on\s+)$/i, "")
    .replace(/^(?:(?:a\s+)?meeting\s+of|(?:agenda|minutes|decisions)\s+(?:of|for))\s+(?:the\s+)?/i, "")
    .trim();
  if (body.length < 3 || body.length > 100 || /\d/.test(body) || !/^[A-Z]/.test(body)) return undefined;
  // A sentence ("The next meeting will be held on 4 May 2025") names no meeting.
  if (/\b(?:will|was|were|is|be|held|next|previous|last)\b/i.test(body)) return undefined;
  return { body, date: found.iso };
}

/** The page's heading names the meeting, or failing that its title, before the site's name. */
function namedMeetingOf(
  lines: Line[],
  title: string | undefined,
): { body: string; date: string } | undefined {
  const heading = lines.find((l) => l.text !== "");
  return (
    namedMeeting(heading?.text ?? "") ?? namedMeeting((title ?? "").split(/\s+[|–-]\s+(?=[^|]*$)/)[0] ?? "")
  );
}

/**
 * A council's own page for a meeting, neither ModernGov's nor CMIS's: a heading naming the
 * meeting and its date, its details as labels and values ("Date and time | …", "Location | …"),
 * lists of who came under headings of their own, then the items, each with its papers and its
 * "Minutes".
 */
export function isListedMeetingPage(lines: Line[], title: string | undefined): boolean {
  const named = namedMeetingOf(lines, title);
  if (!named) return false;
  const items = pageItems(lines, 0);
  const head = lines.slice(0, items[0]?.index ?? lines.length);
  const details = readMeetingDetails(head);
  if (!details.date || (!details.venue && !details.start)) return false;
  return items.length >= 2 && lines.some((l) => MINUTES_MARKER.test(l.text));
}

/** "- Jo Bell, Head of Planning": a list's entry is one person, so a comma parts their name from
 * their post, read as a bracket would be; the ward a councillor speaks for is not a post
 * ("(Ward Councillor, Fenton ward)"). Other lines are left as they are. */
function listEntry(line: Line): Line {
  const bullet = /^[-•*]\s+/.exec(line.text);
  if (!bullet) return line;
  let text = line.text.slice(bullet[0].length);
  const posted = /^([^,()]{3,60}),\s*([^,()]{3,120})$/.exec(text);
  if (
    posted?.[1] &&
    posted[2] &&
    looksLikeName(posted[1].replace(TITLED_NAME, "")) &&
    !TITLED_NAME.test(`${posted[2]} `)
  )
    text = `${posted[1]} (${posted[2]})`;
  text = text.replace(/\(([^()]+?),\s*[^(),]+\s+(?:ward|division)\)$/i, "($1)");
  return { ...line, text };
}

/** Under "Members present" the councillors listed are the committee's members (with the chair and
 * vice-chair as such), and so are those who sent apologies; substitutes and others attending are
 * not. An officer who attends as its clerk serves the committee too. */
function addMemberships(
  ctx: Context,
  meeting: BundleMeeting,
  entries: AttendanceEntry[],
  lines: Line[],
): void {
  const members = lines.some((l) =>
    /^(?:committee\s+)?members\s+(?:present|attending|in\s+attendance)\s*:?$/i.test(l.text),
  );
  for (const e of entries) {
    const seat = e.role === "chair" || e.role === "vice-chair" ? e.role : "member";
    const role =
      e.role === "clerk" || e.role === "lead-officer"
        ? e.role
        : members && e.person.councillor && ["present", "apologies", "absent"].includes(e.status)
          ? seat
          : undefined;
    if (!role) continue;
    const person = addPerson(ctx, e.person);
    ctx.out.membership({ person, body: meeting.body, authority: meeting.authority, role });
  }
}

/** Where the minutes end: the line after "The meeting ended at 9.40pm", or the first of the
 * page's own furniture after the last item ("Related pages", "Was this page useful?"). */
function pageEnd(lines: Line[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]?.text ?? "";
    if (/^(?:the\s+)?meeting\s+(?:closed|ended|finished|concluded|terminated)\b/i.test(text)) return i + 1;
    if (PAGE_FURNITURE.test(text)) return i;
  }
  return lines.length;
}

const PAGE_FURNITURE =
  /^(?:related\s+(?:pages|links|content|information)|was\s+this\s+page\s+(?:useful|helpful)|page\s+last\s+(?:updated|reviewed)|share\s+this\s+page|(?:tell\s+us\s+)?what\s+did\s+you\s+think\s+of\s+this\s+page)\b/i;

/** The address a details row's link gives: the webcast's recording. */
function linkIn(ctx: Context, line: Line): string | undefined {
  return ctx.doc.links?.find((l) => l.from >= line.from && l.to <= line.to && /^https?:/i.test(l.href))?.href;
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
    addPublicSpeakers(minutes, ctx);
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
      : // "Agenda and reports pack", "Supplementary agenda - update sheet": the papers as sent out.
        PACK_TITLE.test(file.title) || /^supplementary\s+agenda\b|^agenda\s+supplement\b/i.test(file.title)
        ? "agenda-pack"
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
    // A planning application's reference may lead its title: "25/00912/FUL - Land at …".
    if (!number || !title || !/^[A-Z'‘"“]|^\d{1,4}\/\d{2,}/.test(title)) continue;
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
