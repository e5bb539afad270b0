import { readAttendance } from "./attendance.js";
import { addAttendance, addLeadMember, addPerson, type Context, lacks, sourceOf } from "./context.js";
import { findDates, findTime } from "./dates.js";
import type { Attendee } from "./enrich.js";
import { readItemBody } from "./item-body.js";
import { addProsePeople } from "./prose-people.js";
import { followsInSeries, itemKind, itemOrdinal } from "./item-kinds.js";
import type { Line } from "./lines.js";
import { bodyName } from "./meeting-header.js";
import { apologiesIn, isDraft, meetingTimes, substitutesIn, withoutClosing } from "./minutes.js";
import { exemptIn } from "./exempt.js";
import { longDate } from "./dates.js";
import type { BundleMeeting } from "../../domain/bundle.js";
import { ITEM_LINE, MEETING_TITLE_LINE, PAGE_TITLE, PRESENT } from "./patterns.js";
import { readPerson } from "./people.js";
import { addWebFiles, readWebItem } from "./web-item.js";

// A meeting's "Agenda and minutes" web page (ModernGov and alike, as text): "Planning Committee -
// Tuesday, 14th March, 2023 6.30 pm", "Venue:", "Contact:", an optional attendance list, then the
// items, each a number, a title with its papers, and its minutes.

export function parseMeetingPage(lines: Line[], ctx: Context): void {
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
    const contact = /^contact\s*:\s*(.+)$/i.exec(line.text);
    if (contact?.[1] && !meeting.contact) {
      const [name, job] = contact[1].split(
        /\s*,\s*|\s{2,}|\s+(?:email|tel|telephone)\b|\s+(?=\+?\d[\d ]{6,})/i,
      );
      const person = readPerson(name ?? "", false);
      if (person)
        meeting.contact = addPerson(
          ctx,
          job && !/\d/.test(job) ? { ...person, jobTitle: job.trim() } : person,
        );
    }
  }
  const presentAt = head.findIndex((l) => PRESENT.test(l.text));
  const attendance = presentAt >= 0 ? readAttendance(head, presentAt) : { entries: [] };
  addAttendance(ctx, meeting, attendance.entries);
  const attendees: Attendee[] = attendance.entries.map((e) => ({
    name: addPerson(ctx, e.person),
    ...(e.role ? { role: e.role } : {}),
    ...(e.person.jobTitle ? { jobTitle: e.person.jobTitle } : {}),
  }));
  const all = lines.map((l) => l.text).join("\n");
  const times = meetingTimes(all);
  if (times.end) meeting.end = times.end;
  if (isDraft(all)) meeting.minutesStatus = "draft";
  let hasMinutes = false;
  // After the item that excludes the public, the items are taken in private.
  let privateFrom: { paragraph?: string } | undefined;
  for (const [n, h] of headings.entries()) {
    const rest = lines.slice(h.titleIndex + 1, headings[n + 1]?.index ?? lines.length);
    const titleLine = lines[h.titleIndex];
    if (!titleLine) continue;
    const flat = unflatten(titleLine, h.title);
    const web = readWebItem(titleLine, flat.title, [...flat.lines, ...rest]);
    if (itemKind(web.title) === "apologies") {
      apologiesIn(web.minutes, ctx, meeting);
      substitutesIn(web.minutes, ctx, meeting);
    }
    if (web.title === "") continue;
    const item = ctx.out.item(meeting, h.number, web.title, itemKind(web.title));
    if (web.description) item.description = web.description;
    const exempt = exemptIn([titleLine, ...web.minutes]);
    if (web.restricted || exempt.exempt || privateFrom) {
      item.part = "II";
      const paragraph = exempt.paragraph ?? privateFrom?.paragraph;
      if (paragraph) item.exemptParagraph = paragraph;
    }
    if (exempt.excludesPublic) privateFrom = exempt.paragraph ? { paragraph: exempt.paragraph } : {};
    if (web.leadMember) item.leadMember = addLeadMember(ctx, web.leadMember, web.leadLabel);
    const where = { authority: meeting.authority, body: meeting.body, date, itemKind: item.kind };
    for (const id of addWebFiles(ctx, web.files, where))
      if (!item.documents.includes(id)) item.documents.push(id);
    const parsed = readItemBody(web.minutes, {
      authority: ctx.authority,
      body: meeting.body,
      out: ctx.out,
      attendees,
    });
    if (web.minutes.some((l) => l.text !== "")) hasMinutes = true;
    const minutes = n === headings.length - 1 ? withoutClosing(parsed.minutes) : parsed.minutes;
    if (minutes) {
      item.minutes = minutes;
      addProsePeople(minutes, ctx);
    }
    if (parsed.truncated) item.minutesTruncated = true;
    item.resolutions.push(...parsed.resolutions);
    for (const d of parsed.declarations) {
      const person = addPerson(ctx, d.person);
      const target = meeting.items.find((i) => i.number === d.item) ?? item;
      if (!target.declarations.some((x) => x.person === person))
        target.declarations.push({ person, kind: d.kind, ...(d.nature ? { nature: d.nature } : {}) });
    }
    const source = sourceOf(ctx, lines.slice(h.index, headings[n + 1]?.index ?? lines.length));
    if (source) item.source = source;
  }
  if (hasMinutes) meeting.status = "held";
  // "Kingston Committee - Thursday 4 December 2025 7:30 pm, CANCELLED"
  else if (/,\s*cancelled\b/i.test(when)) meeting.status = "cancelled";
}

/** The meeting's own papers, linked above its items: "Agenda frontsheet PDF 198 KB", "Printed
 * decisions PDF 117 KB", "Printed minutes pdf icon PDF 188 KB", "Supplement: … PDF 10 MB". */
function meetingFile(ctx: Context, line: Line, meeting: BundleMeeting): void {
  const text = line.text.replace(/^[-•]\s*/, "");
  const file = readWebItem(line, text, []).files[0];
  if (!file) return;
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
