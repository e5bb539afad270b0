import { PDFDocument, PDFName, type PDFImage, type PDFPage } from "pdf-lib";
import type { Block } from "./blocks.js";
import { FontEncoder } from "./content.js";
import { sharedFontkit } from "./fontkit-cache.js";
import { drawPage, fontMeasure, type PackFontSet } from "./draw.js";
import type { LaidOutPage } from "./flow.js";
import type { PackFonts } from "./fonts.js";
import { agendaBlocks, frontSheetBlocks } from "./front-matter.js";
import { layout } from "./layout.js";
import { setMetadata } from "./metadata.js";
import { addOutline, type OutlineEntry } from "./outline.js";
import { paperError, readPaper, type FileReader, type ReadPaper } from "./papers.js";
import { frontMatterPadding, planPages, type PagePlan } from "./plan.js";
import { stamp, type Stamp } from "./stamp.js";
import type { OpenItem, PackFacts, PackPaper } from "./types.js";
import { exemptBanner } from "./wording.js";

// The pack compiler: facts and papers in, PDF bytes out. It does no I/O of its own: papers'
// bytes come from the file reader and the fonts' bytes from the caller. It either returns a
// whole pack or throws; it never leaves anything behind.

export type CompileDeps = {
  files: FileReader;
  fonts: PackFonts;
  /** called as papers are read and placed, for a progress bar */
  onProgress?: (done: number, total: number) => void;
};

export type CompiledPack = {
  bytes: Uint8Array;
  pageCount: number;
  /** pages before page 1: the front sheet and agenda, and a blank page if they need one */
  frontPages: number;
  plan: PagePlan;
};

export const BLANK_PAGE_NOTICE = "This page is intentionally left blank";

/** OpenType shaping off: pdf-lib draws glyphs at their advance widths and ignores positioning
 * anyway, ligatures would make copied text harder to search, and shaping every line was most of
 * the time a pack took to build (fontkit's lookups: 5 times slower with them on). */
const NO_SHAPING = Object.fromEntries(
  ["liga", "clig", "rlig", "calt", "rclt", "kern", "ccmp", "locl", "mark", "mkmk", "curs"].map((f) => [
    f,
    false,
  ]),
);

type Prepared = { paper: PackPaper; read: ReadPaper; pages: LaidOutPage[] };

export async function compilePack(facts: PackFacts, deps: CompileDeps): Promise<CompiledPack> {
  assertPublicSafe(facts);
  const out = await PDFDocument.create({ updateMetadata: false });
  out.registerFontkit(sharedFontkit);
  // A fixed subset tag (PDF 1.7, 9.6.4) rather than pdf-lib's random one: the same inputs
  // must give the same bytes.
  const fonts: PackFontSet = {
    regular: new FontEncoder(
      await out.embedFont(deps.fonts.regular, {
        subset: true,
        customName: "WITANR+DejaVuSans",
        features: NO_SHAPING,
      }),
    ),
    bold: new FontEncoder(
      await out.embedFont(deps.fonts.bold, {
        subset: true,
        customName: "WITANB+DejaVuSans-Bold",
        features: NO_SHAPING,
      }),
    ),
  };
  const measure = fontMeasure(fonts);
  const images = new Map<Uint8Array, PDFImage>();
  const items = facts.items.map((item) => (item.withheld ? undefined : item));
  const paperCount = items.reduce((n, item) => n + (item?.papers.length ?? 0), 0);
  let done = 0;
  const progress = () => deps.onProgress?.(++done, paperCount * 2 + 1);

  // 1. Read every paper and lay out the typeset ones: page counts before anything is placed.
  const prepared: Prepared[][] = [];
  for (const item of items) {
    const papers: Prepared[] = [];
    for (const paper of item?.papers ?? []) {
      const read = await readPaper(paper, item?.number ?? "", deps.files);
      let pages: LaidOutPage[] = [];
      if (read.kind === "blocks") {
        await embedImages(out, read.blocks, images, paper, item?.number ?? "");
        pages = layout(read.blocks, measure, { imageSize: (bytes) => sizeOf(images, bytes) });
      }
      papers.push({ paper, read, pages });
      progress();
    }
    prepared.push(papers);
  }
  const plan = planPages(
    prepared.map((papers) =>
      papers.map((p) => (p.read.kind === "pdf" ? p.read.document.getPageCount() : p.pages.length)),
    ),
  );

  // 2. The front sheet and agenda, now that the ranges are known.
  const sheet = layout(frontSheetBlocks(facts), measure);
  const agenda = layout(agendaBlocks(facts, plan), measure);
  for (const page of [...sheet, ...agenda]) drawPage(out, page, fonts, images);
  const blanks = new Set<PDFPage>();
  if (frontMatterPadding(sheet.length + agenda.length) === 1) blanks.add(out.addPage(A4_SIZE));
  const frontPages = out.getPageCount();

  // 3. The papers, each followed by a blank page where the next must start on a right-hand page.
  const outline: OutlineEntry[] = [
    { title: "Front sheet", page: pageRef(out, 0), children: [] },
    { title: "Agenda", page: pageRef(out, sheet.length), children: [] },
  ];
  const stamps = new Map<PDFPage, Stamp[]>();
  const addStamp = (page: PDFPage, s: Stamp) => stamps.set(page, [...(stamps.get(page) ?? []), s]);
  for (const [i, papers] of prepared.entries()) {
    const item = items[i];
    if (!item || papers.length === 0) continue;
    const children: OutlineEntry[] = [];
    for (const [p, { paper, read, pages }] of papers.entries()) {
      const placed = await placePaper(out, read, pages, fonts, images, paper, item.number);
      if (paper.part === "II" || item.part === "II") {
        const banner = exemptBanner(paper.exemptParagraph ?? item.exemptParagraph, facts.authority.nation);
        for (const page of placed)
          addStamp(page, { text: banner, font: fonts.bold, size: 9, at: "top-left" });
      }
      const opening = placed[0];
      if (opening) {
        addStamp(opening, {
          text: `Agenda item ${item.number}`,
          font: fonts.bold,
          size: 10,
          at: "top-right",
        });
      }
      if (opening) children.push({ title: paper.title, page: opening.ref, children: [] });
      if (plan.papers[i]?.[p]?.padded) blanks.add(out.addPage(A4_SIZE));
      progress();
    }
    const opening = children[0];
    if (opening) outline.push({ title: itemTitle(item), page: opening.page, children });
  }

  // 4. Page numbers on every page after the agenda; the notice on every blank page.
  for (const [index, page] of out.getPages().entries()) {
    const own = stamps.get(page) ?? [];
    if (blanks.has(page)) own.push({ text: BLANK_PAGE_NOTICE, font: fonts.regular, size: 12, at: "middle" });
    if (index >= frontPages) {
      own.push({ text: `Page ${index - frontPages + 1}`, font: fonts.regular, size: 9, at: "foot" });
    }
    stamp(page, own);
  }
  addOutline(out, outline);
  setMetadata(out, facts, frontPages);
  // Object streams halve the file (847 KB to 414 KB for the 300-page benchmark) for little time.
  // pdf-lib yields to the event loop every 50 objects by default, which made a 300-page pack
  // several times slower; a pack is written in one go instead (tens of milliseconds).
  const bytes = await out.save({ addDefaultPage: false, useObjectStreams: true, objectsPerTick: Infinity });
  progress();
  return { bytes, pageCount: out.getPageCount(), frontPages, plan };
}

