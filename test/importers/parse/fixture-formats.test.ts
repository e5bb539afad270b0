import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { extractText } from "../../../src/importers/extract/index.js";
import { parseDocument } from "../../../src/importers/parse/index.js";
import { textToDocx, textToPdf } from "../support/documents.js";
import { bundleFacts, score } from "./facts.js";
import { expected } from "./support.js";

// The same documents as PDF and Word files: what a council publishes is rarely plain text. The
// text goes through the real extractors (pdfjs-dist with the page layout, mammoth), and the
// facts a reader finds must come out as they do from the text.

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const CASES: { name: string; format: "pdf" | "docx" }[] = [
  { name: "glenavon-council-education-committee-minute.txt", format: "pdf" },
  { name: "ashcombe-planning-committee-minutes.txt", format: "pdf" },
  { name: "stowey-parish-council-minutes.txt", format: "docx" },
  { name: "brackenfield-cabinet-report.txt", format: "docx" },
];

describe("fixtures as PDF and Word files", () => {
  for (const { name, format } of CASES) {
    it(`${name} as ${format.toUpperCase()}`, async () => {
      const text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
      const bytes = format === "pdf" ? await textToPdf(text) : await textToDocx(text);
      const file = name.replace(/\.txt$/, `.${format}`);
      const doc = await extractText(bytes, file);
      assert.equal(doc.format, format);
      const want = expected(`fixtures/${name}`, { ...doc, file: name });
      const parsed = parseDocument({ ...doc, file: name }, want.hints);
      const result = score(bundleFacts(want.source), bundleFacts(parsed.bundle));
      assert.deepEqual(result.missing, []);
      // The one fact the text form cannot have: the document's own format.
      const mediaType = format === "pdf" ? "application/pdf" : DOCX;
      assert.deepEqual(result.extra, [`document-media-type|${name}@0|${mediaType}`]);
    });
  }
});
