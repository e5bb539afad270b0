import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDocument } from "../../../src/importers/parse/index.js";
import { extracted } from "./support.js";

// A scrutiny committee's minutes of a call-in: a note that the minutes are draft between the
// heading and "Present", the called-in decision quoted with a notice's labels, minute numbers
// with a series prefix and a stop ("SC.12"), and a parish council of two villages by name.

const CALL_IN = `WEALDON BOROUGH COUNCIL

SCRUTINY COMMITTEE

Minutes of a meeting of the Scrutiny Committee held in Committee Room A, Civic Offices, Wealdon on Monday, 9 February 2026 at 7.00 pm.

These minutes remain in draft until approved at the next meeting of the Committee.

PRESENT:        Councillor Amara Lindqvist (Chair)
                Councillors Bryn Cotter, Delia Fenwick and Hector Gale

SC.11   DECLARATIONS OF INTEREST

Councillor Fenwick declared a non-registrable interest in minute SC.12 as a trustee of the Wealdon Museum.

SC.12   CALL-IN: MUSEUM OPENING HOURS

The Committee considered the call-in of the following decision:

    Decision:          EX.41 Museum Opening Hours
    Decision maker:    Executive
    Date of decision:  20 January 2026

RESOLVED:

(1)  That the decision be referred back to the Executive.

(2)  That the Committee recommends to the Executive that Sunday opening be kept.

It was noted that the Executive would meet again on 2 March 2026.

SC.13   DATE OF NEXT MEETING

9 March 2026.`;

const PARISH = `ASHWELL CUM HINTON PARISH COUNCIL

Minutes of the Meeting of the Parish Council held on Tuesday 4th November 2025 at 7.30pm in the Reading Room

Present:  Cllr Ruth Ambler (Chairman), Cllr Neil Baines and Cllr Orla Crewe

25/090  Apologies
None.

25/091  Grass cutting
It was RESOLVED to renew the grass cutting contract.`;

describe("a scrutiny committee's call-in minutes", () => {
  const bundle = parseDocument(extracted("wealdon.txt", CALL_IN), {}).bundle;
  const meeting = bundle.meetings[0];

  it("reads the heading above a note that the minutes are draft", () => {
    assert.equal(meeting?.body, "Scrutiny Committee");
    assert.equal(meeting?.date, "2026-02-09");
    assert.equal(meeting?.minutesStatus, "draft");
  });

  it("reads a quoted decision's labels as the minute's text, not a decision of its own", () => {
    const item = meeting?.items.find((i) => i.number === "SC.12");
    assert.deepEqual(
      item?.resolutions.map((r) => [r.number, r.verb]),
      [
        ["(1)", "resolved"],
        ["(2)", "recommended"],
      ],
    );
    assert.match(item?.minutes ?? "", /Decision maker:\s+Executive/);
    assert.equal(bundle.decisions?.length ?? 0, 0);
  });

  it("records an interest 'in minute SC.12' against that minute", () => {
    const declared = meeting?.items.filter((i) => i.declarations.length > 0).map((i) => i.number);
    assert.deepEqual(declared, ["SC.12"]);
  });
});

describe("a parish council of two villages", () => {
  it("takes its whole name from a heading in capitals", () => {
    const bundle = parseDocument(extracted("ashwell.txt", PARISH), {}).bundle;
    assert.deepEqual(
      bundle.authorities.map((a) => a.name),
      ["Ashwell cum Hinton Parish Council"],
    );
    assert.equal(bundle.meetings[0]?.body, "Parish Council");
  });
});
