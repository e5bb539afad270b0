import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { degrees, PDFDocument, StandardFonts } from "pdf-lib";
import { extractText } from "../../src/importers/extract/index.js";
import { hocrWords, readPdfByOcr } from "../../src/importers/extract/ocr.js";
import { layoutPage } from "../../src/importers/extract/pdf-layout.js";
import { parseDocument } from "../../src/importers/parse/index.js";
import type { ExtractedText } from "../../src/importers/types.js";
import { BIN, witanEnv } from "./support/cli.js";

// Scanned PDFs, read by OCR (src/importers/extract/ocr.ts) with tesseract and poppler's pdfinfo
// and pdftoppm. The scans are made here as a scanner makes them: typed pages of minutes drawn
// with pdf-lib, rendered by pdftoppm to greyscale JPEGs at 200 dpi, and each JPEG placed, a
// little askew, as the only content of a PDF page. Under CI a missing tool fails the run
// (.ci/run installs them); elsewhere the tests that need them are skipped, with the reason. The
// hOCR and missing-tool tests need no tools and always run.

const TOOLS = [
  { command: "tesseract", version: "--version", package: "tesseract-ocr" },
  { command: "pdftoppm", version: "-v", package: "poppler-utils" },
  { command: "pdfinfo", version: "-v", package: "poppler-utils" },
];

function ocrSkip(): string | false {
  const missing = TOOLS.filter((tool) => spawnSync(tool.command, [tool.version]).error !== undefined);
  const languages = spawnSync("tesseract", ["--list-langs"], { encoding: "utf8" }).stdout ?? "";
  const packages = missing.map((tool) => tool.package);
  if (missing.length === 0 && !/^eng$/m.test(languages)) packages.push("tesseract-ocr-eng");
  if (packages.length === 0) return false;
  const problem = `OCR needs ${[...new Set(packages)].join(" and ")} (apt-get install them)`;
  if (process.env.CI === "true") throw new Error(`${problem}; CI requires them`);
  return problem;
}

const skip = ocrSkip();

const folder = mkdtempSync(join(tmpdir(), "witan-ocr-test-"));
after(() => rmSync(folder, { recursive: true, force: true }));

// Each string a paragraph, wrapped to the page's width as a word processor wraps it.
const MINUTES = [
  [
    "ASHCOMBE VALE DISTRICT COUNCIL",
    "",
    "LICENSING COMMITTEE",
    "",
    "Minutes of the meeting of the Licensing Committee held on Tuesday 14 March 2023 at 7.00 pm " +
      "in the Council Chamber, Ashcombe House, Market Street, Ashcombe",
    "",
    "Present:",
    "Councillor Margaret Okafor (Chair)",
    "Councillor Peter Lindqvist",
    "",
    "1. APOLOGIES FOR ABSENCE",
    "",
    "Apologies for absence were received from Councillor Hughes, who was attending a training course " +
      "on behalf of the Council, and from Councillor Dobson, who was unwell. The Chair asked that the " +
      "Committee's good wishes be sent to Councillor Dobson for a quick recovery.",
    "",
    "RESOLVED that the apologies of Councillor Hughes be noted.",
  ],
  ["2. STREET TRADING POLICY", "", "RESOLVED that the revised street trading policy be adopted."],
];

/** A typed PDF: each page's paragraphs in 11-point Helvetica, wrapped; "" leaves a gap. */
async function makeTyped(pages: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const paragraphs of pages) {
    const page = doc.addPage([595, 842]);
    let y = 780;
    for (const paragraph of paragraphs) {
      let line = "";
      const draw = () => {
        page.drawText(line, { x: 60, y, font, size: 11 });
        y -= 14;
      };
      for (const word of paragraph.split(" ").filter((w) => w !== "")) {
        const longer = line === "" ? word : `${line} ${word}`;
        if (line !== "" && font.widthOfTextAtSize(longer, 11) > 475) {
          draw();
          line = word;
        } else line = longer;
      }
      if (line === "") y -= 10;
      else draw();
    }
  }
  return doc.save();
}

/** A PDF of scanned pages: each typed page as a JPEG image, slightly rotated, and nothing else. */
async function makeScan(pages: string[][]): Promise<Uint8Array> {
  const work = mkdtempSync(join(folder, "scan-"));
  const typed = join(work, "typed.pdf");
  writeFileSync(typed, await makeTyped(pages));
  execFileSync("pdftoppm", [
    "-r",
    "200",
    "-gray",
    "-jpeg",
    "-jpegopt",
    "quality=70",
    typed,
    join(work, "page"),
  ]);
  const scan = await PDFDocument.create();
  for (const image of readdirSync(work)
    .filter((name) => name.endsWith(".jpg"))
    .sort()) {
    const jpeg = await scan.embedJpg(readFileSync(join(work, image)));
    scan.addPage([595, 842]).drawImage(jpeg, { x: 6, y: -4, width: 595, height: 842, rotate: degrees(0.6) });
  }
  rmSync(work, { recursive: true, force: true });
  return scan.save();
}

