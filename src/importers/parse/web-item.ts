import type { BundleDocument } from "../../domain/bundle.js";
import { addPerson, type Context } from "./context.js";
import { documentId } from "./ids.js";
import { cleanTitle } from "./item-kinds.js";
import { joinProse, type Line, squash } from "./lines.js";
import { LINKED_FILE, TITLED_NAME } from "./patterns.js";
import { readPerson, type PersonRef } from "./people.js";
import { findResolutions } from "./resolutions.js";

// An item as council web pages (ModernGov and the like) show it: the title with its linked
// paper ("pdf icon PDF 94 KB"), the lead member, a line of description, "Additional documents:",
// then "Minutes:" or "Decision:" and the minute's text.

export type WebItem = {
  title: string;
  /** "View the reasons why item 37. is restricted": ModernGov's mark of an item taken in private */
  restricted: boolean;
  /** the paragraph of Schedule 12A a restricted item's note cites */
  restrictedParagraph?: string;
  /** each linked paper; its kind, where the page says what it is, else report then appendices */
  files: PaperLink[];
  description?: string;
  leadMember?: PersonRef;
  /** the label that named the lead member: "Cabinet Member", "Portfolio Holder" */
  leadLabel?: string;
  minutes: Line[];
};

export const MINUTES_MARKER = /^(?:minutes|decision|decisions|minute)\s*:?\s*$/i;
const LEAD = /^(cabinet\s+member|portfolio\s+holder|lead\s+member|executive\s+member)s?\s*:\s*(.+)$/i;
const RESTRICTED = /^view\s+the\s+reasons?\s+why\s+(?:item\s+\S+\s+)?is\s+restricted\b/i;
const ADDITIONAL = /^(?:additional\s+documents|supporting\s+documents|documents)\s*:?\s*$/i;

/** A paper a page or agenda lists: its format and size where given ("PDF 245 KB"); a list that
 * gives only its length ("(8 pages)") gives neither. */
export type PaperLink = {
  title: string;
  mediaType?: string;
  sizeBytes?: number;
  line: Line;
  kind?: string;
  /** a paper of an item taken in private */
  part?: "II";
  /** the body a paper serves that no item links, such as a meeting's pack */
  body?: string;
};

export function readWebItem(titleLine: Line, titleText: string, rest: Line[]): WebItem {
  const item: WebItem = { title: linkTitle(titleText), restricted: false, files: [], minutes: [] };
  const own = linkedFile(titleText, titleLine, item.title);
  if (own) item.files.push(own);
  const description: Line[] = [];
  const marker = rest.findIndex((l) => MINUTES_MARKER.test(l.text));
  const before = marker >= 0 ? rest.slice(0, marker) : rest;
  for (const line of before) {
    const lead = LEAD.exec(line.text);
    if (lead?.[2]) {
      item.leadMember ??= readPerson(lead[2], true);
      item.leadLabel ??= lead[1];
      continue;
    }
    if (readPaperLine(item, line)) continue;
    if (DESCRIPTION_LABEL.test(line.text)) continue;
    description.push(line);
  }
  if (!own) knownByItemTitle(item);
  const text = joinProse(description).trim().replace(DESCRIPTION_LEAD, "");
  if (text !== "") item.description = text;
  if (marker < 0) return item;
  const sections = rest.slice(marker);
  const papersAt = sections.findIndex((l) => ADDITIONAL.test(l.text));
  // ModernGov's item page lists its "Supporting documents:" after the minutes.
  const papers = papersAt >= 0 ? sections.slice(papersAt) : [];
  const end = papers.findIndex((l) => MINUTES_MARKER.test(l.text));
  const listed = end >= 0 ? papers.slice(0, end) : papers;
  const kept = listed.filter((line) => !readPaperLine(item, line));
  item.minutes = minutesToRead(
    papersAt >= 0 ? [...sections.slice(0, papersAt), ...kept, ...papers.slice(listed.length)] : sections,
  );
  return item;
}

