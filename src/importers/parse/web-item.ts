import type { BundleDocument } from "../../domain/bundle.js";
import type { Context } from "./context.js";
import { documentId } from "./ids.js";
import { cleanTitle } from "./item-kinds.js";
import { joinProse, type Line } from "./lines.js";
import { LINKED_FILE } from "./patterns.js";
import { readPerson, type PersonRef } from "./people.js";

// An item as council web pages (ModernGov and the like) show it: the title with its linked
// paper ("pdf icon PDF 94 KB"), the lead member, a line of description, "Additional documents:",
// then "Minutes:" or "Decision:" and the minute's text.

export type WebItem = {
  title: string;
  files: { title: string; mediaType: string; sizeBytes: number; line: Line }[];
  description?: string;
  leadMember?: PersonRef;
  /** the label that named the lead member: "Cabinet Member", "Portfolio Holder" */
  leadLabel?: string;
  minutes: Line[];
};

const MINUTES_MARKER = /^(?:minutes|decision|decisions|minute)\s*:?\s*$/i;
const LEAD = /^(cabinet\s+member|portfolio\s+holder|lead\s+member|executive\s+member)s?\s*:\s*(.+)$/i;
const ADDITIONAL = /^(?:additional\s+documents|supporting\s+documents|documents)\s*:?\s*$/i;

export function readWebItem(titleLine: Line, titleText: string, rest: Line[]): WebItem {
  const item: WebItem = { title: cleanTitle(titleText), files: [], minutes: [] };
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
    const file = linkedFile(line.text, line, cleanTitle(line.text));
    if (file) {
      item.files.push(file);
      continue;
    }
    description.push(line);
  }
  const text = joinProse(description).trim();
  if (text !== "") item.description = text;
  if (marker >= 0) item.minutes = rest.slice(marker + 1);
  return item;
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

/** Adds the item's linked papers as documents: the first is the item's report, the rest appendices. */
export function addWebFiles(
  ctx: Context,
  files: WebItem["files"],
  where: { authority: string; body: string; date: string },
): string[] {
  return files.map((file, n) => {
    const doc: BundleDocument = {
      id: documentId(where.authority, where.body, where.date, file.title),
      title: file.title,
      kind: n === 0 ? "report" : "appendix",
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      authority: where.authority,
      source: { file: ctx.doc.file, from: file.line.from, to: file.line.to },
    };
    return ctx.out.document(doc);
  });
}
