import { PDFName, type PDFDocument } from "pdf-lib";
import { packTitle } from "./front-matter.js";
import type { PackFacts } from "./types.js";
import { longDate } from "./wording.js";

// The document's own description: title (shown in the viewer's title bar rather than the file
// name, as PDF/UA asks), author, subject, language, producer, and page labels that match the
// printed numbers, so "go to page 7" in a viewer opens the page printed "Page 7".
// The dates come from the facts, never the clock: the same inputs give the same bytes, and so
// the same content hash and ETag.

/** Part of every pack's input hash. Bump it with any change to the compiler that changes the
 * bytes it writes: the cache finds packs by their inputs, and would otherwise serve old ones. */
export const PACK_COMPILER_VERSION = "1";

export function setMetadata(doc: PDFDocument, facts: PackFacts, frontPages: number): void {
  doc.setTitle(packTitle(facts), { showInWindowTitleBar: true });
  doc.setAuthor(facts.authority.name);
  const restricted = facts.audience === "restricted" ? " Restricted: contains exempt information." : "";
  const what = facts.kind === "supplement" ? "Late items and their papers" : "The agenda and papers";
  doc.setSubject(
    `${what} for the meeting of the ${facts.body.name} on ${longDate(facts.meeting.date)}.${restricted}`,
  );
  doc.setKeywords(["agenda", facts.kind === "supplement" ? "supplement" : "agenda pack", facts.body.name]);
  doc.setLanguage("en-GB");
  doc.setCreator("Witan");
  doc.setProducer(`Witan agenda-pack compiler ${PACK_COMPILER_VERSION} (pdf-lib)`);
  const date = new Date(`${facts.meeting.publishedOn ?? facts.meeting.date}T00:00:00Z`);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.catalog.set(
    PDFName.of("PageLabels"),
    doc.context.obj({ Nums: [0, { S: "r" }, frontPages, { S: "D", St: 1 }] }),
  );
}
