// A document's extracted text as structure for an accessible page: headings, paragraphs, lists
// and tables recognised from the shape of the text, and its pages (form feeds) marked so that a
// search hit's "page 12" can link to them. Everything stays text: the template escapes it, and
// anything in the text that looks like an HTML tag (an extraction artefact) is dropped first.

export type DocumentBlock =
  | { kind: "page"; number: number }
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; lines: string[] }
  | { kind: "list"; style: "bullet" | "printed"; items: string[] }
  | { kind: "table"; caption: string | null; head: string[] | null; rows: string[][] };

const BOLD = "\uE000";
const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;
const BULLET = /^[•▪◦‣∙·\uf0b7\u25bc*–-]\s+/;
const PRINTED = /^(?:\(?[0-9]{1,2}[.)]|\(?[a-z][.)]|\([ivx]{1,5}\)|[ivx]{1,5}[.)])\s+\S/i;
const TERMINAL = /[.;:,?!)]$/;
const MAX_HEADING = 90;
const MAX_HEAD_CELL = 60;

function clean(line: string): string {
  return line.replace(TAG, " ").replace(/\s+/g, " ").trim();
}

function startsLower(text: string): boolean {
  return /^[a-z]/.test(text);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== "").length;
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, "");
  return letters.length >= 3 && letters === letters.toUpperCase();
}

/** A one-line block that reads as a heading on its own. */
function isHeadingLine(text: string): boolean {
  if (text.length > MAX_HEADING || /[.;,]$/.test(text)) return false;
  if (isAllCaps(text)) return true;
  if (/^\d{1,2}\.\s+[A-Z][^.]*$/.test(text) && wordCount(text) <= 8) return true;
  return text.endsWith(":") && wordCount(text) <= 10 && /^[A-Z]/.test(text);
}

type Raw = { kind: "text"; lines: string[] } | { kind: "table"; rows: string[][] };

/** Runs of non-blank lines; tab-separated lines make runs of their own. */
function rawBlocks(page: string): Raw[] {
  const blocks: Raw[] = [];
  let current: Raw | null = null;
  for (const line of page.split("\n")) {
    if (line.trim() === "") {
      current = null;
      continue;
    }
    if (line.includes("\t")) {
      const cells = line.split("\t").map(clean);
      if (current?.kind === "table") current.rows.push(cells);
      else blocks.push((current = { kind: "table", rows: [cells] }));
      continue;
    }
    // Bold markers (`**`) become a private-use character until the block is classified.
    const text = clean(line.replace(/\*\*/g, BOLD));
    if (text === "" || text === BOLD) continue;
    if (current?.kind === "text") current.lines.push(text);
    else blocks.push((current = { kind: "text", lines: [text] }));
  }
  return blocks;
}

/** `**Bold**` marks a heading when it wraps the whole block; anywhere else it is dropped. */
function unbold(text: string): string {
  return text.replaceAll(BOLD, " ").replace(/\s+/g, " ").trim();
}

function textBlock(lines: string[]): DocumentBlock {
  const joined = lines.join(" ");
  if (joined.startsWith(BOLD) && joined.endsWith(BOLD) && unbold(joined).length <= MAX_HEADING * 2) {
    return { kind: "heading", text: unbold(joined) };
  }
  const plain = lines.map(unbold).filter((line) => line !== "");
  if (plain.length === 1 && plain[0] !== undefined && isHeadingLine(plain[0])) {
    return { kind: "heading", text: plain[0] };
  }
  if (plain.every((line) => BULLET.test(line))) {
    const items = plain.map((line) => line.replace(BULLET, ""));
    return { kind: "list", style: items.every((item) => PRINTED.test(item)) ? "printed" : "bullet", items };
  }
  if (plain.length >= 2 && plain.every((line) => PRINTED.test(line))) {
    return { kind: "list", style: "printed", items: plain };
  }
  // Lines that carry on a sentence are joined; a line that starts afresh keeps its break.
  const out: string[] = [];
  for (const line of plain) {
    const last = out.at(-1);
    if (last !== undefined && startsLower(line)) out[out.length - 1] = `${last} ${line}`;
    else out.push(line);
  }
  return { kind: "paragraph", lines: out };
}

function isHeaderRow(row: string[]): boolean {
  return row.length >= 3 && row.every((cell) => cell !== "" && cell.length <= MAX_HEAD_CELL);
}

/** A row with only its first cell filled heads what follows ("Items to be scheduled") when the
 * rows after it leave their first cell empty or start again with a header; otherwise it is a
 * row whose other cells are empty ("Disability" in an assessment with nothing against it). */
function isSubheading(row: string[], next: string[] | undefined): boolean {
  const filled = row.filter((cell) => cell !== "");
  if (filled.length !== 1 || row[0] === "" || row.length < 2) return false;
  return next !== undefined && (next[0] === "" || isHeaderRow(next));
}

