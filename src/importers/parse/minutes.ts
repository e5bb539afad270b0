import type { BundleItem, BundleMeeting } from "../../domain/bundle.js";
import { attachTableActions, splitActionsTable } from "./actions-table.js";
import { type AttendanceEntry, readAttendance } from "./attendance.js";
import { bodyKind, fullCouncilOf } from "./bodies.js";
import { addAttendance, addLeadMember, addPerson, type Context, lacks, sourceOf } from "./context.js";
import { findDates, findTime } from "./dates.js";
import type { Attendee } from "./enrich.js";
import { readItemBody } from "./item-body.js";
import { minuteTableLines } from "./minute-table.js";
import { addExecutiveMembers, addProsePeople } from "./prose-people.js";
import { cleanTitle, followsInSeries, itemKind, itemOrdinal, markedKeyDecision } from "./item-kinds.js";
import type { Line } from "./lines.js";
import { bodyName, readHeading } from "./meeting-header.js";
import { exemptIn, partHeading } from "./exempt.js";
import { ITEM_LINE, PRESENT } from "./patterns.js";
import { type MinuteReference, readMinuteReference } from "./resolutions.js";
import { type PersonRef, readPeopleList, readPerson } from "./people.js";
import { personNameKey } from "../../domain/names.js";

// Minutes: heading, attendance, the meeting's times, and each numbered minute with its text and
// resolutions. Returns the meeting, or nothing when the minutes name no date.

export function parseMinutes(lines: Line[], ctx: Context): BundleMeeting | undefined {
  const presentAt = lines.findIndex((l) => PRESENT.test(l.text));
  const headingLines = presentAt >= 0 ? lines.slice(0, presentAt) : lines.slice(0, 12);
  // The document's own title (a web page's, a PDF's, a Markdown page's front matter) where the
  // text itself does not name the meeting.
  const title = ctx.doc.title ?? "";
  const titled = readHeading([{ raw: title, text: title, from: 0, to: 0 }]);
  const heading = { ...titled, ...readHeading(headingLines) };
  const date = heading.date ?? ctx.hints.date;
  let body = heading.body ?? (ctx.hints.body ? bodyName(ctx.hints.body) : undefined);
  if (date && !body) {
    // "STOKE FERRY PARISH COUNCIL / Minutes of the meeting held on 3rd May, 2017": the council's own.
    body = fullCouncilOf(ctx.authority);
    ctx.warnings.push(`${ctx.doc.file}: the minutes name no committee, so they are read as ${body}'s`);
  }
  if (!date || !body) {
    lacks(ctx, "minutes", date ? "committee" : "date");
    return undefined;
  }
  const meeting = ctx.out.meeting(ctx.authority, body, date);
  meeting.published = true;
  meeting.status = "held";
  if (heading.venue && !meeting.venue) meeting.venue = heading.venue;
  // Minutes whose items are headings without numbers: the attendance ends at the first of them.
  const unnumbered = presentAt >= 0 ? unnumberedHeadings(lines, presentAt) : [];
  const attendanceLines = unnumbered[0] ? lines.slice(0, unnumbered[0].index) : lines;
  const attendance = presentAt >= 0 ? readAttendance(attendanceLines, presentAt) : { entries: [], end: 0 };
  if (bodyKind(meeting.body) === "full-council") civicHeadPresides(attendance.entries);
  addAttendance(ctx, meeting, attendance.entries);
  const all = lines.map((l) => l.text).join("\n");
  const times = meetingTimes(all);
  const start = heading.start ?? times.start;
  if (start && !meeting.start) meeting.start = start;
  const end = heading.end ?? times.end;
  if (end && !meeting.end) meeting.end = end;
  if (isDraft(all)) meeting.minutesStatus = "draft";
  // The committee's lead officer and clerk, named as such, serve the body as well as the meeting.
  for (const e of attendance.entries) {
    if (e.role === "lead-officer" || e.role === "clerk")
      ctx.out.membership({
        person: addPerson(ctx, e.person),
        body: meeting.body,
        authority: meeting.authority,
        role: e.role,
      });
  }
  const attendees: Attendee[] = attendance.entries.map((e) => ({
    name: addPerson(ctx, e.person),
    ...(e.role ? { role: e.role } : {}),
    ...(e.person.jobTitle ? { jobTitle: e.person.jobTitle } : {}),
  }));
  if (unnumbered.length > 0) {
    const from = unnumbered[0]?.index ?? 0;
    const shifted = unnumbered.map((h) => ({ ...h, index: h.index - from }));
    readMinuteItems(lines.slice(from), ctx, meeting, attendees, shifted);
  } else {
    const after = lines.slice(attendance.end);
    const table = splitActionsTable(minuteTableLines(after) ?? after);
    readMinuteItems(table.lines, ctx, meeting, attendees, itemHeadings(table.lines));
    attachTableActions(meeting, table.actions, {
      authority: ctx.authority,
      body: meeting.body,
      out: ctx.out,
      attendees,
    });
  }
  if (bodyKind(meeting.body) === "full-council") addExecutiveMembers(ctx);
  return meeting;
}

