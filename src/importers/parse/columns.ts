import { cleanText, type Line } from "./lines.js";
import { PEOPLE_HEADER_CELL, TITLED_NAME } from "./patterns.js";

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
  if (line.raw.includes("\t") || !/\S {3,}\S/.test(line.raw)) return line;
  const indent = /^\s*/.exec(line.raw)?.[0] ?? "";
  const raw = indent + line.raw.slice(indent.length).replace(/ {3,}(?=\S)/g, "\t");
  return { ...line, raw, text: cleanText(raw) };
}
