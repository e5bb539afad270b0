// The typesetter's input: a paper as a sequence of blocks in reading order. Plain text, DOCX
// (through mammoth's HTML) and the pack's own front sheet and agenda all become blocks, so one
// typesetter lays out everything the pack prints.

export type ParagraphStyle = "body" | "small" | "title" | "subtitle";

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  /** A paragraph keeps its own line breaks (an address, a signature block). */
  | { kind: "paragraph"; text: string; style?: ParagraphStyle; bold?: boolean; indent?: number }
  | { kind: "list-item"; marker: string; text: string; level: number; bold?: boolean }
  | { kind: "table"; rows: string[][]; hasHeader: boolean }
  | { kind: "image"; format: "png" | "jpeg"; bytes: Uint8Array; alt: string }
  | { kind: "page-break" }
  | { kind: "space"; points: number };

/** Characters that extracted text carries but no font should draw: Symbol-font bullets in the
 * private use area, soft hyphens, zero-width marks, stray control characters. */
export function cleanText(text: string): string {
  const cleaned = text
    .replace(/[\uf0a7\uf0b7\uf0d8\uf076\uf0fc]/g, "•")
    .replace(/[\u00ad\u200b-\u200d\ufeff]/g, "")
    .replace(/\t/g, " ");
  // Control characters other than the line break, which paragraphs keep.
  let out = "";
  for (const char of cleaned) {
    const code = char.charCodeAt(0);
    if (code === 10 || (code >= 32 && code !== 127)) out += char;
  }
  return out;
}
