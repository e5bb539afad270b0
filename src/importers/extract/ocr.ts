import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio/slim";
import type { WitanError } from "../../errors.js";
import type { ExtractedText } from "../types.js";
import { joinPages } from "./normalise.js";
import { layoutPage, type PdfTextItem } from "./pdf-layout.js";
import { libraryDetail, tooMuchText, unreadable } from "./problems.js";

// Scanned PDFs, read by OCR with Debian's tools: poppler's pdfinfo counts the pages and pdftoppm
// renders each one to a greyscale image, which tesseract reads. One page at a time, so that a
// long file needs the disk space of one page image, and every tool runs under a time limit and
// is killed when it passes. The tools are run directly, never through a shell. Tesseract gives
// its words with their places on the page (hOCR) rather than plain text, so that pdf-layout.ts
// lays out a scanned page by the rules a typed one follows: plain text keeps the page's line
// breaks, and a wrapped "Minutes of the meeting held on …" would not be read as one line.

export type OcrOptions = {
  /** most text one file may yield */
  maxChars: number;
  /** most pages read by OCR; a longer file is refused (default 300) */
  maxPages?: number;
  /** longest one page may take to render and read (default one minute) */
  pageTimeLimitMs?: number;
  /** where the tools are looked for, as PATH is; default this process's PATH */
  searchPath?: string;
  /** where the temporary folder of page images is made; default the system's */
  tempRoot?: string;
};

export const OCR_MAX_PAGES = 300;
export const OCR_PAGE_TIME_LIMIT_MS = 60_000;

const RESOLUTION = "300";
// Tesseract's "single column of text of variable sizes": a page of minutes is one column,
// read top to bottom, with headings larger than the text.
const SINGLE_COLUMN = "4";
// pdfinfo and tesseract print little; this only bounds a tool gone wrong.
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

const PACKAGES = "install the Debian packages tesseract-ocr, tesseract-ocr-eng and poppler-utils";

