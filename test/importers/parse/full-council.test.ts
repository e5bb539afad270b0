import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDocument } from "../../../src/importers/parse/index.js";
import { readDeclarations } from "../../../src/importers/parse/declarations.js";
import { holderOf, readMotion, readVotes } from "../../../src/importers/parse/motions.js";
import { readMinuteReference } from "../../../src/importers/parse/resolutions.js";
import { extracted } from "./support.js";

// A full council's minutes: the civic head named by post before the name, a bare list of
// surnames, apologies "on behalf of" members, officers with posts after a dash, public questions
// put to members by post, a motion moved by the civic heads, declarations by several members at
// once, and a recorded vote whose labels carry their counts instead of a colon.

const COUNCIL = `GRANTHOLME CITY COUNCIL

MINUTES OF THE ANNUAL MEETING OF THE COUNCIL

held at the Assembly Hall, Guildhall, Grantholme
on Thursday 14 May 2026, commencing at 2.00 pm


PRESENT

The Lord Mayor (Councillor Petra Vance) in the Chair

The Deputy Lord Mayor, Councillor Orme

Councillors Abel, Brisco, Cready, Dunstan, Eveleigh,
Fothergill, Goodyear and Hatherley

APOLOGIES FOR ABSENCE were submitted on behalf of Councillors Iredale and Jessop.

OFFICERS PRESENT

Noor Kettering - Director of Law and Governance

Sam Lathbury - Committee Services Officer


12   MINUTES

It was proposed by the Lord Mayor, seconded by the Deputy Lord Mayor and

RESOLVED - That the minutes of the meeting held on 2 April 2026 be approved.

13   DECLARATIONS OF INTEREST

Councillors Brisco and Cready declared other registrable interests in minute 15 as trustees of the Grantholme Canal Trust.

14   PUBLIC QUESTIONS

(1)  Mr Dale Pennock asked the Cabinet Member for Parks and Leisure, Councillor Eveleigh:

     "When will the lido reopen?"

(2)  Ms Freya Olds asked the Leader of the Council, Councillor Goodyear:

     "Will the Council keep the market open on Sundays?"

Grantholme City Council - 14 May 2026                                        1
15   NOTICE OF MOTION - CANAL TOWPATH

It was moved by Councillor Abel and seconded by Councillor Dunstan that the towpath be resurfaced.

The amendment was CARRIED by 7 votes to 3.

RECORDED VOTE

FOR (6)
    Councillors Abel, Brisco, Cready, Dunstan, Eveleigh and Orme

AGAINST (1)
    Councillor Fothergill

ABSTAINED (2)
    Councillors Goodyear and Hatherley

RESOLVED - That the towpath be resurfaced; calls on the Leader to write to the Canal Trust about its moorings; and asks the Executive to report on the cost of lighting by December 2026.

Grantholme City Council - 14 May 2026                                        2
16   RECOMMENDATION OF THE EXECUTIVE - PARKING CHARGES
     (Executive, 21 April 2026, Minute 88(c))

It was moved by Councillor Hatherley (Executive Member for Transport) and seconded by Councillor Goodyear (Leader of the Council) that the recommendation be adopted, and it was

RESOLVED - That the recommendation of the Executive be adopted and the parking charges for 2026/27 be approved.

17   QUESTIONS BY MEMBERS

Four questions were answered in writing.

18   COMMON SEAL

RESOLVED - That the Common Seal be affixed to the documents giving effect to these decisions.


The meeting closed at 3.40 pm.


                                        ...................................
                                                              LORD MAYOR

Grantholme City Council - 14 May 2026                                        3`;

