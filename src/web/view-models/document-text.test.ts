import assert from "node:assert/strict";
import { test } from "node:test";
import { cellItems, documentBlocks } from "./document-text.js";

test("headings: capitals, numbered section titles, bold blocks, labels and short titles", () => {
  const blocks = documentBlocks(
    [
      "PLYMOUTH CITY COUNCIL",
      "",
      "1. Purpose",
      "",
      "**Implications for Medium Term Financial Plan:",
      "Including finance**",
      "",
      "Purpose of the report:",
      "",
      "Context",
      "",
      "Children's Services in Torbay have had a history of underperformance and an inability to sustain improvements in outcomes.",
    ].join("\n"),
  );
  assert.deepEqual(blocks, [
    { kind: "heading", text: "PLYMOUTH CITY COUNCIL" },
    { kind: "heading", text: "1. Purpose" },
    { kind: "heading", text: "Implications for Medium Term Financial Plan: Including finance" },
    { kind: "heading", text: "Purpose of the report:" },
    { kind: "heading", text: "Context" },
    {
      kind: "paragraph",
      lines: [
        "Children's Services in Torbay have had a history of underperformance and an inability to sustain improvements in outcomes.",
      ],
    },
  ]);
});

test("lists: bullets of any mark, printed numbers kept, wrapped items joined", () => {
  const blocks = documentBlocks(
    [
      "\uf0b7 The fundamental political and managerial accountabilities will ",
      "",
      "remain unchanged.",
      "",
      "\uf0b7 A joint Director of Children's Services.",
      "",
      "- (a) concerns regarding staff shortages;",
      "- (b) the impact upon adult social care;",
      "",
      "1. The safety and wellbeing of Plymouth's children is paramount.",
      "2. The partnership must not impact on Plymouth's finances.",
    ].join("\n"),
  );
  assert.deepEqual(blocks, [
    {
      kind: "list",
      style: "bullet",
      items: [
        "The fundamental political and managerial accountabilities will remain unchanged.",
        "A joint Director of Children's Services.",
      ],
    },
    {
      kind: "list",
      style: "printed",
      items: ["(a) concerns regarding staff shortages;", "(b) the impact upon adult social care;"],
    },
    {
      kind: "list",
      style: "printed",
      items: [
        "1. The safety and wellbeing of Plymouth's children is paramount.",
        "2. The partnership must not impact on Plymouth's finances.",
      ],
    },
  ]);
});

test("paragraphs wrapped with blank lines between their lines are joined back together", () => {
  const blocks = documentBlocks(
    "1.1 The purpose of this report is to update Schools Forum on the work \n\nunderway to establish a partnership. \n\n \n\n2.1 In January 2016, Ofsted judged services inadequate.",
  );
  assert.deepEqual(blocks, [
    {
      kind: "paragraph",
      lines: [
        "1.1 The purpose of this report is to update Schools Forum on the work underway to establish a partnership.",
      ],
    },
    { kind: "paragraph", lines: ["2.1 In January 2016, Ofsted judged services inadequate."] },
  ]);
});

test("tab-separated rows are tables: a header when the first row reads as one, its caption from a heading", () => {
  const blocks = documentBlocks(
    [
      "Work Programme 2017-2018",
      "",
      "Date of meeting\tAgenda item\tPrioritisation Score",
      "9 August 2017\tReprocurement of Sexual Assault Referral Centres\t5 (High)",
      "\tAcute Services Review\t6 (High)",
      "Date of meeting\tAgenda item\tPrioritisation Score",
      "11 October 2017\tPlymouth Education System\t5 (High)",
      "Items to be scheduled\t\t",
      "\tTorbay Children's Services\t5 (High)",
      "",
      "Responsible Officer\tTracey Lee",
      "What is being assessed - including a brief description of its aims and objectives?\tThis assessment",
    ].join("\n"),
  );
  assert.deepEqual(blocks, [
    {
      kind: "table",
      caption: "Work Programme 2017-2018",
      head: ["Date of meeting", "Agenda item", "Prioritisation Score"],
      rows: [
        ["9 August 2017", "Reprocurement of Sexual Assault Referral Centres", "5 (High)"],
        ["", "Acute Services Review", "6 (High)"],
        ["11 October 2017", "Plymouth Education System", "5 (High)"],
      ],
    },
    {
      kind: "table",
      caption: "Items to be scheduled",
      head: ["Date of meeting", "Agenda item", "Prioritisation Score"],
      rows: [["", "Torbay Children's Services", "5 (High)"]],
    },
    {
      kind: "table",
      caption: "Table 1",
      head: null,
      rows: [
        ["Responsible Officer", "Tracey Lee"],
        [
          "What is being assessed - including a brief description of its aims and objectives?",
          "This assessment",
        ],
      ],
    },
  ]);
});

test("form feeds mark pages; anything shaped like an HTML tag is dropped, the rest stays text", () => {
  const blocks = documentBlocks(
    'First page.\fSecond <ul style="x"> page <script>alert(1)</script> & <5 years.',
  );
  assert.deepEqual(blocks, [
    { kind: "page", number: 1 },
    { kind: "paragraph", lines: ["First page."] },
    { kind: "page", number: 2 },
    { kind: "paragraph", lines: ["Second page alert(1) & <5 years."] },
  ]);
});

test("a cell of bulleted points is split into its items", () => {
  assert.deepEqual(cellItems("▼ Scope of the agreement. ▼ Operating model."), [
    "Scope of the agreement.",
    "Operating model.",
  ]);
  assert.deepEqual(cellItems("Tracey Lee"), ["Tracey Lee"]);
});

test("a row with only its first cell is a heading only when what follows hangs from it", () => {
  const blocks = documentBlocks(
    [
      "STAGE 2: Evidence and Impact\t\t\t",
      "Protected Characteristics\tEvidence\tAny adverse impact?\tActions",
      "Age\tThe decision relates to Children's Services\tNot expected\tNone",
      "Disability\t\t\t",
      "Faith, Religion or Belief\t\t\t",
    ].join("\n"),
  );
  assert.deepEqual(blocks, [
    {
      kind: "table",
      caption: "STAGE 2: Evidence and Impact",
      head: ["Protected Characteristics", "Evidence", "Any adverse impact?", "Actions"],
      rows: [
        ["Age", "The decision relates to Children's Services", "Not expected", "None"],
        ["Disability", "", "", ""],
        ["Faith, Religion or Belief", "", "", ""],
      ],
    },
  ]);
});