/** At a meeting of the full council the civic head presides: "Councillor Naylor (Mayor)". */
function civicHeadPresides(entries: AttendanceEntry[]): void {
  if (entries.some((e) => e.role === "chair")) return;
  const head = entries.find(
    (e) =>
      e.status === "present" &&
      /^(?:the\s+)?(?:lord\s+)?(?:mayor|provost)$|^(?:chair(?:man)?)\s+of\s+(?:the\s+)?council$/i.test(
        e.person.jobTitle ?? "",
      ),
  );
  if (head) head.role = "chair";
}

export function isDraft(text: string): boolean {
  return /\bdraft\s+minutes\b|\bminutes\s+(?:are|remain)\s+(?:in\s+)?draft\b|\bmay\s+be\s+subject\s+to\s+change\b|\bunconfirmed\s+minutes\b|\bminutes\s+(?:are\s+)?(?:still\s+)?to\s+be\s+(?:approved|confirmed)\b/i.test(
    text.slice(0, 20000),
  );
}

/** "The meeting started at 3.00 pm and finished at 5.10 pm", "Meeting closed at 9.05pm". */
export function meetingTimes(text: string): { start?: string; end?: string } {
  const out: { start?: string; end?: string } = {};
  const started = /\b(?:meeting|it)\s+(?:started|commenced|began|opened)\s+at\s+([^,;\n]{1,20})/i.exec(text);
  if (started?.[1]) out.start = findTime(started[1])?.time;
  const ended =
    /\b(?:finished|ended|closed|concluded|terminated|rose)\s+at\s+([^,;\n]{1,20})/i.exec(text) ??
    // "There being no further business the Chairman closed the meeting at 9.14pm."
    /\bclosed\s+the\s+meeting\s+at\s+([^,;\n]{1,20})/i.exec(text) ??
    /\bmeeting\s+(?:finished|ended|closed|concluded)\s*[:-]?\s*([^,;\n]{1,20})/i.exec(text);
  if (ended?.[1]) out.end = findTime(ended[1])?.time;
  if (out.start === undefined) delete out.start;
  if (out.end === undefined) delete out.end;
  return out;
}

/** `text`: the minute's words on its heading line, after the title ("Police Reports:  None received."). */
type Heading = { index: number; number: string; title: string; text?: Line };

/** Numbered minutes: each number follows the one before in its series ("19", "20"; "24/117",
 * "24/118"), so numbered clauses inside a minute ("2. that the Committee …") are not mistaken.
 * A council that numbers its minutes on from year to year reaches four digits ("3713."): such a
 * first number counts only when the next two minutes follow it, as a year's would not. */
export function itemHeadings(lines: Line[]): Heading[] {
  const numbered = lines.flatMap((line, index) => {
    if (line.text.length > 400) return [];
    const m = ITEM_LINE.exec(line.text);
    if (!m?.[1] || !m[2] || !titleStart(m[2])) return [];
    return [{ index, line, number: m[1], rest: m[2] }];
  });
  const headings: Heading[] = [];
  for (const [n, candidate] of numbered.entries()) {
    const last = headings[headings.length - 1];
    if (last ? !followsInSeries(last.number, candidate.number) : !firstInSeries(numbered, n)) continue;
    const heading = splitHeading(candidate.line, candidate.rest);
    // A clause that runs on ("2. that the report be noted,") is no heading.
    if (heading.text === undefined && (/[,;]$/.test(candidate.rest) || candidate.line.text.length > 220))
      continue;
    if (heading.title === "") continue;
    headings.push({ index: candidate.index, number: candidate.number, ...heading });
  }
  return headings;
}

function firstInSeries(numbered: { number: string }[], n: number): boolean {
  const number = numbered[n]?.number ?? "";
  if (!(itemOrdinal(number) >= 1)) return false;
  if (!/^\d{4}$/.test(number)) return true;
  const next = numbered[n + 1]?.number;
  const after = numbered[n + 2]?.number;
  return (
    next !== undefined && after !== undefined && followsInSeries(number, next) && followsInSeries(next, after)
  );
}

