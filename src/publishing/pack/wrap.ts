import type { FontFace, Measure } from "./flow.js";

// Line breaking: greedy, on spaces, keeping the text's own line breaks; a word wider than the
// line (a long URL) is broken between characters rather than left to run off the page.

export type TextStyle = { face: FontFace; size: number; leading: number };

export const STYLES = {
  body: { face: "regular", size: 10.5, leading: 14.5 },
  small: { face: "regular", size: 9, leading: 12 },
  table: { face: "regular", size: 9, leading: 11.5 },
  title: { face: "bold", size: 22, leading: 27 },
  subtitle: { face: "bold", size: 14, leading: 18 },
  h1: { face: "bold", size: 16, leading: 20 },
  h2: { face: "bold", size: 13, leading: 17 },
  h3: { face: "bold", size: 11, leading: 15 },
} as const satisfies Record<string, TextStyle>;

export function wrap(text: string, style: TextStyle, width: number, measure: Measure): string[] {
  // Widths add up word by word (the fonts are drawn without kerning or ligatures), so each word
  // is measured once rather than each growing line.
  const space = measure(" ", style.face, style.size);
  const lines: string[] = [];
  for (const hardLine of text.split("\n")) {
    const words = hardLine.split(/\s+/).filter((w) => w !== "");
    if (words.length === 0) {
      lines.push("");
      continue;
    }
    let line = "";
    let used = 0;
    for (const word of words) {
      const wordWidth = measure(word, style.face, style.size);
      if (line !== "" && used + space + wordWidth <= width) {
        line = `${line} ${word}`;
        used += space + wordWidth;
        continue;
      }
      if (line !== "") lines.push(line);
      const pieces = breakWord(word, style, width, measure);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? "";
      used = measure(line, style.face, style.size);
    }
    if (line !== "") lines.push(line);
  }
  return lines;
}

function breakWord(word: string, style: TextStyle, width: number, measure: Measure): string[] {
  if (measure(word, style.face, style.size) <= width) return [word];
  const pieces: string[] = [];
  let piece = "";
  for (const char of word) {
    if (piece !== "" && measure(piece + char, style.face, style.size) > width) {
      pieces.push(piece);
      piece = "";
    }
    piece += char;
  }
  if (piece !== "") pieces.push(piece);
  return pieces;
}

/** Where a line's baseline sits below the top of its line box. */
export function baseline(style: TextStyle): number {
  return style.leading - (style.leading - style.size) / 2 - style.size * 0.22;
}
