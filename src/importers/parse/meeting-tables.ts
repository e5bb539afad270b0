import type { AttendanceStatus, MinutesStatus } from "../../domain/bundle.js";
import type { AttendanceEntry } from "./attendance.js";
import { findDates, findTime } from "./dates.js";
import { cleanText, type Line } from "./lines.js";
import { CO_OPTED_POST } from "./patterns.js";
import { type PersonRef, readPerson, roleOfJob, roleWord } from "./people.js";

// A meeting page that sets its meeting out in tables, as CMIS publishes one: the details as labels
// and values ("Date | Wednesday, 19 February 2025", "Venue | …", "Meeting Status | Minutes
// Approved"), who came as rows of "Name | Role | Attendance", and the items as rows of "No. | Item
// | Documents", each item cell holding the title and then the minutes, each documents cell the
// linked papers. The text keeps a row's first line as its cells joined by tabs and puts each
// further paragraph of a cell on a line of its own, indented with tabs to its column, so a row's
// cells can be put back together from the tabs.

export type MeetingDetails = {
  date?: string;
  start?: string;
  venue?: string;
  contact?: string;
  /** "Minutes Approved", "Draft Minutes", "Cancelled": the state the page gives the meeting */
  status?: string;
  /** the webcast row's value, whose link is the recording */
  webcast?: Line;
};

const DETAIL_LABELS: [RegExp, keyof MeetingDetails | "date-and-time"][] = [
  [/^(?:meeting\s+)?date$/i, "date"],
  [/^date\s*(?:and|&)\s*time$/i, "date-and-time"],
  [/^(?:start(?:ing)?\s+)?time$/i, "start"],
  [/^(?:meeting\s+)?(?:venue|location|place)$/i, "venue"],
  // "Committee clerk | Jo Bell, Democratic Services Officer": the officer to contact is the clerk.
  [
    /^(?:contact|contact\s+officer|enquiries|(?:committee|democratic\s+services|governance)\s+(?:clerk|officer|contact)|clerk(?:\s+to\s+the\s+(?:committee|meeting))?)$/i,
    "contact",
  ],
  [/^(?:meeting\s+)?status$/i, "status"],
  [/^(?:webcast|watch(?:\s+(?:live|the\s+meeting))?|live\s+stream|recording)$/i, "webcast"],
];

/** The meeting's details from rows of a label and its value; the first row of each label counts. */
export function readMeetingDetails(lines: Line[]): MeetingDetails {
  const details: MeetingDetails = {};
  for (const line of lines) {
    const cells = cellsOf(line).filter((c) => c.text !== "");
    if (cells.length !== 2 || cells[0]?.column !== 0) continue;
    const label = (cells[0]?.text ?? "").replace(/\s*:$/, "");
    const value = cells[1]?.text ?? "";
    const field = DETAIL_LABELS.find(([pattern]) => pattern.test(label))?.[1];
    if (field === "date" || field === "date-and-time") {
      const found = findDates(value)[0];
      if (!found || details.date) continue;
      details.date = found.iso;
      const time = field === "date-and-time" ? findTime(value.slice(found.index + found.length)) : undefined;
      if (time) details.start ??= time.time;
    } else if (field === "start") {
      const time = findTime(value);
      if (time) details.start ??= time.time;
    } else if (field === "webcast") {
      details.webcast ??= cells[1]?.line;
    } else if (field) {
      details[field] ??= value;
    }
  }
  return details;
}

/** What the page's status says of the meeting and its minutes. */
export function readMeetingStatus(status: string | undefined): {
  status?: "held" | "cancelled";
  minutesStatus?: MinutesStatus;
} {
  if (status === undefined) return {};
  if (/\b(?:cancell?ed|postponed|abandoned)\b/i.test(status)) return { status: "cancelled" };
  if (!/\bminutes\b/i.test(status)) return /\bheld\b/i.test(status) ? { status: "held" } : {};
  if (/\b(?:draft|unconfirmed|unapproved|provisional|awaiting\s+approval)\b/i.test(status))
    return { status: "held", minutesStatus: "draft" };
  if (/\b(?:approved|confirmed|signed|agreed|adopted)\b/i.test(status))
    return { status: "held", minutesStatus: "approved" };
  return { status: "held" };
}