/** OCR's text, lower case with runs of white space as one space, for comparing words. */
function words(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ");
}

describe("scanned PDFs, read by OCR", { skip }, () => {
  let minutes: Promise<ExtractedText> | undefined;
  const readMinutes = async () => extractText(await makeScan(MINUTES), "scanned-minutes.pdf");

  test("a scanned page of minutes gives its words, page by page, marked as read by OCR", async () => {
    minutes ??= readMinutes();
    const doc = await minutes;
    assert.equal(doc.file, "scanned-minutes.pdf");
    assert.equal(doc.format, "pdf");
    assert.equal(doc.ocr, true);
    const text = words(doc.text);
    for (const phrase of [
      "ashcombe vale district council",
      "licensing committee",
      "held on tuesday 14 march 2023 at 7.00 pm in the council chamber",
      "present: councillor margaret okafor (chair) councillor peter lindqvist",
      "apologies for absence were received from councillor hughes",
      "resolved that the apologies of councillor hughes be noted.",
      "resolved that the revised street trading policy be adopted.",
    ]) {
      assert.ok(text.includes(phrase), `"${phrase}" is not in the text read by OCR:\n${doc.text}`);
    }
    // Lines a paragraph was wrapped into are joined again, as pdf-layout.ts joins a typed PDF's.
    assert.match(doc.text, /^Minutes of the meeting .* held on .* in the Council Chamber, .*$/m);
    assert.match(doc.text, /^Apologies for absence .* quick recovery\.$/m);
    assert.match(doc.text, /^Present:\nCouncillor Margaret Okafor \(Chair\)\nCouncillor Peter Lindqvist$/m);
    assert.equal(doc.pageStarts.length, 2);
    assert.equal(doc.text[(doc.pageStarts[1] ?? 0) - 1], "\f");
    assert.match(doc.text.slice(doc.pageStarts[1]), /^2\. STREET TRADING POLICY\n/);
  });

  test("the parser finds the meeting, its date and both numbered minutes in the text OCR gives", async () => {
    minutes ??= readMinutes();
    const { bundle } = parseDocument(await minutes, {});
    const [meeting] = bundle.meetings;
    assert.ok(meeting, "no meeting found");
    assert.equal(meeting.date, "2023-03-14");
    assert.equal(meeting.body, "Licensing Committee");
    assert.deepEqual(
      meeting.items.map((item) => [item.number, item.resolutions?.map((r) => words(r.text))]),
      [
        ["1", ["resolved that the apologies of councillor hughes be noted."]],
        ["2", ["resolved that the revised street trading policy be adopted."]],
      ],
    );
  });

  test("a scan of a blank white page is refused: there is no text, even by OCR", async () => {
    await assert.rejects(extractText(await makeScan([[]]), "blank-scan.pdf"), {
      code: "FILE_UNREADABLE",
      message:
        "blank-scan.pdf has no text to read, even by OCR: its pages hold no words that OCR could make out",
    });
  });

  test("the page images are written to a temporary folder that is removed, read or refused", async () => {
    const root = mkdtempSync(join(folder, "temp-"));
    const scan = await makeScan([["Minutes of the Planning Committee"]]);
    const read = await readPdfByOcr(scan, "one.pdf", { maxChars: 1000, tempRoot: root });
    assert.match(read.text, /Planning Committee/);
    assert.deepEqual(readdirSync(root), []);
    await assert.rejects(
      readPdfByOcr(scan, "one.pdf", { maxChars: 1000, tempRoot: root, pageTimeLimitMs: 1 }),
      {
        message: "one.pdf took longer than 0 seconds to read one page by OCR, so Witan stopped reading it",
      },
    );
    await assert.rejects(readPdfByOcr(scan, "one.pdf", { maxChars: 5, tempRoot: root }), {
      message: /^one\.pdf holds more than [\d.]+ million characters of text/,
    });
    assert.deepEqual(readdirSync(root), []);
  });

  test("a scan longer than the page limit is refused, saying what to do", async () => {
    await assert.rejects(
      readPdfByOcr(await makeScan([["One"], ["Two"]]), "long.pdf", { maxChars: 1000, maxPages: 1 }),
      {
        message:
          "long.pdf has no text to read, and its 2 pages are more than the 1 that Witan reads by OCR from one file: split it into smaller files",
      },
    );
  });

  test("witan import says a file was read by OCR and that its facts must be checked", async () => {
    const path = join(folder, "scanned-minutes.pdf");
    writeFileSync(path, await makeScan(MINUTES));
    const run = spawnSync(process.execPath, [BIN, "import", "--dry-run", path], {
      env: witanEnv(join(folder, "data")),
      encoding: "utf8",
    });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stderr.trim(),
      "witan: " +
        path +
        " has no text of its own, so its scanned pages were read by OCR: check the imported names, dates and numbers against the original",
    );
    const bundle = JSON.parse(run.stdout) as { meetings: { date: string }[] };
    assert.equal(bundle.meetings[0]?.date, "2023-03-14");
  });

  test("without tesseract, the message names the packages to install", async () => {
    // A PATH that holds poppler's tools but not tesseract.
    const bin = mkdtempSync(join(folder, "bin-"));
    for (const tool of ["pdfinfo", "pdftoppm"]) {
      const where = execFileSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).trim();
      symlinkSync(where, join(bin, tool));
    }
    await assert.rejects(
      readPdfByOcr(await makeScan([["Minutes"]]), "scan.pdf", { maxChars: 1000, searchPath: bin }),
      {
        code: "FILE_UNREADABLE",
        message:
          "scan.pdf has no text to read: its pages are probably scanned images, and reading them by OCR " +
          "needs tesseract, which is not installed (install the Debian packages tesseract-ocr, tesseract-ocr-eng and poppler-utils)",
      },
    );
  });
});