function tableBlocks(rows: string[][], previousHead: string[] | null): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  let table: { caption: string | null; head: string[] | null; rows: string[][] } | null = null;
  let lastHead = previousHead;
  const flush = () => {
    if (table && table.rows.length > 0) blocks.push({ kind: "table", ...table });
    table = null;
  };
  rows.forEach((row, index) => {
    const filled = row.filter((cell) => cell !== "");
    if (filled.length === 0) return;
    if (isSubheading(row, rows[index + 1])) {
      flush();
      blocks.push({ kind: "heading", text: row[0] ?? "" });
      return;
    }
    if (table === null) {
      // Two columns are read as labels and values ("Responsible Officer | Tracey Lee"), with the
      // labels as row headers; three or more short, filled cells are column headers.
      if (isHeaderRow(row)) {
        table = { caption: null, head: row, rows: [] };
        lastHead = row;
        return;
      }
      table = { caption: null, head: lastHead && lastHead.length === row.length ? lastHead : null, rows: [] };
    }
    const current: { head: string[] | null; rows: string[][] } = table;
    // A header repeated after a page break is not a row.
    if (current.head && row.join("\t") === current.head.join("\t")) return;
    current.rows.push(row);
  });
  flush();
  return blocks;
}

function lastHeadOf(blocks: DocumentBlock[]): string[] | null {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i];
    if (block?.kind === "table") return block.head;
  }
  return null;
}

/** Joins a block that carries on the previous one's sentence: text that was wrapped with blank
 * lines between its lines, as some PDF extractions leave it. */
function mergeContinuations(blocks: DocumentBlock[]): DocumentBlock[] {
  const out: DocumentBlock[] = [];
  for (const block of blocks) {
    const last = out.at(-1);
    const lines = block.kind === "paragraph" ? block.lines : [];
    const first = lines[0];
    if (last && first !== undefined && startsLower(first)) {
      if (last.kind === "paragraph") {
        const tail = last.lines.at(-1) ?? "";
        if (!TERMINAL.test(tail)) {
          last.lines[last.lines.length - 1] = `${tail} ${first}`;
          last.lines.push(...lines.slice(1));
          continue;
        }
      }
      if (last.kind === "list") {
        const tail = last.items.at(-1) ?? "";
        last.items[last.items.length - 1] = `${tail} ${lines.join(" ")}`;
        continue;
      }
    }
    // Bullets separated by blank lines are one list; printed numbering may restart, so it is not.
    if (
      last?.kind === "list" &&
      block.kind === "list" &&
      last.style === "bullet" &&
      block.style === "bullet"
    ) {
      last.items.push(...block.items);
      continue;
    }
    out.push(block);
  }
  return out;
}

/** A short line standing alone before a long paragraph or a table is its heading ("Context"). */
function promoteShortTitles(blocks: DocumentBlock[]): DocumentBlock[] {
  return blocks.map((block, index) => {
    const next = blocks[index + 1];
    if (block.kind !== "paragraph" || block.lines.length !== 1) return block;
    const text = block.lines[0] ?? "";
    // Before prose, a title is a few words; before a table, any short line not ending a sentence.
    const isTitle =
      next?.kind === "table"
        ? text.length <= MAX_HEADING && !/[.;,]$/.test(text)
        : next?.kind === "paragraph" &&
          wordCount(next.lines.join(" ")) >= 15 &&
          wordCount(text) <= 6 &&
          /^[A-Z]/.test(text) &&
          !TERMINAL.test(text);
    return isTitle ? { kind: "heading", text } : block;
  });
}

/** A heading just before a table becomes the table's caption; other tables are numbered. */
function captionTables(blocks: DocumentBlock[]): DocumentBlock[] {
  const out: DocumentBlock[] = [];
  let numbered = 0;
  for (const block of blocks) {
    if (block.kind !== "table") {
      out.push(block);
      continue;
    }
    const last = out.at(-1);
    if (last?.kind === "heading") {
      out.pop();
      out.push({ ...block, caption: last.text });
    } else {
      numbered += 1;
      out.push({ ...block, caption: `Table ${numbered}` });
    }
  }
  return out;
}

export function documentBlocks(text: string): DocumentBlock[] {
  const pages = text.replace(/\r\n?/g, "\n").split("\f");
  const blocks: DocumentBlock[] = [];
  pages.forEach((page, index) => {
    if (pages.length > 1) blocks.push({ kind: "page", number: index + 1 });
    const pageBlocks: DocumentBlock[] = [];
    for (const raw of rawBlocks(page)) {
      if (raw.kind === "table") pageBlocks.push(...tableBlocks(raw.rows, lastHeadOf(pageBlocks)));
      else pageBlocks.push(textBlock(raw.lines));
    }
    blocks.push(...promoteShortTitles(mergeContinuations(pageBlocks)));
  });
  return captionTables(blocks);
}

/** A table cell holding several bulleted points ("▼ Scope … ▼ Operating model.") as its items. */
export function cellItems(cell: string): string[] {
  const parts = cell
    .split(/\s*(?:[•▼\uf0b7])\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  return parts.length > 1 ? parts : [cell];
}
