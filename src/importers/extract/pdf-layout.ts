// A PDF page's text items (strings placed at coordinates, in content-stream order) to lines of
// text. The stream order is kept, since it is usually the reading order (columns come one after
// the other); items are grouped into a line while their baselines agree and sorted left to right
// within it. Gaps decide the separators: a space for a word gap, a tab for a wide one (table
// columns), a blank line where the space between two lines is wider than line spacing.
//
// Lines that a paragraph was wrapped into are joined again, as the paragraph was written: a
// sentence such as "Minutes of a meeting of the Planning Committee held on …" must read as one
// line, whatever the page's width. A line break is a wrap when the next line's first word would
// not have fitted before the right edge of its column, the next line continues right below (no
// further than the paragraph's own line spacing) in the same column, and it is no list item,
// table row or line after a label ("Present:").
//
// Lines set flush right (a letter's address) are never joined: every one reaches the edge. A line
// in lower case after a long one that ends no sentence goes on with it.
//
// Tables print row by row and, within a row, cell by cell, each cell's lines before the next
// cell's: a cell that wraps ("To review the sustainability of the residential care" / "market")
// is followed by the next cell back up on the row's first baseline. Such a row is put together
// again as one line, its cells parted by tabs, as a text table would be written, with a tab for
// each column it leaves empty. A running head that the PDF draws after the page's text is read
// first, where it is printed.

export type PdfTextItem = { str: string; x: number; y: number; width: number; height: number };

type Line = { y: number; height: number; items: PdfTextItem[] };
/** A run of a line's items with no column gap inside: a table cell, or the whole line. */
type Cell = { left: number; right: number; text: string };
/** A line as printed: its baseline, its size, its cells, and how far it reaches. */
type Laid = { y: number; height: number; cells: Cell[]; left: number; right: number };
/**
 * A table row, or a paragraph: the line it starts with, then for each cell that carries on
 * below, the lines under it. A row's later cells start back up on its first baseline.
 */
type Segment = { line: Laid; below: Laid[] };
type Group = { segments: Segment[] };
type Page = { lines: Laid[]; pitch: Map<number, number>; edge: number | null };

const WORD_GAP = 0.15; // of the font size
const COLUMN_GAP = 2; // of the font size
const CELL_GAP = 0.6; // of the font size: before a word that starts where other lines' cells start
const GUTTER = 1; // of the font size: the least space between a column's text and the next column's
const PARAGRAPH_GAP = 1.75; // of the line height, between baselines
const PITCH_SLACK = 0.15; // of the font size: how much wider than line spacing a wrap may be
const WIDE_WORD = 1.25; // how much wider than its letters' mean a word may be
const NEARLY_FULL = 0.7; // of a column's width

export function layoutPage(items: PdfTextItem[]): string {
  const lines = groupLines(items);
  const stops = cellStops(lines);
  const laid = inReadingOrder(lines.map((line) => layLine(line, stops)).filter((l) => l.cells.length > 0));
  const page: Page = { lines: laid, pitch: linePitches(laid), edge: rightEdge(laid) };
  const groups = groupRows(laid, page);
  let text = "";
  groups.forEach((group, i) => {
    const previous = groups[i - 1];
    if (previous) text += isParagraphBreak(lastLine(previous), group.segments[0]?.line) ? "\n\n" : "\n";
    text += groupText(group, page, tableColumns(groups, i));
  });
  return text;
}

function groupLines(items: PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  for (const item of items) {
    if (item.str === "") continue;
    const height = item.height > 0 ? item.height : 1;
    if (current && Math.abs(item.y - current.y) <= Math.min(current.height, height) * 0.5) {
      current.items.push(item);
      current.height = Math.max(current.height, height);
      continue;
    }
    current = { y: item.y, height, items: [item] };
    lines.push(current);
  }
  return lines;
}

// Spaces drawn as items of their own say nothing the gaps between words do not.
const printed = (line: Line) => line.items.filter((item) => item.str.trim() !== "").sort((a, b) => a.x - b.x);

/**
 * Where the page's table cells start: the places at which two lines or more have a word after a
 * column gap. A narrower gap before a word at such a place parts cells too, since a table's
 * cells may be set closer than a column gap ("… for the directorate  Director of Finance").
 */
