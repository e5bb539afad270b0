import type { BundleDocument } from "../../domain/bundle.js";
import type { Context } from "./context.js";
import { documentId } from "./ids.js";
import { cleanTitle } from "./item-kinds.js";
import { joinProse, type Line } from "./lines.js";
import { LINKED_FILE } from "./patterns.js";
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
};

export function readWebItem(titleLine: Line, titleText: string, rest: Line[]): WebItem {
  const item: WebItem = { title: cleanTitle(titleText), restricted: false, files: [], minutes: [] };
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
    if (ADDITIONAL.test(line.text)) continue;
    if (RESTRICTED.test(line.text)) {
      item.restricted = true;
      continue;
    }
    const file = linkedFile(line.text, line, cleanTitle(line.text.replace(/^[-•*]\s+/, "")));
    if (file) {
      item.files.push(file);
      continue;
    }
    description.push(line);
  }
  const text = joinProse(description).trim();
  if (text !== "") item.description = text;
  if (marker >= 0) item.minutes = minutesToRead(rest.slice(marker));
  return item;
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
    const title = files.length === 0 ? itemTitle : cleanTitle(cell.trim().replace(/^[-•*]\s+/, ""));
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

function linkedFile(text: string, line: Line, title: string): WebItem["files"][number] | undefined {
  const m = LINKED_FILE.exec(text);
  if (!m || title === "") return undefined;
  const size = Number(m[2]);
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
