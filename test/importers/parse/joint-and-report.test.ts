import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readFrontSheet } from "../../../src/importers/parse/front-sheet.js";
import { parseDocument } from "../../../src/importers/parse/index.js";
import { splitLines } from "../../../src/importers/parse/lines.js";
import { extracted } from "./support.js";

// A joint committee's summons, whose membership table names each member's council and their
// named substitute, and an officer's report whose metadata is a two-column table without colons.

const JOINT = `RIVERSMEET JOINT TRANSPORT BOARD

Ashwell County Council | Brindlemoor District Council | Cottering Borough Council

Host authority: Brindlemoor District Council

To: All Members of the Riversmeet Joint Transport Board

Dear Member

You are summoned to attend a meeting of the RIVERSMEET JOINT TRANSPORT BOARD to be held at 10.30 am on TUESDAY, 14 APRIL 2026 in the Kestrel Suite, Brindlemoor Civic Offices, Mill Lane, Brindlemoor.

Yours sincerely

Oona Threlfall
Secretary to the Board
Head of Governance, Brindlemoor District Council

Date of dispatch: Friday, 3 April 2026

MEMBERSHIP

Partner council                  Member                                    Substitute
Ashwell County Council           Councillor Idris Pellow (Chair)           Councillor Nuala Carden
                                 Councillor Mabel Sowerby                  Councillor Tobias Grint
Brindlemoor District Council     Councillor Ravi Ockenden (Vice-Chair)     Councillor Elspeth Naylor
Cottering Borough Council        Councillor Hugo Fenwright                 Councillor Zara Quilliam

Contact officer: Pavel Dunmore, Democratic Services Officer

AGENDA

1.     Apologies for Absence

2.     Bus Service Improvement Plan                                         3 - 18
       Report of the Transport Manager
`;

const REPORT = `                                                  WOLDHAVEN BOROUGH COUNCIL

 Report to                 Cabinet
 Date of meeting           3 March 2026
 Subject                   Allotment Rents 2026/27
 Portfolio                 Parks and Open Spaces
 Executive Member          Councillor Gideon Marsh, Cabinet Member for Parks
                           and Open Spaces
 Key decision              No
 Forward plan ref          FP/26/11

1.  PURPOSE OF THE REPORT

1.1  To set allotment rents for the coming year.

2.  RECOMMENDATIONS

2.1  That Cabinet approves the allotment rents for 2026/27 and recommends to Council that the fees and charges schedule be amended.

3.  BACKGROUND

3.1  The proposed rents were considered by the Communities Overview Panel on 9 February 2026.

4.  IMPLICATIONS

     Legal officer consulted: Tamsin Oduya, Senior Solicitor (Contracts)

Report author:    Felix Armitage, Allotments Officer
Telephone:        01234 567 890
`;

describe("joint committee front sheet", () => {
  const { bundle } = parseDocument(extracted("joint.txt", JOINT), {});
  const meeting = bundle.meetings[0];
  const role = (person: string) => bundle.memberships.filter((m) => m.person === person).map((m) => m.role);

  it("belongs to the authority that administers the joint body, and names its partners", () => {
    assert.equal(meeting?.authority, "Brindlemoor District Council");
    assert.deepEqual(bundle.authorities.map((a) => a.name).sort(), [
      "Ashwell County Council",
      "Brindlemoor District Council",
      "Cottering Borough Council",
    ]);
  });

  it("reads the time before the date and the venue after it, and the dispatch date", () => {
    assert.equal(meeting?.date, "2026-04-14");
    assert.equal(meeting?.start, "10:30");
    assert.equal(meeting?.venue, "Kestrel Suite, Brindlemoor Civic Offices, Mill Lane, Brindlemoor");
    assert.equal(meeting?.agendaPublished, "2026-04-03");
  });

  it("reads members and named substitutes with their councils", () => {
    assert.deepEqual(role("Idris Pellow"), ["chair"]);
    assert.deepEqual(role("Mabel Sowerby"), ["member"]);
    assert.deepEqual(role("Ravi Ockenden"), ["vice-chair"]);
    assert.deepEqual(role("Tobias Grint"), ["substitute"]);
    assert.deepEqual(role("Zara Quilliam"), ["substitute"]);
    const grint = bundle.people.find((p) => p.name === "Tobias Grint");
    assert.equal(grint?.kind, "councillor");
    assert.equal(grint?.organisation, "Ashwell County Council");
  });

  it("makes the officer who signs as the body's secretary its clerk", () => {
    assert.deepEqual(role("Oona Threlfall"), ["clerk"]);
    const clerk = bundle.people.find((p) => p.name === "Oona Threlfall");
    assert.equal(clerk?.organisation, "Brindlemoor District Council");
  });
});

describe("a summons that gives the place and the time before the date", () => {
  it("keeps the place without the time", () => {
    const summons =
      "You are summoned to attend a meeting of the Appeals Panel to be held at the Corn Exchange, Lydford at 6.30 pm on Thursday 9 July 2026.";
    const sheet = readFrontSheet(splitLines(summons));
    assert.equal(sheet.body, "Appeals Panel");
    assert.equal(sheet.date, "2026-07-09");
    assert.equal(sheet.start, "18:30");
    assert.equal(sheet.venue, "Corn Exchange, Lydford");
  });
});

describe("report with a metadata table without colons", () => {
  const { bundle, parts } = parseDocument(extracted("report.txt", REPORT), {});
  const doc = bundle.documents.find((d) => d.kind === "report");

  it("reads the labels beside their values, wrapped values and all", () => {
    assert.ok(parts.includes("report-metadata"));
    assert.equal(doc?.title, "Allotment Rents 2026/27");
    assert.equal(doc?.body, "Cabinet");
    const marsh = bundle.people.find((p) => p.name === "Gideon Marsh");
    assert.equal(marsh?.kind, "councillor");
    assert.equal(marsh?.jobTitle, "Cabinet Member for Parks and Open Spaces");
  });

  it("starts the report's span at its letterhead's text, not the indent before it", () => {
    assert.equal(doc?.source?.from, REPORT.indexOf("WOLDHAVEN"));
  });

  it("takes the author from the end, and the officers consulted", () => {
    assert.equal(doc?.author, "Felix Armitage");
    const oduya = bundle.people.find((p) => p.name === "Tamsin Oduya");
    assert.equal(oduya?.kind, "officer");
    assert.equal(oduya?.jobTitle, "Senior Solicitor (Contracts)");
  });

  it("adds the bodies the report says considered it or that it recommends to", () => {
    const bodies = bundle.bodies.map((b) => `${b.name}|${b.kind}`).sort();
    assert.deepEqual(bodies, [
      "Cabinet|executive",
      "Communities Overview Panel|panel",
      "Council|full-council",
    ]);
  });
});
