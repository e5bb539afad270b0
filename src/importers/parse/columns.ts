import { cleanText, type Line } from "./lines.js";
import { PEOPLE_HEADER_CELL, REPORT_LABEL_CELL, TITLED_NAME } from "./patterns.js";

// Text laid out in columns with spaces, as a PDF or a typed front sheet gives it: the meeting's
// facts on the left and the membership on the right, side by side. Such a block is read as its
// left column and then its right one, each line keeping the span it came from. Elsewhere a run of
// three or more spaces inside a line separates table cells ("3.   Minutes …      3 - 8"), and is
// read as a tab, as the HTML extractor writes cells.

const GAP = /( {3,})(?=\S)/g;
/** The right column starts at least this far in, so an indented continuation is not one. */
const MIN_COLUMN = 24;

type Cell = { column: number; left: string; right: string };

/** Where a line's right-hand column starts: after the last wide gap, or after its indent alone. */
function rightCell(raw: string): Cell | undefined {
  if (raw.includes("\t") || raw.length > 400) return undefined;
  const indent = /^ */.exec(raw)?.[0].length ?? 0;
  if (indent >= MIN_COLUMN && indent < raw.length)
    return { column: indent, left: "", right: raw.slice(indent) };
  let found: Cell | undefined;
  for (const m of raw.matchAll(GAP)) {
    const column = m.index + m[0].length;
    if (m.index === 0 || column < MIN_COLUMN) continue;
    found = { column, left: raw.slice(0, m.index), right: raw.slice(column) };
  }
  return found;
}

/** A right column of words, not of page numbers: "Councillor Teresa Cole", not "9 - 36". */
function wordy(text: string): boolean {
  return /[A-Za-z]{3}/.test(text);
}

export function unfoldColumns(lines: Line[]): Line[] {
  const out: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    const labels = labelRows(lines, i);
    if (labels) {
      out.push(...labels.rows);
      i = labels.end;
      continue;
    }
    const block = columnBlock(lines, i);
    if (block.length >= 3 && (isPeopleTable(block) || isLabelTable(block))) {
      out.push(...block.map(asRow));
      i += block.length;
      continue;
    }
    // Under a header row ("Name   Job title   Organisation") the lines are the table's rows.
    const headed = headerRow(lines[i]?.raw ?? "") ? columnBlock(lines, i + 1) : [];
    if (headed.length >= 2) {
      for (const line of lines.slice(i, i + 1 + headed.length)) out.push(asCells(line));
      i += 1 + headed.length;
      continue;
    }
    const table = textTable(lines, i);
    if (table) {
      out.push(...table.rows);
      i = table.end;
      continue;
    }
    if (block.length >= 3) {
      out.push(...block.flatMap((b) => (b.left.trim() === "" ? [] : [piece(b.line, 0, b.left.length)])));
      out.push(blankAt(block[block.length - 1]?.line));
      out.push(...block.map((b) => piece(b.line, b.column, b.line.raw.length)));
      i += block.length;
      continue;
    }
    const line = lines[i];
    if (line) out.push(asCells(line));
    i++;
  }
  return out;
}

type BlockLine = { line: Line; column: number; left: string };

/** Consecutive lines whose right column starts at the same place and holds words. */
function columnBlock(lines: Line[], from: number): BlockLine[] {
  const block: BlockLine[] = [];
  let column = -1;
  for (let j = from; j < lines.length; j++) {
    const line = lines[j];
    const cell = line ? rightCell(line.raw) : undefined;
    if (!line || !cell || !wordy(cell.right)) break;
    if (column >= 0 && Math.abs(cell.column - column) > 2) break;
    column = column < 0 ? cell.column : column;
    block.push({ line, column: cell.column, left: cell.left });
  }
  // A block needs a line with text on both sides: otherwise it is indented text, not columns.
  return block.some((b) => b.left.trim() !== "") ? block : [];
}

