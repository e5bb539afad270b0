import { authorityFromCapitals, authorityNamed, findAuthorities } from "./authorities.js";
import { fullCouncilOf, looksLikeBody } from "./bodies.js";
import { findDates, findTime, isDateLine } from "./dates.js";
import { cleanText, type Line } from "./lines.js";
import { bodyName } from "./meeting-header.js";
import { looksLikeName, readContact, readPeopleList, splitList, type PersonRef } from "./people.js";

// The front sheet of an agenda: who publishes it, the body, date, time and venue of the meeting,
// the contact officer, the publication date, the members (with chair and vice-chair), and the
// officer who signs the summons.

export type FrontSheet = {
  authority?: string;
  body?: string;
  date?: string;
  start?: string;
  venue?: string;
  contact?: PersonRef;
  published?: string;
  members: PersonRef[];
  signatory?: PersonRef;
};

const PUBLISHED =
  /^(?:(?:agenda|papers|summons)\s+)?(?:published|date\s+of\s+publication|date\s+published|despatched|dispatched|issued)\b\s*(?:on\s*)?:?\s*(.*)$/i;
const CONTACT =
  /^(?:for\s+(?:further\s+)?(?:enquiries|information)(?:\s+about\s+this\s+agenda)?\s*,?\s*)?(?:please\s+(?:ask\s+for|contact)|contact(?:\s+officer)?|enquiries(?:\s+to)?|democratic\s+services\s+officer)\s*:?\s*(.+)$/i;
/** "Notice of a meeting of the Combined Authority Board", "A meeting of the Licensing Committee will be held …" */
const NOTICE_OF =
  /^(?:notice\s+of\s+(?:an?\s+|the\s+)?|an?\s+)?(?:(?:ordinary|extraordinary|special|annual)\s+)?meeting\s+of\s+(?:the\s+)?(.{3,100}?)(?:\s+(?:to\s+be\s+held|will\s+be\s+held|on|at)\b.*)?\.?$/i;
/** "You are hereby summoned to attend a meeting of the X Committee to be held in the Council
 * Chamber, Town Hall, on Wednesday 5 February 2025 at 7.15 pm." */
const SUMMONS =
  /\b(?:summoned|invited|requested)\s+to\s+attend\s+(?:an?\s+|the\s+)?(?:(?:ordinary|extraordinary|special|annual)\s+)?meeting\s+of\s+(?:the\s+)?(.{3,100}?)\s+(?:to\s+be\s+held|,?\s*which\s+will\s+be\s+held)\s+(?:(?:in|at)\s+(?:the\s+)?(.{3,120}?),?\s+)?on\b/i;
const DATE_LABEL = /^(?:date(?:\s+of\s+meeting)?|when)\s*:\s*(.+)$/i;
const TIME_LABEL = /^time\s*:\s*(.+)$/i;
const VENUE_LABEL = /^(?:venue|place|location|where)\s*:\s*(.+)$/i;
const BODY_LABEL = /^(?:meeting|committee|meeting\s+of|body)\s*:\s*(.+)$/i;
const MEMBERS =
  /^(?:(?:board|committee|cabinet|panel|sub-committee|forum)\s+)?(?:membership|members|councillors|to(?=\s*:\s*(?:cllrs?\.?|councillors?)\s))\b(?:\s+of\s+the\s+\w+)?(?:\s+(?:and|&)\s+(?:portfolios?|roles|responsibilities|substitutes))?\s*:?\s*(.*)$/i;
const JOB_LINE =
  /\b(chief\s+executive|director|head\s+of|monitoring\s+officer|clerk|secretary|proper\s+officer|manager|town\s+clerk)\b/i;

