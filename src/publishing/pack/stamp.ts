import type { PDFPage } from "pdf-lib";
import { PageContent, type FontEncoder } from "./content.js";

// Text stamped on a finished page: the page number at the foot, "Agenda item 5" at the top
// right of a paper's first page, "NOT FOR PUBLICATION" across the top of an exempt paper, and
// the notice on a blank page. Pages of original PDFs may be any size, offset, or rotated for
// display (/Rotate), so positions are given as the reader sees the page and mapped back to the
// page's own coordinates.

export type Stamp = {
  text: string;
  font: FontEncoder;
  size: number;
  /** where on the page as displayed */
  at: "foot" | "top-left" | "top-right" | "middle";
};

const EDGE = 28;

export function stamp(page: PDFPage, stamps: Stamp[]): void {
  const box = page.getCropBox();
  const rotation = ((page.getRotation().angle % 360) + 360) % 360;
  const sideways = rotation === 90 || rotation === 270;
  // The displayed page's size.
  const shownWidth = sideways ? box.height : box.width;
  const shownHeight = sideways ? box.width : box.height;
  const content = new PageContent(page);
  for (const { text, font, size, at } of stamps) {
    const width = font.width(text, size);
    const [vx, vy] = position(at, width, size, shownWidth, shownHeight);
    // Displayed coordinates back to the page's own, for each /Rotate (clockwise on display).
    const [x, y] =
      rotation === 90
        ? [box.x + box.width - vy, box.y + vx]
        : rotation === 180
          ? [box.x + box.width - vx, box.y + box.height - vy]
          : rotation === 270
            ? [box.x + vy, box.y + box.height - vx]
            : [box.x + vx, box.y + vy];
    content.text(font, text, { x, y, size, rotate: rotation });
  }
  content.finish({ compress: false });
}

function position(
  at: Stamp["at"],
  width: number,
  size: number,
  shownWidth: number,
  shownHeight: number,
): [number, number] {
  switch (at) {
    case "foot":
      return [(shownWidth - width) / 2, EDGE - size / 2];
    case "top-right":
      return [shownWidth - EDGE - width, shownHeight - EDGE];
    case "top-left":
      return [EDGE, shownHeight - EDGE];
    case "middle":
      return [(shownWidth - width) / 2, shownHeight / 2];
  }
}
