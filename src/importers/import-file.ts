import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { recordsNothing, type BundleDocument } from "../domain/bundle.js";
import { parseBundle } from "../domain/bundle-validate.js";
import { WitanError } from "../errors.js";
import { sha256, type FileStore } from "../records/files.js";
import { extractText, type ExtractOptions } from "./extract/index.js";
import { parseDocument } from "./parse/index.js";
import type { ExtractedText, ImportHints, ParsedDocument, SourceFormat } from "./types.js";
import { isIsoDate } from "../domain/calendar.js";

// One council document in, one bundle out: read the file (refusing one too big before reading
// it), extract its text, parse that into a bundle, and give the document that stands for the
// whole file its SHA-256, keeping the original bytes in the file store. Nothing here writes to
// the database; the caller loads the bundle, so a file that fails anywhere writes nothing.

export type ParseDocument = (doc: ExtractedText, hints: ImportHints) => ParsedDocument;

export type ImportFileOptions = {
  hints?: ImportHints;
  /** the largest file read, in bytes (default 100 MB) */
  maxBytes?: number;
  /** where the original bytes are kept; none for a dry run, which writes nothing */
  store?: FileStore;
  extract?: ExtractOptions;
  /** the parser; tests give their own, everything else uses src/importers/parse */
  parse?: ParseDocument;
};

export type ImportedFile = ParsedDocument & {
  file: string;
  format: SourceFormat;
  sha256: string;
  /** the file's text was read by OCR from scanned pages */
  ocr?: true;
};

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

export async function importFile(path: string, options: ImportFileOptions = {}): Promise<ImportedFile> {
  const file = basename(path);
  const hints = checkHints(options.hints ?? {});
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = await fileSize(path);
  if (size > maxBytes) {
    throw new WitanError(
      "FILE_UNREADABLE",
      `${file} is ${size.toLocaleString("en-GB")} bytes, more than the ${megabytes(maxBytes)} ` +
        "Witan imports from one file (witan import --max-size raises the limit)",
    );
  }
  const bytes = new Uint8Array(await readFile(path));
  const extracted = await extractText(bytes, file, options.extract);
  const parse = options.parse ?? parseDocument;
  const parsed = withFileName(file, () => parse(extracted, hints));
  if (recordsNothing(parsed.bundle)) {
    throw new WitanError(
      "DOCUMENT_UNRECOGNISED",
      `${file}: Witan does not recognise this document's layout; it found no agenda, minutes, report, ` +
        "work programme or other part it knows",
    );
  }
  const key = sha256(bytes);
  const whole = wholeFileDocument(parsed.bundle.documents, extracted);
  if (whole) {
    whole.sha256 = key;
    whole.mediaType ??= MEDIA_TYPES[extracted.format];
    whole.sizeBytes ??= bytes.length;
  }
  withFileName(file, () => parseBundle(parsed.bundle));
  if (whole && options.store) await options.store.put(bytes);
  return { ...parsed, file, format: extracted.format, sha256: key, ...(extracted.ocr ? { ocr: true } : {}) };
}

const NAMED_HINTS: ("authority" | "body" | "issue")[] = ["authority", "body", "issue"];

/** Hints are checked once, here, for every caller: a date must be a real day. */
export function checkHints(hints: ImportHints): ImportHints {
  const checked: ImportHints = {};
  for (const field of NAMED_HINTS) {
    const value = hints[field]?.replace(/\s+/g, " ").trim();
    if (value === "") throw new WitanError("BAD_INPUT", `--${field} must not be empty`);
    if (value !== undefined) checked[field] = value;
  }
  if (hints.date !== undefined) {
    if (!isIsoDate(hints.date)) {
      throw new WitanError("BAD_INPUT", `--date must be a real date written YYYY-MM-DD, not "${hints.date}"`);
    }
    checked.date = hints.date;
  }
  return checked;
}

async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new WitanError("FILE_UNREADABLE", `${path} is not a file`);
    return info.size;
  } catch (error) {
    if (error instanceof WitanError) throw error;
    const code = error instanceof Error && "code" in error ? error.code : undefined;
    if (code === "ENOENT") throw new WitanError("FILE_UNREADABLE", `no such file: ${path}`);
    if (code === "EACCES")
      throw new WitanError("FILE_UNREADABLE", `${path} cannot be read: permission denied`);
    throw error;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString("en-GB", { maximumFractionDigits: 1 })} MB`;
}

/** Runs a step whose errors must name the file; a WitanError that does not is given its name. */
function withFileName<T>(file: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof WitanError && !error.message.includes(file)) {
      throw new WitanError(error.code, `${file}: ${error.message}`, error.details);
    }
    throw error;
  }
}

/**
 * The document that is the file itself, as opposed to documents it mentions or contains: an
 * agenda pack (which holds the others), else the one document whose source spans nearly all of
 * the file's text (a report, a set of minutes). A web page that lists documents has none.
 */
function wholeFileDocument(
  documents: BundleDocument[],
  extracted: ExtractedText,
): BundleDocument | undefined {
  const own = documents.filter((doc) => doc.source?.file === extracted.file);
  const pack = own.find((doc) => /^agenda[\s_-]?pack$/i.test(doc.kind));
  if (pack) return pack;
  const length = extracted.text.trimEnd().length;
  return own.find((doc) => doc.source && doc.source.to - doc.source.from >= length * 0.9);
}

const MEDIA_TYPES: Record<SourceFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html",
  text: "text/plain",
};
