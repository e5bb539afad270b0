import { PDFHexString, type PDFFont, type PDFImage, type PDFPage } from "pdf-lib";

// Writing a page's content as one stream of PDF operators. pdf-lib's page.drawText runs
// fontkit's text layout for every string it draws, and measuring does it again; with OpenType
// shaping off (compile.ts) a string's glyphs are just its characters' glyphs, so each character
// is encoded and measured once per pack and strings are put together from those. A 300-page
// pack spent most of its time in that layout before; now it spends milliseconds.

/** One embedded font: each character encoded and measured once. */
export class FontEncoder {
  readonly font: PDFFont;
  readonly #codes = new Map<string, string>();
  readonly #widths = new Map<string, number>();

  constructor(font: PDFFont) {
    this.font = font;
  }

  /** The glyph codes of the text, as the font's Identity-H encoding writes them. */
  encode(text: string): PDFHexString {
    let hex = "";
    for (const char of text) {
      let code = this.#codes.get(char);
      if (code === undefined) {
        // pdf-lib's subset embedder also records the glyph here, so the subset includes it.
        code = this.font.encodeText(char).asString();
        this.#codes.set(char, code);
      }
      hex += code;
    }
    return PDFHexString.of(hex);
  }

  width(text: string, size: number): number {
    let units = 0;
    for (const char of text) {
      let width = this.#widths.get(char);
      if (width === undefined) {
        width = this.font.widthOfTextAtSize(char, 1);
        this.#widths.set(char, width);
      }
      units += width;
    }
    return units * size;
  }
}

export type TextOptions = { x: number; y: number; size: number; rotate?: number };

/** Numbers as a content stream writes them: at most three decimals, no exponent. */
function n(value: number): string {
  const fixed = value.toFixed(3);
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

/** The operators of one page, written as PDF content-stream text (PDF 1.7, section 8 and 9)
 * and added to the page as a single new stream. Writing the few operators the pack uses
 * directly is several times quicker than building pdf-lib's operator objects for each. */
export class PageContent {
  readonly #page: PDFPage;
  readonly #parts: string[] = [];
  readonly #fonts = new Map<PDFFont, string>();
  readonly #images = new Map<PDFImage, string>();

  constructor(page: PDFPage) {
    this.#page = page;
  }

  text(encoder: FontEncoder, text: string, options: TextOptions): void {
    if (text === "") return;
    let key = this.#fonts.get(encoder.font);
    if (key === undefined) {
      key = this.#page.node.newFontDictionary(encoder.font.name, encoder.font.ref).toString();
      this.#fonts.set(encoder.font, key);
    }
    const radians = ((options.rotate ?? 0) * Math.PI) / 180;
    const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
    const matrix = [cos, sin, -sin, cos, options.x, options.y].map(n).join(" ");
    this.#parts.push(`BT ${key} ${n(options.size)} Tf ${matrix} Tm ${encoder.encode(text).toString()} Tj ET`);
  }

  line(x1: number, y1: number, x2: number, y2: number, thickness: number, grey: number): void {
    this.#parts.push(`${n(grey)} G ${n(thickness)} w ${n(x1)} ${n(y1)} m ${n(x2)} ${n(y2)} l S`);
  }

  fill(x: number, y: number, width: number, height: number, grey: number): void {
    this.#parts.push(`${n(grey)} g ${n(x)} ${n(y)} ${n(width)} ${n(height)} re f 0 g`);
  }

  image(image: PDFImage, x: number, y: number, width: number, height: number): void {
    let key = this.#images.get(image);
    if (key === undefined) {
      key = this.#page.node.newXObject("Image", image.ref).toString();
      this.#images.set(image, key);
    }
    this.#parts.push(`q ${n(width)} 0 0 ${n(height)} ${n(x)} ${n(y)} cm ${key} Do Q`);
  }

  /** Adds the operators to the page. pdf-lib's normalize() first wraps a page's existing content
   * (a paper's original page) in its own graphics state, so that whatever state that content
   * leaves behind cannot move or hide what is drawn over it. */
  finish(options: { compress: boolean }): void {
    if (this.#parts.length === 0) return;
    const { node, doc } = this.#page;
    node.normalize();
    const content = `q 0 g\n${this.#parts.join("\n")}\nQ\n`;
    // Small streams (a page number) are left uncompressed: setting up deflate costs more than
    // it saves on a few dozen bytes.
    const stream = options.compress ? doc.context.flateStream(content) : doc.context.stream(content);
    node.addContentStream(doc.context.register(stream));
  }
}