/** "Purpose:" over an item's description (or before it on its line), a label of the page's and
 * no part of what it says. */
const DESCRIPTION_LABEL_WORDS = String.raw`(?:purpose(?:\s+of\s+(?:the\s+)?(?:report|item))?|summary|description)\s*:`;
const DESCRIPTION_LABEL = new RegExp(`^${DESCRIPTION_LABEL_WORDS}$`, "i");
const DESCRIPTION_LEAD = new RegExp(`^${DESCRIPTION_LABEL_WORDS}\\s+(?=\\S)`, "i");

/** A line of an item's list of papers: the list's heading, a restricted paper's note, or a linked
 * paper, which joins the item's files. False for any other line. */
function readPaperLine(item: WebItem, line: Line): boolean {
  if (ADDITIONAL.test(line.text)) return true;
  if (RESTRICTED.test(line.text)) {
    item.restricted = true;
    return true;
  }
  const paper = paperTitle(line.text.replace(/^[-•*]\s+/, ""));
  const file = linkedFile(line.text, line, paper.title);
  if (!file) return false;
  item.files.push(paper.kind ? { ...file, kind: paper.kind } : file);
  return true;
}

/** "Committee report 25/00912/FUL (PDF 1,120KB)", "Appeals report (PDF 214KB)": an item whose
 * title carries no paper of its own lists its report first, and that report is known by the
 * item's title, as the first paper of an agenda row is. */
function knownByItemTitle(item: WebItem): void {
  const first = item.files[0];
  if (first && first.kind === undefined && /\breport\b/i.test(first.title))
    item.files[0] = { ...first, title: item.title };
}