/** "To receive apologies for absence:  Cllrs Shewell & Morrison." is a title and the minute's
 * first sentence; "Planning application 24/0012: Land at Mill Lane" is one title. */
function splitHeading(line: Line, rest: string): { title: string; text?: Line } {
  const colon = /^([^:]{3,100}?)\s*:(-?)(\s+)(\S.*)$/.exec(rest);
  const words = colon?.[1]?.split(/\s+/).length ?? 0;
  const after = colon?.[4] ?? "";
  // Two spaces, a tab or ":-" after the colon set the title apart however its text ends.
  const apart = colon?.[2] === "-" || /\t| {2}/.test(colon?.[3] ?? "");
  if (!colon?.[1] || words > 12 || !(apart || /[.!?]$/.test(after) || after.length > 80))
    return { title: cleanTitle(rest) };
  const at = line.text.length - after.length;
  const offset = line.raw.lastIndexOf(after);
  const from = offset >= 0 ? line.from + offset : line.from + at;
  return { title: cleanTitle(colon[1]), text: { raw: after, text: after, from, to: from + after.length } };
}

/** A title starts with a capital or quote, or with a planning application's reference ("23/01234/FUL"). */
export function titleStart(title: string): boolean {
  return /^[A-Z'‘"“]/.test(title) || /^\d{2,4}\/\d{2,6}\/[A-Z]/.test(title);
}

/** Items headed by their titles alone ("Budget and Precept 2025/26" over its paragraph), numbered
 * here in order. Used only where no numbered minute is found: a short line in capitals at its
 * start, ending without a stop or colon, with a blank line above and its text right below. The
 * attendance paragraph under "Present" comes first. */
function unnumberedHeadings(lines: Line[], presentAt: number): Heading[] {
  let from = presentAt + 1;
  while (from < lines.length && (lines[from]?.text ?? "") !== "") from++;
  if (itemHeadings(lines.slice(from)).length > 0) return [];
  const headings: Heading[] = [];
  for (let i = from + 1; i < lines.length - 1; i++) {
    const text = lines[i]?.text ?? "";
    if ((lines[i - 1]?.text ?? "") !== "" || (lines[i + 1]?.text ?? "") === "") continue;
    if (!isTitleLine(text)) continue;
    headings.push({ index: i, number: String(headings.length + 1), title: cleanTitle(text) });
  }
  return headings.length >= 2 ? headings : [];
}

function isTitleLine(text: string): boolean {
  return (
    text.length <= 80 &&
    text.split(/\s+/).length <= 10 &&
    /^[A-Z'‘"“]/.test(text) &&
    !/[.,;:!?]$/.test(text) &&
    !/:\s/.test(text) &&
    !/^(?:(?:it\s+was\s+)?resolved|agreed|decided|action|signed|proposed|seconded)\b/i.test(text) &&
    !/^(?:the\s+)?meeting\s+(?:closed|ended|finished)\b/i.test(text) &&
    findDates(text).length === 0
  );
}

const KEY_DECISION_REF =
  /^\(?key\s+decision\s*(?:no\.?|number|ref(?:erence)?\.?)?\s*[:\-–]?\s*[\w/.-]*\d[\w/.-]*\)?$/i;
const NOT_KEY = /^this\s+(?:was|is)\s+not\s+a\s+key\s+decision\.?$/i;
/** "Councillor Geraint Pryor, Cabinet Member for Highways and Transport, introduced the report" */
const INTRODUCED =
  /(?:^|\.\s+|\)\s+)(?:Councillor|Cllr\.?)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}),\s+((?:(?:Deputy\s+)?Leader(?:\s+of\s+the\s+Council)?\s+and\s+)?(?:(?:Cabinet|Executive|Lead)\s+Member|Portfolio\s+Holder)\s+for\s+[^.;]{3,120}?|Leader\s+of\s+the\s+Council),\s+(?:introduced|presented)\b/;

function introducedBy(lines: Line[]): { person: PersonRef; label: string } | undefined {
  const text = lines
    .filter((l) => l.text !== "")
    .slice(0, 8)
    .map((l) => l.text)
    .join(" ");
  const m = INTRODUCED.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  return { person: { name: m[1], councillor: true, jobTitle: m[2] }, label: m[2] };
}

