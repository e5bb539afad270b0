import { load } from "cheerio/slim";
import type { AnyNode, Element } from "domhandler";
import mammoth from "mammoth";
import { cleanText, type Block } from "./blocks.js";

// DOCX papers are converted without LibreOffice: mammoth reads the document's structure
// (headings, paragraphs, lists, tables, images) into plain HTML, and this file turns that HTML
// into the typesetter's blocks. A pure-JavaScript path costs CI nothing to install (LibreOffice
// is some 300 MB from Debian and seconds per document to start) and gives every paper the same
// accessible reading order; the price is fidelity: Word's exact layout, text boxes, headers and
// footers are not reproduced, only the document's content in order.

type ImageFile = { format: "png" | "jpeg" | null; bytes: Uint8Array; alt: string };

const IMAGE_SRC = /^witan-image:(\d+)$/;

export async function docxBlocks(bytes: Uint8Array): Promise<Block[]> {
  const images: ImageFile[] = [];
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      // Images are kept by reference rather than as base64 data URIs: the bytes go straight to
      // the PDF, and formats PDF cannot hold (EMF, WMF) become their alternative text.
      convertImage: mammoth.images.imgElement(async (image) => {
        images.push({ format: imageFormat(image.contentType), bytes: await image.readAsBuffer(), alt: "" });
        return { src: `witan-image:${images.length - 1}` };
      }),
    },
  );
  const $ = load(result.value);
  $("br").replaceWith("\n");
  const blocks: Block[] = [];
  for (const node of $.root().children().toArray()) walk(node, blocks, images, 0);
  return blocks;
}

function imageFormat(contentType: string): "png" | "jpeg" | null {
  if (contentType === "image/png") return "png";
  if (contentType === "image/jpeg" || contentType === "image/jpg") return "jpeg";
  return null;
}

/** Word's six heading levels in the pack's three. */
function headingLevel(level: number): 1 | 2 | 3 {
  if (level <= 1) return 1;
  return level === 2 ? 2 : 3;
}

function isElement(node: AnyNode): node is Element {
  return "name" in node && "attribs" in node;
}

function textOf(node: AnyNode, skip: (element: Element) => boolean = () => false): string {
  if ("data" in node && node.type === "text") return node.data;
  if (!isElement(node) || skip(node)) return "";
  if (node.name === "img") return "";
  return node.children.map((child) => textOf(child, skip)).join("");
}

function imagesIn(node: AnyNode, images: ImageFile[]): Block[] {
  if (!isElement(node)) return [];
  if (node.name === "img") {
    const index = Number(IMAGE_SRC.exec(node.attribs.src ?? "")?.[1] ?? -1);
    const image = images[index];
    const alt = cleanText(node.attribs.alt ?? "").trim();
    if (image?.format) return [{ kind: "image", format: image.format, bytes: image.bytes, alt }];
    return [{ kind: "paragraph", text: `[Image${alt ? `: ${alt}` : ""}]`, style: "small" }];
  }
  return node.children.flatMap((child) => imagesIn(child, images));
}

function walk(node: AnyNode, blocks: Block[], images: ImageFile[], level: number): void {
  if (!isElement(node)) return;
  const heading = /^h([1-6])$/.exec(node.name)?.[1];
  if (heading !== undefined) {
    const text = cleanText(textOf(node)).trim();
    if (text !== "") blocks.push({ kind: "heading", level: headingLevel(Number(heading)), text });
    return;
  }
  if (node.name === "p") {
    const text = cleanText(textOf(node)).trim();
    if (text !== "") blocks.push({ kind: "paragraph", text });
    blocks.push(...imagesIn(node, images));
    return;
  }
  if (node.name === "ul" || node.name === "ol") {
    let number = 0;
    for (const li of node.children) {
      if (!isElement(li) || li.name !== "li") continue;
      number += 1;
      const text = cleanText(textOf(li, (e) => e.name === "ul" || e.name === "ol")).trim();
      const marker = node.name === "ol" ? `${number}.` : "•";
      blocks.push({ kind: "list-item", marker, text, level: Math.min(level, 3) });
      for (const child of li.children) {
        if (isElement(child) && (child.name === "ul" || child.name === "ol"))
          walk(child, blocks, images, level + 1);
      }
    }
    return;
  }
  if (node.name === "table") {
    const rows = rowsOf(node);
    if (rows.length > 0) blocks.push({ kind: "table", rows, hasHeader: rows.length > 1 });
    return;
  }
  for (const child of node.children) walk(child, blocks, images, level);
}

function rowsOf(table: Element): string[][] {
  const rows: string[][] = [];
  const visit = (node: AnyNode) => {
    if (!isElement(node)) return;
    if (node.name === "tr") {
      const cells = node.children.filter(isElement).filter((c) => c.name === "td" || c.name === "th");
      rows.push(cells.map((cell) => cellText(cell)));
      return;
    }
    // A table nested in a cell is read as its cells' text; a nested table's rows are not ours.
    if (node.name === "table" && node !== table) return;
    for (const child of node.children) visit(child);
  };
  visit(table);
  const width = Math.max(0, ...rows.map((row) => row.length));
  return rows.map((row) => [...row, ...Array<string>(width - row.length).fill("")]);
}

/** A cell's paragraphs, one per line. */
function cellText(cell: Element): string {
  const parts = cell.children.map((child) => cleanText(textOf(child)).trim()).filter((t) => t !== "");
  return parts.join("\n");
}
