import { basename } from "node:path";
import type { ExtractedText } from "../types.js";
import { isBlank } from "./normalise.js";
import { readPdfByOcr } from "./ocr.js";
import { extractPlain } from "./plain.js";
import { FORMATS_READ, unreadable } from "./problems.js";
import { sniff } from "./sniff.js";
import { extractInWorker } from "./worker-client.js";

// Extraction: a file's bytes to the one normalised text form of src/importers/types.ts.
// The format comes from the bytes, not the name: PDF and ZIP (Word) by their signatures,
// HTML by its content, anything else that decodes as text is text. PDF, Word and HTML are read
// in the extraction worker, which can be stopped; plain text is read here.

export type ExtractOptions = {
  /** longest a PDF, Word or HTML file may take; default one minute plus two seconds a megabyte */
  timeLimitMs?: number;
  /** most text one file may yield (default 20 million characters) */
  maxChars?: number;
  /** heap for the PDF, Word and HTML reader (default 2048 MB) */
  maxMemoryMb?: number;
};

export const DEFAULT_MAX_CHARS = 20_000_000;

export async function extractText(
  bytes: Uint8Array,
  fileName: string,
  options: ExtractOptions = {},
): Promise<ExtractedText> {
  const file = basename(fileName);
  if (bytes.length === 0) throw unreadable(file, "is empty");
  const extracted = await byFormat(bytes, file, options);
  if (!isBlank(extracted.text)) return extracted;
  if (extracted.format !== "pdf") throw unreadable(file, "has no text to read");
  // A PDF without text is most often a scan: its pages are images, read by OCR.
  const scanned = await readPdfByOcr(bytes, file, { maxChars: options.maxChars ?? DEFAULT_MAX_CHARS });
  if (isBlank(scanned.text)) {
    throw unreadable(
      file,
      "has no text to read, even by OCR: its pages hold no words that OCR could make out",
    );
  }
  return extracted.title ? { ...scanned, title: extracted.title } : scanned;
}

function byFormat(bytes: Uint8Array, file: string, options: ExtractOptions): Promise<ExtractedText> {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const sniffed = sniff(bytes);
  if (sniffed.kind === "other")
    return Promise.reject(unreadable(file, `is ${sniffed.what}: ${FORMATS_READ}`));
  const limits = {
    timeLimitMs: options.timeLimitMs ?? 60_000 + (2_000 * bytes.length) / 1_000_000,
    maxMemoryMb: options.maxMemoryMb ?? 2048,
  };
  if (sniffed.kind === "pdf") return extractInWorker({ format: "pdf", file, bytes, maxChars }, limits);
  if (sniffed.kind === "zip") return extractInWorker({ format: "docx", file, bytes, maxChars }, limits);
  try {
    const plain = extractPlain(bytes, file, maxChars);
    if (plain !== "html") return Promise.resolve(plain);
  } catch (error) {
    return Promise.reject(error);
  }
  return extractInWorker({ format: "html", file, bytes, maxChars }, limits);
}