/** The records layer gives a public pack no exempt item or paper; if one arrives all the same,
 * that is a bug, and the pack is not built rather than built with exempt information in it. */
function assertPublicSafe(facts: PackFacts): void {
  if (facts.audience !== "public") return;
  for (const item of facts.items) {
    if (item.withheld) continue;
    if (item.part === "II" || item.papers.some((paper) => paper.part === "II")) {
      throw new Error(`Item ${item.number} holds exempt material and cannot go into a public pack`);
    }
  }
}

const A4_SIZE: [number, number] = [595.28, 841.89];

function itemTitle(item: OpenItem): string {
  return `${item.number}. ${item.title}`;
}

function pageRef(doc: PDFDocument, index: number) {
  const page = doc.getPage(index);
  return page.ref;
}

async function placePaper(
  out: PDFDocument,
  read: ReadPaper,
  pages: LaidOutPage[],
  fonts: PackFontSet,
  images: Map<Uint8Array, PDFImage>,
  paper: PackPaper,
  itemNumber: string,
): Promise<PDFPage[]> {
  if (read.kind === "blocks") return pages.map((page) => drawPage(out, page, fonts, images));
  try {
    const copied = await out.copyPages(read.document, read.document.getPageIndices());
    for (const page of copied) {
      // The original's structure tree is not copied, so its pages' keys into it would dangle.
      page.node.delete(PDFName.of("StructParents"));
      out.addPage(page);
    }
    return copied;
  } catch (error) {
    throw paperError(
      paper,
      itemNumber,
      `cannot be copied into the pack (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

async function embedImages(
  out: PDFDocument,
  blocks: Block[],
  images: Map<Uint8Array, PDFImage>,
  paper: PackPaper,
  itemNumber: string,
): Promise<void> {
  for (const block of blocks) {
    if (block.kind !== "image" || images.has(block.bytes)) continue;
    try {
      images.set(
        block.bytes,
        block.format === "png" ? await out.embedPng(block.bytes) : await out.embedJpg(block.bytes),
      );
    } catch (error) {
      throw paperError(
        paper,
        itemNumber,
        `holds an image that cannot be read (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
}

function sizeOf(images: Map<Uint8Array, PDFImage>, bytes: Uint8Array): { width: number; height: number } {
  const image = images.get(bytes);
  return image ? { width: image.width, height: image.height } : { width: 1, height: 1 };
}
