// The one normal form of extracted text (src/importers/types.ts): "\n" line ends, Unicode NFC,
// no control characters but "\n", "\t" and "\f", and "\f" between pages. Every format's extractor
// cleans its pieces with `cleanText` before it measures offsets, so the offsets it records
// (links, page starts) stay true in the final text.

// C0 controls but \t (09), \n (0A) and \f (0C); DEL; C1 controls, which in text decoded as
// Windows-1252 or Latin-1 only ever come from binary noise. \r is handled before this runs.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000D-\u001F\u007F-\u009F]/g;
const BYTE_ORDER_MARK = /\uFEFF/g;
const LINE_BREAKS = /\r\n?|\u2028|\u2029|\u0085/g;

/** Line ends to "\n", NFC, and control characters, NULs and byte-order marks removed. */
export function cleanText(text: string): string {
  return text.replace(LINE_BREAKS, "\n").replace(CONTROL, "").replace(BYTE_ORDER_MARK, "").normalize("NFC");
}

/** A cleaned text that may hold form feeds (pdftotext writes them): its pages and where each starts. */
export function pagedText(cleaned: string): { text: string; pageStarts: number[] } {
  // A trailing form feed ends the last page rather than starting an empty one.
  const text = cleaned.replace(/\f+$/, "");
  const pageStarts = [0];
  for (let at = text.indexOf("\f"); at !== -1; at = text.indexOf("\f", at + 1)) pageStarts.push(at + 1);
  return { text, pageStarts };
}

/** Joins pages with form feeds; each page is cleaned and has no form feed of its own. */
export function joinPages(pages: string[]): { text: string; pageStarts: number[] } {
  const pageStarts: number[] = [];
  let offset = 0;
  const cleaned = pages.map((page) => {
    const text = cleanText(page).replace(/\f/g, "\n");
    pageStarts.push(offset);
    offset += text.length + 1;
    return text;
  });
  return { text: cleaned.join("\f"), pageStarts: pageStarts.length ? pageStarts : [0] };
}

/** True when the text holds nothing but whitespace and page breaks. */
export function isBlank(text: string): boolean {
  return !/\S/.test(text);
}
