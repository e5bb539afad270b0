import { authorityNamed } from "./authorities.js";
import { englishHalf } from "./bilingual.js";

// Lines with their character offsets into the extracted text, so every record a parser builds
// can point back at the span it came from. Parsers read `text` (cleaned) and keep `from`/`to`.

export type Line = {
  /** the line as written, tabs kept (table rows are tab-separated cells) */
  raw: string;
  /** cleaned: no-break spaces as spaces, Markdown emphasis marks removed, trimmed */
  text: string;
  from: number;
  to: number;
};

const SPACES = /[\u00a0\u2007\u202f\u2000-\u200a]/g;
const ZERO_WIDTH = /[\u200b-\u200d\ufeff]/g;

/** A page's printed number: "Page 12", "Page 3 of 20", "- 12 -". */
const PRINTED_NUMBER = /^(?:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|[-–]\s*\d{1,4}\s*[-–])$/i;

/** The "Public Document Pack" stamp on committee papers. */
const PACK_STAMP = /^public\s+document\s+pack$/i;

/** Page furniture a PDF repeats on every page: the page number and the pack's stamp. */
function isPageFurniture(text: string): boolean {
  return PRINTED_NUMBER.test(text) || PACK_STAMP.test(text);
}

export function cleanText(raw: string): string {
  const text = raw
    .replace(SPACES, " ")
    .replace(ZERO_WIDTH, "")
    .replace(/\*\*|__/g, "")
    .trim();
  return isPageFurniture(text) ? "" : englishHalf(text);
}

/** Splits text[from, to) into lines. Text converted from PDF sometimes runs bold headings
 * together ("Committee**Wednesday 9 August 2017****Present:**"); an emphasis mark with text
 * right against both sides starts a new line there, so each heading is read on its own. */
export function splitLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= to) {
    let end = start;
    while (end < to && text[end] !== "\n" && text[end] !== "\f") end++;
    pushSplitAtEmphasis(lines, text, start, end);
    if (end >= to) break;
    start = end + 1;
  }
  return lines;
}

