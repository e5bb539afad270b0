import type { BundleWorkProgrammeEntry, PriorityBand } from "../../domain/bundle.js";
import { authorityFromCapitals, findAuthorities } from "./authorities.js";
import { looksLikeBody } from "./bodies.js";
import { findDates, municipalYear } from "./dates.js";
import type { Line } from "./lines.js";
import { bodyName } from "./meeting-header.js";
import { WORK_PROGRAMME_HEADING } from "./patterns.js";

// A scrutiny work programme table. Columns are found by their headings; a meeting date in the
// first column carries down to the rows under it, "Items to be scheduled" sets it to none, and a
// heading row such as "Select Committee Reviews" marks the rows under it as select reviews.

export type WorkProgramme = {
  body?: string;
  municipalYear?: string;
  rows: Omit<BundleWorkProgrammeEntry, "authority" | "body">[];
};

const STANDING_HEADING = /^standing\s+items?\b[^:]{0,60}:?$/i;

/** Where each column is, and how many the header has. */
type Columns = {
  count: number;
  date: number;
  title: number;
  score: number;
  reason: number;
  responsible: number;
};

export function readWorkProgramme(lines: Line[]): WorkProgramme {
  const programme: WorkProgramme = { rows: [] };
  const headingAt = lines.findIndex((l) => WORK_PROGRAMME_HEADING.test(l.text) && l.text.length < 80);
  for (const line of lines.slice(0, Math.max(0, headingAt) + 1)) {
    const text = line.text.replace(WORK_PROGRAMME_HEADING, "").trim();
    const council = authorityFromCapitals(text) ?? findAuthorities(text).find((a) => a.name === text)?.name;
    if (text && looksLikeBody(text) && !council) programme.body ??= bodyName(text);
    programme.municipalYear ??= municipalYear(line.text);
  }
  let columns: Columns | undefined;
  let meetingDate: string | null = null;
  let section: string | undefined;
  let standing = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    // "Standing items at every meeting:" and a list of titles under it.
    if (STANDING_HEADING.test(line.text)) {
      standing = true;
      continue;
    }
    if (standing) {
      const title = line.text.replace(/^[-•*]\s*/, "");
      if (title === "" || line.raw.includes("\t") || title.length > 120) standing = false;
      else {
        programme.rows.push({ meetingDate: null, title, kind: "standing-item" });
        continue;
      }
    }
    if (columns && line.text !== "" && !line.raw.includes("\t")) {
      const cell = oneCellParagraph(lines, i);
      i = cell.last;
      if (cell.text === undefined) continue;
      if (cell.lines === 1) {
        meetingDate = findDates(cell.text)[0]?.iso ?? null;
        section = meetingDate ? undefined : cell.text;
      } else programme.rows.push({ meetingDate, title: cell.text, ...kindOf(entryKind(undefined, section)) });
      continue;
    }
    const printed = line.raw.split("\t").map((c) => c.replace(/\s+/g, " ").trim());
    if (printed.length < 2) continue;
    const header = readHeader(printed);
    if (header) {
      columns = header;
      continue;
    }
    if (!columns) continue;
    const cells = lostCells(printed, columns) ?? printed;
    const first = cells[columns.date] ?? "";
    const title = cells[columns.title] ?? "";
    if (first && !title && cells.every((c, i) => i === columns?.date || c === "")) {
      meetingDate = findDates(first)[0]?.iso ?? null;
      section = meetingDate ? undefined : first;
      continue;
    }
    if (first) {
      meetingDate = findDates(first)[0]?.iso ?? null;
      if (meetingDate) section = undefined;
    }
    if (!title) continue;
    programme.rows.push(row(cells, columns, meetingDate, section, title));
  }
  return programme;
}

/**
 * A PDF prints a table row that fills one cell as a paragraph with no cell marks. One line of it
 * is a row across the table ("Items to be scheduled", "Wednesday 10 September 2025"): it dates
 * the rows under it, or leaves them undated, and names their group. A cell wrapped over several
 * lines is a narrow column's: a topic, the only cell its row fills. Sentences under the table are
 * neither.
 */
