import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extractPlain } from "../../../src/importers/extract/plain.js";
import { parseDocument } from "../../../src/importers/parse/index.js";

// A parish council's minutes as a village website republishes them: Markdown with front matter,
// the attendance table flattened into one line, motions set out as "Proposed – … Seconded – …"
// over the motion's words, and decisions minuted as "It was agreed that …".

const PAGE = `---
title: "Ashby Magna Parish Council Minutes May"
date: "2024-06-12"
---

ASHBY MAGNA PARISH COUNCIL

Minutes of the meeting held on 8th May, 2024

Attendance: Chairman Cllr R Oakes Vice Chairman Mrs P Dunne Councillors Mrs K Fenn Mr L Ward Mrs H Gale Borough Cllr T Brook Parish Clerk Mrs A Vale

Tree Warden Mr J Hollis

1\\. Election of Chairman

Proposed – Cllr Mrs Dunne Seconded – Cllr Mrs Fenn

That Cllr Oakes is elected as Chairman of the Parish Council

There being no other nominations it was unanimously agreed

2\\. Village Hall Roof

It was agreed that the Clerk would obtain three quotations for the repairs.

3\\. Date and time of next meeting - Wednesday 12th June, 2024 at 7.00pm.
`;

function read() {
  const doc = extractPlain(new TextEncoder().encode(PAGE), "index.md", 1e6);
  assert.notEqual(doc, "html");
  if (doc === "html") throw new Error("unreachable");
  return parseDocument(doc, {});
}

describe("a parish council's minutes from a village website", () => {
  it("is the parish council's own meeting, though the minutes name no committee", () => {
    const { bundle, warnings } = read();
    assert.deepEqual(
      bundle.meetings.map((m) => [m.authority, m.body, m.date]),
      [["Ashby Magna Parish Council", "Parish Council", "2024-05-08"]],
    );
    assert.ok(warnings.some((w) => /name no committee, so they are read as Parish Council's/.test(w)));
  });

  it("reads a flattened attendance line person by person, with roles, and who only attended", () => {
    const meeting = read().bundle.meetings[0];
    assert.deepEqual(
      meeting?.attendance.map((a) => [a.person, a.status, a.role]),
      [
        ["R Oakes", "present", "chair"],
        ["P Dunne", "present", "vice-chair"],
        ["K Fenn", "present", undefined],
        ["L Ward", "present", undefined],
        ["H Gale", "present", undefined],
        ["T Brook", "in-attendance", undefined],
        ["A Vale", "in-attendance", "clerk"],
        ["J Hollis", "present", undefined],
      ],
    );
    const hollis = read().bundle.people.find((p) => p.name === "J Hollis");
    assert.deepEqual([hollis?.kind, hollis?.jobTitle], ["officer", "Tree Warden"]);
  });

  it("reads a motion set out under its mover and seconder, and 'It was agreed that …'", () => {
    const items = read().bundle.meetings[0]?.items ?? [];
    assert.deepEqual(
      items.map((i) => [i.number, i.title, i.kind]),
      [
        ["1", "Election of Chairman", "other"],
        ["2", "Village Hall Roof", "report"],
        ["3", "Date and time of next meeting - Wednesday 12th June, 2024 at 7.00pm.", "other"],
      ],
    );
    const [election, roof] = items;
    assert.deepEqual(
      election?.resolutions.map((r) => [r.text, r.proposer, r.seconder, r.verb, r.votes]),
      [
        [
          "That Cllr Oakes is elected as Chairman of the Parish Council",
          "P Dunne",
          "K Fenn",
          "agreed",
          { unanimous: true },
        ],
      ],
    );
    assert.deepEqual(
      roof?.resolutions.map((r) => [r.text, r.verb]),
      [["It was agreed that the Clerk would obtain three quotations for the repairs.", "agreed"]],
    );
  });
});

describe("more ways small councils head their minutes", () => {
  const read = (name: string, source: string) => {
    const doc = extractPlain(new TextEncoder().encode(source), name, 1e6);
    if (doc === "html") throw new Error("read as HTML");
    return parseDocument(doc, {}).bundle;
  };

  it("attendance minuted as item 1, under a heading of a place and a time before the date", () => {
    const bundle = read(
      "minutes.txt",
      [
        "Minutes of Brambleford Parish Council Meeting held in The Community Centre",
        "",
        "At 7.30pm on Wednesday 10 July 2013",
        "",
        "1.\tThose Attending:\tCllr J Nash (Chairman), Cllr Mrs D Cole (Vice-Chair), Cllr M Hand",
        "",
        "2.\tTo Consider Apologies for Absence:\tApologies were received from Cllr T Ryves.",
        "",
        "3.\tMatters Arising:\tNone.",
      ].join("\n"),
    );
    const meeting = bundle.meetings[0];
    assert.deepEqual(
      [meeting?.authority, meeting?.body, meeting?.date],
      ["Brambleford Parish Council", "Parish Council", "2013-07-10"],
    );
    assert.deepEqual(
      meeting?.attendance.map((a) => [a.person, a.status, a.role]),
      [
        ["J Nash", "present", "chair"],
        ["D Cole", "present", "vice-chair"],
        ["M Hand", "present", undefined],
        ["T Ryves", "apologies", undefined],
      ],
    );
  });

  it("a Markdown page's bold labels, its heading block, and its title when the text gives no date", () => {
    const bundle = read(
      "index.md",
      [
        "---",
        'title: "FERNHOLM COMMUNITY COUNCIL  Minutes of the Extraordinary Meeting held on Wednesday 24 April 2019"',
        "---",
        "",
        "**FERNHOLM COMMUNITY COUNCIL**  ",
        "**DRAFT MINUTES OF THE EXTRAORDINARY MEETING**  ",
        "Held in the Pearce Hall at 7 p.m.",
        "",
        "**Present**: Cllr Greg Burns, Cllr Esme Clark",
        "**Apologies:** Cllr Ruby Kelly",
        "",
        "1. Playing field lease",
        "",
        "It was agreed that the lease be renewed for five years.",
      ].join("\n"),
    );
    const meeting = bundle.meetings[0];
    assert.deepEqual(
      [meeting?.authority, meeting?.body, meeting?.date, meeting?.minutesStatus],
      ["Fernholm Community Council", "Community Council", "2019-04-24", "draft"],
    );
    assert.deepEqual(
      meeting?.attendance.map((a) => [a.person, a.status]),
      [
        ["Greg Burns", "present"],
        ["Esme Clark", "present"],
        ["Ruby Kelly", "apologies"],
      ],
    );
  });
});