/** "Councillor Priya Kalsi          Portfolio Holder for Housing": members beside their roles are
 * a table, read row by row, not two columns. */
function isPeopleTable(block: BlockLine[]): boolean {
  const named = block.filter((b) => b.left.trim() !== "");
  const people = named.filter((b) => TITLED_NAME.test(b.left.trim()));
  // Or their posts beside them: "Cabinet Member for Highways     Councillor Geraint Pryor" (not a
  // meeting's facts beside its members: "Date:   Wednesday 26 February 2025   Councillor …").
  const posts = named.filter(
    (b) => POST.test(b.left) && !b.left.includes(":") && TITLED_NAME.test(b.line.raw.slice(b.column).trim()),
  );
  return named.length >= 2 && Math.max(people.length, posts.length) >= named.length * 0.6;
}

function headerRow(raw: string): boolean {
  const cells = raw.trim().split(/\s{3,}|\t/);
  return cells.length >= 2 && cells.every((c) => PEOPLE_HEADER_CELL.test(c.trim()));
}

/** "Ward:            Thornhill" over "Proposal:        Demolition of …": labels beside their values. */
function isLabelTable(block: BlockLine[]): boolean {
  const named = block.filter((b) => b.left.trim() !== "");
  return named.length >= 2 && named.every((b) => /^[A-Z][\w ()'’/-]{0,40}:$/.test(b.left.trim()));
}

const POST =
  /\b(?:leader|member|chair(?:man)?|mayor|portfolio|holder|cabinet|executive|spokesperson|deputy)\b/i;

/** A row of a people table as cells; a row with no name continues the role above ("\tand Growth"). */
function asRow(b: BlockLine): Line {
  const right = b.line.raw.slice(b.column).trim();
  const raw = `${b.left.trim()}\t${right}`;
  return { ...b.line, raw, text: cleanText(raw) };
}

function piece(line: Line, from: number, to: number): Line {
  const raw = line.raw.slice(from, to).trimEnd();
  return { raw, text: cleanText(raw), from: line.from + from, to: line.from + from + raw.length };
}

function blankAt(line: Line | undefined): Line {
  const at = line?.to ?? 0;
  return { raw: "", text: "", from: at, to: at };
}

/** Cells separated by runs of spaces become tab-separated, as in a table row. */
function asCells(line: Line): Line {
  // A line set aside as page furniture (a running head, a footer) stays blank.
  if (line.text === "" || line.raw.includes("\t") || !/\S {3,}\S/.test(line.raw)) return line;
  const indent = /^\s*/.exec(line.raw)?.[0] ?? "";
  const raw = indent + line.raw.slice(indent.length).replace(/ {3,}(?=\S)/g, "\t");
  return { ...line, raw, text: cleanText(raw) };
}

/** A header cell: a few words of a table's heading ("Application", "Proposal", "Due date"). */
const HEADER_CELL = /^[A-Z][A-Za-z'’()/&.-]*(?: [A-Za-z'’()/&.-]+){0,3}$/;

/** Where each header cell starts: "Application      Location      Proposal      Comments". */
function headerStarts(raw: string): number[] | undefined {
  if (raw.includes("\t") || raw.length > 300 || /^\s/.test(raw)) return undefined;
  const starts = [0];
  for (const m of raw.matchAll(GAP)) starts.push(m.index + m[0].length);
  const cells = raw.split(/ {3,}/).map((c) => c.trim());
  return starts.length >= 3 && cells.every((c) => HEADER_CELL.test(c)) ? starts : undefined;
}

/** A line's pieces of text, each with the column it starts in. */
function segments(raw: string): { at: number; text: string }[] {
  return [...raw.matchAll(/\S+(?: {1,2}\S+)*/g)].map((m) => ({ at: m.index, text: m[0] }));
}

/**
 * A table typed with spaces under a header row, whose cells wrap onto the lines below:
 *
 *   Application    Location         Proposal                    Comments
 *   25/01234/HOU   3 Mill Lane      Single storey extension     No objection, subject to
 *                                   and new garage              the hedge being kept
 *
 * Each row (a line with text in the first column, and the lines under it that leave the first
 * column empty) becomes one line of tab-separated cells, its words joined column by column. Every
 * piece of text must start at a header cell's column, so ordinary prose never reads as a table.
 */
function textTable(lines: Line[], from: number): { rows: Line[]; end: number } | undefined {
  const header = lines[from];
  const starts = header ? headerStarts(header.raw) : undefined;
  if (!header || !starts) return undefined;
  const columnOf = (at: number) => starts.findIndex((s) => Math.abs(s - at) <= 1);
  const rows: { cells: string[]; first: Line; last: Line }[] = [];
  let end = from + 1;
  for (; end < lines.length; end++) {
    const line = lines[end];
    if (!line || line.raw.trim() === "" || line.raw.includes("\t")) break;
    const pieces = segments(line.raw).map((p) => ({ column: columnOf(p.at), text: p.text }));
    if (pieces.some((p) => p.column < 0)) break;
    const startsRow = pieces[0]?.column === 0;
    const row = rows[rows.length - 1];
    if (!startsRow && !row) break;
    const current = startsRow ? { cells: starts.map(() => ""), first: line, last: line } : row;
    if (!current) break;
    if (startsRow) rows.push(current);
    current.last = line;
    for (const p of pieces) current.cells[p.column] = `${current.cells[p.column] ?? ""} ${p.text}`.trim();
  }
  if (rows.length < 2) return undefined;
  const asLine = (r: (typeof rows)[number]): Line => {
    const raw = r.cells.join("\t");
    return { raw, text: cleanText(raw), from: r.first.from, to: r.last.to };
  };
  return { rows: [asCells(header), ...rows.map(asLine)], end };
}

/** "Report to                 Executive": a report's label, a wide gap, and its value. */
const LABEL_ROW = /^(\s*)(\S.*?)( {3,})(\S.*)$/;

/**
 * A report's metadata typed as two columns without colons, each value wrapping under itself:
 *
 *   Executive Member          Councillor Ann Bell, Executive Member for
 *                             Climate and Green Spaces
 *   Forward plan ref          FP/2026/007
 *
 * Each label and its value, wrapped lines and all, becomes one line of two tab-separated cells.
 * Only known labels count, three or more, so a column of other words is not read as one.
 */
function labelRows(lines: Line[], from: number): { rows: Line[]; end: number } | undefined {
  const rows: { label: string; value: string[]; first: Line; last: Line }[] = [];
  let column = -1;
  let end = from;
  for (; end < lines.length; end++) {
    const line = lines[end];
    if (!line || line.raw.includes("\t") || line.raw.length > 300) break;
    const m = LABEL_ROW.exec(line.raw);
    const at = m ? (m[1] ?? "").length + (m[2] ?? "").length + (m[3] ?? "").length : -1;
    if (m && REPORT_LABEL_CELL.test(m[2] ?? "") && (column < 0 || Math.abs(at - column) <= 1)) {
      column = column < 0 ? at : column;
      rows.push({ label: m[2] ?? "", value: [m[4] ?? ""], first: line, last: line });
      continue;
    }
    // A wrapped value starts under the values above it.
    const indent = /^ */.exec(line.raw)?.[0].length ?? 0;
    const row = rows[rows.length - 1];
    if (!row || line.raw.trim() === "" || Math.abs(indent - column) > 1) break;
    row.value.push(line.raw.trim());
    row.last = line;
  }
  if (rows.length < 3) return undefined;
  const asLine = (r: (typeof rows)[number]): Line => {
    const raw = `${r.label}\t${r.value.join(" ")}`;
    return { raw, text: cleanText(raw), from: r.first.from, to: r.last.to };
  };
  return { rows: rows.map(asLine), end };
}
