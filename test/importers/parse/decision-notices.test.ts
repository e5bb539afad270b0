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

// A notice that numbers its parts ("2. Reasons", "4. Financial implications"), records the advice
// of officers named by post, and is signed and dated above its publication and call-in lines.
const numbered = [
  "EASTERBY BOROUGH COUNCIL",
  "",
  "EXECUTIVE DECISION NOTICE",
  "",
  "Title:\tLibrary Opening Hours Pilot",
  "Decision maker:\tThe Leader of the Council, Councillor Omar Haddad",
  "Date of decision:\tTuesday 8 April 2025",
  "Key decision:\tNo",
  "",
  "1. Decision",
  "",
  "To extend opening hours at two branch libraries for a six-month pilot.",
  "",
  "2. Reasons",
  "",
  "1. Evening visits have doubled",
  "2. Staff rotas allow later closing",
  "3. Volunteers have offered to help",
  "",
  "3. Options considered",
  "",
  "Extending hours at every branch was rejected as too costly.",
  "",
  "4. Financial implications",
  "",
  "The cost of £18,000 is met from the library budget.",
  "",
  "5. Officer comments",
  "",
  "Section 151 Officer (Grace Obi): the cost is within the approved budget.",
  "Head of Legal Services (Tomasz Wren): the Leader may take this decision.",
  "",
  "Signed:\tCouncillor Omar Haddad",
  "Date:\t8 April 2025",
  "",
  "Publication date:\tThursday 10 April 2025",
  "Call-in:\tFive members may call this decision in before 5 pm on Thursday 17 April 2025.",
  "",
  "Contact officer:\tNia Rees, Libraries Manager, nia.rees@example.org",
].join("\n");

describe("decision notices with numbered parts", () => {
  const parsed = parseDocument(extracted("numbered.txt", numbered), {});

  it("read the lines under the signature's date into the same decision", () => {
    assert.deepEqual(parsed.bundle.decisions, [
      {
        authority: "Easterby Borough Council",
        decisionMaker: "Leader of the Council",
        date: "2025-04-08",
        title: "Library Opening Hours Pilot",
        keyDecision: false,
        published: "2025-04-10",
        callInExpires: "2025-04-17",
        reasons:
          "1. Evening visits have doubled\n2. Staff rotas allow later closing\n3. Volunteers have offered to help",
        optionsRejected: "Extending hours at every branch was rejected as too costly.",
      },
    ]);
    assert.equal(parsed.bundle.documents[0]?.published, "2025-04-10");
  });

  it("name the officers whose advice they record, and the contact officer, with their posts", () => {
    const officers = parsed.bundle.people
      .filter((p) => p.kind === "officer")
      .map((p) => [p.name, p.jobTitle])
      .sort();
    assert.deepEqual(officers, [
      ["Grace Obi", "Section 151 Officer"],
      ["Nia Rees", "Libraries Manager"],
      ["Tomasz Wren", "Head of Legal Services"],
    ]);
  });
});
