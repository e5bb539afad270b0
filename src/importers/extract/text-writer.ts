import { cleanText } from "./normalise.js";

// Builds the text of an HTML page as a browser would lay it out in plain text, keeping the
// offset of everything it writes so that links can record the span of their text. Separators
// (spaces, line and paragraph breaks) are owed, not written, until more text follows: that is
// what collapses runs of whitespace and keeps the text free of trailing blanks.

export type Mark = { from: number | null };

export class TextWriter {
  #parts: string[] = [];
  #length = 0;
  #owedBreaks = 0;
  #owedSpace = false;
  #lineStarted = false;
  /** only a list marker is on the line: a paragraph inside the item must not break away from it */
  #afterPrefix = false;
  /** a tab was the last thing written: a cell's leading space would be noise */
  #atCellStart = false;
  /** the owed break is a paragraph inside a table cell: the new line is indented to the cell's column */
  #owedCellIndent: number | null = null;
  #marks: Mark[] = [];

  get length(): number {
    return this.#length;
  }

  /** Text as HTML flows it: whitespace runs become one space. */
  inline(raw: string): void {
    const text = cleanText(raw).replace(/\s+/g, " ");
    if (text === "") return;
    if (text.startsWith(" ")) this.#owedSpace = true;
    const body = text.trim();
    if (body === "") return;
    this.#write(body, true);
    this.#owedSpace = text.endsWith(" ");
  }

  /** Text kept as written (a <pre> block), line by line. */
  preformatted(raw: string): void {
    const lines = cleanText(raw).replace(/\f/g, "\n").split("\n");
    lines.forEach((line, i) => {
      if (i > 0) this.lineBreak();
      if (line.trim() !== "") this.#write(line.replace(/\s+$/, ""), false);
    });
  }

  /** Text that starts a line, written as is: a list item's "- " or "3. ". */
  prefix(text: string): void {
    this.#owedSpace = false;
    this.#write(text, false);
    this.#afterPrefix = true;
  }

  /** The tab between two table cells, written even when a cell is empty, so columns stay aligned. */
  cell(): void {
    // A paragraph break owed at the end of the cell before goes with that cell.
    if (this.#owedCellIndent !== null) {
      this.#owedBreaks = 0;
      this.#owedCellIndent = null;
    }
    this.#owedSpace = false;
    this.#write("\t", false);
    this.#atCellStart = true;
  }

  /** Ends a list item's line, even when the item held nothing after its marker. */
  endItem(): void {
    this.#afterPrefix = false;
    this.lineBreak();
  }

  /** A paragraph inside a table cell: a new line, indented with tabs to the cell's column, so the
   * row's first line keeps the cells and the paragraphs after it stay under their cell. Nothing
   * is owed at the start of a cell. */
  cellBreak(column: number): void {
    if (this.#afterPrefix || this.#atCellStart || this.#owedBreaks > 0 || !this.#lineStarted) return;
    this.#owedBreaks = 1;
    this.#owedCellIndent = column;
    this.#owedSpace = false;
  }

  space(): void {
    if (this.#lineStarted && !this.#atCellStart) this.#owedSpace = true;
  }

  lineBreak(): void {
    if (this.#afterPrefix) return;
    this.#owedCellIndent = null;
    if (this.#length > 0) this.#owedBreaks = Math.max(this.#owedBreaks, 1);
    this.#owedSpace = false;
  }

  paragraphBreak(): void {
    if (this.#afterPrefix) return;
    this.#owedCellIndent = null;
    if (this.#length > 0) this.#owedBreaks = 2;
    this.#owedSpace = false;
  }

  /** Starts a span; its `from` is set where the next text lands (after any owed separator). */
  mark(): Mark {
    const mark: Mark = { from: null };
    this.#marks.push(mark);
    return mark;
  }

  /** Ends a span: the offset just after the last text written, or null if nothing was. */
  close(mark: Mark): number | null {
    this.#marks = this.#marks.filter((m) => m !== mark);
    return mark.from === null ? null : this.#length;
  }

  toString(): string {
    return this.#parts.join("");
  }

  #write(text: string, isText: boolean): void {
    if (this.#owedBreaks > 0) {
      this.#append("\n".repeat(this.#owedBreaks) + "\t".repeat(this.#owedCellIndent ?? 0));
      this.#lineStarted = this.#owedCellIndent !== null && this.#owedCellIndent > 0;
      this.#owedCellIndent = null;
    } else if (this.#owedSpace && this.#lineStarted) {
      this.#append(" ");
    }
    this.#owedBreaks = 0;
    this.#owedSpace = false;
    if (isText) {
      for (const mark of this.#marks) mark.from = this.#length;
      this.#marks = [];
    }
    this.#append(text);
    this.#lineStarted = true;
    this.#afterPrefix = false;
    this.#atCellStart = false;
  }

  #append(text: string): void {
    this.#parts.push(text);
    this.#length += text.length;
  }
}