export function readFrontSheet(lines: Line[]): FrontSheet {
  const sheet: FrontSheet = { members: [] };
  const texts = lines.map((l) => l.text);
  let dateIndex = -1;
  let bareDate = false;
  for (const [i, text] of texts.entries()) {
    if (text === "") continue;
    const authority = authorityFromCapitals(text) ?? (i < 40 ? findAuthorities(text)[0]?.name : undefined);
    if (authority && !sheet.authority) sheet.authority = authority;
    const published = PUBLISHED.exec(text);
    if (published) {
      sheet.published ??= findDates(published[1] ?? "")[0]?.iso;
      continue;
    }
    const contact = CONTACT.exec(text);
    if (contact?.[1] && !sheet.contact) {
      const person = readContact(contact[1]);
      if (person) sheet.contact = person;
      continue;
    }
    const venue = VENUE_LABEL.exec(text);
    if (venue?.[1]) sheet.venue ??= venue[1].trim();
    const notice = NOTICE_OF.exec(text);
    if (notice?.[1] && looksLikeBody(notice[1])) sheet.body ??= bodyName(notice[1]);
    // "A meeting of the Panel will be held on Monday 3 February 2025 at 10.30 am in the Council
    // Chamber, County Hall": the date, time and venue in the notice's own sentence.
    if (notice && dateIndex < 0 && HELD.test(text) && readDate(text, sheet)) {
      dateIndex = i;
      const venue = venueAfterTime(text);
      if (venue) sheet.venue ??= venue;
      continue;
    }
    const summons = SUMMONS.exec(text);
    // A date alone above "Dear Councillor" dates the letter; the summons dates the meeting.
    if (summons && dateIndex >= 0 && bareDate) {
      sheet.published ??= sheet.date;
      delete sheet.date;
      dateIndex = -1;
    }
    if (summons && dateIndex < 0) {
      // "the Ordinary Meeting of Nether Fallowby Parish Council": the council meeting as a whole.
      const named = (summons[1] ?? "").replace(/,$/, "").trim();
      const council = authorityNamed(named);
      if (council) sheet.body ??= fullCouncilOf(council);
      else if (named && looksLikeBody(named)) sheet.body ??= bodyName(named);
      if (summons[2]) sheet.venue ??= summons[2].trim();
      if (readDate(text, sheet)) dateIndex = i;
      continue;
    }
    const bodyLabel = BODY_LABEL.exec(text);
    if (bodyLabel?.[1] && looksLikeBody(bodyLabel[1])) sheet.body ??= bodyName(bodyLabel[1]);
    const time = TIME_LABEL.exec(text);
    if (time?.[1]) sheet.start ??= findTime(time[1])?.time;
    const dateLabel = DATE_LABEL.exec(text);
    if (dateIndex < 0 && (dateLabel || isDateLine(text)) && readDate(dateLabel?.[1] ?? text, sheet)) {
      dateIndex = i;
      bareDate = !dateLabel;
    }
  }
  if (dateIndex >= 0) readAroundDate(texts, dateIndex, sheet);
  sheet.members = readMembers(lines);
  const signed = readSignatory(texts);
  if (signed) {
    sheet.signatory = signed.person;
    // The clerk dates the summons when issuing it: "Fiona Bright / Town Clerk / 29 January 2025".
    if (signed.date && signed.date !== sheet.date) sheet.published ??= signed.date;
  }
  return sheet;
}

/** The meeting's date, and the time written after it ("Wednesday 5 February 2025 at 7.15 pm"). */
function readDate(source: string, sheet: FrontSheet): boolean {
  const found = findDates(source)[0];
  if (!found) return false;
  sheet.date = found.iso;
  const inline = findTime(source.slice(found.index + found.length));
  if (inline) sheet.start ??= inline.time;
  return true;
}

const HELD = /\b(?:will|is\s+to|to)\s+be\s+held\b/i;

/** "… on Monday 3 February 2025 at 10.30 am in the Council Chamber, County Hall." */
function venueAfterTime(text: string): string | undefined {
  const date = findDates(text)[0];
  if (!date) return undefined;
  const after = text.slice(date.index + date.length);
  const time = findTime(after);
  const rest = time ? after.slice(time.index + time.length) : after;
  const m = /^\s*,?\s*(?:in|at)\s+(?:the\s+)?(.{3,120}?)\.?$/i.exec(rest);
  return m?.[1] && !/\b(?:am|pm)\b|^\d/.test(m[1]) ? m[1].trim() : undefined;
}

