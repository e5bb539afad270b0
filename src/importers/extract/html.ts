import * as cheerio from "cheerio/slim";
import type { ExtractedText } from "../types.js";
import { declaredCharset, decodeText } from "./decode.js";
import { cleanText } from "./normalise.js";
import { TextWriter } from "./text-writer.js";

// An HTML page (or a Word document that mammoth turned into HTML) to text: headings and
// paragraphs as blocks with a blank line between, list items on their own lines ("- " or the
// printed number), table rows one to a line with cells joined by tabs (a definition list reads as
// a table of terms and their definitions), and links with the span
// of their text, since council "agenda and minutes" pages list their documents as links.
// Page furniture (navigation, banners, footers, scripts) is dropped.

type DomNode = {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
};

type Link = NonNullable<ExtractedText["links"]>[number];
type Context = { inCell: boolean; listDepth: number; pre: boolean; column: number };

const SKIPPED = new Set([
  ...["script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed"],
  ...["svg", "canvas", "select", "button", "input", "textarea", "map", "audio", "video", "nav"],
]);
const PARAGRAPHS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dl", "figure", "hr"]);
const LINES = new Set([
  ...["div", "section", "article", "main", "aside", "address", "header", "footer", "details", "summary"],
  ...["dt", "dd", "figcaption", "caption", "fieldset", "legend", "form", "center", "li", "tr", "tbody"],
]);
const BOILERPLATE = "nav, [role=navigation], [role=banner], [role=contentinfo], [role=search], [hidden]";
/** Text shown to screen readers only (", item 59." after a ModernGov paper's title; "Skip to main
 * content"): the text read is the text a reader sees. */
const VISUALLY_HIDDEN =
  ".mgHide, .sr-only, .visually-hidden, .govuk-visually-hidden, .visuallyhidden, .screen-reader-text, .is-hidden";

/**
 * An HTML file. Runs in the extraction worker, under its time limit: HTML parsers and selectors
 * slow down sharply on pathological nesting (forty thousand unclosed lists take seconds).
 */
export function readHtml(bytes: Uint8Array, file: string): ExtractedText {
  return htmlToText(decodeText(bytes, declaredCharset(bytes)), file, "html");
}

export function htmlToText(html: string, file: string, format: "html" | "docx"): ExtractedText {
  const $ = cheerio.load(html);
  const title = cleanText($("title").first().text()).replace(/\s+/g, " ").trim();
  $(BOILERPLATE).remove();
  $("[aria-hidden=true]").remove();
  $(VISUALLY_HIDDEN).remove();
  // A <header> or <footer> is page furniture unless it belongs to an article or section
  // (an article's header holds its title, author and date).
  $("header, footer")
    .filter((_, el) => $(el).parents("article, section, main, aside").length === 0)
    .remove();
  const main = $("main, [role=main]").first();
  const root: DomNode | undefined = main.length > 0 ? main[0] : $.root()[0];
  const writer = new TextWriter();
  const links: Link[] = [];
  if (root)
    new HtmlWalker(writer, links).children(root, { inCell: false, listDepth: 0, pre: false, column: 0 });
  const text = writer.toString();
  for (const link of links) link.text = text.slice(link.from, link.to);
  return {
    file,
    format,
    text,
    pageStarts: [0],
    ...(title ? { title } : {}),
    ...(links.length > 0 ? { links } : {}),
  };
}

class HtmlWalker {
  readonly #w: TextWriter;
  readonly #links: Link[];

  constructor(writer: TextWriter, links: Link[]) {
    this.#w = writer;
    this.#links = links;
  }

  children(node: DomNode, ctx: Context): void {
    for (const child of node.children ?? []) this.#node(child, ctx);
  }

