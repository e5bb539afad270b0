import { createHash } from "node:crypto";
import type {
  PackItemRecord,
  PackMeetingRecord,
  PackMemberRecord,
  PackPaperRecord,
} from "../../records/packs.js";
import {
  DOCX,
  PDF,
  type PackFacts,
  type PackItem,
  type PackKind,
  type PackPaper,
  type PaperSource,
} from "./types.js";

// From records to the compiler's facts. Where each paper's content comes from is decided here,
// by asking the file store whether it holds the original, so that the choice is part of the
// input hash: a pack built from a paper's text is rebuilt once its original file arrives.

export type FilePresence = { has(key: string): Promise<boolean> };

export async function packFacts(
  records: { meeting: PackMeetingRecord; members: PackMemberRecord[]; items: PackItemRecord[] },
  request: { kind: PackKind; audience: PackFacts["audience"] },
  files: FilePresence,
): Promise<PackFacts> {
  const { meeting } = records;
  const items: PackItem[] = [];
  for (const item of records.items) {
    if (item.withheld) {
      items.push(item);
      continue;
    }
    const papers: PackPaper[] = [];
    for (const paper of item.papers) papers.push(await packPaper(paper, files));
    items.push({ ...item, papers });
  }
  return {
    kind: request.kind,
    audience: request.audience,
    authority: meeting.authority,
    body: { name: meeting.body.name },
    meeting: {
      slug: meeting.slug,
      date: meeting.date,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
      venue: meeting.venue,
      status: meeting.status,
      publishedOn: meeting.publishedOn,
      contact: meeting.contact,
      webcastUrl: meeting.webcastUrl,
    },
    members: records.members,
    items,
  };
}

async function packPaper(paper: PackPaperRecord, files: FilePresence): Promise<PackPaper> {
  const source = await paperSource(paper, files);
  const contentHash =
    source.kind === "pdf" || source.kind === "docx"
      ? source.fileKey
      : source.kind === "text"
        ? createHash("sha256").update(source.text).digest("hex")
        : `missing:${source.mediaType ?? ""}`;
  return {
    key: paper.key,
    title: paper.title,
    part: paper.part,
    exemptParagraph: paper.exemptParagraph,
    source,
    contentHash,
  };
}

/** The original file when the store holds it in a form the compiler reads (PDF, DOCX); else
 * the extracted text; else nothing. */
async function paperSource(paper: PackPaperRecord, files: FilePresence): Promise<PaperSource> {
  const kind = paper.mediaType === PDF ? "pdf" : paper.mediaType === DOCX ? "docx" : undefined;
  if (kind && paper.fileKey && (await files.has(paper.fileKey))) return { kind, fileKey: paper.fileKey };
  if (paper.text && paper.text.trim() !== "") return { kind: "text", text: paper.text };
  return { kind: "missing", mediaType: paper.mediaType };
}
