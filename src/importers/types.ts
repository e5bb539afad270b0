import type { Bundle } from "../domain/bundle.js";

// The contract between the two halves of the importers: extraction turns a file's bytes into
// one normalised text form; parsing turns that text into a bundle. Character offsets into
// `text` are the provenance every imported record keeps (bundle `source: { file, from, to }`).

export type SourceFormat = "text" | "html" | "pdf" | "docx";

export type ExtractedText = {
  /** the file's name as the user gave it (its base name), used in provenance and messages */
  file: string;
  format: SourceFormat;
  /** normalised: "\n" line ends, Unicode NFC, no NULs; pages separated by "\f" (form feed) */
  text: string;
  /** the offset in `text` where each page starts; [0] for a text without pages */
  pageStarts: number[];
  /** the document's own title where the format carries one (HTML <title>, DOCX properties) */
  title?: string;
  /** links in an HTML page, with the span of their text in `text` */
  links?: { text: string; href: string; from: number; to: number }[];
  /** the text was read by OCR from images of the pages, so its words may be misread */
  ocr?: true;
};

/** Facts the user supplies for what a document does not state; they never override the document. */
export type ImportHints = { authority?: string; body?: string; date?: string; issue?: string };

export type ParsedDocument = {
  bundle: Bundle;
  /** what the recognisers found, in order, e.g. ["front-sheet", "agenda", "minutes", "report"] */
  parts: string[];
  warnings: string[];
};
