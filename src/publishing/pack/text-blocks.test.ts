import assert from "node:assert/strict";
import { test } from "node:test";
import { textBlocks } from "./text-blocks.js";

test("extracted text becomes headings, paragraphs, lists, tables and page breaks", () => {
  const text = [
    "PLYMOUTH CITY COUNCIL",
    "Contact: Tel: 01752 398084\nE-mail: alison.ward@plymouth.gov.uk",
    "Guiding Principles",
    "1. The safety of children is paramount.\n2. Improvement must be sustained.",
    "- (a) concerns regarding staff shortages;\n- the impact upon adult social care",
    "Date of meeting\tAgenda item\n9 August 2017\tAcute Services Review\tHigh",
  ].join("\n\n");
  const blocks = textBlocks(`${text}\f\nSecond page`);
  assert.deepEqual(blocks, [
    { kind: "heading", level: 2, text: "PLYMOUTH CITY COUNCIL" },
    { kind: "paragraph", text: "Contact: Tel: 01752 398084\nE-mail: alison.ward@plymouth.gov.uk" },
    { kind: "heading", level: 3, text: "Guiding Principles" },
    { kind: "list-item", marker: "1.", text: "The safety of children is paramount.", level: 0 },
    { kind: "list-item", marker: "2.", text: "Improvement must be sustained.", level: 0 },
    { kind: "list-item", marker: "(a)", text: "concerns regarding staff shortages;", level: 0 },
    { kind: "list-item", marker: "•", text: "the impact upon adult social care", level: 0 },
    {
      kind: "table",
      rows: [
        ["Date of meeting", "Agenda item", ""],
        ["9 August 2017", "Acute Services Review", "High"],
      ],
      hasHeader: true,
    },
    { kind: "page-break" },
    { kind: "paragraph", text: "Second page" },
  ]);
});

test("short lines in a row are an address or a signature, not headings; artefacts are cleaned", () => {
  assert.deepEqual(
    textBlocks("Robert Goodwill MP\n\nMinister of State for Children and Families\n\nYours sincerely,"),
    [
      { kind: "paragraph", text: "Robert Goodwill MP" },
      { kind: "paragraph", text: "Minister of State for Children and Families" },
      { kind: "paragraph", text: "Yours sincerely," },
    ],
  );
  assert.deepEqual(textBlocks('Cell\t<ul style="x"> \uf0b7 Safeguarding</ul>'), [
    { kind: "table", rows: [["Cell", "• Safeguarding"]], hasHeader: false },
  ]);
});
