import type { BundleDocument } from "../domain/bundle.js";
import type { Writer } from "./writer.js";

/** A document is known by its key (the bundle's id) within its authority. */
export async function saveDocument(
  w: Writer,
  authorityId: number,
  doc: BundleDocument,
  bodyId: number | undefined,
): Promise<{ id: number; changed: boolean }> {
  return w.upsert(
    "documents",
    { authority_id: authorityId, key: doc.id },
    {
      title: doc.title,
      kind: doc.kind,
      media_type: doc.mediaType,
      size_bytes: doc.sizeBytes,
      text: doc.text,
      part: doc.part ?? "I",
      exempt_paragraph: doc.exemptParagraph,
      is_published: true,
      published_on: doc.published,
      author: doc.author,
      publisher: doc.publisher,
      url: doc.url,
      body_id: bodyId,
      source_file: doc.source?.file,
      source_from: doc.source?.from,
      source_to: doc.source?.to,
      sha256: doc.sha256,
      file_key: doc.sha256,
    },
  );
}
