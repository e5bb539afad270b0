import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDocument } from "../../../src/importers/parse/index.js";
import { extracted } from "./support.js";

// A parish council that minutes each decision with a line of who proposed and seconded it under
// it, decides planning applications in lettered paragraphs below a table that only lists them,
// and heads its standing items "To receive and accept apologies for absence".

const MINUTES = `COLDHARBOUR PARISH COUNCIL

Minutes of the Meeting of the Parish Council held on Wednesday 10th September 2025 at 7.00pm in the Pavilion

Present:  Cllr Iris Mallory (Chairman), Cllr Dev Anand, Cllr Kit Rowe and Cllr Bea Sollis

25/061  To receive and accept apologies for absence
Apologies had been received from Cllr Nell Pryor (holiday). It was RESOLVED to accept the apologies.
Proposed: Cllr Anand   Seconded: Cllr Rowe   All in favour
Cllr Tom Hale was absent without apology.

25/062  Reports from County and District Councillors
None received.

25/063  Planning
(a) Applications received:

Application No.    Site                   Proposal                 Comments
25/00811/HOU       4 Well Lane            Porch                    No objection
25/00820/FUL       Yew Farm               Two holiday lets         Objection

(b) Yew Farm - It was RESOLVED to object to application 25/00820/FUL on highway grounds.
Proposed: Cllr Sollis   Seconded: Cllr Mallory   3 in favour, 1 abstention

25/064  Finance
(a) Payments. The following payments were presented for approval:

Payee                 Details                   Amount (£)
Village Hall          Hire, September                24.00
J Mercer              Grass cutting                 180.00

It was RESOLVED to approve the payments.
Proposed: Cllr Rowe   Seconded: Cllr Sollis   All in favour

25/065  Footpaths
(a) The stile on FP 3 is broken.
Action: Clerk to report the stile to the county council.
(b) It was RESOLVED to buy a new bench for the green.
Proposed: Cllr Rowe   Seconded: Cllr Anand   All in favour
Action: Clerk to order the bench by 1st October 2025.

There being no further business the Chairman closed the meeting at 8.40pm.`;

function meeting() {
  const parsed = parseDocument(extracted("coldharbour.txt", MINUTES), {}).bundle.meetings[0];
  assert.ok(parsed);
  return parsed;
}

describe("a parish council's proposals under its decisions", () => {
  it("reads the line under a decision as its proposer, seconder and vote, not its text", () => {
    const [r] = meeting().items.find((i) => i.number === "25/061")?.resolutions ?? [];
    assert.equal(r?.text, "It was RESOLVED to accept the apologies.");
    assert.equal(r?.proposer, "Dev Anand");
    assert.equal(r?.seconder, "Kit Rowe");
    assert.deepEqual(r?.votes, { unanimous: true });
  });

  it("knows the apologies item and the councillors' reports by their titles", () => {
    const kinds = meeting().items.map((i) => [i.number, i.kind]);
    assert.deepEqual(kinds.slice(0, 2), [
      ["25/061", "apologies"],
      ["25/062", "other"],
    ]);
    const status = (s: string) =>
      meeting()
        .attendance.filter((a) => a.status === s)
        .map((a) => a.person);
    assert.deepEqual(status("apologies"), ["Nell Pryor"]);
    assert.deepEqual(status("absent"), ["Tom Hale"]);
  });

  it("takes the decision in a lettered paragraph, not the table that lists the applications", () => {
    const item = meeting().items.find((i) => i.number === "25/063");
    assert.deepEqual(
      item?.resolutions.map((r) => [r.number, r.text, r.proposer, r.votes]),
      [
        [
          "(b)",
          "It was RESOLVED to object to application 25/00820/FUL on highway grounds.",
          "Bea Sollis",
          { for: 3, abstain: 1 },
        ],
      ],
    );
  });

  it("numbers a decision in a lettered part of the minute by the part's letter", () => {
    const item = meeting().items.find((i) => i.number === "25/064");
    assert.deepEqual(
      item?.resolutions.map((r) => [r.number, r.text, r.seconder]),
      [["(a)", "It was RESOLVED to approve the payments.", "Bea Sollis"]],
    );
  });

  it("gives an 'Action:' line to the decision above it, and keeps one with none above as text", () => {
    const item = meeting().items.find((i) => i.number === "25/065");
    assert.deepEqual(
      item?.resolutions.map((r) => [r.number, r.actions]),
      [
        [
          "(b)",
          [{ text: "Clerk to order the bench by 1st October 2025.", owner: "Clerk", due: "2025-10-01" }],
        ],
      ],
    );
    assert.match(item?.minutes ?? "", /Action: Clerk to report the stile/);
  });

  it("reads the end of the meeting from 'the Chairman closed the meeting at'", () => {
    assert.equal(meeting().end, "20:40");
    assert.doesNotMatch(meeting().items.at(-1)?.minutes ?? "", /no further business/);
  });
});
