import { cleanText, type Block } from "./blocks.js";

// Extracted text as blocks. Text extracted from council papers (every demo paper, and any paper
// whose original Witan does not hold) keeps a few conventions worth honouring: a form feed
// between pages, a blank line between paragraphs, tab-separated cells for table rows, "- " or
// "•" for bullets, "1.", "1.1", "(a)" or "(iv)" for numbered paragraphs, and "**…**" around text
// that was bold. Everything else is a paragraph, whose own line breaks are kept.

const BULLET = /^(\s*)[-•▪◦▼*·]\s+(.*)$/;
// "1.", "1.1", "2)", "(a)", "(iv)", "I.", "a." followed by text.
const NUMBERED =
  /^(\s*)(\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivxlc]{1,6}|[IVXLC]{1,6})[.)]|\(\w{1,4}\)|\d{1,3}\.\d{1,3})\s+(.*)$/;

export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const pages = normalise(text).split("\f");
  for (const [index, page] of pages.entries()) {
    if (index > 0) blocks.push({ kind: "page-break" });
    const chunks = page
      .split(/\n[ \t]*\n/)
      .map((chunk) => chunk.replace(/^\n+|\n+$/g, ""))
      .filter((chunk) => chunk.trim() !== "");
    const candidates = chunks.map(headingCandidate);
    for (const [at, chunk] of chunks.entries()) {
      const level = candidates[at];
      // A run of short lines is an address or a signature, not a heading followed by a heading.
      const alone = candidates[at - 1] === undefined && candidates[at + 1] === undefined;
      if (level !== undefined && (level === 2 || (alone && at + 1 < chunks.length))) {
        blocks.push({ kind: "heading", level, text: stripBold(chunk.trim()) });
        continue;
      }
      blocks.push(...chunkBlocks(chunk));
    }
  }
  return blocks;
}

/** Artefacts of converting a PDF to text that no reader should see: list markup left inside table
 * cells, and "**A****B**", which was two bold lines run together. */
function normalise(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/<\/?(?:ul|ol|li|p|span|div)\b[^>]*>/gi, " ")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/\*\*\*\*/g, "**\n**");
}

/** The heading level a one-line chunk would have, if it reads like a heading. */
function headingCandidate(chunk: string): 2 | 3 | undefined {
  const line = chunk.trim();
  if (line.includes("\n") || line.includes("\t") || line.length > 90) return undefined;
  const plain = stripBold(line);
  if (/^\*\*.+\*\*$/.test(line) && plain.length <= 90) return 3;
  if (BULLET.test(line)) return undefined;
  // Sentences, and "Key Decision: No" (a label and its value), are not headings.
  if (/[.,;]$/.test(plain) || !/^[A-Z0-9]/.test(plain) || /:\s+\S/.test(plain)) return undefined;
  if (/[a-z]/.test(plain) === false && /[A-Z]{3}/.test(plain)) return 2;
  const numbered = NUMBERED.exec(plain);
  if (numbered && (numbered[3] ?? "").length > 60) return undefined;
  if (plain.split(/\s+/).length > 12) return undefined;
  return 3;
}

function stripBold(text: string): string {
  return text.replace(/\*\*/g, "");
}

function chunkBlocks(chunk: string): Block[] {
  const blocks: Block[] = [];
  let table: string[][] = [];
  let paragraph: string[] = [];
  const flushTable = () => {
    if (table.length > 0) blocks.push(tableBlock(table));
    table = [];
  };
  const flushParagraph = () => {
    const text = cleanText(stripBold(paragraph.join("\n"))).trim();
    if (text !== "") blocks.push({ kind: "paragraph", text });
    paragraph = [];
  };
  for (const raw of chunk.split("\n")) {
    if (raw.includes("\t")) {
      flushParagraph();
      table.push(raw.split("\t").map((cell) => cleanText(stripBold(cell)).trim()));
      continue;
    }
    flushTable();
    const item = listItem(raw);
    if (item) {
      flushParagraph();
      blocks.push(item);
      continue;
    }
    // A line that continues a list item (wrapped in the source) belongs to it.
    const last = blocks.at(-1);
    if (paragraph.length === 0 && last?.kind === "list-item" && /^\s+\S/.test(raw)) {
      last.text = `${last.text} ${cleanText(stripBold(raw)).trim()}`;
      continue;
    }
    paragraph.push(raw);
  }
  flushTable();
  flushParagraph();
  return blocks;
}

function listItem(line: string): Block | undefined {
  const bullet = BULLET.exec(line);
  // "- (a) concerns…": the letter is the marker a reader refers to, not the dash.
  const numberedBullet = bullet ? NUMBERED.exec(bullet[2] ?? "") : null;
  if (bullet && numberedBullet) {
    return {
      kind: "list-item",
      marker: numberedBullet[2] ?? "",
      text: cleanText(stripBold(numberedBullet[3] ?? "")).trim(),
      level: (bullet[1] ?? "").length >= 2 ? 1 : 0,
    };
  }
  if (bullet) {
    return {
      kind: "list-item",
      marker: "•",
      text: cleanText(stripBold(bullet[2] ?? "")).trim(),
      level: (bullet[1] ?? "").length >= 2 ? 1 : 0,
    };
  }
  const numbered = NUMBERED.exec(line);
  if (numbered) {
    return {
      kind: "list-item",
      marker: numbered[2] ?? "",
      text: cleanText(stripBold(numbered[3] ?? "")).trim(),
      level: (numbered[1] ?? "").length >= 2 ? 1 : 0,
    };
  }
  return undefined;
}

/** The first row is taken as the header when the table has more rows: council tables almost
 * always name their columns. */
function tableBlock(rows: string[][]): Block {
  const width = Math.max(...rows.map((row) => row.length));
  const padded = rows.map((row) => [...row, ...Array<string>(width - row.length).fill("")]);
  return { kind: "table", rows: padded, hasHeader: padded.length > 1 };
}