export type AttendanceRow = {
  entry: AttendanceEntry;
  /** the member's seat on the committee, or the officer's place as its clerk */
  membership?: "chair" | "vice-chair" | "member" | "clerk";
};

const NAME_HEADER = /^(?:names?|members?|councillors?|attendees?)$/i;
const ATTENDANCE_HEADER = /^(?:attendance|attended|status|present)$/i;
const ROLE_HEADER = /^(?:role|position|capacity|title|post)$/i;

const ATTENDANCE_WORDS: [RegExp, AttendanceStatus][] = [
  [/^apolog/i, "apologies"],
  [/^(?:absent|did\s+not\s+attend|not\s+present|no\b)/i, "absent"],
  [/^(?:in\s+attendance|attending|also\s+(?:present|attending))\b/i, "in-attendance"],
  [/^(?:present|attended|in\s+person|remotely|virtual|yes\b)/i, "present"],
  [/^substitut/i, "substitute"],
];

const MEMBER_ROLE = /^(?:(?:committee|board|panel|voting|full|ordinary)\s+)?member$/i;
const SUBSTITUTE_ROLE = /^substitut\w*(?:\s+(?:member|councillor))?(?:\s+for\s+(.+))?$/i;

/** The table of who came: a header row naming a name column and an attendance column, then a row
 * for each person. A role cell gives the member's seat (Chair, Vice-Chair, Committee Member), the
 * one they stood in for ("Substitute for Councillor A"), or an officer's post. */
export function readAttendanceTable(lines: Line[]): AttendanceRow[] {
  const headerAt = lines.findIndex((l) => {
    const cells = cellsOf(l).map((c) => c.text);
    return cells.some((c) => NAME_HEADER.test(c)) && cells.some((c) => ATTENDANCE_HEADER.test(c));
  });
  const header = cellsOf(lines[headerAt]);
  const column = (pattern: RegExp) => header.find((c) => pattern.test(c.text))?.column;
  const nameColumn = column(NAME_HEADER);
  const statusColumn = column(ATTENDANCE_HEADER);
  const roleColumn = column(ROLE_HEADER);
  const rows: AttendanceRow[] = [];
  for (let i = headerAt + 1; headerAt >= 0 && i < lines.length; i++) {
    const cells = cellsOf(lines[i]);
    if (cells.length < 2) break;
    const cell = (n: number | undefined) => cells.find((c) => c.column === n)?.text ?? "";
    const row = attendanceRow(cell(nameColumn), cell(roleColumn), cell(statusColumn));
    if (row) rows.push(row);
  }
  return rows;
}

function attendanceRow(name: string, role: string, attended: string): AttendanceRow | undefined {
  const person = readPerson(name, false);
  let status = ATTENDANCE_WORDS.find(([pattern]) => pattern.test(attended))?.[1];
  if (!person || !status) return undefined;
  const substitute = SUBSTITUTE_ROLE.exec(role);
  if (substitute) {
    const entry: AttendanceEntry = { person: { ...person, councillor: true }, status: "substitute" };
    const standsFor = substitute[1] ? readPerson(substitute[1], true)?.name : undefined;
    if (standsFor) entry.substituteFor = standsFor;
    return { entry: status === "present" || status === "substitute" ? entry : { ...entry, status } };
  }
  if (status === "substitute") status = "present";
  const seat = roleWord(role) ?? (MEMBER_ROLE.test(role) ? "member" : undefined);
  if (seat) {
    const member: PersonRef = { ...person, councillor: true };
    const entry: AttendanceEntry = { person: member, status };
    if (seat !== "member") entry.role = seat;
    return { entry, membership: seat };
  }
  if (CO_OPTED_POST.test(role)) {
    return { entry: { person: { ...person, external: true, jobTitle: role }, status }, membership: "member" };
  }
  const officer: PersonRef = role === "" ? person : { ...person, jobTitle: role };
  const entry: AttendanceEntry = { person: officer, status };
  const job = roleOfJob(officer.jobTitle);
  if (job) entry.role = job;
  return job === "clerk" ? { entry, membership: "clerk" } : { entry };
}

