import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { ExtractedText } from "../types.js";
import { joinPages } from "./normalise.js";
import { layoutPage, type PdfTextItem } from "./pdf-layout.js";
import { indexOf } from "./sniff.js";
import { FileProblem, libraryDetail, tooMuchText } from "./problems.js";

// PDF text with pdf.js, page by page, so every offset has a page number. Runs inside the
// extraction worker (worker-client.ts), which enforces the time and memory limits: pdf.js is
// a large parser of untrusted input and a damaged file can keep it busy for a long time.

const PDFJS = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

export async function readPdf(bytes: Uint8Array, file: string, maxChars: number): Promise<ExtractedText> {
  assertComplete(bytes);
  const task = getDocument({
    data: bytes,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    // Standard fonts and CMaps map glyphs to characters in PDFs that do not embed them.
    standardFontDataUrl: join(PDFJS, "standard_fonts") + "/",
    cMapUrl: join(PDFJS, "cmaps") + "/",
    cMapPacked: true,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      throw openingProblem(error);
    });
    const pages: string[] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const text = layoutPage(content.items.flatMap((item) => ("str" in item ? [textItem(item)] : [])));
      page.cleanup();
      chars += text.length + 1;
      if (chars > maxChars) throw new FileProblem(tooMuchText(maxChars));
      pages.push(text);
    }
    const title = await documentTitle(pdf.getMetadata());
    return { file, format: "pdf", ...joinPages(pages), ...(title ? { title } : {}) };
  } finally {
    await task.destroy();
  }
}

type PdfJsItem = { str: string; transform: number[]; width: number; height: number };

function textItem(item: PdfJsItem): PdfTextItem {
  const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
  return { str: item.str, x, y, width: item.width, height: item.height || Math.hypot(c, d) };
}

/**
 * A PDF ends with "%%EOF" (within the last 1024 bytes, PDF 1.7 section 7.5.5). pdf.js reads
 * on without it and would import the pages that survived, so a cut-short file is refused here.
 */
function assertComplete(bytes: Uint8Array): void {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] ?? 0) <= 0x20) end--;
  const tail = bytes.subarray(Math.max(0, end - 1024), end);
  if (indexOf(tail, [0x25, 0x25, 0x45, 0x4f, 0x46]) === -1) {
    throw new FileProblem("is truncated or damaged: the PDF stops before its end-of-file marker");
  }
}

function openingProblem(error: unknown): Error {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") return new FileProblem("is encrypted: Witan cannot read protected PDFs");
  return new FileProblem(`is a damaged PDF (${libraryDetail(error)})`);
}

async function documentTitle(metadata: Promise<{ info: object }>): Promise<string | undefined> {
  const info = await metadata.then((m) => m.info).catch(() => undefined);
  if (!info || !("Title" in info) || typeof info.Title !== "string") return undefined;
  const title = info.Title.replace(/\s+/g, " ").trim();
  return title === "" ? undefined : title;
}
