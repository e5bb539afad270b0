import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDocument } from "../../../src/importers/parse/index.js";
import { extracted } from "./support.js";

// Decision notices in another council's wording: a portfolio holder's decision taken outside a
// meeting, with "Decision taken by:", an urgent decision exempt from call-in, and a minutes-style
// document after it that must still be read as minutes.

const notice = [
  "NORTHCOTE DISTRICT COUNCIL",
  "",
  "Record of Executive Decision",
  "",
  "Title of decision: Grant to Northcote Food Bank",
  "Decision taken by: Councillor Priya Lal, Portfolio Holder for Communities",
  "Date of decision: 4 February 2025",
  "Key decision: No",
  "",
  "Decision taken:",
  "To award a grant of £15,000 to the food bank for 2025/26.",
  "",
  "Reasons for decision:",
  "Demand for emergency food has risen by a third this winter.",
  "",
  "Alternative options considered and rejected:",
  "No grant; rejected as the service would close in March.",
  "",
  "Reason for urgency: The food bank's lease ends on 28 February 2025.",
  "Call-in: Not subject to call-in (urgent decision)",
  "Date published: 5 February 2025",
].join("\n");

describe("decision notices", () => {
  const parsed = parseDocument(extracted("notice.txt", notice), {});

  it("become decision records, and a decision taken outside a meeting adds no meeting", () => {
    assert.deepEqual(parsed.parts, ["decisions"]);
    assert.deepEqual(parsed.bundle.meetings, []);
    assert.deepEqual(parsed.bundle.decisions, [
      {
        authority: "Northcote District Council",
        decisionMaker: "Councillor Priya Lal, Portfolio Holder for Communities",
        date: "2025-02-04",
        title: "Grant to Northcote Food Bank",
        keyDecision: false,
        published: "2025-02-05",
        callInStatus: "not-applicable",
        urgencyReason: "The food bank's lease ends on 28 February 2025.",
        reasons: "Demand for emergency food has risen by a third this winter.",
        optionsRejected: "No grant; rejected as the service would close in March.",
      },
    ]);
    assert.equal(parsed.bundle.documents[0]?.kind, "decision-notice");
    assert.equal(parsed.bundle.documents[0]?.published, "2025-02-05");
  });

  it("are not mistaken for a report's metadata block", () => {
    const report = [
      "Report to: Cabinet",
      "Decision maker: Cabinet",
      "Date: 4 February 2025",
      "Subject: Grant to the food bank",
      "",
      "1. Purpose of the report",
      "1.1 To seek approval for a grant.",
      "2. Recommendations",
      "2.1 That Cabinet approves the grant.",
    ].join("\n");
    assert.deepEqual(
      parseDocument(extracted("report.txt", report), { authority: "Northcote District Council" }).parts,
      ["report", "report-metadata"],
    );
  });
});
