import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { PDFDocument, PDFHexString, PDFName, StandardFonts } from "pdf-lib";

// Test documents made on the spot rather than committed as binaries: PDFs with pdf-lib, Word
// files as the smallest valid .docx ZIP, and the broken variants the importers must refuse.

/** A PDF with one page per entry; each line is drawn 16 points below the last, "" leaves a gap. */
export async function makePdf(pages: string[][], title?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (title) doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    let y = 780;
    for (const line of lines) {
      // A tab in a line is a second column, drawn at x = 330.
      const [left = "", right] = line.split("\t");
      page.drawText(left, { x: 60, y, font, size: 11 });
      if (right !== undefined) page.drawText(right, { x: 330, y, font, size: 11 });
      y -= line === "" ? 24 : 16;
    }
  }
  return doc.save({ useObjectStreams: false });
}

/**
 * A PDF that asks for a password: the standard security handler with an owner and a user key
 * that no empty password matches, which is how readers see a protected file.
 */
export async function makeEncryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const hex = (n: number) => PDFHexString.of(randomBytes(n).toString("hex"));
  const encrypt = doc.context.obj({
    Filter: PDFName.of("Standard"),
    V: 1,
    R: 2,
    Length: 40,
    P: -44,
    O: hex(32),
    U: hex(32),
  });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([hex(16), hex(16)]);
  return doc.save({ useObjectStreams: false });
}

/** The same, made by qpdf (AES-256) when it is installed; null when it is not. */
export async function qpdfEncrypted(): Promise<Uint8Array | null> {
  if (spawnSync("qpdf", ["--version"]).status !== 0) return null;
  const folder = mkdtempSync(join(tmpdir(), "witan-qpdf-"));
  try {
    const plain = join(folder, "plain.pdf");
    const locked = join(folder, "locked.pdf");
    writeFileSync(plain, await makePdf([["Confidential minutes"]]));
    const run = spawnSync("qpdf", ["--encrypt", "secret-user", "secret-owner", "256", "--", plain, locked]);
    if (run.status !== 0) throw new Error(`qpdf failed: ${run.stderr.toString()}`);
    return new Uint8Array(readFileSync(locked));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export type DocxBlock = { heading?: string; paragraph?: string; bullets?: string[]; table?: string[][] };

/** The smallest valid .docx: content types, the package relationship, the document, a title. */
export async function makeDocx(blocks: DocxBlock[], title?: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      "</Types>",
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      "</Relationships>",
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${blocks.map(blockXml).join("")}</w:body></w:document>`,
  );
  if (title) {
    zip.file(
      "docProps/core.xml",
      '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
        `xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeXml(title)}</dc:title></cp:coreProperties>`,
    );
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

function blockXml(block: DocxBlock): string {
  const run = (text: string) => `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
  const para = (text: string, style?: string) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}${run(text)}</w:p>`;
  if (block.heading !== undefined) return para(block.heading, "Heading1");
  if (block.paragraph !== undefined) return para(block.paragraph);
  if (block.bullets) return block.bullets.map((b) => para(b, "ListBullet")).join("");
  const rows = (block.table ?? []).map(
    (row) => `<w:tr>${row.map((cell) => `<w:tc>${para(cell)}</w:tc>`).join("")}</w:tr>`,
  );
  return `<w:tbl>${rows.join("")}</w:tbl>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A ZIP with the entries of a Word document, but garbage where the document should be. */
export async function makeCorruptDocx(): Promise<Uint8Array> {
  const good = await makeDocx([{ paragraph: "Minutes" }]);
  const zip = await JSZip.loadAsync(good);
  zip.file("word/document.xml", randomBytes(2000));
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}

/** A text document laid out as a PDF as a word processor would: lines wrapped at the margin, 45 to a page. */
export async function textToPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const fits = (line: string) => font.widthOfTextAtSize(line, 11) <= 475;
  const lines = text.split("\n").flatMap((paragraph) => {
    const wrapped: string[] = [];
    let line = "";
    for (const word of paragraph.split(" ")) {
      const longer = line === "" ? word : `${line} ${word}`;
      if (fits(longer) || line === "") line = longer;
      else {
        wrapped.push(line);
        line = word;
      }
    }
    return [...wrapped, line];
  });
  for (let i = 0; i < lines.length; i += 45) {
    const page = doc.addPage([595, 842]);
    lines
      .slice(i, i + 45)
      .forEach((line, n) => page.drawText(line, { x: 60, y: 780 - n * 16, font, size: 11 }));
  }
  return doc.save({ useObjectStreams: false });
}

/** A text document as a Word file, one paragraph a line. */
export async function textToDocx(text: string): Promise<Uint8Array> {
  return makeDocx(
    text
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((paragraph) => ({ paragraph })),
  );
}
