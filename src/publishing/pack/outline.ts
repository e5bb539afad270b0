import { PDFHexString, PDFName, type PDFDocument, type PDFRef } from "pdf-lib";

// The pack's bookmarks (the PDF outline): the front sheet, the agenda, then an entry per item
// with one child per paper, each opening its first page. pdf-lib has no outline API, so the
// outline dictionaries (PDF 1.7, section 12.3.3) are written here directly.

export type OutlineEntry = { title: string; page: PDFRef; children: OutlineEntry[] };

export function addOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  if (entries.length === 0) return;
  const context = doc.context;
  const rootRef = context.nextRef();
  const visible = writeLevel(doc, entries, rootRef);
  context.assign(
    rootRef,
    context.obj({ Type: "Outlines", First: visible.first, Last: visible.last, Count: visible.count }),
  );
  doc.catalog.set(PDFName.of("Outlines"), rootRef);
  // Open the outline beside the first page: a reader sees the pack's structure at once.
  doc.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}

type Level = { first: PDFRef; last: PDFRef; count: number };

function writeLevel(doc: PDFDocument, entries: OutlineEntry[], parent: PDFRef): Level {
  const context = doc.context;
  const refs = entries.map(() => context.nextRef());
  let count = 0;
  for (const [index, entry] of entries.entries()) {
    const ref = refs[index];
    if (!ref) continue;
    const dict = context.obj({
      // Hex strings in UTF-16, so titles with curly quotes and accents survive.
      Title: PDFHexString.fromText(entry.title),
      Parent: parent,
      Dest: [entry.page, "Fit"],
    });
    const previous = refs[index - 1];
    const next = refs[index + 1];
    if (previous) dict.set(PDFName.of("Prev"), previous);
    if (next) dict.set(PDFName.of("Next"), next);
    count += 1;
    if (entry.children.length > 0) {
      const children = writeLevel(doc, entry.children, ref);
      dict.set(PDFName.of("First"), children.first);
      dict.set(PDFName.of("Last"), children.last);
      // A positive count: the entry is shown open, its papers listed under it.
      dict.set(PDFName.of("Count"), context.obj(children.count));
      count += children.count;
    }
    context.assign(ref, dict);
  }
  const first = refs[0];
  const last = refs.at(-1);
  if (!first || !last) throw new Error("An outline level needs entries");
  return { first, last, count };
}
