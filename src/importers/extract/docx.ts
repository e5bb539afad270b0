import mammoth from "mammoth";
import type { ExtractedText } from "../types.js";
import { labelParagraphs, paragraphLabels, readNumbering } from "./docx-numbering.js";
import { htmlToText } from "./html.js";
import { FileProblem, FORMATS_READ, libraryDetail, tooMuchText } from "./problems.js";
import { readZipDirectory, readZipEntry, ZipError, type ZipEntry } from "./zip.js";

// A Word document: mammoth turns it into HTML (headings, paragraphs, lists, tables, links),
// which then takes the same road to text as a web page. Runs inside the extraction worker.

/** Word text is small beside its ZIP; more than this unpacked is a "zip bomb", not minutes. */
const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

export async function readDocx(bytes: Uint8Array, file: string, maxChars: number): Promise<ExtractedText> {
  const entries = directory(bytes);
  if (!entries.some((entry) => entry.name === "word/document.xml")) {
    throw new FileProblem(`is ${zipKind(entries)}, not a Word document: ${FORMATS_READ}`);
  }
  const unpacked = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw new FileProblem("unpacks to more than 1 GB, more than Witan reads from one Word document");
  }
  const labels = numberLabels(bytes, entries);
  const html = await mammoth
    .convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Pictures are dropped (their alt text is kept); linked files are never fetched.
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
        externalFileAccess: false,
        ...(labels ? { transformDocument: labelParagraphs(labels) } : {}),
      },
    )
    .then((result) => result.value)
    .catch((error: unknown) => {
      throw new FileProblem(`is a damaged Word document (${libraryDetail(error)})`);
    });
  const extracted = htmlToText(html, file, "docx");
  if (extracted.text.length > maxChars) throw new FileProblem(tooMuchText(maxChars));
  const title = coreTitle(bytes, entries);
  return { ...extracted, ...(title ? { title } : {}) };
}

/** Word's automatic numbering, worked out from the list definitions (docx-numbering.ts). A
 * document whose lists cannot be read keeps mammoth's plain lists. */
function numberLabels(bytes: Uint8Array, entries: ZipEntry[]): (string | undefined)[] | undefined {
  const read = (name: string) => {
    const entry = entries.find((e) => e.name === name);
    return entry ? new TextDecoder().decode(readZipEntry(bytes, entry, 64 * 1024 * 1024)) : undefined;
  };
  try {
    const numbering = read("word/numbering.xml");
    const document = numbering === undefined ? undefined : read("word/document.xml");
    if (numbering === undefined || document === undefined) return undefined;
    return paragraphLabels(document, readNumbering(numbering, read("word/styles.xml") ?? ""));
  } catch {
    return undefined;
  }
}

function directory(bytes: Uint8Array): ZipEntry[] {
  try {
    return readZipDirectory(bytes);
  } catch (error) {
    if (error instanceof ZipError) throw new FileProblem(`is a damaged Word or ZIP file: ${error.message}`);
    throw error;
  }
}

function zipKind(entries: ZipEntry[]): string {
  const names = entries.map((entry) => entry.name);
  if (names.some((name) => name.startsWith("xl/"))) return "an Excel workbook";
  if (names.some((name) => name.startsWith("ppt/"))) return "a PowerPoint presentation";
  if (names.includes("content.xml")) return "an OpenDocument file";
  return "a ZIP archive";
}

/** The title in the document's properties (docProps/core.xml), where the author gave one. */
function coreTitle(bytes: Uint8Array, entries: ZipEntry[]): string | undefined {
  const core = entries.find((entry) => entry.name === "docProps/core.xml");
  if (!core) return undefined;
  try {
    const xml = new TextDecoder().decode(readZipEntry(bytes, core, 1024 * 1024));
    const raw = /<dc:title>([^<]*)<\/dc:title>/.exec(xml)?.[1];
    const title = raw === undefined ? "" : decodeXmlText(raw).replace(/\s+/g, " ").trim();
    return title === "" ? undefined : title;
  } catch {
    return undefined;
  }
}

function decodeXmlText(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref.startsWith("#x") || ref.startsWith("#X"))
      return safeCodePoint(Number.parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith("#")) return safeCodePoint(Number.parseInt(ref.slice(1), 10), whole);
    return named[ref] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
