import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDocument } from "../../../src/importers/parse/index.js";
import { extracted } from "./support.js";

// Minutes as a small council types them: no heading (the file name said which meeting), minute
// numbers that run on from year to year, each title and its first sentence on one line, apologies
// as a bare list, and decisions minuted as motions proposed and seconded.

const MINUTES = `Present:  Cllrs Amberley, Castell, Dunmore & Penrose, County Cllr Hale & the Clerk.

2841.\tPolice Matters:  None received.

2842.\tTo receive apologies for absence:  Cllrs Ferris & Lowther.

2843.   Declarations of interest:  None.

2844.\tTo receive & approve minutes of previous meeting: Approved & signed as correct.

2845.\tTo consider & approve accounts for payment:-
Hedgerow Services - £240.00 (Ch. No. 100211)
Clerk's Salary & Expenses - £395.25 (Ch. No. 100212)
Request from the village show for a donation - Cllr Castell proposed and Cllr Penrose seconded that the Council give a grant of £150 towards the marquee.
All approved for payment.

2846.   Quotations for the bus shelter repairs:  Two quotes were received,
of £300 & £420.  Cllr Dunmore proposed & Cllr Amberley seconded that the
lower quotation be accepted.

2847.\tDate of next meeting:  14th October.

There being no further business the meeting closed at 20.45.`;

function read() {
  const doc = extracted("marlow-vale-community-council-minutes.txt", MINUTES);
  const hints = { authority: "Marlow Vale Community Council", body: "Community Council", date: "2025-09-09" };
  const meeting = parseDocument(doc, hints).bundle.meetings[0];
  assert.ok(meeting);
  return meeting;
}

describe("a small council's minutes", () => {
  it("reads minute numbers of four digits that follow one another, with their titles", () => {
    assert.deepEqual(
      read().items.map((i) => [i.number, i.title, i.kind]),
      [
        ["2841", "Police Matters", "report"],
        ["2842", "To receive apologies for absence", "apologies"],
        ["2843", "Declarations of interest", "declarations"],
        ["2844", "To receive & approve minutes of previous meeting", "minutes"],
        ["2845", "To consider & approve accounts for payment", "report"],
        ["2846", "Quotations for the bus shelter repairs", "report"],
        ["2847", "Date of next meeting", "other"],
      ],
    );
  });

  it("keeps the words after a title on its line as the minute's text", () => {
    const minutes = Object.fromEntries(read().items.map((i) => [i.number, i.minutes]));
    assert.equal(minutes["2841"], "None received.");
    assert.equal(minutes["2844"], "Approved & signed as correct.");
    assert.match(minutes["2846"] ?? "", /^Two quotes were received,\s+of £300 & £420\./);
  });

  it("reads apologies given as a bare list under the apologies title", () => {
    const apologies = read()
      .attendance.filter((a) => a.status === "apologies")
      .map((a) => a.person);
    assert.deepEqual(apologies, ["Ferris", "Lowther"]);
  });

  it("reads a motion proposed and seconded as the minute's decision, across lines too", () => {
    const decisions = Object.fromEntries(
      read().items.map((i) => [i.number, i.resolutions.map((r) => [r.text, r.proposer, r.seconder, r.verb])]),
    );
    assert.deepEqual(decisions["2845"], [
      ["that the Council give a grant of £150 towards the marquee.", "Castell", "Penrose", "resolved"],
    ]);
    assert.deepEqual(decisions["2846"], [
      ["that the lower quotation be accepted.", "Dunmore", "Amberley", "resolved"],
    ]);
    assert.deepEqual(decisions["2841"], []);
  });

  it("does not take a year for a minute number", () => {
    const doc = extracted(
      "notes.txt",
      "Present: Cllrs Amberley and Castell.\n\n2024. Budget review: The budget was reviewed.\n\n5. Any other business: None.",
    );
    const meeting = parseDocument(doc, {
      authority: "Marlow Vale Community Council",
      body: "Council",
      date: "2025-01-08",
    }).bundle.meetings[0];
    assert.equal(
      meeting?.items.some((i) => i.number === "2024"),
      false,
    );
  });
});

describe("minutes that do not say when the meeting was", () => {
  it("are refused with the hint that would date them", () => {
    const doc = extracted("undated.txt", MINUTES);
    assert.throws(() => parseDocument(doc, { authority: "Marlow Vale Community Council" }), {
      code: "DOCUMENT_UNRECOGNISED",
      message:
        "undated.txt: it reads as minutes, but does not state the meeting's date: pass --date YYYY-MM-DD",
    });
  });
});
