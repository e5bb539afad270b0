import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDocument } from "../../../src/importers/parse/index.js";
import { extracted } from "./support.js";

// A licensing hearing in another council's wording: the parties are named apart from the
// officers, a police officer by rank, and the licence is granted on conditions grouped under
// plain headings, each with its bullet points.

const hearing = [
  "NORTHCOTE DISTRICT COUNCIL",
  "",
  "LICENSING SUB-COMMITTEE",
  "",
  "Minutes of a hearing held at Northcote Hall on Tuesday 4 March 2025 at 2.00 pm",
  "",
  "Members of the Sub-Committee: Councillor Ann Lee (Chair), Councillor Bob Ray and Councillor Cy Hart",
  "",
  "Officers present: Dee Moss (Licensing Officer)",
  "",
  "Parties present: Mrs Eve Ball (Applicant) and Sgt Finn Cole (Northshire Police)",
  "",
  "1. APPLICATION TO VARY A PREMISES LICENCE - THE OLD BAKERY",
  "",
  "The Sub-Committee heard from the applicant and the police.",
  "",
  "RESOLVED: That the variation be granted subject to these conditions:",
  "",
  "Protection of children from harm",
  "- Children shall be accompanied after 9.00 pm.",
  "",
  "Public safety",
  "- A personal licence holder shall be on duty at all times.",
  "",
  "Reasons: The licensing objectives would be promoted.",
].join("\n");

describe("licensing hearings", () => {
  const bundle = parseDocument(extracted("hearing.txt", hearing), {}).bundle;

  it("names the parties as people from outside the council, a police officer by rank", () => {
    const ball = bundle.people.find((p) => p.name === "Eve Ball");
    const cole = bundle.people.find((p) => p.name === "Finn Cole");
    assert.equal(ball?.kind, "external");
    assert.equal(cole?.kind, "external");
    assert.equal(cole?.honorific, "Sgt");
  });

  it("reads the conditions under their plain headings, and not as the minute's text", () => {
    const item = bundle.meetings[0]?.items[0];
    assert.deepEqual(item?.resolutions[0]?.conditions, [
      { group: "Protection of children from harm", text: "Children shall be accompanied after 9.00 pm." },
      { group: "Public safety", text: "A personal licence holder shall be on duty at all times." },
    ]);
    assert.ok(!(item?.minutes ?? "").includes("accompanied"));
  });
});
