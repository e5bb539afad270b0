import type { Db } from "../../db/connect.js";
import type { Row } from "../../db/schema.js";
import type { Writer } from "../writer.js";
import { findItemRecord, type ItemRecord } from "./meetings.js";

// Documents in the back office: a paper uploaded to an agenda item, its page and its file.
// A paper belongs to its item's meeting for who may read it: the item's body decides who reads
// a Part II paper, and the meeting's agenda decides when it is published.

export type DocumentRecord = ItemRecord & { document: Row<"documents"> };

/** The document with the first item it is a paper of; null for none, or a paper of no item
 * (those come from imports and are not the back office's to show). */
export async function findDocumentRecord(db: Db, documentId: number): Promise<DocumentRecord | null> {
  const document = await db
    .selectFrom("documents")
    .selectAll()
    .where("id", "=", documentId)
    .executeTakeFirst();
  if (!document) return null;
  const link = await db
    .selectFrom("item_documents")
    .select("item_id")
    .where("document_id", "=", documentId)
    .orderBy("item_id")
    .executeTakeFirst();
  if (!link) return null;
  const item = await findItemRecord(db, link.item_id);
  return item === null ? null : { ...item, document };
}

export type NewPaper = {
  title: string;
  kind: string;
  part: "I" | "II";
  exemptParagraph: string | null;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  text: string;
};

/** Adds an uploaded paper to an item, after its others; published with the item's agenda. */
export async function addItemPaper(w: Writer, record: ItemRecord, paper: NewPaper): Promise<number> {
  const { item, meeting } = record;
  const last = await w.trx
    .selectFrom("item_documents")
    .select((eb) => eb.fn.max("position").as("position"))
    .where("item_id", "=", item.id)
    .executeTakeFirst();
  const position = Number(last?.position ?? 0) + 1;
  const id = await w.insert("documents", {
    authority_id: meeting.authority_id,
    // The bundle's natural key, unique in the authority: the item, the paper's place, its file.
    key: `item-${item.id}-paper-${position}-${paper.sha256.slice(0, 12)}`,
    title: paper.title,
    kind: paper.kind,
    media_type: paper.mediaType,
    size_bytes: paper.sizeBytes,
    sha256: paper.sha256,
    file_key: paper.sha256,
    text: paper.text,
    part: paper.part,
    exempt_paragraph: paper.exemptParagraph,
    is_published: meeting.is_agenda_published,
    published_on: meeting.is_agenda_published ? meeting.agenda_published_on : null,
    body_id: meeting.body_id,
  });
  await w.link("item_documents", {
    item_id: item.id,
    document_id: id,
    position,
  });
  return id;
}

/** Publishes the papers of a meeting's items with its agenda; returns their ids. */
export async function publishMeetingPapers(w: Writer, meetingId: number, on: string): Promise<number[]> {
  const papers = await w.trx
    .selectFrom("documents as d")
    .innerJoin("item_documents as link", "link.document_id", "d.id")
    .innerJoin("agenda_items as i", "i.id", "link.item_id")
    .selectAll("d")
    .where("i.meeting_id", "=", meetingId)
    .where("d.is_published", "=", false)
    .execute();
  for (const paper of papers) await w.update("documents", paper, { is_published: true, published_on: on });
  return papers.map((paper) => paper.id);
}