describe("tesseract's hOCR, laid out as a typed page is", () => {
  test("words on their line's baseline, at the line's size; entities and ligatures undone", () => {
    const line = (id: number, box: string, baseline: string, content: string) =>
      `<span class='ocr_line' id='line_1_${id}' title="bbox ${box}; baseline ${baseline}; x_size 44; ` +
      `x_descenders 9; x_ascenders 9">${content}</span>`;
    const word = (box: string, text: string) =>
      `<span class='ocrx_word' title='bbox ${box}; x_wconf 95'>${text}</span>`;
    const hocr = [
      line(
        1,
        "250 300 1300 345",
        "0.002 -9",
        word("250 300 600 345", "Minutes") + word("615 305 700 336", "&amp;"),
      ),
      line(2, "250 360 1290 400", "-0.01 -4", word("250 360 600 400", "Pro<strong>ﬁ</strong>les")),
      line(3, "250 500 900 540", "0 0", word("250 500 400 540", "Present:") + word("800 500 900 540", "6")),
    ].join("\n");
    assert.deepEqual(hocrWords(hocr), [
      { str: "Minutes ", x: 250, width: 350, y: -336, height: 44 },
      { str: "& ", x: 615, width: 85, y: -336, height: 44 },
      { str: "Profiles ", x: 250, width: 350, y: -396, height: 44 },
      { str: "Present: ", x: 250, width: 150, y: -540, height: 44 },
      { str: "6 ", x: 800, width: 100, y: -540, height: 44 },
    ]);
    // Close lines are lines; a wide gap between lines is a paragraph; a wide gap in a line, a tab.
    assert.equal(layoutPage(hocrWords(hocr)), "Minutes &\nProfiles\n\nPresent:\t6");
  });
});

describe("scanned PDFs without the OCR tools", () => {
  const noTools = join(folder, "empty-bin");
  mkdirSync(noTools, { recursive: true });

  test("a missing tool is a message naming the Debian packages, not a crash", async () => {
    await assert.rejects(
      readPdfByOcr(await makeTyped([[]]), "scan.pdf", { maxChars: 1000, searchPath: noTools }),
      {
        code: "FILE_UNREADABLE",
        message:
          "scan.pdf has no text to read: its pages are probably scanned images, and reading them by OCR " +
          "needs pdfinfo, which is not installed (install the Debian packages tesseract-ocr, tesseract-ocr-eng and poppler-utils)",
      },
    );
  });

  test("witan import says the same, in one line with no stack trace", async () => {
    const path = join(folder, "scan.pdf");
    writeFileSync(path, await makeTyped([[]]));
    const run = spawnSync(process.execPath, [BIN, "import", "--dry-run", path], {
      env: { ...witanEnv(join(folder, "data")), PATH: noTools },
      encoding: "utf8",
    });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, "");
    assert.equal(
      run.stderr,
      "witan: scan.pdf has no text to read: its pages are probably scanned images, and reading them by OCR " +
        "needs pdfinfo, which is not installed (install the Debian packages tesseract-ocr, tesseract-ocr-eng and poppler-utils)\n",
    );
  });
});