function oneCellParagraph(lines: Line[], i: number): { text?: string; lines: number; last: number } {
  let last = i;
  while (
    last + 1 < lines.length &&
    (lines[last + 1]?.text ?? "") !== "" &&
    !lines[last + 1]?.raw.includes("\t")
  )
    last++;
  const texts = lines.slice(i, last + 1).map((l) => l.text);
  const text = texts.join(" ");
  if (/[.!?;:]$/.test(text) || text.length > 200 || (texts.length === 1 && text.length > 80))
    return { lines: texts.length, last };
  return { text, lines: texts.length, last };
}

/** "TBC", "To be confirmed": a date column's word for no date yet. */
const NO_DATE_YET = /^(?:tbc|tba|tbd|to\s+be\s+(?:confirmed|scheduled|arranged|agreed|determined))$/i;

/**
 * A row printed with fewer cells than the header, whose first cell holds no date, has lost its
 * empty cells (a PDF with no other row on the page to show where the columns are): its first cell
 * is the topic, and the others fill the score when they hold one ("5 (High)", "-"), else the
 * reason and then the responsible column, in turn.
 */
function lostCells(printed: string[], columns: Columns): string[] | undefined {
  const [first, ...rest] = printed;
  if (printed.length >= columns.count || !first || columns.date !== 0) return undefined;
  if (findDates(first).length > 0 || NO_DATE_YET.test(first) || rest.every((c) => c === "")) return undefined;
  const cells = new Array<string>(columns.count).fill("");
  cells[columns.title] = first;
  const open = [columns.reason, columns.responsible].filter((c) => c >= 0);
  for (const cell of rest.filter((c) => c !== "")) {
    if (columns.score >= 0 && cells[columns.score] === "" && SCORE.test(cell)) cells[columns.score] = cell;
    else {
      const column = open.shift();
      if (column === undefined) return undefined;
      cells[column] = cell;
    }
  }
  return cells;
}

const SCORE = /^(?:\d{1,3}(?:\.\d+)?\s*(?:\(\s*(?:low|medium|high)\s*\))?|low|medium|high|[-–—])$/i;

function kindOf(kind: string | undefined): { kind?: string } {
  return kind ? { kind } : {};
}

function readHeader(cells: string[]): Columns | undefined {
  if (cells.some((c) => c.length > 60 || findDates(c).length > 0)) return undefined;
  const find = (pattern: RegExp) => cells.findIndex((c) => pattern.test(c));
  const date = find(/\b(date|meeting)\b/i);
  const title = find(/\b(agenda\s+item|item|topic|title|subject|issue)\b/i);
  if (date < 0 || title < 0 || date === title) return undefined;
  return {
    count: cells.length,
    date,
    title,
    score: find(/\b(priorit|score)/i),
    reason: find(/\breason\b|\bwhy\b|\bpurpose\b/i),
    responsible: find(/\b(responsible|lead|officer|member)\b/i),
  };
}

function row(
  cells: string[],
  columns: Columns,
  meetingDate: string | null,
  section: string | undefined,
  title: string,
): WorkProgramme["rows"][number] {
  const entry: WorkProgramme["rows"][number] = { meetingDate, title };
  // "5 (High)", "5", or a band alone: "High".
  const cell = cells[columns.score] ?? "";
  const score = /^(\d{1,3}(?:\.\d+)?)\s*(?:\(\s*(low|medium|high)\s*\))?/i.exec(cell);
  if (score) entry.priorityScore = Number(score[1]);
  const band = (score?.[2] ?? /^(low|medium|high)$/i.exec(cell)?.[1])?.toLowerCase();
  if (band === "low" || band === "medium" || band === "high")
    entry.priorityBand = band satisfies PriorityBand;
  const reason = cleanCell(cells[columns.reason]);
  if (reason) entry.reason = reason;
  const responsible = cleanCell(cells[columns.responsible]);
  if (responsible) entry.responsible = responsible;
  const kind = entryKind(reason, section);
  if (kind) entry.kind = kind;
  return entry;
}

function cleanCell(cell: string | undefined): string | undefined {
  const text = (cell ?? "").trim();
  return text === "" || /^[-–—]$/.test(text) ? undefined : text;
}

function entryKind(reason: string | undefined, section: string | undefined): string | undefined {
  if (section && /\bselect\b|\breviews?\b|\binquir/i.test(section)) return "select-review";
  if (!reason) return undefined;
  if (/^standing\s+item\b/i.test(reason)) return "standing-item";
  if (/^member\s+request\b/i.test(reason)) return "member-request";
  if (/\bselect\s+review\b/i.test(reason)) return "select-review";
  return undefined;
}
