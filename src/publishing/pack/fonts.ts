import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// The pack's typeface: DejaVu Sans, from the dejavu-fonts-ttf package (Bitstream Vera licence,
// free to embed). Council papers use curly quotes, dashes, bullets, "▼" and accented names,
// which the 14 standard PDF fonts cannot encode; DejaVu covers them all. Only the glyphs a pack
// uses are embedded (subsetting), so a pack carries some kilobytes of font, not 1.4 MB.
// This is the one file of the compiler that reads from disk: the compiler is handed the bytes.

export type PackFonts = { regular: Uint8Array; bold: Uint8Array };

let loaded: Promise<PackFonts> | undefined;

export function loadPackFonts(): Promise<PackFonts> {
  loaded ??= (async () => {
    const folder = join(
      dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")),
      "ttf",
    );
    const [regular, bold] = await Promise.all([
      readFile(join(folder, "DejaVuSans.ttf")),
      readFile(join(folder, "DejaVuSans-Bold.ttf")),
    ]);
    return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
  })();
  return loaded;
}
