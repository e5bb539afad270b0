import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDocument } from "../../../src/importers/parse/index.js";
import { extracted } from "./support.js";

// Tables typed with spaces inside minutes: a town council's responses to planning applications,
// whose cells wrap onto the lines below, and the actions a scrutiny committee's minutes list
// after the last minute.

const PLANNING = `ALDERTON TOWN COUNCIL

Minutes of the Planning and Environment Committee meeting held at the Guildhall, Alderton on Monday 2 June 2025 at 7.00 pm

Present:  Cllr Ruth Beckett (Chair), Cllr Omar Faraday, Cllr Lena Gosforth and Cllr Ian Hebden
In attendance:  Tom Ivers (Town Clerk)

P/25/12  DECLARATIONS OF INTEREST
Cllr Gosforth declared a pecuniary interest in application 25/01122/FUL as she owns the adjoining field.

P/25/13  PLANNING APPLICATIONS
The Committee agreed the following responses to the district council.

Ref              Site                        Proposal                           Town Council Comments
25/01101/HOU     12 Mill Street              Rear conservatory                  No objection
25/01122/FUL     Land off Station Road       Nine houses with access            Object - no safe access for
                                             from Station Road                  refuse and emergency vehicles
25/01150/ADV     The Old Bank                Hanging sign                       No objection, subject to no
                                                                                illumination

P/25/14  ALLOTMENTS
It was RESOLVED to raise the allotment rent to £40 a year from 1 October 2025. Carried, 3 for and 1 abstention.

The meeting closed at 8.05 pm.`;

const SCRUTINY = `Minutes of the Adult Social Care Scrutiny Panel

Tuesday 4 March 2025 at 2.00 pm, Committee Room 1

Present: Councillors Appleby (Chair), Brewer and Carmody

Also present: Dr Nina Osei (Medical Director, Harrowgate and Fenn Integrated Care Board), Paul Quigley (Scrutiny Officer)

12.  HOSPITAL DISCHARGE

RESOLVED:
(1)  That the report be noted.
(2)  That NHS Harrowgate and Fenn Integrated Care Board be requested to report discharge delays by ward.

13.  WORK PROGRAMME

RESOLVED that the work programme be agreed.

The meeting ended at 3.40 pm.

ACTIONS ARISING

Minute   Action                               Owner                                   Due
12(2)    Report discharge delays by ward      NHS Harrowgate and Fenn Integrated      30 April 2025
                                              Care Board
13       Add a home care item in June         Paul Quigley                            14 March 2025
12(1)    Circulate the dashboard              Dr Nina Osei                            21 March 2025
`;

function meetingOf(name: string, text: string) {
  const meeting = parseDocument(extracted(name, text), { authority: "Fenn Borough Council" }).bundle
    .meetings[0];
  assert.ok(meeting);
  return meeting;
}

describe("tables typed with spaces in minutes", () => {
  it("reads the committee from 'Minutes of the … Committee meeting held at'", () => {
    const meeting = meetingOf("alderton.txt", PLANNING);
    assert.equal(meeting.body, "Planning and Environment Committee");
    assert.equal(meeting.venue, "Guildhall, Alderton");
    assert.equal(meeting.start, "19:00");
  });

  it("makes each application's response a decision, its wrapped cell read whole", () => {
    const item = meetingOf("alderton.txt", PLANNING).items.find((i) => i.number === "P/25/13");
    assert.deepEqual(
      item?.resolutions.map((r) => [r.number, r.text, r.verb]),
      [
        ["1", "No objection", undefined],
        ["2", "Object - no safe access for refuse and emergency vehicles", undefined],
        ["3", "No objection, subject to no illumination", undefined],
      ],
    );
    // The rows stay in the minute's text, which says which application each response is about.
    assert.match(
      item?.minutes ?? "",
      /25\/01122\/FUL\s+Land off Station Road\s+Nine houses with access from Station Road/,
    );
  });

  it("records an interest in an application against the minute that lists it", () => {
    const meeting = meetingOf("alderton.txt", PLANNING);
    const declared = meeting.items.filter((i) => i.declarations.length > 0).map((i) => i.number);
    assert.deepEqual(declared, ["P/25/13"]);
  });

  it("counts '3 for and 1 abstention' with none against", () => {
    const item = meetingOf("alderton.txt", PLANNING).items.find((i) => i.number === "P/25/14");
    assert.deepEqual(item?.resolutions[0]?.votes, { for: 3, abstain: 1 });
  });

  it("puts each row of an actions table on the decision its minute reference names", () => {
    const meeting = meetingOf("panel.txt", SCRUTINY);
    const actions = (number: string, resolution: number) =>
      meeting.items.find((i) => i.number === number)?.resolutions[resolution]?.actions;
    assert.deepEqual(actions("12", 1), [
      {
        text: "Report discharge delays by ward",
        owner: "NHS Harrowgate and Fenn Integrated Care Board",
        due: "2025-04-30",
      },
    ]);
    assert.deepEqual(actions("12", 0), [
      { text: "Circulate the dashboard", owner: "Nina Osei", due: "2025-03-21" },
    ]);
    assert.deepEqual(actions("13", 0), [
      { text: "Add a home care item in June", owner: "Paul Quigley", due: "2025-03-14" },
    ]);
    // The table is not the last minute's text.
    assert.doesNotMatch(meeting.items.at(-1)?.minutes ?? "", /ACTIONS|Owner/);
  });

  it("does not make an NHS board one of the council's bodies", () => {
    const bundle = parseDocument(extracted("panel.txt", SCRUTINY), {
      authority: "Fenn Borough Council",
    }).bundle;
    assert.deepEqual(
      bundle.bodies.map((b) => b.name),
      ["Adult Social Care Scrutiny Panel"],
    );
  });
});