function cellStops(lines: Line[]): number[] {
  const starts: number[] = [];
  for (const line of lines) {
    let end = Number.NEGATIVE_INFINITY;
    for (const item of printed(line)) {
      if (item.x - end > COLUMN_GAP * Math.max(item.height, 1)) starts.push(item.x);
      end = Math.max(end, item.x + item.width);
    }
  }
  return starts.filter((x) => starts.filter((other) => Math.abs(other - x) <= 1).length >= 2);
}

function layLine(line: Line, stops: number[]): Laid {
  const cells: Cell[] = [];
  let cell: Cell | undefined;
  let size = 0;
  for (const item of printed(line)) {
    const fontSize = Math.max(size, item.height, 1);
    const gap = cell ? item.x - cell.right : 0;
    // A list item's label ("(a)", "1.1") hangs before its text: the text starts where other
    // items' do, but is no cell of its own.
    const atStop = stops.some((x) => Math.abs(x - item.x) <= 1) && !(cell && LABEL.test(cell.text.trim()));
    if (!cell || gap > COLUMN_GAP * fontSize || (atStop && gap > CELL_GAP * fontSize)) {
      cell = { left: item.x, right: item.x + item.width, text: item.str.trimStart() };
      cells.push(cell);
    } else {
      const spaced = gap > WORD_GAP * fontSize && !/\s$/.test(cell.text) && !/^\s/.test(item.str);
      cell.text += (spaced ? " " : "") + item.str;
      cell.right = Math.max(cell.right, item.x + item.width);
    }
    size = item.height;
  }
  const kept = cells.map((c) => ({ ...c, text: c.text.trimEnd() })).filter((c) => c.text !== "");
  return {
    y: line.y,
    height: line.height,
    cells: kept,
    left: Math.min(...kept.map((c) => c.left)),
    right: Math.max(...kept.map((c) => c.right)),
  };
}

const lineText = (line: Laid) => line.cells.map((c) => c.text).join("\t");
const lastCell = (line: Laid): Cell => line.cells[line.cells.length - 1] ?? { left: 0, right: 0, text: "" };

/** The distance between the baselines of a paragraph's lines, for each size of type on the page:
 * the closest two lines of that size are set, not less than the size itself. */
function linePitches(lines: Laid[]): Map<number, number> {
  const pitch = new Map<number, number>();
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (!previous || Math.abs(previous.height - line.height) > 0.5) return;
    const gap = previous.y - line.y;
    const size = Math.round(line.height);
    if (gap >= 0.8 * line.height && gap < (pitch.get(size) ?? Number.POSITIVE_INFINITY)) pitch.set(size, gap);
  });
  return pitch;
}

/**
 * A page's head (a line printed above all its text, well apart from it) reads first, wherever the
 * PDF draws it: a browser draws the running head after the page's content, a word processor
 * before it. (A browser draws the page number last, where it reads.)
 */
function inReadingOrder(lines: Laid[]): Laid[] {
  const top = lines.reduce<Laid | undefined>(
    (best, line) => (!best || line.y > best.y ? line : best),
    undefined,
  );
  if (!top || top === lines[0]) return lines;
  const apart = lines.every(
    (line) => line === top || top.y - line.y > PARAGRAPH_GAP * Math.max(line.height, top.height),
  );
  return apart ? [top, ...lines.filter((line) => line !== top)] : lines;
}

/** The right edge of the page's running text, when at least three lines reach it. */
function rightEdge(lines: Laid[]): number | null {
  return sharedEdge(lines.map((line) => ({ left: line.left, right: line.right })));
}

function sharedEdge(spans: { left: number; right: number }[]): number | null {
  if (spans.length < 3) return null;
  const edge = Math.max(...spans.map((s) => s.right));
  const width = edge - Math.min(...spans.map((s) => s.left));
  const reaching = spans.filter((s) => s.right >= edge - 0.15 * width).length;
  return reaching >= 3 ? edge : null;
}

/** Lines into rows and paragraphs: each line either carries on the last cell of the one before
 * (below it, in its column), or carries a table row on (back up on its first baseline, to the
 * right of all of it), or starts a group of its own. */
