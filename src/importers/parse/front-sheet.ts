import { authorityFromCapitals, authorityNamed, findAuthorities } from "./authorities.js";
import { fullCouncilOf, looksLikeBody } from "./bodies.js";
import { findDates, findTime, isDateLine } from "./dates.js";
import { cleanText, type Line } from "./lines.js";
import { bodyName } from "./meeting-header.js";
import {
  looksLikeName,
  readContact,
  readPeopleList,
  readPerson,
  splitList,
  type PersonRef,
} from "./people.js";

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
  /** the members, and on a joint body their named substitutes (role "substitute") */
  members: PersonRef[];
  signatory?: PersonRef;
  /** the signatory, where they sign as the body's own clerk ("Clerk to the Joint Committee") */
  clerk?: PersonRef;
  /** a joint body's councils, where the sheet names the one that administers it */
  constituents?: string[];
};

const PUBLISHED =
  /^(?:(?:agenda|papers|summons)\s+)?(?:published|date\s+of\s+(?:publication|despatch|dispatch|issue)|date\s+published|despatched|dispatched|issued)\b\s*(?:on\s*)?:?\s*(.*)$/i;
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
/** "Administering authority: Corvedon Borough Council": the council that runs a joint body. */
const HOST_LABEL = /^(?:administering|host|lead|accountable)\s+(?:authority|council|body)\s*:\s*(.+)$/i;
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
  let hosted = false;
  for (const [i, text] of texts.entries()) {
    if (text === "") continue;
    // A joint body's papers name every partner council; the one that administers it is its own.
    const host = HOST_LABEL.exec(text);
    const hostCouncil = host?.[1] ? authorityNamed(host[1]) : undefined;
    if (hostCouncil) {
      sheet.authority = hostCouncil;
      hosted = true;
      continue;
    }
    const authority = authorityFromCapitals(text) ?? (i < 40 ? findAuthorities(text)[0]?.name : undefined);
    if (authority && !hosted) sheet.authority ??= authority;
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
      // "to be held at 2.00 pm on Friday, 5 December 2025 in the Wolds Room, …": the time
      // before the date, the venue after it.
      const before = summons[2]?.trim() ?? "";
      const timeBefore = findTime(before);
      if (timeBefore) sheet.start ??= timeBefore.time;
      // "at the Guildhall at 7.00 pm on …": the place, without the time.
      const place = timeBefore
        ? `${before.slice(0, timeBefore.index)} ${before.slice(timeBefore.index + timeBefore.length)}`
            .replace(/(?:^|\s)at\s*$|^\s*at\s|[\s,]+$/g, "")
            .trim()
        : before;
      if (place.length >= 3) sheet.venue ??= place;
      if (readDate(text, sheet)) {
        dateIndex = i;
        const venue = venueAfterTime(text);
        if (venue) sheet.venue ??= venue;
      }
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
  if (hosted) {
    const councils = [...new Set(sheet.members.map((m) => m.organisation).filter((o) => o !== undefined))];
    if (councils.length >= 2) sheet.constituents = councils;
  }
  if (signed) {
    sheet.signatory = signed.person;
    if (CLERK_TO_BODY.test(signed.person.jobTitle ?? "")) sheet.clerk = signed.person;
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
  const joint = jointMembersTable(lines, at + 1);
  if (joint) return joint;
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

const COUNCIL_CELL =
  /^(?:constituent\s+|partner\s+|member\s+)?(?:authority|council|organi[sz]ation)$|^representing$/i;
const MEMBER_CELL = /^(?:members?|councillors?|representatives?)$/i;
const SUBSTITUTE_CELL = /\bsubstitutes?\b/i;

/**
 * A joint body's members under a header row, each beside their council and their named
 * substitute ("Constituent authority | Member | Named substitute"). A row that leaves the
 * council's cell empty is the council above's; a cell may hold several members, one after another.
 */
function jointMembersTable(lines: Line[], from: number): PersonRef[] | undefined {
  const start = lines.findIndex((l, i) => i >= from && l.text !== "");
  const header = start >= 0 ? cellsOf(lines[start]) : [];
  const councilAt = header.findIndex((c) => COUNCIL_CELL.test(c));
  const memberAt = header.findIndex((c) => MEMBER_CELL.test(c));
  const substituteAt = header.findIndex((c) => SUBSTITUTE_CELL.test(c));
  if (councilAt < 0 || memberAt < 0) return undefined;
  const members: PersonRef[] = [];
  const substitutes: PersonRef[] = [];
  let council: string | undefined;
  for (const line of lines.slice(start + 1)) {
    const cells = cellsOf(line);
    if (cells.length < 2) {
      if (line.text === "" && members.length === 0) continue;
      break;
    }
    council = authorityNamed(cells[councilAt] ?? "") ?? (cells[councilAt] ? undefined : council);
    const seat = (cell: string | undefined) =>
      peopleInCell(cell ?? "").map((p) => (council ? { ...p, organisation: council } : p));
    members.push(...seat(cells[memberAt]));
    if (substituteAt >= 0)
      substitutes.push(...seat(cells[substituteAt]).map((p) => ({ ...p, role: "substitute" as const })));
  }
  return members.length > 0 ? [...members, ...substitutes] : undefined;
}

function cellsOf(line: Line | undefined): string[] {
  return (line?.raw ?? "").split("\t").map((c) => cleanText(c));
}

/** "Councillor Eleanor Vasey (Chair) Councillor Malachy Drewitt": each title starts a person. */
function peopleInCell(cell: string): PersonRef[] {
  return cell
    .split(/\s+(?=(?:Councillor|Cllr)\.?\s)/)
    .map((entry) => readPerson(entry, true))
    .filter((p) => p !== undefined);
}

/** "Clerk to the Joint Committee", "Secretary to the Board": the officer who serves the body
 * itself (a parish's "Clerk to the Council" is the council's officer, not a committee's). */
/** "Head of Legal and Democratic Services, Corvedon Borough Council": the council at the end. */
function employerIn(text: string): string | undefined {
  const last = /,\s*([^,]{6,80})$/.exec(text)?.[1];
  return last && JOB_LINE.test(text) ? authorityNamed(last) : undefined;
}

const CLERK_TO_BODY =
  /^(?:clerk|secretary)\s+to\s+the\s+(?:joint\s+)?(?:committee|sub-committee|board|panel|authority|forum)$/i;

/** "Fiona Wells" over "Chief Executive" at the foot of the summons, perhaps over "Head of Legal,
 * Corvedon Borough Council", which names the council they work for. */
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
    const employer = after && after.index - next.index <= 1 ? employerIn(after.text) : undefined;
    found = {
      person: {
        name: text,
        councillor: false,
        jobTitle: next.text,
        ...(employer ? { organisation: employer } : {}),
      },
      ...(date ? { date: date.iso } : {}),
    };
  }
  return found;
}