export type AgendaRow = {
  number: string;
  /** the item cell's first paragraph */
  title: Line;
  /** the item cell's other paragraphs, and those of a minutes or decision column */
  body: Line[];
  /** the documents cell's paragraphs: linked papers, or a note that the papers are exempt */
  papers: Line[];
  /** the row's lines, for its source */
  lines: Line[];
};

const NUMBER_HEADER = /^(?:no\.?|number|item(?:\s+no\.?)?|ref(?:erence)?\.?|minute(?:\s+no\.?)?|#)$/i;
const TITLE_HEADER = /^(?:items?|titles?|subject|business|agenda\s+items?|description)$/i;
const PAPERS_HEADER = /^(?:documents?|papers?|reports?|attachments?|downloads?|files?)$/i;
const MINUTES_HEADER = /^(?:minutes?|decisions?|resolutions?|outcomes?)$/i;
const ROW_NUMBER = /^(?:item\s+)?(\d{1,3}[a-z]?)\.?$/i;

/** The items table: a header row with a number column and an item column, then a row for each
 * item, its first line starting with the item's number and its further lines indented. */
export function readAgendaTable(lines: Line[]): AgendaRow[] {
  const headerAt = lines.findIndex((l) => {
    const cells = cellsOf(l);
    return (
      cells.length >= 2 &&
      NUMBER_HEADER.test(cells[0]?.text ?? "") &&
      cells.slice(1).some((c) => TITLE_HEADER.test(c.text))
    );
  });
  if (headerAt < 0) return [];
  const header = cellsOf(lines[headerAt]);
  const titleColumn = header.find((c) => c.column > 0 && TITLE_HEADER.test(c.text))?.column ?? 1;
  const papersColumn = header.find((c) => PAPERS_HEADER.test(c.text))?.column;
  const minutesColumn = header.find((c) => c.column > titleColumn && MINUTES_HEADER.test(c.text))?.column;
  const rows: (Omit<AgendaRow, "title"> & { title?: Line })[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.text === "") break;
    const cells = cellsOf(line);
    const number = cells[0]?.column === 0 ? ROW_NUMBER.exec(cells[0].text)?.[1] : undefined;
    if (number) rows.push({ number, body: [], papers: [], lines: [] });
    const row = rows.at(-1);
    if (!row || (!number && !line.raw.startsWith("\t"))) break;
    row.lines.push(line);
    for (const cell of cells) {
      // The item cell's first paragraph is its title, on the row's first line or the next.
      if (cell.column === titleColumn && !row.title) row.title = cell.line;
      else if (cell.column === titleColumn || cell.column === minutesColumn) row.body.push(cell.line);
      else if (cell.column === papersColumn) row.papers.push(cell.line);
    }
  }
  return rows.filter((r): r is AgendaRow => r.title !== undefined);
}

const DECISION = /^(?:it\s+was\s+)?(?:resolved|agreed|decided|decision)\b/i;

/** A page that sets its meeting out in tables and holds the minutes: labelled details that give
 * the date above an items table, whose rows record decisions or whose status speaks of minutes. */
export function isMinutedTablePage(lines: Line[]): boolean {
  const rows = readAgendaTable(lines);
  const first = rows[0]?.lines[0];
  if (!first || rows.length < 2) return false;
  const details = readMeetingDetails(lines.filter((l) => l.to <= first.from));
  if (!details.date) return false;
  if (readMeetingStatus(details.status).status === "held") return true;
  return rows.some((r) => r.body.some((l) => DECISION.test(l.text)));
}

type Cell = { column: number; text: string; line: Line };

/** A line's cells that hold text, each with its column (the tabs before it) and its own span. */
export function cellsOf(line: Line | undefined): Cell[] {
  if (!line || !line.raw.includes("\t")) return [];
  const cells: Cell[] = [];
  let offset = 0;
  for (const [column, raw] of line.raw.split("\t").entries()) {
    const text = cleanText(raw);
    if (text !== "") {
      const lead = raw.length - raw.trimStart().length;
      const from = line.from + offset + lead;
      const trimmed = raw.trim();
      cells.push({ column, text, line: { raw: trimmed, text, from, to: from + trimmed.length } });
    }
    offset += raw.length + 1;
  }
  return cells;
}