function groupRows(lines: Laid[], page: Page): Group[] {
  const groups: Group[] = [];
  let group: Group | undefined;
  for (const line of lines) {
    const segment = group?.segments[group.segments.length - 1];
    if (group && segment && isBelow(segment, line)) {
      segment.below.push(line);
      continue;
    }
    if (group && segment && continuesRow(group, line, page)) {
      group.segments.push({ line, below: [] });
      continue;
    }
    group = { segments: [{ line, below: [] }] };
    groups.push(group);
  }
  return groups;
}

/** A line under the last cell of a segment, in its column and no further than a paragraph. */
function isBelow(segment: Segment, line: Laid): boolean {
  const previous = segment.below[segment.below.length - 1] ?? segment.line;
  const column = lastCell(segment.line);
  const size = Math.max(previous.height, line.height);
  if (line.cells.length > 1 || isParagraphBreak(previous, line)) return false;
  return line.left >= column.left - size && line.left <= column.left + 3 * size;
}

/** The next cells of a table row: on the row's first baseline, right of all the row so far, with
 * every cell before them a single paragraph wrapped to fit its column. */
function continuesRow(group: Group, line: Laid, page: Page): boolean {
  const first = group.segments[0]?.line;
  const segment = group.segments[group.segments.length - 1];
  if (!first || !segment || segment.below.length === 0) return false;
  if (Math.abs(line.y - first.y) > Math.min(first.height, line.height) * 0.5) return false;
  const rowLines = group.segments.flatMap((s) => [s.line, ...s.below]);
  if (line.left <= Math.max(...rowLines.map((l) => l.right))) return false;
  const limit = line.left - GUTTER * line.height;
  let previous = segment.line;
  for (const next of segment.below) {
    if (!isWrap(previous, next, limit, page)) return false;
    previous = next;
  }
  return true;
}

/** The text of a row or paragraph: cells parted by tabs (one more for each column of the table
 * that the row leaves empty), each wrapped cell joined up again. The last cell may hold several
 * paragraphs, which keep their lines. */
function groupText(group: Group, page: Page, columns: number[]): string {
  const cells: { left: number; text: string }[] = [];
  group.segments.forEach((segment, i) => {
    const last = i === group.segments.length - 1;
    const limit = last && !isRightAligned(segment) ? columnLimit(segment, page) : null;
    for (const cell of segment.line.cells) cells.push({ left: cell.left, text: cell.text });
    let previous = segment.line;
    for (const next of segment.below) {
      const cell = cells[cells.length - 1];
      if (!cell) break;
      // Cells before the last are known to be wrapped (continuesRow).
      if (!last || (limit !== null && isWrap(previous, next, limit, page)))
        cell.text += (/\p{L}-$/u.test(lastCell(previous).text) ? "" : " ") + lineText(next);
      else cell.text += "\n" + lineText(next);
      previous = next;
    }
  });
  let text = "";
  let from = Number.NEGATIVE_INFINITY;
  cells.forEach((cell, i) => {
    const skipped = columns.filter((x) => x > from + 1 && x < cell.left - 1).length;
    text += "\t".repeat(skipped + (i > 0 ? 1 : 0)) + cell.text;
    from = cell.left;
  });
  return text;
}

/** Lines set flush right (an address at the head of a letter) all end where the column does,
 * so that no edge tells a wrap from a line break: each is a line of its own. */
function isRightAligned(segment: Segment): boolean {
  const lines = [segment.line, ...segment.below];
  if (lines.length < 2) return false;
  const right = lastCell(segment.line).right;
  return lines.every(
    (line, i) =>
      Math.abs(lastCell(line).right - right) <= 1 &&
      (i === 0 || Math.abs(lastCell(line).left - lastCell(lines[i - 1] ?? line).left) > 1),
  );
}

const ROW_REACH = 8; // rows either side that show a table's columns

/** Where a row's cells start. */
const cellStarts = (group: Group | undefined) =>
  (group?.segments ?? []).flatMap((segment) => segment.line.cells.map((cell) => cell.left));

/**
 * The columns of the table a row belongs to that the row leaves empty, where they start. Columns
 * start where the cells of the rows about it do, of those rows that have two cells where it has
 * (any table on the page has one at the margin). A row that leaves a column empty starts right of
 * it, or leaps over it, and is given a tab for it, as a text table would be ("\tAcute Services
 * Review"). A line of one cell is no table row: it may be a paragraph under a table's heading cell.
 */
