import type { PDFDocument, PDFImage, PDFPage } from "pdf-lib";
import { PageContent, type FontEncoder } from "./content.js";
import type { FontFace, LaidOutPage, Measure, PageGeometry } from "./flow.js";
import { A4 } from "./flow.js";

// Turns the typesetter's recorded operations into PDF pages.

export type PackFontSet = Record<FontFace, FontEncoder>;

const RULE_GREY = 0.35;

export function drawPage(
  doc: PDFDocument,
  laidOut: LaidOutPage,
  fonts: PackFontSet,
  images: Map<Uint8Array, PDFImage>,
  geometry: PageGeometry = A4,
): PDFPage {
  const page = doc.addPage([geometry.width, geometry.height]);
  const content = new PageContent(page);
  for (const op of laidOut.ops) {
    switch (op.op) {
      case "text":
        content.text(fonts[op.face], op.text, { x: op.x, y: op.y, size: op.size });
        break;
      case "line":
        content.line(op.x1, op.y1, op.x2, op.y2, op.thickness, RULE_GREY);
        break;
      case "fill":
        content.fill(op.x, op.y, op.width, op.height, op.grey);
        break;
      case "image": {
        const image = images.get(op.bytes);
        if (image) content.image(image, op.x, op.y, op.width, op.height);
        break;
      }
    }
  }
  content.finish({ compress: true });
  return page;
}

export function fontMeasure(fonts: PackFontSet): Measure {
  return (text, face, size) => fonts[face].width(text, size);
}
