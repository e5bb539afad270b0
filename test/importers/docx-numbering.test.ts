import assert from "node:assert/strict";
import { describe, test } from "node:test";
import JSZip from "jszip";
import { formatNumber } from "../../src/importers/extract/docx-numbering.js";
import { readDocx } from "../../src/importers/extract/docx.js";
import { parseDocument } from "../../src/importers/parse/index.js";

// Minutes typed in Word with automatic numbering: the numbers are in word/numbering.xml, not in
// the text, and mammoth drops them. The extractor puts them back, as Word shows them.

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (text: string) => `<w:p>${run(text)}</w:p>`;
const numbered = (text: string, numId: number, level: number) =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${run(text)}</w:p>`;

const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="14"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

async function minutesDocx(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
      "</Types>",
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      "</Relationships>",
  );
  zip.file(
    "word/_rels/document.xml.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' +
      "</Relationships>",
  );
  zip.file("word/numbering.xml", NUMBERING);
  const body = [
    para("ORCHARD VALE DISTRICT COUNCIL"),
    para("Minutes of the meeting of the Licensing Committee held on Tuesday 4 March 2025 at 6.30 pm"),
    para("Present: Councillor A Brown (Chair), Councillor C Dale and Councillor E Frost"),
    numbered("Apologies for Absence", 1, 0),
    para("None."),
    numbered("Street Trading Policy", 1, 0),
    para("RESOLVED:"),
    numbered("That the revised policy be approved.", 1, 1),
    numbered("That the consultation responses be noted.", 1, 1),
    numbered("Taxi Licensing Fees", 1, 0),
    para("RESOLVED:"),
    numbered("That the fees be increased:", 1, 1),
    numbered("for hackney carriages by 3%;", 1, 2),
    numbered("for private hire vehicles by 2%.", 1, 2),
    numbered("A bullet point stays a bullet", 2, 0),
  ].join("");
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("Word automatic numbering", () => {
  test("formats numbers as Word does", () => {
    assert.deepEqual(
      [formatNumber(3, "lowerLetter"), formatNumber(27, "lowerLetter"), formatNumber(14, "upperRoman")],
      ["c", "aa", "XIV"],
    );
  });

  test("numbered paragraphs keep their numbers, deeper levels restart, and minutes read by them", async () => {
    const doc = await readDocx(await minutesDocx(), "minutes.docx", 1_000_000);
    const lines = doc.text.split("\n").filter((l) => l.trim() !== "");
    for (const expected of [
      "14. Apologies for Absence",
      "15. Street Trading Policy",
      "(a) That the revised policy be approved.",
      "(b) That the consultation responses be noted.",
      "16. Taxi Licensing Fees",
      "(a) That the fees be increased:",
      "i) for hackney carriages by 3%;",
      "ii) for private hire vehicles by 2%.",
    ])
      assert.ok(
        lines.some((l) => l.trim() === expected),
        `${expected}\n${doc.text}`,
      );
    assert.ok(!/\d\.\s*A bullet point/.test(doc.text), doc.text);
    const meeting = parseDocument(doc, {}).bundle.meetings[0];
    assert.deepEqual(
      meeting?.items.map((i) => i.number),
      ["14", "15", "16"],
    );
    assert.deepEqual(
      meeting?.items[1]?.resolutions.map((r) => r.number),
      ["(a)", "(b)"],
    );
  });
});