function readMinuteItems(
  lines: Line[],
  ctx: Context,
  meeting: BundleMeeting,
  attendees: Attendee[],
  headings: Heading[],
): void {
  const declared: { item: BundleItem; list: ReturnType<typeof readItemBody>["declarations"] }[] = [];
  let part: "I" | "II" = "I";
  let excludedUnder: string | undefined;
  for (const [n, h] of headings.entries()) {
    const below = lines.slice(h.index + 1, headings[n + 1]?.index ?? lines.length);
    // "Key Decision No. 2025/041" under the heading, or "This was not a key decision." in the text.
    const keyLine = below.findIndex((l) => l.text !== "");
    const keyRef = KEY_DECISION_REF.test(below[keyLine]?.text ?? "") ? keyLine : -1;
    const notKey = below.findIndex((l) => NOT_KEY.test(l.text));
    // "(Cabinet, 16 September 2025, Minute 58(b))": the recommendation the minute adopts.
    const reference = keyRef < 0 ? readMinuteReference(below[keyLine]?.text ?? "") : undefined;
    const referenceLine = reference ? keyLine : -1;
    const kept = below.filter((_, k) => k !== keyRef && k !== notKey && k !== referenceLine);
    const bodyLines = h.text ? [h.text, ...kept] : kept;
    const item = ctx.out.item(meeting, h.number, h.title, itemKind(h.title));
    const heading = lines[h.index];
    if (keyRef >= 0 || (heading && markedKeyDecision(heading.text))) item.keyDecision = true;
    if (notKey >= 0) item.keyDecision = false;
    const lead = introducedBy(bodyLines);
    if (lead) item.leadMember = addLeadMember(ctx, lead.person, lead.label);
    const exempt = exemptIn(heading ? [heading, ...bodyLines] : bodyLines);
    if (exempt.exempt || part === "II") item.part = "II";
    // The paragraph an exclusion of the public cites is the reason for the items after it.
    const paragraph = exempt.excludesPublic ? undefined : (exempt.paragraph ?? excludedUnder);
    if (paragraph && item.part === "II") item.exemptParagraph = paragraph;
    else if (exempt.paragraph && !exempt.excludesPublic) item.exemptParagraph = exempt.paragraph;
    for (const line of bodyLines) part = partHeading(line.text) ?? part;
    if (part === "I") excludedUnder = undefined;
    if (exempt.excludesPublic) {
      part = "II";
      excludedUnder = exempt.paragraph;
    }
    const parsed = readItemBody(bodyLines, {
      authority: ctx.authority,
      body: meeting.body,
      out: ctx.out,
      attendees,
    });
    const minutes = n === headings.length - 1 ? withoutClosing(parsed.minutes) : parsed.minutes;
    if (minutes) {
      item.minutes = minutes;
      addProsePeople(minutes, ctx);
    }
    if (item.kind === "apologies") apologiesIn(bodyLines, ctx, meeting);
    if (parsed.truncated) item.minutesTruncated = true;
    item.resolutions.push(...parsed.resolutions);
    if (reference) respondsToReference(item, reference, ctx);
    const line = lines[h.index];
    const source = sourceOf(ctx, line ? [line, ...bodyLines] : bodyLines);
    if (source) item.source = source;
    declared.push({ item, list: parsed.declarations });
  }
  for (const { item, list } of declared) {
    for (const d of list) {
      // "in item PL/47", "in Min 15.2", or a planning application the item is about
      // ("DM/23/01872"), by its title or, in a list of applications, by its text.
      const about = (i: BundleItem, field: "title" | "minutes") =>
        d.application !== undefined && i !== item && (i[field] ?? "").includes(d.application);
      const target =
        meeting.items.find((i) => d.item !== undefined && i.number === d.item) ??
        meeting.items.find((i) => about(i, "title")) ??
        meeting.items.find((i) => about(i, "minutes")) ??
        item;
      const person = addPerson(ctx, d.person);
      const declaration: BundleItem["declarations"][number] = { person, kind: d.kind };
      if (d.nature) declaration.nature = d.nature;
      if (!target.declarations.some((x) => x.person === person)) target.declarations.push(declaration);
    }
  }
}

/** The resolution that adopts the recommendation ("That the recommendation of the Cabinet be
 * adopted") responds to the resolution the reference names, where the bundle holds it too: a
 * bundle may not refer to a resolution it does not define, so one file's minutes alone only drop
 * the reference from the minute's text. */
