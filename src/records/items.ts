import type { BundleItem, SourceSpan } from "../domain/bundle.js";
import type { Writer } from "./writer.js";

export type ItemFacts = {
  authorityId: number;
  meetingId: number;
  /** undefined keeps the stored place on the agenda */
  position: number | undefined;
  item: BundleItem;
  leadMemberId?: number;
  leadOfficerId?: number;
};

/** An agenda item is known by its printed number within its meeting. */
export async function saveItem(w: Writer, f: ItemFacts): Promise<{ id: number; changed: boolean }> {
  const { item } = f;
  return w.upsert(
    "agenda_items",
    { meeting_id: f.meetingId, number: item.number },
    {
      authority_id: f.authorityId,
      position: f.position,
      title: item.title,
      kind: item.kind,
      description: item.description,
      part: item.part,
      exempt_paragraph: item.exemptParagraph,
      is_late: item.late,
      urgency_reason: item.urgencyReason,
      is_key_decision: item.keyDecision,
      forward_plan_ref: item.forwardPlanRef,
      lead_member_id: f.leadMemberId,
      lead_officer_id: f.leadOfficerId,
      page_from: item.pages?.[0],
      page_to: item.pages?.[1],
      minutes: item.minutes,
      is_minutes_truncated: item.minutesTruncated,
    },
    { position: f.position ?? 1 },
  );
}

export async function linkItemDocument(w: Writer, itemId: number, documentId: number, position: number) {
  return w.link("item_documents", { item_id: itemId, document_id: documentId, position });
}

export async function saveDeclaration(
  w: Writer,
  d: { authorityId: number; itemId: number; personId: number; kind: string; nature?: string },
) {
  return w.upsert(
    "declarations",
    { item_id: d.itemId, person_id: d.personId, kind: d.kind },
    { authority_id: d.authorityId, nature: d.nature },
  );
}

/** Where an imported record came from: the source file and the character span of its text. */
export async function saveProvenance(
  w: Writer,
  authorityId: number,
  table: string,
  recordId: number,
  source: SourceSpan,
) {
  return w.upsert(
    "provenance",
    {
      record_table: table,
      record_id: recordId,
      source_file: source.file,
      source_from: source.from,
      source_to: source.to,
    },
    {},
    { authority_id: authorityId, imported_at: new Date().toISOString() },
  );
}
