import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { BundleMeeting } from "../../../src/domain/bundle.js";
import { readHtml } from "../../../src/importers/extract/html.js";
import { parseDocument } from "../../../src/importers/parse/index.js";
import { readMeetingStatus } from "../../../src/importers/parse/meeting-tables.js";

// A meeting page set out in tables, as CMIS publishes one: the committee as the heading, its
// details as labels and values (a definition list or a table), who came as "Name | Role |
// Attendance", and the items as "No. | Item | Documents", each item cell holding the title and
// the minutes, each documents cell the linked papers.

const AUTHORITY = "Quarrington District Council";

const DETAILS_LIST = `<dl>
  <dt>Date</dt><dd>Tuesday, 4 March 2025</dd>
  <dt>Time</dt><dd>18:00</dd>
  <dt>Venue</dt><dd>Committee Room 2, Quarrington Guildhall</dd>
  <dt>Meeting Status</dt><dd>Minutes Approved</dd>
  <dt>Contact</dt><dd>Petra Lund, Democratic Services Officer, 01632 960777</dd>
</dl>`;

const DETAILS_TABLE = `<table>
  <tr><th>Date:</th><td>Tuesday, 4 March 2025</td></tr>
  <tr><th>Time:</th><td>18:00</td></tr>
  <tr><th>Venue:</th><td>Committee Room 2, Quarrington Guildhall</td></tr>
  <tr><th>Meeting Status:</th><td>Minutes Approved</td></tr>
  <tr><th>Contact:</th><td>Petra Lund, Democratic Services Officer, 01632 960777</td></tr>
</table>`;

const ATTENDANCE = `<h2>Attendance</h2>
<table>
  <thead><tr><th>Name</th><th>Role</th><th>Attendance</th></tr></thead>
  <tr><td>Councillor Wendy Farrow</td><td>Chair</td><td>Present</td></tr>
  <tr><td>Councillor Idris Penn</td><td>Vice-Chair</td><td>Apologies</td></tr>
  <tr><td>Councillor Saul Becker</td><td>Committee Member</td><td>Absent</td></tr>
  <tr><td>Councillor Mina Ortiz</td><td>Substitute for Councillor Idris Penn</td><td>Present</td></tr>
  <tr><td>Tomasz Wren</td><td>Head of Housing</td><td>In attendance</td></tr>
  <tr><td>Petra Lund</td><td>Democratic Services Officer</td><td>In attendance</td></tr>
</table>`;

const row = (number: string, title: string, minutes: string[], papers = "") =>
  `<tr><td>${number}.</td><td><p>${title}</p><div>${minutes.map((p) => `<p>${p}</p>`).join("")}</div></td><td>${papers}</td></tr>`;

const paper = (text: string, size: string) =>
  `<p><a href="/cmis5/Document.ashx?id=${encodeURIComponent(text)}">${text} <span>${size}</span></a></p>`;

const ITEMS = `<h2>Agenda and Minutes</h2>
<table>
  <thead><tr><th>No.</th><th>Item</th><th>Documents</th></tr></thead>
  ${row("1", "Declarations of Interest", [
    "Councillor Farrow declared a pecuniary interest in item 3 and left the room for that item.",
  ])}
  ${row(
    "2",
    "Minutes of the Previous Meeting",
    ["RESOLVED - That the minutes of the meeting held on 4 February 2025 be approved."],
    paper("Minutes, 4 February 2025", "PDF 120 KB"),
  )}
  ${row(
    "3",
    "Empty Homes Strategy",
    ["Tomasz Wren (Head of Housing) introduced the strategy.", "RESOLVED - That the strategy be noted."],
    paper("Report", "PDF 300 KB") + paper("Appendix 1 - Action Plan", "PDF 2 MB"),
  )}
  ${row(
    "4",
    "Land at Brook Farm - Disposal",
    ["RESOLVED - That the disposal be approved."],
    "<p>Exempt - not for publication (paragraph 3)</p>",
  )}
</table>
<p>The meeting closed at 19:40.</p>`;

function page(details: string, { head = "", items = ITEMS } = {}): string {
  return `<!DOCTYPE html><html><head><title>${AUTHORITY} - Housing Committee - 04/03/2025 18:00</title></head>
<body><div role="main"><h1>Housing Committee</h1><h2>Meeting Details</h2>${head}${details}${ATTENDANCE}${items}</div></body></html>`;
}

function read(html: string) {
  const doc = readHtml(new TextEncoder().encode(html), "housing-committee.html");
  return parseDocument(doc, { authority: AUTHORITY });
}

function meetingOf(html: string): BundleMeeting {
  const meeting = read(html).bundle.meetings[0];
  assert.ok(meeting);
  return meeting;
}

