import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Bundle, BundleItem } from "../../../src/domain/bundle.js";
import { readHtml } from "../../../src/importers/extract/html.js";
import { parseDocument } from "../../../src/importers/parse/index.js";
import type { Line } from "../../../src/importers/parse/lines.js";
import { paperTitle, readWebItem } from "../../../src/importers/parse/web-item.js";
import { extracted } from "./support.js";

// Committee systems' pages that link papers: ModernGov's page of one agenda item (its meeting
// cited as on an issue's page, its papers listed after the minutes), and a CMIS meeting page that
// lists the meeting's packs above its agenda.

const ITEM_PAGE = `<!DOCTYPE html>
<html lang="en"><head>
  <title>Agenda item - Library Opening Hours Review - Tolbury District Council</title>
</head><body>
  <div id="modgov"><div class="mgContent">
    <h1 class="mgMainTitleTxt">Agenda item</h1>
    <h2 class="mgSubTitleTxt">Library Opening Hours Review</h2>
    <p><span class="mgLabel">Meeting: </span><a href="ieListDocuments.aspx?CId=9&amp;MId=77">03/02/2026 - Communities Committee</a> (Item 12)</p>
    <div class="mgAiTitleTxt"><p>12 Library Opening Hours Review</p></div>
    <h3 class="mgSubSubTitleTxt">Purpose:</h3>
    <div class="mgWordPara"><p>To agree new opening hours for the branch libraries after the review.</p></div>
    <h3 class="mgSubSubTitleTxt">Minutes:</h3>
    <div class="mgWordPara">
      <p>The Director of Community Services, Imogen Falconbridge, presented the report.</p>
      <p>RESOLVED that:</p>
      <p>(1) the revised opening hours be approved from April 2026; and</p>
      <p>(2) the Head of Libraries be authorised, after consulting the ward councillors, to vary the hours at the smaller branches.</p>
    </div>
    <h3 class="mgSubSubTitleTxt">Supporting documents:</h3>
    <ul class="mgBulletList">
      <li><a href="documents/s1/Review.pdf">Library Opening Hours Review - report <span class="mgFileSize">PDF 300 KB</span></a></li>
      <li><a href="documents/s2/Appendix A.pdf">Appendix A - Visitor Counts <span class="mgFileSize">PDF 1 MB</span></a></li>
    </ul>
  </div></div>
</body></html>`;

function readItemPage(): { parts: string[]; bundle: Bundle; item: BundleItem } {
  const doc = readHtml(new TextEncoder().encode(ITEM_PAGE), "tolbury-item.html");
  const parsed = parseDocument(doc, {});
  const item = parsed.bundle.meetings[0]?.items[0];
  assert.ok(item);
  return { parts: parsed.parts, bundle: parsed.bundle, item };
}

describe("a ModernGov agenda item page", () => {
  it("is the cited meeting's item, not an issue", () => {
    const { parts, bundle, item } = readItemPage();
    assert.deepEqual(parts, ["meeting-page"]);
    assert.deepEqual(bundle.issues, []);
    const meeting = bundle.meetings[0];
    assert.deepEqual(
      [meeting?.body, meeting?.date, meeting?.status],
      ["Communities Committee", "2026-02-03", "held"],
    );
    assert.deepEqual([item.number, item.title], ["12", "Library Opening Hours Review"]);
  });

  it("reads the description without its label", () => {
    assert.equal(
      readItemPage().item.description,
      "To agree new opening hours for the branch libraries after the review.",
    );
  });

  it("attaches the papers listed after the minutes, each of the kind its link text says", () => {
    const { bundle, item } = readItemPage();
    const papers = item.documents.map((id) => bundle.documents.find((d) => d.id === id));
    assert.deepEqual(
      papers.map((d) => [d?.title, d?.kind, d?.mediaType, d?.sizeBytes]),
      [
        ["Library Opening Hours Review", "report", "application/pdf", 300 * 1024],
        ["Appendix A - Visitor Counts", "appendix", "application/pdf", 1024 * 1024],
      ],
    );
    assert.equal(
      item.resolutions.some((r) => r.text.includes("Visitor Counts")),
      false,
    );
  });

  it("finds the officer who presented the item, and a delegation with an aside", () => {
    const { bundle, item } = readItemPage();
    const officer = bundle.people.find((p) => p.name === "Imogen Falconbridge");
    assert.deepEqual([officer?.kind, officer?.jobTitle], ["officer", "Director of Community Services"]);
    assert.equal(item.resolutions.find((r) => r.number === "(2)")?.delegatedTo, "Head of Libraries");
  });

  it("leaves a page headed as an issue's history to the issue", () => {
    const issuePage = ITEM_PAGE.replace(">Agenda item</h1>", ">Issue - meetings</h1>");
    const parsed = parseDocument(readHtml(new TextEncoder().encode(issuePage), "tolbury-issue.html"), {});
    assert.deepEqual(parsed.parts, ["issue-history"]);
    assert.equal(parsed.bundle.issues.length, 1);
  });
});

describe("an item's description", () => {
  it("leaves out a label before it on its own line", () => {
    const line = (text: string): Line => ({ raw: text, text, from: 0, to: text.length });
    const item = readWebItem(line("4 Allotments"), "Allotments", [
      line("Summary: To set allotment rents for next year."),
      line("Minutes:"),
      line("The rents were set."),
    ]);
    assert.equal(item.description, "To set allotment rents for next year.");
  });
});

describe("a paper's link text", () => {
  it("names its kind where it says it", () => {
    assert.deepEqual(paperTitle("Parking Strategy - report pdf icon PDF 80 KB"), {
      title: "Parking Strategy",
      kind: "report",
    });
    assert.deepEqual(paperTitle("Appendix 3 - Map PDF 2 MB"), {
      title: "Appendix 3 - Map",
      kind: "appendix",
    });
    assert.deepEqual(paperTitle("Annex 1 - Guidelines PDF 138 KB"), { title: "Annex 1 - Guidelines" });
  });
});

const PACKS_PAGE = `Hexley Borough Council

Licensing and Appeals Committee

Meeting Details

Date:              Tuesday, 9 June 2026
Time:              10.00 am
Venue:             Room 2, Hexley Town Hall
Agenda Published:  Monday, 1 June 2026
Contact:           Ravi Duncombe, Democratic Services Officer

Committee Members

Councillor Nadia Whitcombe (Chair)
Councillor Lionel Parbury

Meeting Documents

Agenda Reports Pack                                  (PDF, 31 pages)
Exempt Reports Pack - confidential                   (PDF, 6 pages)

Agenda

Agenda Item 1     Apologies for Absence

Agenda Item 2     Taxi Licensing Fees 2026/27
                  Report of the Head of Regulatory Services.
                  Documents:
                  Taxi Licensing Fees Report (9 pages)
`;

describe("a meeting page that lists its packs", () => {
  it("keeps each pack as an agenda pack of the meeting's body, a confidential one Part II", () => {
    const parsed = parseDocument(extracted("hexley-licensing.txt", PACKS_PAGE), {});
    const packs = parsed.bundle.documents.filter(
      (d) => d.title.endsWith("Pack") || d.title.endsWith("confidential"),
    );
    assert.deepEqual(
      packs.map((d) => [d.kind, d.body, d.mediaType, d.part]),
      [
        ["agenda-pack", "Licensing and Appeals Committee", "application/pdf", undefined],
        ["agenda-pack", "Licensing and Appeals Committee", "application/pdf", "II"],
      ],
    );
    assert.equal(packs[0]?.source?.from, PACKS_PAGE.indexOf("Agenda Reports Pack"));
  });
});
