import { cleanTitle, followsInSeries, itemOrdinal } from "./item-kinds.js";
import { exemptIn, partHeading } from "./exempt.js";
import { joinProse, type Line } from "./lines.js";
import { titleStart } from "./minutes.js";
import { DOT_LEADER, ITEM_LINE, PAGES } from "./patterns.js";

// The agenda: numbered items with their titles, the page range of their papers in the pack
// ("(Pages 7 - 28)") and the line of explanation under each. Also read as a table
// ("No.<tab>Item<tab>Presenting<tab>Pages").

export type AgendaItem = {
  number: string;
  title: string;
  pages?: [number, number];
  description?: string;
  part: "I" | "II";
  exemptParagraph?: string;
  /** "KEY DECISION" on a line of its own under the title */
  keyDecision?: true;
  /** "Portfolio Holder: Councillor Eamon Sadler", with the label that named them */
  leadMember?: { name: string; label: string };
  /** papers listed under "Documents:" by their length: "Minutes, 13 March 2025 (8 pages)" */
  papers: Line[];
  lines: Line[];
};

const PAPERS_LABEL = /^(?:documents|papers|attachments|reports?)\s*:$/i;
/** "Corporate Plan Performance Report Q3 (14 pages)", "Report - exempt (10 pages)" */
const PAPER_LENGTH = /\(\s*(?:(?:PDF|Word|DOCX?)\s*,\s*)?\d{1,4}\s+pages?\s*\)\s*$/i;

const KEY_DECISION_LINE = /^\(?\s*key\s+decision\b[^a-z]{0,40}\)?$|^key\s+decision\s*[:\-–]\s*yes\b/i;
const LEAD_LINE =
  /^((?:cabinet\s+member|portfolio\s+holder|lead\s+member|executive\s+member)s?(?:\s+for\s+[^:]{3,80})?)\s*:\s*(\S.{2,120})$/i;

type Row = { index: number; number: string; title: string; pages?: [number, number] };

export function readAgenda(lines: Line[]): AgendaItem[] {
  const rows = agendaRows(lines);
  let part: "I" | "II" = "I";
  let excludedUnder: string | undefined;
  let previousEnd = 0;
  return rows.map((row, n) => {
    const end = rows[n + 1]?.index ?? lines.length;
    // A "PART II" heading between items puts the items after it in private.
    for (const line of lines.slice(previousEnd, row.index)) part = partHeading(line.text) ?? part;
    previousEnd = end;
    const own = lines.slice(row.index, end);
    const rest = lines.slice(row.index + 1, end);
    const exempt = exemptIn(own);
    const item: AgendaItem = {
      number: row.number,
      title: row.title,
      part: exempt.exempt ? "II" : part,
      lines: own,
      papers: [],
    };
    if (exempt.excludesPublic) {
      // "… excluded for the following item by virtue of paragraph 3": the paragraph of the items after.
      part = "II";
      excludedUnder = exempt.paragraph;
    } else if (exempt.paragraph) item.exemptParagraph = exempt.paragraph;
    else if (item.part === "II" && excludedUnder) item.exemptParagraph = excludedUnder;
    let pages = row.pages;
    const description: Line[] = [];
    let listing = false;
    for (const line of rest) {
      // "Documents:" over the papers, each with its length: the papers, not the description.
      if (PAPERS_LABEL.test(line.text)) {
        listing = true;
        continue;
      }
      if (listing && line.text !== "") {
        if (PAPER_LENGTH.test(line.text)) item.papers.push(line);
        continue;
      }
      if (partHeading(line.text)) {
        part = partHeading(line.text) ?? part;
        continue;
      }
      const p = PAGES.exec(line.text);
      if (p && !pages && line.text.replace(PAGES, "").trim() === "") {
        pages = pageRange(p[1], p[2]);
        continue;
      }
      if (KEY_DECISION_LINE.test(line.text)) {
        item.keyDecision = true;
        continue;
      }
      const lead = LEAD_LINE.exec(line.text);
      if (lead?.[1] && lead[2] && !item.leadMember) {
        item.leadMember = { name: lead[2].trim(), label: lead[1] };
        continue;
      }
      description.push(line);
    }
    if (pages) item.pages = pages;
    const text = joinProse(description).trim();
    if (text !== "") item.description = text;
    return item;
  });
}

function agendaRows(lines: Line[]): Row[] {
  const rows: Row[] = [];
  const pageColumn = { index: -1 };
  for (const [index, line] of lines.entries()) {
    if (line.text.length > 300) continue;
    const cells = line.raw.split("\t").map((c) => c.trim());
    if (cells.length > 2 && cells.some((c) => /^pages?$/i.test(c)))
      pageColumn.index = cells.findIndex((c) => /^pages?$/i.test(c));
    const tabbed = cells.length > 1 && /^(?:Item\s+)?[A-Z]{0,4}\/?\d{1,4}[a-z]?[.)]?$/.test(cells[0] ?? "");
    const m = tabbed ? ITEM_LINE.exec(`${cells[0] ?? ""} ${cells[1] ?? ""}`) : ITEM_LINE.exec(line.text);
    if (!m?.[1] || !m[2] || !titleStart(m[2])) continue;
    const last = rows[rows.length - 1];
    if (last ? !followsInSeries(last.number, m[1]) : !(itemOrdinal(m[1]) >= 1 && itemOrdinal(m[1]) < 1000))
      continue;
    const title = cleanTitle(m[2]);
    if (title === "") continue;
    const row: Row = { index, number: m[1], title };
    const inline = PAGES.exec(line.text) ?? DOT_LEADER.exec(line.text);
    const cell = tabbed
      ? (cells[pageColumn.index] ?? cells.find((c) => /^\d{1,4}\s*[-–]\s*\d{1,4}$/.test(c)))
      : undefined;
    const range = cell ? /^(\d{1,4})\s*[-–]\s*(\d{1,4})$/.exec(cell) : null;
    if (range) row.pages = pageRange(range[1], range[2]);
    else if (inline) row.pages = pageRange(inline[1], inline[2]);
    rows.push(row);
  }
  return rows;
}

function pageRange(from: string | undefined, to: string | undefined): [number, number] | undefined {
  const a = Number(from);
  const b = Number(to ?? from);
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 1 || b < a) return undefined;
  return [a, b];
}