/** The body heads the date; the time and then the venue follow it on their own lines. */
function readAroundDate(texts: string[], dateIndex: number, sheet: FrontSheet): void {
  // The committee heads the meeting's facts, perhaps over a "Meeting Details" heading.
  let before = previousText(texts, dateIndex);
  for (let seen = 0; before && seen < 3 && /^meeting\s+(?:details|information)$/i.test(before.text); seen++)
    before = previousText(texts, before.index);
  if (
    !sheet.body &&
    before &&
    looksLikeBody(before.text) &&
    !findAuthorities(before.text).some((a) => a.name === before?.text)
  )
    sheet.body = bodyName(before.text);
  let next = nextText(texts, dateIndex);
  if (next && !sheet.start) {
    const time = next.text.length <= 30 ? findTime(next.text) : undefined;
    if (time) {
      sheet.start = time.time;
      next = nextText(texts, next.index);
    }
  } else if (next && TIME_LABEL.test(next.text)) next = nextText(texts, next.index);
  if (next && !sheet.venue && isVenueLine(next.text)) sheet.venue = next.text;
}

function isVenueLine(text: string): boolean {
  return (
    text.length <= 120 &&
    !/:/.test(text) &&
    !MEMBERS.test(text) &&
    findDates(text).length === 0 &&
    !/^(agenda|members|membership|please|notice|public)/i.test(text)
  );
}

function previousText(texts: string[], i: number): { text: string; index: number } | undefined {
  for (let j = i - 1; j >= 0; j--) if (texts[j]) return { text: texts[j] ?? "", index: j };
  return undefined;
}

function nextText(texts: string[], i: number): { text: string; index: number } | undefined {
  for (let j = i + 1; j < texts.length; j++) if (texts[j]) return { text: texts[j] ?? "", index: j };
  return undefined;
}

function readMembers(lines: Line[]): PersonRef[] {
  const texts = lines.map((l) => l.text);
  const at = texts.findIndex(
    (t) =>
      MEMBERS.test(t) &&
      (t.length < 60 || /^(?:\w+\s+)?\w+\s*:/.test(t)) &&
      !/invited|summoned|requested/i.test(t),
  );
  if (at < 0) return [];
  const members: PersonRef[] = [];
  const inline = MEMBERS.exec(texts[at] ?? "")?.[1] ?? "";
  if (inline) members.push(...readPeopleList(inline, true));
  for (let i = at + 1; i < texts.length; i++) {
    const [first = "", second = ""] = (lines[i]?.raw ?? "").split("\t").map((c) => cleanText(c));
    const text = first;
    // A members table's role cell: "Portfolio Holder for Housing", wrapping onto a row of its own.
    const previous = members[members.length - 1];
    if (text === "" && second !== "" && previous?.jobTitle) {
      previous.jobTitle = `${previous.jobTitle} ${second}`;
      continue;
    }
    // A list given on the label's own line ends with its paragraph: the names below it are the
    // signatory's, not members'.
    if (text === "" && inline) break;
    if (text === "") continue;
    // The list ends at the next label ("Enquiries to:") or at a line that is mostly not names.
    if (text.length > 600 || /^[A-Za-z][\w ]{1,30}:/.test(text)) break;
    const people = readPeopleList(text, true);
    if (people.length === 0 || people.length < splitList(text).length / 2) break;
    // The cell beside a member names their role, or on a joint body their council.
    const [only] = people;
    if (only && people.length === 1 && second !== "" && !/\d/.test(second)) {
      const council = authorityNamed(second);
      if (council) only.organisation ??= council;
      else only.jobTitle ??= second;
    }
    members.push(...people);
  }
  return members;
}

/** "Fiona Wells" over "Chief Executive" at the foot of the summons. */
function readSignatory(texts: string[]): { person: PersonRef; date?: string } | undefined {
  let found: { person: PersonRef; date?: string } | undefined;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] ?? "";
    if (text === "" || !looksLikeName(text) || text.split(" ").length < 2) continue;
    const next = nextText(texts, i);
    if (!next || next.index - i > 2 || !JOB_LINE.test(next.text) || next.text.length > 80) continue;
    const after = nextText(texts, next.index);
    const date =
      after && after.index - next.index <= 2 && isDateLine(after.text) ? findDates(after.text)[0] : undefined;
    found = {
      person: { name: text, councillor: false, jobTitle: next.text },
      ...(date ? { date: date.iso } : {}),
    };
  }
  return found;
}