describe("a full council's minutes", () => {
  const bundle = parseDocument(extracted("grantholme.txt", COUNCIL), {}).bundle;
  const meeting = bundle.meetings[0];
  const attended = (name: string) => meeting?.attendance.find((a) => a.person === name);
  const person = (name: string) => bundle.people.find((p) => p.name === name);
  const item = (number: string) => meeting?.items.find((i) => i.number === number);

  it("reads the civic heads named by their posts before their names", () => {
    assert.deepEqual(attended("Petra Vance"), { person: "Petra Vance", status: "present", role: "chair" });
    assert.equal(person("Petra Vance")?.jobTitle, "Lord Mayor");
    assert.equal(attended("Orme")?.status, "present");
    assert.equal(person("Orme")?.jobTitle, "Deputy Lord Mayor");
    assert.equal(attended("Hatherley")?.status, "present");
  });

  it("reads apologies submitted on behalf of members", () => {
    assert.equal(attended("Iredale")?.status, "apologies");
    assert.equal(attended("Jessop")?.status, "apologies");
  });

  it("reads an officer whose post after a dash has 'and' in it as one person", () => {
    assert.equal(person("Noor Kettering")?.jobTitle, "Director of Law and Governance");
    assert.equal(
      bundle.people.some((p) => p.name === "Governance"),
      false,
    );
    assert.equal(attended("Sam Lathbury")?.role, "clerk");
  });

  it("gives a motion moved by the civic heads to the members who hold those posts", () => {
    const r = item("12")?.resolutions[0];
    assert.equal(r?.proposer, "Petra Vance");
    assert.equal(r?.seconder, "Orme");
  });

  it("records a declaration by several members against each of them", () => {
    const declared = item("15")?.declarations.map((d) => [d.person, d.kind]);
    assert.deepEqual(declared, [
      ["Brisco", "other-registrable"],
      ["Cready", "other-registrable"],
    ]);
  });

  it("reads the asker of a public question as from outside the council, and the member's post", () => {
    assert.equal(person("Dale Pennock")?.kind, "external");
    assert.equal(person("Dale Pennock")?.honorific, "Mr");
    assert.equal(person("Eveleigh")?.jobTitle, "Cabinet Member for Parks and Leisure");
  });

  it("takes the recorded vote on the substantive motion over the count on the amendment", () => {
    assert.deepEqual(item("15")?.resolutions[0]?.votes, { for: 6, against: 1, abstain: 2 });
  });

  it("reads an action from each clause, and 'the Leader' as whoever leads the council", () => {
    const actions = item("15")?.resolutions[0]?.actions?.map((a) => [a.text, a.owner]);
    assert.deepEqual(actions, [
      ["Write to the Canal Trust about its moorings", "Goodyear"],
      ["Report on the cost of lighting by December 2026", "Executive"],
    ]);
  });

  it("drops the reference to the recommending minute from the text, and links to it only where the bundle holds it", () => {
    assert.equal(item("16")?.title, "RECOMMENDATION OF THE EXECUTIVE - PARKING CHARGES");
    assert.match(item("16")?.minutes ?? "", /^It was moved by Councillor Hatherley/);
    // The Executive's minutes are not in this file, and a bundle may not refer to what it lacks.
    assert.equal(item("16")?.resolutions[0]?.respondsTo, undefined);
    assert.ok(bundle.bodies.some((b) => b.name === "Executive" && b.kind === "executive"));
  });

  it("makes the members named by executive posts members of the executive", () => {
    const members = bundle.memberships
      .filter((m) => m.body === "Executive")
      .map((m) => m.person)
      .sort();
    assert.deepEqual(members, ["Eveleigh", "Goodyear", "Hatherley"]);
  });

  it("reads the venue on the line above the date", () => {
    assert.equal(meeting?.venue, "Assembly Hall, Guildhall, Grantholme");
  });

  it("knows the standing items of a council meeting", () => {
    assert.equal(item("14")?.kind, "public-participation");
    assert.equal(item("17")?.kind, "other");
    assert.equal(item("18")?.kind, "other");
  });

  it("leaves the page footers and the signature out of the minutes", () => {
    assert.doesNotMatch(item("14")?.minutes ?? "", /14 May 2026/);
    assert.equal(item("18")?.minutes, undefined);
  });
});

describe("full council readers", () => {
  it("reads a reference to the minute a recommendation comes from", () => {
    assert.deepEqual(readMinuteReference("(Executive Board, 3 March 2026, Minute 112(a))"), {
      body: "Executive Board",
      date: "2026-03-03",
      item: "112",
      number: "(a)",
    });
    assert.equal(readMinuteReference("(Councillor Ash left the meeting, 3 March 2026, Minute 5)"), undefined);
  });

  it("reads recorded-vote labels with their counts and no colon", () => {
    const flat = "FOR (3) Councillors Ash, Birch and Cedar AGAINST (1) Councillor Dale ABSTAINED (0) None";
    assert.deepEqual(readVotes(flat), { for: 3, against: 1, abstain: 0 });
  });

  it("reads each member of a declaration made together", () => {
    const found = readDeclarations(
      "Councillors Mrs Ash, Birch and Cedar declared personal interests in item 7 as allotment holders.",
    );
    assert.deepEqual(
      found.map((d) => [d.person.name, d.kind, d.item]),
      [
        ["Ash", "non-registrable", "7"],
        ["Birch", "non-registrable", "7"],
        ["Cedar", "non-registrable", "7"],
      ],
    );
  });

  it("knows a mover by post, and who holds it", () => {
    const motion = readMotion("It was moved by the Chair, seconded by the Vice-Chair and");
    assert.equal(motion.proposerPost, "Chair");
    assert.equal(motion.seconderPost, "Vice-Chair");
    const attendees = [
      { name: "Kit Rowe", role: "chair" },
      { name: "Ida Moss", role: "vice-chair" },
      { name: "Lyle", jobTitle: "Mayor" },
    ];
    assert.equal(holderOf("Chair", attendees), "Kit Rowe");
    assert.equal(holderOf("Vice-Chair", attendees), "Ida Moss");
    assert.equal(holderOf("Mayor", attendees), "Lyle");
    assert.equal(holderOf("Deputy Mayor", attendees), undefined);
  });
});
