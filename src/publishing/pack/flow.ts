// Pages as the typesetter fills them: a cursor moving down an A4 page, a new page when the
// next thing does not fit. Drawing is recorded as operations, not made, so that layout is pure
// and a paper's page count is known before anything is written to the PDF.

export type FontFace = "regular" | "bold";

/** The width of text in points: the typesetter's one question about fonts. */
export type Measure = (text: string, face: FontFace, size: number) => number;

export type DrawOp =
  | { op: "text"; x: number; y: number; text: string; face: FontFace; size: number }
  | { op: "line"; x1: number; y1: number; x2: number; y2: number; thickness: number }
  | { op: "fill"; x: number; y: number; width: number; height: number; grey: number }
  | { op: "image"; x: number; y: number; width: number; height: number; bytes: Uint8Array };

export type LaidOutPage = { ops: DrawOp[] };

export type PageGeometry = {
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
};

/** A4 in points, with margins of about 22 mm at the sides and room below for the page number. */
export const A4: PageGeometry = {
  width: 595.28,
  height: 841.89,
  marginTop: 64,
  marginBottom: 72,
  marginLeft: 64,
  marginRight: 64,
};

export class PageFlow {
  readonly geometry: PageGeometry;
  readonly pages: LaidOutPage[] = [];
  /** the top of the free space on the current page, in PDF points from the bottom */
  cursor: number;

  constructor(geometry: PageGeometry) {
    this.geometry = geometry;
    this.cursor = geometry.height - geometry.marginTop;
    this.pages.push({ ops: [] });
  }

  get left(): number {
    return this.geometry.marginLeft;
  }

  get width(): number {
    return this.geometry.width - this.geometry.marginLeft - this.geometry.marginRight;
  }

  get top(): number {
    return this.geometry.height - this.geometry.marginTop;
  }

  /** the height of a whole page's free space */
  get pageHeight(): number {
    return this.top - this.geometry.marginBottom;
  }

  get remaining(): number {
    return this.cursor - this.geometry.marginBottom;
  }

  get atTop(): boolean {
    return this.cursor >= this.top;
  }

  newPage(): void {
    this.pages.push({ ops: [] });
    this.cursor = this.top;
  }

  /** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
  ensure(height: number): void {
    if (height > this.remaining && !this.atTop) this.newPage();
  }

  /** Moves the cursor down, never past the bottom margin: space at a page's foot is dropped. */
  skip(points: number): void {
    if (this.atTop) return;
    this.cursor = Math.max(this.geometry.marginBottom, this.cursor - points);
  }

  draw(op: DrawOp): void {
    const page = this.pages.at(-1);
    if (page) page.ops.push(op);
  }
}