  #node(node: DomNode, ctx: Context): void {
    if (node.type === "text") {
      if (ctx.pre) this.#w.preformatted(node.data ?? "");
      else this.#w.inline(node.data ?? "");
      return;
    }
    if (node.type === "cdata" || node.type === "root") return this.children(node, ctx);
    if (node.type === "tag" || node.type === "script" || node.type === "style") this.#element(node, ctx);
  }

  #element(el: DomNode, ctx: Context): void {
    const name = (el.name ?? "").toLowerCase();
    if (SKIPPED.has(name) || isHidden(el)) return;
    switch (name) {
      case "br":
        return ctx.inCell ? this.#w.space() : this.#w.lineBreak();
      case "img":
        return this.#w.inline(` ${el.attribs?.alt ?? ""} `);
      case "a":
        return this.#link(el, ctx);
      case "ul":
      case "ol":
        return this.#list(el, ctx);
      case "table":
        return ctx.inCell ? this.#inlineBlock(el, ctx) : this.#table(el, ctx);
      case "pre":
        return this.#block(el, { ...ctx, pre: !ctx.inCell }, true);
      case "td":
      case "th":
        return this.#inlineBlock(el, ctx);
      case "dl":
        if (!ctx.inCell) return this.#definitions(el, ctx);
    }
    if (PARAGRAPHS.has(name)) return this.#block(el, ctx, true);
    if (LINES.has(name)) return this.#block(el, ctx, false);
    this.children(el, ctx);
  }

  #block(el: DomNode, ctx: Context, paragraph: boolean): void {
    if (ctx.inCell) return this.#cellBlock(el, ctx);
    this.#break(paragraph);
    this.children(el, ctx);
    this.#break(paragraph);
  }

  /** A paragraph inside a table cell keeps its own line, indented to the cell's column (a council
   * page's item cell holds the title, "Minutes:" and each paragraph of the minutes). */
  #cellBlock(el: DomNode, ctx: Context): void {
    this.#w.cellBreak(ctx.column);
    this.children(el, ctx);
    this.#w.cellBreak(ctx.column);
  }

  /** An element that flows inside a cell's line: blocks part with a space. */
  #inlineBlock(el: DomNode, ctx: Context): void {
    this.#w.space();
    this.children(el, ctx);
    this.#w.space();
  }

  #break(paragraph: boolean): void {
    if (paragraph) this.#w.paragraphBreak();
    else this.#w.lineBreak();
  }

  #link(el: DomNode, ctx: Context): void {
    const href = (el.attribs?.href ?? "").trim();
    const mark = this.#w.mark();
    this.children(el, ctx);
    const to = this.#w.close(mark);
    if (mark.from === null || to === null || href === "" || /^(#|javascript:)/i.test(href)) return;
    // The text is filled in at the end: slicing the text so far for every link costs quadratic time.
    this.#links.push({ text: "", href, from: mark.from, to });
  }

  #list(el: DomNode, ctx: Context): void {
    const ordered = el.name === "ol";
    let number = ordered ? Number.parseInt(el.attribs?.start ?? "1", 10) : 0;
    if (!Number.isFinite(number)) number = 1;
    const style = el.attribs?.type ?? "1";
    if (!ctx.inCell && ctx.listDepth === 0) this.#w.paragraphBreak();
    const inner = { ...ctx, listDepth: ctx.listDepth + 1 };
    for (const item of el.children ?? []) {
      if (item.type !== "tag" || item.name !== "li") {
        this.#node(item, inner);
        continue;
      }
      const value = Number.parseInt(item.attribs?.value ?? "", 10);
      if (ordered && Number.isFinite(value)) number = value;
      const marker = ordered ? `${listNumber(number, style)}. ` : "- ";
      number++;
      if (ctx.inCell) {
        this.#w.cellBreak(ctx.column);
        this.#w.inline(marker);
      } else {
        this.#w.lineBreak();
        // Indentation shows nesting; past a few levels it would only add bulk.
        this.#w.prefix("  ".repeat(Math.min(ctx.listDepth, 8)) + marker);
      }
      this.children(item, inner);
      if (!ctx.inCell) this.#w.endItem();
    }
    if (!ctx.inCell && ctx.listDepth === 0) this.#w.paragraphBreak();
  }

  /** A definition list is a table of two columns: each term starts a line and its definition
   * follows after a tab ("Venue<tab>Council Chamber"), as a table of labels and values reads. */
  #definitions(el: DomNode, ctx: Context): void {
    this.#w.paragraphBreak();
    this.#terms(el, ctx, { afterTerm: false });
    this.#w.paragraphBreak();
  }

  #terms(el: DomNode, ctx: Context, state: { afterTerm: boolean }): void {
    for (const child of el.children ?? []) {
      const name = child.type === "tag" ? (child.name ?? "").toLowerCase() : "";
      if (name === "dt" || name === "dd") {
        if (isHidden(child)) continue;
        // A second definition of one term has a line of its own, under the first.
        if (name === "dt" || !state.afterTerm) this.#w.lineBreak();
        if (name === "dd") this.#w.cell();
        this.children(child, { ...ctx, inCell: true, column: name === "dt" ? 0 : 1 });
        state.afterTerm = name === "dt";
      } else if (name === "div") {
        // HTML lets a <div> group a term with its definitions.
        this.#terms(child, ctx, state);
      } else {
        this.#node(child, ctx);
      }
    }
  }

  #table(el: DomNode, ctx: Context): void {
    const rows = tableRows(el);
    // A table of one column, or one holding tables or headings, lays out a page rather than
    // data: its cells read as blocks.
    const layout = rows.every((row) => row.length <= 1) || rows.some((row) => row.some(holdsLayout));
    this.#w.paragraphBreak();
    for (const row of rows) {
      this.#w.lineBreak();
      row.forEach((cell, i) => {
        if (layout) return this.#block(cell, ctx, false);
        if (i > 0) this.#w.cell();
        this.children(cell, { ...ctx, inCell: true, column: i });
      });
    }
    this.#w.paragraphBreak();
  }
}

/** The rows of a table (not of the tables inside it), each as its cells. */
function tableRows(table: DomNode): DomNode[][] {
  const rows: DomNode[][] = [];
  const visit = (node: DomNode) => {
    for (const child of node.children ?? []) {
      if (child.type !== "tag") continue;
      if (child.name === "tr") rows.push((child.children ?? []).filter(isCell));
      else if (child.name === "thead" || child.name === "tbody" || child.name === "tfoot") visit(child);
    }
  };
  visit(table);
  return rows;
}

function isCell(node: DomNode): boolean {
  return node.type === "tag" && (node.name === "td" || node.name === "th");
}

function holdsLayout(node: DomNode): boolean {
  return (node.children ?? []).some(
    (child) => child.type === "tag" && (/^(table|h[1-6])$/.test(child.name ?? "") || holdsLayout(child)),
  );
}

function isHidden(el: DomNode): boolean {
  const style = el.attribs?.style ?? "";
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** The number an ordered list prints: <ol type="a"> counts a, b, c; type="i" in roman numerals. */
function listNumber(n: number, style: string): string {
  if (style === "a" || style === "A") {
    let s = "";
    for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
    return style === "A" ? s.toUpperCase() : s;
  }
  if (style === "i" || style === "I") {
    const roman = toRoman(n);
    return style === "I" ? roman.toUpperCase() : roman;
  }
  return String(n);
}

function toRoman(n: number): string {
  const numerals: [number, string][] = [
    [1000, "m"],
    [900, "cm"],
    [500, "d"],
    [400, "cd"],
    [100, "c"],
    [90, "xc"],
    [50, "l"],
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let rest = n;
  let out = "";
  for (const [value, numeral] of numerals) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out || String(n);
}
