import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument } from "pdf-lib";

// fontkit for pdf-lib, parsing each font once per process rather than once per pack. DejaVu's
// layout tables take fontkit some 40 ms to decode, on the first string drawn in each new font
// object; a pack builds a new document each time, but the font's bytes never change. A parsed
// font is only read from (each embedding makes its own subset), so packs may share it.

type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];
type Font = ReturnType<Fontkit["create"]>;

const parsed = new WeakMap<Uint8Array, Font>();

export const sharedFontkit: Fontkit = {
  create(buffer, postscriptName) {
    if (postscriptName !== undefined) return fontkit.create(buffer, postscriptName);
    let font = parsed.get(buffer);
    if (!font) {
      font = fontkit.create(buffer);
      parsed.set(buffer, font);
    }
    return font;
  },
};
