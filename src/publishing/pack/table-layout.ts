import type { FontFace, Measure, PageFlow } from "./flow.js";
import { STYLES, baseline, wrap } from "./wrap.js";

// Tables: columns sized to their content within the text width, cells wrapped, rows drawn one
// after another in reading order (row by row, left to right). A row that does not fit moves to
// the next page with the header row repeated; a row taller than a page is split between pages.

const PAD = 3.5;
const RULE = 0.5;
const HEADER_GREY = 0.9;

export function layoutTable(flow: PageFlow, rows: string[][], hasHeader: boolean, measure: Measure): void {
  const widths = columnWidths(rows, flow.width, measure);
  const header = hasHeader ? rows[0] : undefined;
  const body = hasHeader ? rows.slice(1) : rows;
  const wrapRow = (row: string[], bold: boolean) =>
    row.map((cell, c) =>
      wrap(cell, { ...STYLES.table, face: bold ? "bold" : "regular" }, (widths[c] ?? 0) - 2 * PAD, measure),
    );
  const headerLines = header ? wrapRow(header, true) : undefined;
  const rowHeight = (cells: string[][]) =>
    Math.max(1, ...cells.map((lines) => lines.length)) * STYLES.table.leading + 2 * PAD;

  // The header and the first row are kept together.
  const first = body[0];
  flow.ensure((headerLines ? rowHeight(headerLines) : 0) + (first ? rowHeight(wrapRow(first, false)) : 0));
  if (headerLines) drawRow(flow, headerLines, widths, true);
  for (const row of body) {
    let cells = wrapRow(row, false);
    while (cells.some((lines) => lines.length > 0)) {
      const fits = Math.floor((flow.remaining - 2 * PAD) / STYLES.table.leading);
      const needed = Math.max(...cells.map((lines) => lines.length));
      if (fits < Math.min(needed, 2) && !flow.atTop) {
        flow.newPage();
        if (headerLines) drawRow(flow, headerLines, widths, true);
        continue;
      }
      const take = Math.max(1, Math.min(needed, fits));
      drawRow(
        flow,
        cells.map((lines) => lines.slice(0, take)),
        widths,
        false,
      );
      cells = cells.map((lines) => lines.slice(take));
    }
  }
}

function drawRow(flow: PageFlow, cells: string[][], widths: number[], isHeader: boolean): void {
  const face: FontFace = isHeader ? "bold" : "regular";
  const style = { ...STYLES.table, face };
  const height = Math.max(1, ...cells.map((lines) => lines.length)) * style.leading + 2 * PAD;
  const top = flow.cursor;
  const bottom = top - height;
  const right = flow.left + widths.reduce((sum, w) => sum + w, 0);
  if (isHeader)
    flow.draw({ op: "fill", x: flow.left, y: bottom, width: right - flow.left, height, grey: HEADER_GREY });
  let x = flow.left;
  for (const [c, lines] of cells.entries()) {
    for (const [l, line] of lines.entries()) {
      if (line === "") continue;
      flow.draw({
        op: "text",
        x: x + PAD,
        y: top - PAD - l * style.leading - baseline(style),
        text: line,
        face: style.face,
        size: style.size,
      });
    }
    x += widths[c] ?? 0;
  }
  // Rules after the text, so that the text of a row comes first in the content stream.
  flow.draw({ op: "line", x1: flow.left, y1: top, x2: right, y2: top, thickness: RULE });
  flow.draw({ op: "line", x1: flow.left, y1: bottom, x2: right, y2: bottom, thickness: RULE });
  let edge = flow.left;
  for (const width of [0, ...widths]) {
    edge += width;
    flow.draw({ op: "line", x1: edge, y1: top, x2: edge, y2: bottom, thickness: RULE });
  }
  flow.cursor = bottom;
}

/** Each column gets at least its longest word (up to an equal share) and the rest of the width
 * in proportion to how much text it holds. */
export function columnWidths(rows: string[][], available: number, measure: Measure): number[] {
  const count = Math.max(1, ...rows.map((row) => row.length));
  const size = STYLES.table.size;
  const share = available / count;
  const minimum: number[] = [];
  const natural: number[] = [];
  for (let c = 0; c < count; c++) {
    let longestWord = 0;
    let longestLine = 0;
    for (const row of rows) {
      const cell = row[c] ?? "";
      for (const line of cell.split("\n")) longestLine = Math.max(longestLine, measure(line, "bold", size));
      for (const word of cell.split(/\s+/)) longestWord = Math.max(longestWord, measure(word, "bold", size));
    }
    minimum.push(Math.min(share, longestWord + 2 * PAD));
    natural.push(Math.max(longestLine + 2 * PAD, minimum[c] ?? 0));
  }
  const total = natural.reduce((sum, w) => sum + w, 0);
  if (total <= available) return natural.map((w) => (w / total) * available);
  const spare = available - minimum.reduce((sum, w) => sum + w, 0);
  const extra = natural.map((w, c) => w - (minimum[c] ?? 0));
  const extraTotal = extra.reduce((sum, w) => sum + w, 0) || 1;
  return minimum.map((w, c) => w + (spare * (extra[c] ?? 0)) / extraTotal);
}