/** A link's text as a title: without its size note, bracketed or not ("Agenda pack (PDF 2MB)"). */
export function linkTitle(text: string): string {
  return cleanTitle(text).replace(/\s*[([]\s*$/, "");
}

/** A paper's link text may say what it is: "Air Quality Plan - report" is the report on the air
 * quality plan, "Appendix 2 - Consultation Summary" an appendix. Otherwise its kind is left to its
 * place in the list. */
export function paperTitle(text: string): { title: string; kind?: string } {
  const title = linkTitle(text);
  const report = /^(.{3,}?)\s*[-–:]\s*(?:covering\s+|cover\s+|main\s+)?report$/i.exec(title);
  if (report?.[1]) return { title: report[1], kind: "report" };
  if (/^appendix\b/i.test(title)) return { title, kind: "appendix" };
  return { title };
}

/**
 * A page may show an item's "Decision:" and its "Minutes:" both, and the minutes often repeat the
 * decision with its votes. The minutes are read, and the decision after them only when the
 * minutes state none, so that one decision is not read twice.
 */
function minutesToRead(sections: Line[]): Line[] {
  const starts = sections.flatMap((l, n) => (MINUTES_MARKER.test(l.text) ? [n] : []));
  if (starts.length < 2) return sections.slice(1);
  const parts = starts.map((start, n) => ({
    isDecision: /^decisions?\b/i.test(sections[start]?.text ?? ""),
    lines: sections.slice(start + 1, starts[n + 1] ?? sections.length),
  }));
  const minutes = parts.filter((p) => !p.isDecision).flatMap((p) => p.lines);
  const decision = parts.filter((p) => p.isDecision).flatMap((p) => p.lines);
  if (minutes.length === 0 || decision.length === 0) return parts.flatMap((p) => p.lines);
  return findResolutions(minutes).drafts.length > 0 ? minutes : [...minutes, ...decision];
}

/** Papers linked from an agenda's rows ("Report (PDF, 520 KB)" in a Documents column): the first
 * is known by the item's title, the others by their link text. */
export function linkedFiles(lines: Line[], itemTitle: string): WebItem["files"] {
  const files: WebItem["files"] = [];
  for (const line of lines) {
    const cell = line.raw.split("\t").find((c) => LINKED_FILE.test(c));
    if (!cell) continue;
    const title = files.length === 0 ? itemTitle : linkTitle(cell.trim().replace(/^[-•*]\s+/, ""));
    const file = linkedFile(cell, line, title);
    if (file) files.push(file);
  }
  return files;
}

/** Papers an agenda lists by their length ("Minutes, 13 March 2025 (8 pages)", "Report (PDF, 12
 * pages)"): the first is known by the item's title, the others by their own. */
export function listedPapers(lines: Line[], itemTitle: string): PaperLink[] {
  return lines.map((line, n) => {
    const format = /\(\s*(PDF|Word|DOCX?)\s*,/i.exec(line.text)?.[1];
    const title = n === 0 ? itemTitle : line.text.replace(/\s*\([^()]*\)\s*$/, "").trim();
    return { title, line, ...(format ? { mediaType: mediaTypeOf(format) } : {}) };
  });
}

/** A pack of a meeting's papers as its page lists it: "Public Reports Pack (PDF, 94 pages)",
 * "Agenda reports pack PDF 5 MB", "Supplementary pack". */
export const PACK_TITLE = /\b(?:reports?|agenda|supplementary|public|private|document)\s+pack\b/i;
/** A paper kept from the public: "Private Reports Pack - not for publication". */
const PRIVATE_PAPER =
  /\bnot\s+for\s+publication\b|\bprivate\b|\bexempt\b|\bconfidential\b|\brestricted\b|\bpart\s+(?:ii|2)\b/i;
/** "Title (PDF, 94 pages)", "Title (12 pages)": a paper listed by its length. */
const LISTED_BY_LENGTH = /^(\S.*?)\s*\(\s*(?:(PDF|Word|DOCX?)\s*,\s*)?\d{1,5}\s+pages?\s*\)$/i;

/** The packs a meeting's page lists above its agenda, each an agenda pack; a pack not for
 * publication is Part II. Other papers listed there are left to the agenda's items. */
export function meetingPacks(lines: Line[]): PaperLink[] {
  return lines.flatMap((line) => {
    const text = line.text.replace(/^[-•*]\s+/, "");
    const listed = LISTED_BY_LENGTH.exec(text);
    const file = listed?.[1]
      ? { title: cleanTitle(listed[1]), line, ...(listed[2] ? { mediaType: mediaTypeOf(listed[2]) } : {}) }
      : linkedFile(text, line, linkTitle(text));
    if (!file || !PACK_TITLE.test(file.title)) return [];
    return [
      { ...file, kind: "agenda-pack", ...(PRIVATE_PAPER.test(file.title) ? { part: "II" as const } : {}) },
    ];
  });
}

function linkedFile(text: string, line: Line, title: string): WebItem["files"][number] | undefined {
  const m = LINKED_FILE.exec(text);
  if (!m || title === "") return undefined;
  const size = Number((m[2] ?? "").replaceAll(",", ""));
  const unit = (m[3] ?? "").toLowerCase();
  const factor = unit === "mb" ? 1024 * 1024 : unit === "bytes" ? 1 : 1024;
  return { title, mediaType: mediaTypeOf(m[1] ?? ""), sizeBytes: Math.round(size * factor), line };
}

export function mediaTypeOf(format: string): string {
  const f = format.toLowerCase();
  if (f === "pdf") return "application/pdf";
  if (f === "word" || f === "docx")
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (f === "doc") return "application/msword";
  if (f === "excel" || f === "xlsx")
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (f === "xls") return "application/vnd.ms-excel";
  return "text/html";
}

/** Adds the item's linked papers as documents: unless a paper's kind is known, the first is the
 * item's report, the rest appendices. */
export function addWebFiles(
  ctx: Context,
  files: WebItem["files"],
  where: { authority: string; body: string; date: string; itemKind?: string },
): string[] {
  return files.map((file, n) => {
    const doc: BundleDocument = {
      id: documentId(where.authority, where.body, where.date, file.title),
      title: file.title,
      kind: file.kind ?? (n === 0 ? firstPaperKind(where.itemKind) : "appendix"),
      ...(file.mediaType ? { mediaType: file.mediaType } : {}),
      ...(file.sizeBytes !== undefined ? { sizeBytes: file.sizeBytes } : {}),
      ...(file.part ? { part: file.part } : {}),
      ...(file.body ? { body: file.body } : {}),
      authority: where.authority,
      source: { file: ctx.doc.file, ...fileSpan(file) },
    };
    return ctx.out.document(doc);
  });
}

/** The paper of a "Minutes" item is the minutes; of a work-programme item, the programme. */
function firstPaperKind(itemKind: string | undefined): string {
  if (itemKind === "minutes" || itemKind === "work-programme") return itemKind;
  return "report";
}

/** A linked paper's provenance is its link text on the line ("Report (PDF, 520 KB)"), not the
 * item number or the cells before it. */
function fileSpan(file: WebItem["files"][number]): { from: number; to: number } {
  const { line } = file;
  const cells = line.raw.split("\t");
  let offset = 0;
  for (const cell of cells) {
    if (LINKED_FILE.test(cell)) {
      const lead = cell.length - cell.trimStart().replace(/^[-•*]\s+/, "").length;
      return { from: line.from + offset + lead, to: line.from + offset + cell.trimEnd().length };
    }
    offset += cell.length + 1;
  }
  // A paper listed on its own line: the line's words, not its indent.
  const indent = line.raw.length - line.raw.trimStart().length;
  return { from: line.from + indent, to: line.from + line.raw.trimEnd().length };
}

/** "The Head of Environmental Protection, Jo Bell, presented the report": an officer named after
 * their post, as minutes introduce the officer who brought an item. */
const PRESENTED_BY =
  /(?:^|[.;]\s+)The\s+((?:[A-Z][\w'’-]*\s+){0,3}(?:Director|Head|Manager|Officer|Executive|Lead|Planner|Solicitor|Accountant|Engineer|Advi[sz]er|Clerk|Treasurer)(?:\s+(?:of|for)\s+[^,.;()]{3,80}?)?),\s+([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}),\s+(?:presented|introduced)\b/g;

export function addPresentingOfficers(text: string, ctx: Context): void {
  for (const m of squash(text).slice(0, 200000).matchAll(PRESENTED_BY)) {
    const [, jobTitle, name] = m;
    if (!jobTitle || !name || TITLED_NAME.test(`${name} `)) continue;
    addPerson(ctx, { name, councillor: false, jobTitle });
  }
}

/** "Mr Tom Reid spoke against the application on behalf of the Mill Lane Residents' Association",
 * "Ms Ann Cole of Cole Planning Ltd, the applicant's agent, spoke in support": someone from outside
 * the council, named with an honorific, who spoke at the meeting, with the organisation they
 * spoke for. */
const PUBLIC_SPEAKER =
  /\b(Mrs|Mr|Ms|Miss|Mx|Dr)\.?\s+([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})(?:\s+of\s+((?:the\s+)?[A-Z][^,.;()]{2,60}?))?(?:,\s+[^,.;()]{3,60},)?\s+(?:spoke|addressed\s+the\s+(?:committee|panel|sub-committee|meeting))\b(?:[^.;]{0,80}?\bon\s+behalf\s+of\s+(?:the\s+)?([A-Z][^,.;()]{2,80}))?/g;

export function addPublicSpeakers(text: string, ctx: Context): void {
  for (const m of squash(text).slice(0, 200000).matchAll(PUBLIC_SPEAKER)) {
    const [, honorific, name] = m;
    const organisation = (m[4] ?? m[3])?.replace(/^the\s+/i, "").trim();
    if (!honorific || !name) continue;
    addPerson(ctx, {
      name,
      honorific,
      councillor: false,
      external: true,
      ...(organisation ? { organisation } : {}),
    });
  }
}
