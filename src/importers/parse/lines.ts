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

/** Page furniture a PDF repeats on every page: "Page 12", "Page 3 of 20", "- 12 -", and the
 * "Public Document Pack" stamp on committee papers. */
const PAGE_NUMBER =
  /^(?:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|[-–]\s*\d{1,4}\s*[-–]|public\s+document\s+pack)$/i;

export function cleanText(raw: string): string {
  const text = raw
    .replace(SPACES, " ")
    .replace(ZERO_WIDTH, "")
    .replace(/\*\*|__/g, "")
    .trim();
  return PAGE_NUMBER.test(text) ? "" : englishHalf(text);
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
    if (/\S/.test(before) && /\S/.test(after) && i > pieceStart) {
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

/** A running head a PDF prints at the top or foot of every page ("Kelso Council - Audit
 * Committee - 2 May 2025"): the same line of three words or more beside the page number (or
 * at a page break) on two pages or more. It is blanked as the page number is, so a sentence broken
 * by the page joins up again. */
export function withoutRunningHeads(text: string, lines: Line[]): Line[] {
  const atBreak = (i: number) => {
    const line = lines[i];
    if (!line) return false;
    return (line.text === "" && PAGE_NUMBER.test(line.raw.trim())) || text[line.from - 1] === "\f";
  };
  const beside: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.text ?? "";
    if (text.split(/\s+/).length < 3 || text.length > 200) continue;
    if (atBreak(i - 1) || atBreak(i + 1) || (atBreak(i) && !PAGE_NUMBER.test(lines[i]?.raw.trim() ?? "")))
      beside.push(i);
  }
  const seen = new Map<string, number>();
  for (const i of beside) {
    const key = squash(lines[i]?.text ?? "");
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const heads = new Set(beside.filter((i) => (seen.get(squash(lines[i]?.text ?? "")) ?? 0) >= 2));
  if (heads.size === 0) return lines;
  return lines.map((line, i) => (heads.has(i) ? { ...line, text: "" } : line));
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
