import type { Block, ParagraphStyle } from "./blocks.js";
import { A4, PageFlow, type FontFace, type LaidOutPage, type Measure, type PageGeometry } from "./flow.js";
import { layoutTable } from "./table-layout.js";
import { STYLES, baseline, wrap, type TextStyle } from "./wrap.js";

// The typesetter: blocks in, pages of drawing operations out, in reading order. Content is
// drawn in the order it is read (heading, paragraph, list, table row by row), so text
// extraction and screen readers meet it in that order too.

export type ImageSize = (bytes: Uint8Array) => { width: number; height: number };

export type LayoutOptions = { geometry?: PageGeometry; imageSize?: ImageSize };

const PARAGRAPH_AFTER = 7;
const LIST_AFTER = 3;
const LIST_INDENT = 18;
const HEADINGS = {
  1: { style: STYLES.h1, before: 12, after: 6 },
  2: { style: STYLES.h2, before: 10, after: 4 },
  3: { style: STYLES.h3, before: 8, after: 3 },
} as const;
const PARAGRAPH_STYLES: Record<ParagraphStyle, TextStyle> = {
  body: STYLES.body,
  small: STYLES.small,
  title: STYLES.title,
  subtitle: STYLES.subtitle,
};

export function layout(blocks: Block[], measure: Measure, options: LayoutOptions = {}): LaidOutPage[] {
  const flow = new PageFlow(options.geometry ?? A4);
  for (const [index, block] of blocks.entries()) {
    switch (block.kind) {
      case "heading": {
        const { style, before, after } = HEADINGS[block.level];
        flow.skip(before);
        const lines = wrap(block.text, style, flow.width, measure);
        // A heading is never the last thing on a page: keep it with two lines of what follows.
        const next = blocks[index + 1];
        const following = next && next.kind !== "page-break" ? STYLES.body.leading * 2 : 0;
        flow.ensure(lines.length * style.leading + following);
        writeLines(flow, lines, style, flow.left);
        flow.skip(after);
        break;
      }
      case "paragraph": {
        const style = PARAGRAPH_STYLES[block.style ?? "body"];
        const face = block.bold ? "bold" : style.face;
        const styled = { ...style, face };
        const indent = block.indent ?? 0;
        const lines = wrap(block.text, styled, flow.width - indent, measure);
        writeLines(flow, lines, styled, flow.left + indent);
        flow.skip(PARAGRAPH_AFTER);
        break;
      }
      case "list-item": {
        const face: FontFace = block.bold ? "bold" : STYLES.body.face;
        const style = { ...STYLES.body, face };
        const indent = block.level * LIST_INDENT;
        const hanging = Math.max(LIST_INDENT, measure(block.marker, style.face, style.size) + 6);
        const lines = wrap(block.text, style, flow.width - indent - hanging, measure);
        flow.ensure(style.leading);
        flow.draw({
          op: "text",
          x: flow.left + indent,
          y: flow.cursor - baseline(style),
          text: block.marker,
          face: style.face,
          size: style.size,
        });
        writeLines(flow, lines, style, flow.left + indent + hanging);
        flow.skip(LIST_AFTER);
        break;
      }
      case "table":
        layoutTable(flow, block.rows, block.hasHeader, measure);
        flow.skip(PARAGRAPH_AFTER);
        break;
      case "image":
        layoutImage(flow, block.bytes, block.alt, options.imageSize, measure);
        break;
      case "page-break":
        if (!flow.atTop) flow.newPage();
        break;
      case "space":
        flow.skip(block.points);
        break;
    }
  }
  return flow.pages;
}

/** Lines of one style from the cursor down, carrying over to new pages as they fill. */
export function writeLines(flow: PageFlow, lines: string[], style: TextStyle, x: number): void {
  for (const line of lines) {
    flow.ensure(style.leading);
    if (line !== "") {
      flow.draw({
        op: "text",
        x,
        y: flow.cursor - baseline(style),
        text: line,
        face: style.face,
        size: style.size,
      });
    }
    flow.cursor -= style.leading;
  }
}

function layoutImage(
  flow: PageFlow,
  bytes: Uint8Array,
  alt: string,
  imageSize: ImageSize | undefined,
  measure: Measure,
): void {
  if (!imageSize) {
    writeLines(
      flow,
      wrap(`[Image${alt ? `: ${alt}` : ""}]`, STYLES.small, flow.width, measure),
      STYLES.small,
      flow.left,
    );
    return;
  }
  const natural = imageSize(bytes);
  // Images are shown at their natural size (72 dpi points) or shrunk to fit the page, never enlarged.
  const scale = Math.min(1, flow.width / natural.width, flow.pageHeight / natural.height);
  const width = natural.width * scale;
  const height = natural.height * scale;
  flow.ensure(height);
  flow.draw({ op: "image", x: flow.left, y: flow.cursor - height, width, height, bytes });
  flow.cursor -= height;
  flow.skip(PARAGRAPH_AFTER);
}
