// A PDF page's text items (strings placed at coordinates, in content-stream order) to lines of
// text. The stream order is kept, since it is usually the reading order (columns come one after
// the other); items are grouped into a line while their baselines agree and sorted left to right
// within it. Gaps decide the separators: a space for a word gap, a tab for a wide one (table
// columns), a blank line where the space between two lines is wider than line spacing.
//
// Lines that a paragraph was wrapped into are joined again, as the paragraph was written: a
// sentence such as "Minutes of a meeting of the Planning Committee held on …" must read as one
// line, whatever the page's width. A line break is a wrap when the next line's first word would
// not have fitted before the right edge of the page's text, and the next line continues below in
// the same column; a list item, a table row or a line after a label ("Present:") is never joined
// to the line before. Pages without a block of lines reaching that edge are left as they are.

export type PdfTextItem = { str: string; x: number; y: number; width: number; height: number };

type Line = { y: number; height: number; items: PdfTextItem[] };
type Laid = { line: Line; text: string; left: number; right: number };

const WORD_GAP = 0.15; // of the font size
const COLUMN_GAP = 2; // of the font size
const PARAGRAPH_GAP = 1.75; // of the line height, between baselines

export function layoutPage(items: PdfTextItem[]): string {
  const lines = groupLines(items)
    .map((line) => ({ line, text: lineText(line), ...extent(line) }))
    .filter((laid) => laid.text !== "");
  const edge = rightEdge(lines);
  let text = "";
  lines.forEach((laid, i) => {
    const previous = lines[i - 1];
    if (previous) {
      if (isParagraphBreak(previous.line, laid.line)) text += "\n\n";
      else if (edge !== null && isWrap(previous, laid, edge)) text += previous.text.endsWith("-") ? "" : " ";
      else text += "\n";
    }
    text += laid.text;
  });
  return text;
}

/** The right edge of the page's running text, when at least three lines reach it. */
function rightEdge(lines: Laid[]): number | null {
  if (lines.length < 3) return null;
  const edge = Math.max(...lines.map((laid) => laid.right));
  const width = edge - Math.min(...lines.map((laid) => laid.left));
  const reaching = lines.filter((laid) => laid.right >= edge - 0.15 * width).length;
  return reaching >= 3 ? edge : null;
}

// A new item: "1.", "(a)", "iv)", "12/045", a bullet. Such a line starts a line of its own.
const ITEM_START = /^(\(?(\d{1,3}|[a-z]{1,4}|[A-Z]{1,4})[.)]\s|\d+\/\d+\s|[-•●▪◦*–]\s)/;

function isWrap(previous: Laid, next: Laid, edge: number): boolean {
  const size = Math.max(previous.line.height, next.line.height);
  const firstWord = /^\S+/.exec(next.text)?.[0] ?? "";
  const wordWidth = (firstWord.length / next.text.length) * (next.right - next.left);
  // Had the next line's first word fitted, the writer broke the line on purpose.
  if (edge - previous.right > wordWidth + 0.5 * size) return false;
  if (next.left < previous.left - size || next.left > previous.left + 3 * size) return false;
  if (previous.text.includes("\t") || next.text.includes("\t")) return false;
  if (/[:;]$/.test(previous.text) || ITEM_START.test(next.text)) return false;
  return true;
}

function extent(line: Line): { left: number; right: number } {
  const printed = line.items.filter((item) => item.str.trim() !== "");
  return {
    left: Math.min(...printed.map((item) => item.x)),
    right: Math.max(...printed.map((item) => item.x + item.width)),
  };
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

function isParagraphBreak(previous: Line, line: Line): boolean {
  const gap = previous.y - line.y;
  // A line above the previous one starts a new column or block.
  if (gap < 0) return true;
  return gap > PARAGRAPH_GAP * Math.max(previous.height, line.height);
}

function lineText(line: Line): string {
  // Spaces drawn as items of their own say nothing the gaps between words do not.
  const items = line.items.filter((item) => item.str.trim() !== "").sort((a, b) => a.x - b.x);
  let text = "";
  let end = Number.NEGATIVE_INFINITY;
  let size = 0;
  for (const item of items) {
    const fontSize = Math.max(size, item.height, 1);
    const gap = item.x - end;
    if (text !== "") {
      if (gap > COLUMN_GAP * fontSize) text = text.trimEnd() + "\t";
      else if (gap > WORD_GAP * fontSize && !/\s$/.test(text) && !/^\s/.test(item.str)) text += " ";
    }
    text += text === "" || text.endsWith("\t") ? item.str.trimStart() : item.str;
    end = Math.max(end, item.x + item.width);
    size = item.height;
  }
  return text.trimEnd();
}
