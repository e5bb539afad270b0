import assert from "node:assert/strict";
import { describe, test } from "node:test";
import JSZip from "jszip";
import { WitanError } from "../../src/errors.js";
import { extractText } from "../../src/importers/extract/index.js";
import { makeDocx, makePdf } from "./support/documents.js";

// Extraction from generated PDF and Word files, through the extraction worker.

describe("PDF", () => {
  test("text in reading order, page by page, with the offset where each page starts", async () => {
    const pdf = await makePdf(
      [
        ["MINUTES", "", "1. Apologies\t(Pages 1 - 6)", "Councillors Ashworth and Bellamy"],
        ["2. Declarations of Interest", "None."],
      ],
      "Minutes of the Licensing Sub-Committee",
    );
    const doc = await extractText(pdf, "/somewhere/minutes.pdf");
    assert.equal(doc.file, "minutes.pdf");
    assert.equal(doc.format, "pdf");
    assert.equal(
      doc.text,
      "MINUTES\n\n1. Apologies\t(Pages 1 - 6)\nCouncillors Ashworth and Bellamy\f2. Declarations of Interest\nNone.",
    );
    assert.equal(doc.pageStarts.length, 2);
    assert.equal(doc.text.slice(doc.pageStarts[1]), "2. Declarations of Interest\nNone.");
    assert.equal(doc.title, "Minutes of the Licensing Sub-Committee");
  });

  test("a PDF with no text (scanned pages) is refused with the reason", async () => {
    // Its blank page is read by OCR and found blank; where the OCR tools are missing, the reason
    // is that (test/importers/ocr.test.ts holds each case to its exact message).
    await assert.rejects(extractText(await makePdf([[]]), "scan.pdf"), {
      code: "FILE_UNREADABLE",
      message:
        /^scan\.pdf has no text to read(, even by OCR: its pages hold no words|: its pages are probably scanned images, and reading them by OCR needs)/,
    });
  });

  test("the time limit stops a slow file, and the next file gets a fresh reader", async () => {
    const pdf = await makePdf([["Agenda"]]);
    await assert.rejects(extractText(pdf, "slow.pdf", { timeLimitMs: 1 }), {
      code: "FILE_UNREADABLE",
      message: "slow.pdf took longer than 0 seconds to read, so Witan stopped reading it",
    });
    assert.equal((await extractText(pdf, "next.pdf")).text, "Agenda");
  });

  test("a file that yields more text than the limit is refused", async () => {
    const pdf = await makePdf([["A line of minutes text that is long enough"]]);
    await assert.rejects(extractText(pdf, "big.pdf", { maxChars: 10 }), /big\.pdf holds more than/);
  });
});

describe("Word", () => {
  test("headings, paragraphs, bullets and tables, and the title from the document's properties", async () => {
    const docx = await makeDocx(
      [
        { heading: "Ashby Vale Parish Council" },
        { paragraph: "Minutes of the meeting held on 3 May 2022" },
        { bullets: ["Apologies", "Declarations"] },
        {
          table: [
            ["Date", "Item"],
            ["7 June 2022", "Allotments & play area"],
          ],
        },
      ],
      "Parish minutes, May 2022",
    );
    const doc = await extractText(docx, "may.docx");
    assert.equal(doc.format, "docx");
    assert.match(doc.text, /^Ashby Vale Parish Council\n\nMinutes of the meeting held on 3 May 2022\n\n/);
    assert.match(doc.text, /Apologies\n/);
    assert.match(doc.text, /\nDate\tItem\n7 June 2022\tAllotments & play area$/);
    assert.equal(doc.title, "Parish minutes, May 2022");
  });
});

describe("HTML", () => {
  test("pathological nesting is refused, not a crash or a hang", async () => {
    const page = `<html><body>${"<div>".repeat(20_000)}deep${"</div>".repeat(20_000)}</body></html>`;
    await assert.rejects(extractText(new TextEncoder().encode(page), "deep.html", { timeLimitMs: 20_000 }), {
      code: "FILE_UNREADABLE",
      message: /^deep\.html (is nested too deeply to read|took longer than 20 seconds)/,
    });
  });
});

describe("ZIP files that are not Word documents", () => {
  test("a spreadsheet is named as one", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    await assert.rejects(extractText(bytes, "programme.docx"), {
      code: "FILE_UNREADABLE",
      message: /^programme\.docx is an Excel workbook, not a Word document: Witan reads/,
    });
  });
});

describe("the format comes from the bytes, not the name", () => {
  test("a PDF named .txt, a Word file named .doc, a web page named .pdf", async () => {
    const pdf = await makePdf([["Cabinet"]]);
    assert.equal((await extractText(pdf, "cabinet.txt")).format, "pdf");
    assert.equal(
      (await extractText(await makeDocx([{ paragraph: "Council" }]), "council.doc")).format,
      "docx",
    );
    const page = new TextEncoder().encode("<!doctype html><title>Error</title><p>Not found</p>");
    const html = await extractText(page, "report.pdf");
    assert.equal(html.format, "html");
    assert.equal(html.text, "Not found");
  });

  test("other formats are named in the message", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    await assert.rejects(extractText(png, "agenda.pdf"), (error: unknown) => {
      assert.ok(error instanceof WitanError);
      assert.equal(
        error.message,
        "agenda.pdf is a PNG image: Witan reads PDF, Word (.docx), HTML and plain text files",
      );
      return true;
    });
  });
});