function tableColumns(groups: Group[], i: number): number[] {
  const row = cellStarts(groups[i]);
  if (row.length < 2) return [];
  const starts: number[] = [];
  const near = (a: number, b: number) => Math.abs(a - b) <= 1;
  for (let j = Math.max(0, i - ROW_REACH); j <= Math.min(groups.length - 1, i + ROW_REACH); j++) {
    const other = cellStarts(groups[j]);
    const shared = row.filter((y) => other.some((x) => near(x, y))).length;
    if (j !== i && other.length >= 2 && shared >= 2) starts.push(...other);
  }
  // A column starts where two rows' cells do: a column set flush right starts nowhere in particular.
  const columns = starts.filter((x, k) => starts.some((y, l) => l !== k && near(x, y)));
  return columns.filter(
    (x, k) => !row.some((y) => near(x, y)) && !columns.slice(0, k).some((y) => near(x, y)),
  );
}

/**
 * How far right a column's lines may run: the edge that three of its own lines reach, else the
 * start of a column beside it (less a gap), else the right edge of the page's text.
 */
function columnLimit(segment: Segment, page: Page): number | null {
  const column = lastCell(segment.line);
  const spans = [column, ...segment.below.map((l) => ({ left: l.left, right: l.right }))];
  const own = sharedEdge(spans);
  if (own !== null) return own;
  const lines = [segment.line, ...segment.below];
  const top = Math.max(...lines.map((l) => l.y + l.height));
  const bottom = Math.min(...lines.map((l) => l.y));
  const right = Math.max(...spans.map((s) => s.right));
  const beside = page.lines.filter((l) => l.left > right && l.y <= top && l.y + l.height >= bottom);
  const next = Math.min(...beside.map((l) => l.left - GUTTER * l.height));
  const limits = [page.edge ?? Number.POSITIVE_INFINITY, next].filter(Number.isFinite);
  return limits.length > 0 ? Math.min(...limits) : null;
}

// A list item's label alone: "1.", "1.1", "(a)", "iv)", "I.".
const LABEL = /^\(?(\d{1,3}(\.\d{1,3})?|[a-z]{1,4}|[A-Z]{1,4})[.)]?$/;

// A new item: "1.", "(a)", "iv)", "12/045", a bullet. Such a line starts a line of its own.
const ITEM_START = /^(\(?(\d{1,3}|[a-z]{1,4}|[A-Z]{1,4})[.)]\s|\d+\/\d+\s|[-•●▪◦*–]\s)/;

function isWrap(previous: Laid, next: Laid, limit: number, page: Page): boolean {
  const size = Math.max(previous.height, next.height);
  const text = lineText(next);
  const firstWord = /^\S+/.exec(text)?.[0] ?? "";
  // The word's width from the line's mean letter, with room for letters wider than the mean.
  const wordWidth = WIDE_WORD * (firstWord.length / text.length) * (next.right - next.left);
  // Lines further apart than the paragraph's own spacing are paragraphs of their own.
  const pitch = page.pitch.get(Math.round(next.height));
  if (pitch !== undefined && previous.y - next.y > pitch + PITCH_SLACK * size) return false;
  const before = lastCell(previous).text;
  if (next.cells.length > 1 || /[:;]$/.test(before) || ITEM_START.test(text)) return false;
  // A line going on in lower case after a long one that ends no sentence goes on with it, though
  // its first word seems to fit: a table cell's edge cannot be seen when the next cell is set short.
  const from = lastCell(previous).left;
  const long = previous.right - from >= NEARLY_FULL * (limit - from);
  if (long && /^[a-z]/.test(text) && !/[.!?]$/.test(before)) return true;
  // Had the next line's first word fitted, the writer broke the line on purpose.
  return limit - previous.right <= wordWidth + 0.5 * size;
}

function lastLine(group: Group): Laid | undefined {
  const segment = group.segments[group.segments.length - 1];
  return segment?.below[segment.below.length - 1] ?? segment?.line;
}

function isParagraphBreak(previous: Laid | undefined, line: Laid | undefined): boolean {
  if (!previous || !line) return false;
  const gap = previous.y - line.y;
  // A line above the previous one starts a new column or block.
  if (gap < 0) return true;
  return gap > PARAGRAPH_GAP * Math.max(previous.height, line.height);
}