function pushSplitAtEmphasis(lines: Line[], text: string, from: number, to: number): void {
  let pieceStart = from;
  // Search the line only: searching the whole text from each line would be quadratic.
  const line = text.slice(from, to);
  const next = (at: number) => {
    const found = line.indexOf("**", at - from);
    return found === -1 ? -1 : found + from;
  };
  let i = next(from);
  while (i !== -1 && i < to) {
    let runEnd = i;
    while (runEnd < to && text[runEnd] === "*") runEnd++;
    const before = i > from ? (text[i - 1] ?? " ") : " ";
    const after = runEnd < to ? (text[runEnd] ?? " ") : " ";
    // "**Present**: Greg Burns" is one line: a mark before punctuation closes its emphasis.
    if (/\S/.test(before) && /[\p{L}\p{N}("“'‘]/u.test(after) && i > pieceStart) {
      pushLine(lines, text, pieceStart, i);
      pieceStart = runEnd;
    }
    i = next(runEnd);
  }
  pushLine(lines, text, pieceStart, to);
}

function pushLine(lines: Line[], text: string, from: number, to: number): void {
  const raw = text.slice(from, to);
  lines.push({ raw, text: cleanText(raw), from, to });
}

/** Where the text's pages are: page 1 starts the text, each page break starts another, and the
 * printed page numbers and stamps are furniture. */
type Pages = {
  count: number;
  firstLine: number;
  opens: (i: number) => boolean;
  isFurniture: (i: number) => boolean;
  isNumber: (i: number) => boolean;
};

function pagesOf(text: string, lines: Line[]): Pages {
  const firstLine = lines.findIndex((l) => l.raw.trim() !== "");
  const isFurniture = (i: number) => {
    const line = lines[i];
    return line !== undefined && line.text === "" && isPageFurniture(line.raw.trim());
  };
  const isNumber = (i: number) => isFurniture(i) && PRINTED_NUMBER.test(lines[i]?.raw.trim() ?? "");
  const opens = (i: number) => {
    const line = lines[i];
    return line !== undefined && (i === firstLine || text[line.from - 1] === "\f");
  };
  // A text form with no page breaks still prints each page's number.
  const breaks = (text.match(/\f/g) ?? []).length;
  const count = Math.max(breaks + 1, lines.filter((_, i) => isNumber(i)).length);
  return { count, firstLine, opens, isFurniture, isNumber };
}

/** A running head a PDF prints at the top or foot of its pages ("Kelso Council - Audit Committee
 * - 2 May 2025"): a line of three words or more beside the page number or at a page break (the
 * text's own start is page 1's top), on more than half of the pages, or on three pages or more
 * beside the printed number. A heading that only opens two documents of a long pack, each on a
 * new page, is no running head. It is blanked as the page number is, so a sentence broken by the
 * page joins up again; and so is an "Agenda Item 5" stamp heading a page. */
export function withoutRunningHeads(text: string, lines: Line[]): Line[] {
  const pages = pagesOf(text, lines);
  const blanked = new Set(runningHeads(lines, pages));
  for (const i of stampsHeadingPages(lines, pages, blanked)) blanked.add(i);
  for (const i of numberedFooters(lines)) blanked.add(i);
  if (blanked.size === 0) return lines;
  return lines.map((line, i) => (blanked.has(i) ? { ...line, text: "" } : line));
}

function runningHeads(lines: Line[], pages: Pages): number[] {
  const atBreak = (i: number) => pages.isFurniture(i) || pages.opens(i);
  const beside = new Map<string, { lines: number[]; numbered: number }>();
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.text ?? "";
    if (text.split(/\s+/).length < 3 || text.length > 200) continue;
    if (!(atBreak(i - 1) || atBreak(i + 1) || (pages.opens(i) && !pages.isFurniture(i)))) continue;
    const key = squash(text);
    const seen = beside.get(key) ?? { lines: [], numbered: 0 };
    seen.lines.push(i);
    if (pages.isNumber(i - 1) || pages.isNumber(i + 1)) seen.numbered++;
    beside.set(key, seen);
  }
  const heads: number[] = [];
  for (const seen of beside.values()) {
    const count = seen.lines.length;
    if (count < 2 || (count * 2 <= pages.count && seen.numbered < 3)) continue;
    // The council's name atop the first page is its letterhead, which says whose paper it is.
    heads.push(...seen.lines.filter((i) => !(i === pages.firstLine && authorityNamed(lines[i]?.text ?? ""))));
  }
  return heads;
}

/** "Council - 8 October 2025 ⇥ 3": a footer with the page number set apart on its own line, the
 * same words on three pages or more and the number rising each time. */
function numberedFooters(lines: Line[]): number[] {
  const seen = new Map<string, { lines: number[]; last: number; rising: boolean }>();
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\S.{5,150}?)(?:\t|\s{3,})\s*(\d{1,4})$/.exec(lines[i]?.text ?? "");
    if (!m?.[1] || !m[2] || m[1].split(/\s+/).length < 3) continue;
    const key = squash(m[1]);
    const page = Number(m[2]);
    const found = seen.get(key);
    if (!found) seen.set(key, { lines: [i], last: page, rising: true });
    else {
      found.lines.push(i);
      found.rising &&= page > found.last;
      found.last = page;
    }
  }
  return [...seen.values()].filter((f) => f.lines.length >= 3 && f.rising).flatMap((f) => f.lines);
}

/** "Agenda Item 5": the stamp a committee system prints at the head of each report's first page. */
const AGENDA_ITEM_STAMP = /^agenda\s+item\s+(?:no\.?\s*)?\d{1,3}[a-z]?$/i;

/** The stamps that are the first words on their page, under its furniture and running head. */
function stampsHeadingPages(lines: Line[], pages: Pages, heads: Set<number>): number[] {
  const stamps: number[] = [];
  let pageTop = true;
  for (let i = 0; i < lines.length; i++) {
    if (pages.opens(i) || pages.isFurniture(i)) pageTop = true;
    const text = lines[i]?.text ?? "";
    if (text === "" || heads.has(i)) continue;
    if (pageTop && AGENDA_ITEM_STAMP.test(text)) stamps.push(i);
    pageTop = false;
  }
  return stamps;
}

export function isBlank(line: Line): boolean {
  return line.text === "";
}

/** Collapses runs of spaces and tabs; the form used to compare and to search phrases. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/** Joins lines into prose: a paragraph break before a line that starts in lower case, after a line
 * that does not end a sentence, is a page or column break inside one sentence, and is closed. */
export function joinProse(lines: Line[]): string {
  const out: string[] = [];
  let pendingBreak = false;
  for (const line of lines) {
    if (isBlank(line)) {
      pendingBreak = out.length > 0;
      continue;
    }
    const last = out[out.length - 1];
    if (last === undefined) {
      out.push(line.text);
    } else if (pendingBreak && !(/^[a-z]/.test(line.text) && !/[.;:!?]$/.test(last))) {
      out.push("", line.text);
    } else if (pendingBreak) {
      out[out.length - 1] = `${last} ${line.text}`;
    } else {
      out.push(line.text);
    }
    pendingBreak = false;
  }
  return out.join("\n");
}