/** A scanned PDF's text, read by OCR: one text per page, as readPdf gives a PDF's. */
export async function readPdfByOcr(
  bytes: Uint8Array,
  file: string,
  options: OcrOptions,
): Promise<ExtractedText> {
  const maxPages = options.maxPages ?? OCR_MAX_PAGES;
  const pageTimeLimitMs = options.pageTimeLimitMs ?? OCR_PAGE_TIME_LIMIT_MS;
  const folder = await mkdtemp(join(options.tempRoot ?? tmpdir(), "witan-ocr-"));
  try {
    const pdf = join(folder, "scan.pdf");
    await writeFile(pdf, bytes);
    const run = toolRunner(file, pageTimeLimitMs, options.searchPath);
    const info = await run("pdfinfo", [pdf], Date.now() + pageTimeLimitMs);
    const pageCount = Number(/^Pages:\s*(\d+)\s*$/m.exec(info)?.[1] ?? "0");
    if (pageCount > maxPages) {
      throw unreadable(
        file,
        `has no text to read, and its ${pageCount} pages are more than the ${maxPages} that Witan ` +
          "reads by OCR from one file: split it into smaller files",
      );
    }
    const pages: string[] = [];
    let chars = 0;
    for (let n = 1; n <= pageCount; n++) {
      const deadline = Date.now() + pageTimeLimitMs;
      const image = join(folder, `page-${n}`);
      const page = String(n);
      await run(
        "pdftoppm",
        ["-r", RESOLUTION, "-gray", "-f", page, "-l", page, "-singlefile", pdf, image],
        deadline,
      );
      const hocr = await run(
        "tesseract",
        [`${image}.pgm`, "stdout", "-l", "eng", "--psm", SINGLE_COLUMN, "--dpi", RESOLUTION, "hocr"],
        deadline,
      );
      await rm(`${image}.pgm`, { force: true });
      const text = layoutPage(hocrWords(hocr));
      chars += text.length + 1;
      if (chars > options.maxChars) throw unreadable(file, tooMuchText(options.maxChars));
      pages.push(text);
    }
    return { file, format: "pdf", ...joinPages(pages), ocr: true };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

type Tool = "pdfinfo" | "pdftoppm" | "tesseract";
type RunTool = (tool: Tool, args: string[], deadline: number) => Promise<string>;

function toolRunner(file: string, pageTimeLimitMs: number, searchPath: string | undefined): RunTool {
  // Tesseract's OpenMP threads spin waiting for each other: on one page, one thread is about three
  // times quicker (0.5 s against 1.5 s, measured with tesseract 5.3 on two cores).
  const env = {
    ...process.env,
    OMP_THREAD_LIMIT: "1",
    ...(searchPath === undefined ? {} : { PATH: searchPath }),
  };
  const tooSlow = () => {
    const seconds = Math.round(pageTimeLimitMs / 1000);
    return unreadable(
      file,
      `took longer than ${seconds} seconds to read one page by OCR, so Witan stopped reading it`,
    );
  };
  return (tool, args, deadline) => {
    const timeout = deadline - Date.now();
    if (timeout <= 0) return Promise.reject(tooSlow());
    return new Promise((resolve, reject) => {
      execFile(
        tool,
        args,
        { env, timeout, killSignal: "SIGKILL", maxBuffer: MAX_OUTPUT_BYTES, encoding: "utf8" },
        (error, stdout, stderr) => {
          if (error) reject(toolProblem(file, tool, error, stderr, tooSlow));
          else resolve(stdout);
        },
      );
    });
  };
}

function toolProblem(
  file: string,
  tool: Tool,
  error: Error,
  stderr: string,
  tooSlow: () => WitanError,
): WitanError {
  const code = "code" in error ? error.code : undefined;
  if (code === "ENOENT") return notInstalled(file, tool);
  // Node kills a tool that runs past its timeout, or that writes more than maxBuffer.
  const killed = "killed" in error && error.killed === true;
  if (killed && code !== "ERR_CHILD_PROCESS_STDIO_MAXBUFFER") return tooSlow();
  if (tool === "tesseract" && /Failed loading language/i.test(stderr)) {
    return notInstalled(file, "tesseract's English language data");
  }
  const signal = "signal" in error && typeof error.signal === "string" ? error.signal : undefined;
  const detail =
    stderr.trim() !== ""
      ? libraryDetail(stderr.trim().split("\n").at(-1))
      : signal
        ? `stopped by ${signal}`
        : `exit code ${String(code)}`;
  return unreadable(
    file,
    `has no text to read, and OCR could not read its scanned pages (${tool}: ${detail})`,
  );
}

function notInstalled(file: string, what: string): WitanError {
  return unreadable(
    file,
    `has no text to read: its pages are probably scanned images, and reading them by OCR needs ` +
      `${what}, which is not installed (${PACKAGES})`,
  );
}

/**
 * The words of one page of tesseract's hOCR (https://kba.github.io/hocr-spec/1.2/), placed as a
 * PDF's text items are, so that a scanned page is laid out as a typed one is (pdf-layout.ts):
 * lines, paragraph breaks, table columns and wrapped lines joined. Each line's title gives its
 * box, baseline and letter size, and each word's its box. Every word of a line sits on the line's
 * baseline, where it starts at the left; measured there, a slightly skewed scan still has its
 * lines evenly spaced.
 */
export function hocrWords(hocr: string): PdfTextItem[] {
  const $ = cheerio.load(hocr);
  const words: PdfTextItem[] = [];
  $(".ocr_line, .ocr_caption, .ocr_header, .ocr_textfloat").each((_, lineElement) => {
    const line = $(lineElement);
    const title = line.attr("title") ?? "";
    const [, top = 0, , bottom = top] = numbers(title, "bbox");
    const [, offset = 0] = numbers(title, "baseline");
    const [size = bottom - top] = numbers(title, "x_size");
    // PDF coordinates run up the page; image rows run down it.
    const y = -(bottom + offset);
    line.find(".ocrx_word").each((_, wordElement) => {
      const word = $(wordElement);
      // The Latin ligatures tesseract sometimes reads ("ﬁ") are the letters they stand for.
      const text = word
        .text()
        .replace(/[\uFB00-\uFB06]/g, (ligature) => ligature.normalize("NFKC"))
        .trim();
      if (text === "") return;
      const [left = 0, , right = left] = numbers(word.attr("title") ?? "", "bbox");
      // A space after each word: tesseract found the words apart, however close they are printed.
      words.push({ str: `${text} `, x: left, width: right - left, y, height: Math.max(size, 1) });
    });
  });
  return words;
}

function numbers(title: string, property: string): number[] {
  const found = title.split(";").find((part) => part.trim().startsWith(`${property} `));
  return (found?.trim().split(/\s+/).slice(1) ?? []).map(Number).filter(Number.isFinite);
}