describe("a meeting page set out in tables", () => {
  it("is one meeting page, of the committee its heading names", () => {
    const parsed = read(page(DETAILS_LIST));
    assert.deepEqual(parsed.parts, ["meeting-page"]);
    assert.deepEqual(
      parsed.bundle.meetings.map((m) => [m.authority, m.body, m.date]),
      [[AUTHORITY, "Housing Committee", "2025-03-04"]],
    );
  });

  it("reads the labelled details from a definition list and from a table alike", () => {
    for (const details of [DETAILS_LIST, DETAILS_TABLE]) {
      const m = meetingOf(page(details));
      assert.deepEqual(
        [m.date, m.start, m.end, m.venue, m.contact, m.minutesStatus, m.status, m.published],
        [
          "2025-03-04",
          "18:00",
          "19:40",
          "Committee Room 2, Quarrington Guildhall",
          "Petra Lund",
          "approved",
          "held",
          true,
        ],
      );
    }
  });

  it("reads the attendance table: each status, the seat a member holds, a substitute, and officers by post", () => {
    const { bundle } = read(page(DETAILS_LIST));
    assert.deepEqual(
      bundle.meetings[0]?.attendance.map((a) => [a.person, a.status, a.role, a.substituteFor]),
      [
        ["Wendy Farrow", "present", "chair", undefined],
        ["Idris Penn", "apologies", "vice-chair", undefined],
        ["Saul Becker", "absent", undefined, undefined],
        ["Mina Ortiz", "substitute", undefined, "Idris Penn"],
        ["Tomasz Wren", "in-attendance", undefined, undefined],
        ["Petra Lund", "in-attendance", "clerk", undefined],
      ],
    );
    const person = (name: string) => bundle.people.find((p) => p.name === name);
    assert.deepEqual(
      ["Wendy Farrow", "Mina Ortiz", "Tomasz Wren"].map((n) => [person(n)?.kind, person(n)?.jobTitle]),
      [
        ["councillor", undefined],
        ["councillor", undefined],
        ["officer", "Head of Housing"],
      ],
    );
  });

  it("makes each member a member of the committee, with their seat, whether or not they came; the clerk too, not a substitute", () => {
    const { bundle } = read(page(DETAILS_LIST));
    assert.deepEqual(
      bundle.memberships.map((m) => [m.person, m.body, m.role]),
      [
        ["Wendy Farrow", "Housing Committee", "chair"],
        ["Idris Penn", "Housing Committee", "vice-chair"],
        ["Saul Becker", "Housing Committee", "member"],
        ["Petra Lund", "Housing Committee", "clerk"],
      ],
    );
  });

  it("reads each item's title and minutes from its item cell, and its papers from its documents cell", () => {
    const { bundle } = read(page(DETAILS_LIST));
    const items = bundle.meetings[0]?.items ?? [];
    assert.deepEqual(
      items.map((i) => [i.number, i.title, i.kind]),
      [
        ["1", "Declarations of Interest", "declarations"],
        ["2", "Minutes of the Previous Meeting", "minutes"],
        ["3", "Empty Homes Strategy", "report"],
        ["4", "Land at Brook Farm - Disposal", "report"],
      ],
    );
    const strategy = items[2];
    assert.equal(strategy?.minutes, "Tomasz Wren (Head of Housing) introduced the strategy.");
    assert.deepEqual(
      strategy?.resolutions.map((r) => r.text),
      ["RESOLVED - That the strategy be noted."],
    );
    const papers = (n: number) =>
      (items[n]?.documents ?? []).map((id) => {
        const d = bundle.documents.find((x) => x.id === id);
        return [d?.title, d?.kind, d?.mediaType, d?.sizeBytes];
      });
    assert.deepEqual(papers(1), [
      ["Minutes of the Previous Meeting", "minutes", "application/pdf", 120 * 1024],
    ]);
    assert.deepEqual(papers(2), [
      ["Empty Homes Strategy", "report", "application/pdf", 300 * 1024],
      ["Appendix 1 - Action Plan", "appendix", "application/pdf", 2 * 1024 * 1024],
    ]);
  });

  it("takes an item whose documents cell says its papers are exempt in private, under the paragraph cited", () => {
    const items = meetingOf(page(DETAILS_LIST)).items;
    assert.deepEqual(
      items.map((i) => [i.number, i.part, i.exemptParagraph]),
      [
        ["1", "I", undefined],
        ["2", "I", undefined],
        ["3", "I", undefined],
        ["4", "II", "3"],
      ],
    );
  });

  it("records a declaration against the later item it names", () => {
    const items = meetingOf(page(DETAILS_LIST)).items;
    assert.deepEqual(
      items.map((i) => [i.number, i.declarations.map((d) => [d.person, d.kind])]),
      [
        ["1", []],
        ["2", []],
        ["3", [["Wendy Farrow", "disclosable-pecuniary"]]],
        ["4", []],
      ],
    );
  });

  it("is itself the meeting's minutes, unless it links printed minutes", () => {
    const html = page(DETAILS_LIST);
    const own = read(html).bundle.documents.filter((d) => d.body === "Housing Committee");
    assert.deepEqual(
      own.map((d) => [d.kind, d.mediaType, d.source?.from]),
      [["minutes", "text/html", 0]],
    );
    const printed = paper("Printed minutes", "PDF 90 KB");
    const linked = read(page(DETAILS_LIST, { head: printed })).bundle.documents.filter(
      (d) => d.kind === "minutes" && d.mediaType === "text/html",
    );
    assert.deepEqual(linked, []);
  });

  it("is no meeting page while its items record no minutes: then it is read as an agenda", () => {
    const agendaOnly = `<table>
      <thead><tr><th>No.</th><th>Item</th><th>Documents</th></tr></thead>
      ${row("1", "Apologies for Absence", [])}
      ${row("2", "Empty Homes Strategy", [], paper("Report", "PDF 300 KB"))}
    </table>`;
    const details = DETAILS_TABLE.replace("Minutes Approved", "Agenda Published");
    assert.equal(read(page(details, { items: agendaOnly })).parts.includes("meeting-page"), false);
  });
});

describe("a meeting's status, as a page states it", () => {
  it("says whether the meeting was held or called off, and how far its minutes are", () => {
    assert.deepEqual(
      ["Minutes Approved", "Draft Minutes", "Minutes Published", "Cancelled", "Agenda Published"].map(
        readMeetingStatus,
      ),
      [
        { status: "held", minutesStatus: "approved" },
        { status: "held", minutesStatus: "draft" },
        { status: "held" },
        { status: "cancelled" },
        {},
      ],
    );
  });
});