function respondsToReference(item: BundleItem, reference: MinuteReference, ctx: Context): void {
  const adopting =
    item.resolutions.find((r) => /\brecommendations?\b/i.test(r.text)) ??
    (item.resolutions.length === 1 ? item.resolutions[0] : undefined);
  const { body, ...rest } = reference;
  const source = ctx.out
    .findMeeting(ctx.authority, body, reference.date)
    ?.items.find((i) => i.number === reference.item);
  if (!adopting || !source?.resolutions.some((r) => r.number === reference.number)) return;
  adopting.respondsTo = { authority: ctx.authority, body: ctx.out.body(ctx.authority, body), ...rest };
}

const SUBSTITUTE =
  /\b(?:Councillors?|Cllrs?\.?)\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:attended|was\s+present|substituted)\s+(?:as\s+(?:a\s+|the\s+)?substitute\s+)?for\s+(?:Councillors?|Cllrs?\.?)\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})/g;

/** "Councillor Moran attended as a substitute for Councillor Harper." */
export function substitutesIn(lines: Line[], ctx: Context, meeting: BundleMeeting): void {
  for (const line of lines) {
    if (line.text.length > 2000) continue;
    for (const m of line.text.matchAll(SUBSTITUTE)) {
      const person = m[1] ? readPerson(m[1], true) : undefined;
      if (!person || !m[2]) continue;
      if (meeting.attendance.some((a) => personNameKey(a.person) === personNameKey(person.name))) continue;
      addAttendance(ctx, meeting, [{ person, status: "substitute", substituteFor: m[2] }]);
    }
  }
}

/** The last minute ends with the meeting's close and the chair's signature, which are not its text. */
export function withoutClosing(minutes: string | undefined): string | undefined {
  if (minutes === undefined) return undefined;
  const kept = minutes
    .split("\n")
    .filter(
      (line) =>
        !/^(?:the\s+)?meeting\s+(?:closed|ended|finished|concluded|terminated|started|commenced|began)\b/i.test(
          line,
        ) &&
        !/^there\s+being\s+no\s+(?:further|other)\s+business\b.{0,60}\b(?:closed|ended)\b/i.test(line) &&
        !/^(?:signed|chair(?:man|woman|person)?|date)\b[\s.:…_]*(?:\(?chair(?:man|woman|person)?\)?[\s.:…_]*)?(?:date\b[\s.:…_]*)?$/i.test(
          line,
        ) &&
        // The line to sign on, and the signatory's post under it ("MAYOR", "Lord Mayor").
        !/^[\s.…_]{5,}$|^(?:(?:lord|deputy)\s+)?(?:mayor|provost|convener)$/i.test(line),
    )
    .join("\n")
    .trim();
  return kept === "" ? undefined : kept;
}

/** "Apologies were received and accepted from Cllr A. Brown (work commitments)." */
const ABSENT_WITHOUT_APOLOGY =
  /\b((?:Cllrs?\.?|Councillors?)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+(?:was|were)\s+absent\s+without\s+(?:an?\s+)?apolog/;

export function apologiesIn(lines: Line[], ctx: Context, meeting: BundleMeeting): void {
  for (const line of lines) {
    // The list ends with its sentence; a full stop after an initial ("Cllr A. Brown") does not end it.
    // "Apologies were received from Councillors A and B.", or under the apologies item's
    // title, the list alone: "Cllrs Shewell & Morrison."
    const m =
      /\bapologies\b.{0,60}?\bfrom\s+(.+?)(?:(?<!\b[A-Z])\.(?:\s|$)|$)/i.exec(line.text) ??
      /^((?:Cllrs?\.?|Councillors?)\s+[A-Z][^.]*?)(?:(?<!\b[A-Z])\.(?:\s|$)|$)/.exec(line.text);
    // "Cllr Zachary Wellbeloved was absent without apology."
    const absent = ABSENT_WITHOUT_APOLOGY.exec(line.text);
    const person = absent?.[1] ? readPerson(absent[1], true) : undefined;
    if (person && !meeting.attendance.some((a) => personNameKey(a.person) === personNameKey(person.name)))
      addAttendance(ctx, meeting, [{ person, status: "absent" }]);
    if (!m?.[1] || line.text.length > 600) continue;
    const people = readPeopleList(m[1].replace(/\s*\([^()]*\)/g, ""), false).filter((p) => p.councillor);
    addAttendance(
      ctx,
      meeting,
      people
        .filter((p) => !meeting.attendance.some((a) => personNameKey(a.person) === personNameKey(p.name)))
        .map((person) => ({ person, status: "apologies" })),
    );
  }
}
