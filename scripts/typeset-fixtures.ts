// Prints the typeset fixtures (test/importers/parse/typeset/*.html) to PDF as councils' own
// software would: headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core, as
// test/browser/ launches it) with its running heads and page numbers, and, for a few, LibreOffice
// Writer as a second producer (a word processor lays text out differently from a browser). The PDFs
// are committed, so test/importers/parse/typeset.test.ts needs neither program.
//
// Run: node --import tsx scripts/typeset-fixtures.ts [name …]
// (needs /usr/bin/chromium; the .lo.pdf files need soffice: apt-get install libreoffice-writer-nogui)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PDFDocument } from "pdf-lib";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../test/browser/support/portal.js";

const FOLDER = fileURLToPath(new URL("../test/importers/parse/typeset/", import.meta.url));

type Typeset = {
  name: string;
  /** the line printed at the head of every page: the body and the meeting's date */
  runningHead?: string;
  /** the page number at the foot: "Page 3" or "Page 3 of 8" */
  foot: "page" | "page-of";
  landscape?: boolean;
  /** an agenda pack: its front sheet and agenda (the sections marked data-pack="cover") go
   * unnumbered, and its papers' pages are numbered from 1, as a pack's are */
  pack?: boolean;
  /** also printed by LibreOffice Writer, as <name>.lo.pdf */
  libreOffice?: boolean;
};

const TYPESET: Typeset[] = [
  {
    name: "harrowdale-planning-minutes",
    runningHead: "Planning Committee - 7 March 2024",
    foot: "page-of",
    libreOffice: true,
  },
  {
    name: "tynemere-combined-authority-board-agenda",
    runningHead: "Combined Authority Board, 23 July 2024",
    foot: "page",
  },
  { name: "harrowdale-cabinet-report", foot: "page-of", libreOffice: true },
  { name: "wexcombe-scrutiny-work-programme", foot: "page-of", landscape: true },
  { name: "kestrel-bay-cabinet-decision-notices", foot: "page-of" },
  { name: "marston-vale-full-council-minutes", runningHead: "Full Council - 25 July 2024", foot: "page" },
  { name: "plymouth-wellbeing-scrutiny-2017-09-20-agenda-pack", foot: "page", pack: true },
];

// Chromium draws the templates in the page margins, outside the page's own styles: each sets its
// font and size (they inherit none) and the page's side margins.
function headerTemplate(doc: Typeset): string {
  if (!doc.runningHead) return "<span></span>";
  const rule = "border-bottom: 0.5pt solid #000; padding-bottom: 2pt";
  return `<div style="${marginStyle(doc)}; text-align: right; ${rule}">${escape(doc.runningHead)}</div>`;
}

function footerTemplate(doc: Typeset): string {
  const number = '<span class="pageNumber"></span>';
  const of = doc.foot === "page-of" ? ' of <span class="totalPages"></span>' : "";
  return `<div style="${marginStyle(doc)}; text-align: center">Page ${number}${of}</div>`;
}

function margins(doc: Typeset) {
  return { top: "22mm", bottom: "20mm", left: doc.landscape ? "15mm" : "22mm", right: "18mm" };
}

function marginStyle(doc: Typeset): string {
  const { left, right } = margins(doc);
  return `width: 100%; margin: 0 ${right} 0 ${left}; font: 9pt 'Liberation Sans', sans-serif`;
}

async function print(browser: Browser, doc: Typeset, hidden?: string, furniture = true): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.goto(pathToFileURL(join(FOLDER, `${doc.name}.html`)).href);
    if (hidden) await page.addStyleTag({ content: `${hidden} { display: none !important; }` });
    return await page.pdf({
      format: "A4",
      landscape: doc.landscape ?? false,
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: furniture,
      headerTemplate: headerTemplate(doc),
      footerTemplate: footerTemplate(doc),
      margin: margins(doc),
    });
  } finally {
    await page.close();
  }
}

/** A pack in two printings, joined: the front sheet and agenda unnumbered, then the papers. */
async function printPack(browser: Browser, doc: Typeset): Promise<Uint8Array> {
  const cover = await PDFDocument.load(await print(browser, doc, 'section:not([data-pack="cover"])', false));
  const papers = await PDFDocument.load(await print(browser, doc, 'section[data-pack="cover"]'));
  const pack = await PDFDocument.create();
  for (const part of [cover, papers]) {
    for (const page of await pack.copyPages(part, part.getPageIndices())) pack.addPage(page);
  }
  pack.setTitle(cover.getTitle() ?? doc.name);
  return pack.save();
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The same HTML through LibreOffice Writer, with the running head and page number as Writer's own
 * header and footer (its HTML filter reads a div titled "header" or "footer" as one). */
function writeWithLibreOffice(doc: Typeset): void {
  const work = mkdtempSync(join(tmpdir(), "witan-typeset-"));
  try {
    const html = readFileSync(join(FOLDER, `${doc.name}.html`), "utf8");
    const source = join(work, `${doc.name}.lo.html`);
    writeFileSync(
      source,
      html.replace(/<body[^>]*>/, (body) => `${body}\n${writerFurniture(doc)}`),
    );
    // Through Writer's own format first: straight from HTML, Writer gives the header and footer
    // to the first page only.
    soffice(work, ["--infilter=HTML (StarWriter)", "--convert-to", "odt", "--outdir", work, source]);
    soffice(work, ["--convert-to", "pdf", "--outdir", work, join(work, `${doc.name}.lo.odt`)]);
    renameSync(join(work, `${doc.name}.lo.pdf`), join(FOLDER, `${doc.name}.lo.pdf`));
    console.log(`${doc.name}.lo.pdf`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function soffice(work: string, args: string[]): void {
  const profile = `-env:UserInstallation=${pathToFileURL(join(work, "profile")).href}`;
  const run = spawnSync("soffice", [profile, "--headless", ...args], { encoding: "utf8" });
  if (run.error)
    throw new Error(`soffice did not run (apt-get install libreoffice-writer-nogui): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`soffice ${args.join(" ")} failed: ${run.stderr}`);
}

function writerFurniture(doc: Typeset): string {
  // Writer's own fields for the page number and the page count, as its HTML export writes them.
  const number = "<sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield>";
  const of = doc.foot === "page-of" ? " of <sdfield type=DOCSTAT subtype=PAGE format=PAGE>1</sdfield>" : "";
  const head = doc.runningHead
    ? `<div title="header"><p align="right">${escape(doc.runningHead)}</p></div>`
    : "";
  return `${head}<div title="footer"><p align="center">Page ${number}${of}</p></div>`;
}

const wanted = process.argv.slice(2);
const documents = TYPESET.filter((d) => wanted.length === 0 || wanted.includes(d.name));

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
try {
  for (const doc of documents) {
    const pdf = doc.pack ? await printPack(browser, doc) : await print(browser, doc);
    writeFileSync(join(FOLDER, `${doc.name}.pdf`), pdf);
    console.log(`${doc.name}.pdf`);
  }
} finally {
  await browser.close();
}

for (const doc of documents.filter((d) => d.libreOffice)) writeWithLibreOffice(doc);
