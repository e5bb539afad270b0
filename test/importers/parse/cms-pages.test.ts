import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Bundle, BundleMeeting } from "../../../src/domain/bundle.js";
import { readHtml } from "../../../src/importers/extract/html.js";
import { readDeclarations } from "../../../src/importers/parse/declarations.js";
import { BundleBuilder } from "../../../src/importers/parse/builder.js";
import { parseDocument } from "../../../src/importers/parse/index.js";
import { readItemBody } from "../../../src/importers/parse/item-body.js";
import { splitLines } from "../../../src/importers/parse/lines.js";
import { namedMeeting } from "../../../src/importers/parse/meeting-page.js";
import { readMotion } from "../../../src/importers/parse/motions.js";

// A council's own web page for a meeting (neither ModernGov's nor CMIS's): a heading naming the
// meeting, its details as a summary list, who came as lists under headings, the meeting's papers,
// then the items as articles, each with its papers and its minutes, and the site's furniture.

const AUTHORITY = "Thornbury Vale District Council";

const item = (number: string, title: string, papers: string[], minutes: string[]) => `
  <article class="agenda-item">
    <h3><span>${number}.</span> ${title}</h3>
    ${papers.length > 0 ? `<ul class="file-list">${papers.map((p) => `<li><a href="/downloads/${encodeURIComponent(p)}">${p}</a></li>`).join("")}</ul>` : ""}
    <div><h4>Minutes</h4>${minutes.map((p) => `<p>${p}</p>`).join("")}</div>
  </article>`;

const PAGE = `<!DOCTYPE html><html><head><title>Licensing Committee, 9 June 2025 | ${AUTHORITY}</title></head>
<body><header><nav><a href="/">Home</a></nav></header>
<main>
  <article>
    <h1>Meeting of Licensing Committee, Monday 9 June 2025</h1>
    <section><h2>Meeting details</h2>
      <dl>
        <div><dt>Date and time</dt><dd>Monday 9 June 2025, 2.30pm</dd></div>
        <div><dt>Location</dt><dd>Room 4, Thornbury Civic Offices, Mill Road, Thornbury</dd></div>
        <div><dt>Meeting status</dt><dd>Meeting held - draft minutes published</dd></div>
        <div><dt>Committee clerk</dt><dd>Rosalind Quayle, Democratic Services Officer, 01632 555010</dd></div>
        <div><dt>Webcast</dt><dd><a href="https://webcast.example/thornbury/221">Watch this meeting</a></dd></div>
      </dl>
    </section>
    <section><h2>Meeting documents</h2>
      <ul>
        <li><a href="/downloads/pack">Agenda and reports pack (PDF 3,072KB)</a></li>
        <li><a href="/downloads/supp">Supplementary agenda - additional representations (PDF 96KB)</a></li>
        <li><a href="/downloads/mins">Draft minutes - 9 June 2025 (PDF 150KB)</a></li>
      </ul>
    </section>
    <section><h2>Attendance</h2>
      <h3>Members present</h3>
      <ul>
        <li>Councillor Oswin Tredgold (Chair)</li>
        <li>Councillor Marguerite Abney</li>
        <li>Councillor Hamish Colquhoun</li>
      </ul>
      <h3>Substitute members</h3>
      <ul><li>Councillor Ines Varga (substitute for Councillor Dorian Pell)</li></ul>
      <h3>Apologies</h3>
      <ul><li>Councillor Dorian Pell</li></ul>
      <h3>Also in attendance</h3>
      <ul><li>Councillor Yusuf Brandt (Ward Councillor, Millbrook ward)</li></ul>
      <h3>Officers</h3>
      <ul>
        <li>Sorcha Delane, Licensing Manager</li>
        <li>Rosalind Quayle, Democratic Services Officer</li>
      </ul>
    </section>
    <section><h2>Agenda items and minutes</h2>
      ${item("21", "Apologies for absence", [], ["Apologies were received from Councillor Pell."])}
      ${item(
        "22",
        "Declarations of interest",
        [],
        [
          "Councillor Abney declared that she had objected to application 25/00410/PREM (minute 23) and considered herself predetermined.",
        ],
      )}
      ${item(
        "23",
        "25/00410/PREM - The Old Forge, Quay Street - New premises licence",
        ["Licensing report 25/00410/PREM (PDF 1,024KB)", "Appendix A - Plan of the premises (PDF 210KB)"],
        [
          "Mrs Verity Oakes spoke against the application on behalf of the Quay Street Neighbours' Forum. Mr Idris Penhallow of Forge Leisure Ltd, the applicant, spoke in support.",
          "Councillor Colquhoun moved, and Councillor Varga seconded, that the application be refused. The motion was lost.",
          "Councillor Tredgold then moved, and Councillor Colquhoun seconded, the recommendation. On being put to the vote there were 3 votes for and 1 against.",
          "RESOLVED - That the Licensing Manager be authorised to grant the licence subject to the conditions in the report.",
        ],
      )}
      ${item("24", "Urgent items", [], ["There were no urgent items."])}
      <p>The meeting ended at 4.05pm.</p>
    </section>
  </article>
  <aside><h2>Related pages</h2><ul><li><a href="/licensing">Licensing Committee - members</a></li></ul></aside>
  <div><p>Was this page useful? <a href="/feedback">Tell us</a></p><p>Page last updated: 16 June 2025</p></div>
</main></body></html>`;

function read(html: string) {
  return parseDocument(readHtml(new TextEncoder().encode(html), "licensing-9-june.html"), {});
}

function meetingOf(bundle: Bundle): BundleMeeting {
  const meeting = bundle.meetings[0];
  assert.ok(meeting);
  return meeting;
}

describe("a council's own meeting page", () => {
  const parsed = read(PAGE);
  const meeting = meetingOf(parsed.bundle);

  it("is one meeting page, of the committee and date its heading names", () => {
    assert.deepEqual(parsed.parts, ["meeting-page"]);
    assert.deepEqual(
      [meeting.authority, meeting.body, meeting.date],
      [AUTHORITY, "Licensing Committee", "2025-06-09"],
    );
  });

  it("reads the summary list: time, place, state, clerk and webcast", () => {
    assert.equal(meeting.start, "14:30");
    assert.equal(meeting.end, "16:05");
    assert.equal(meeting.venue, "Room 4, Thornbury Civic Offices, Mill Road, Thornbury");
    assert.equal(meeting.status, "held");
    assert.equal(meeting.minutesStatus, "draft");
    assert.equal(meeting.contact, "Rosalind Quayle");
    assert.equal(meeting.webcast, "https://webcast.example/thornbury/221");
  });

  it("reads who came from the lists under their headings, a post after a comma", () => {
    const status = Object.fromEntries(meeting.attendance.map((a) => [a.person, [a.status, a.role]]));
    assert.deepEqual(status, {
      "Oswin Tredgold": ["present", "chair"],
      "Marguerite Abney": ["present", undefined],
      "Hamish Colquhoun": ["present", undefined],
      "Ines Varga": ["substitute", undefined],
      "Dorian Pell": ["apologies", undefined],
      "Yusuf Brandt": ["in-attendance", undefined],
      "Sorcha Delane": ["in-attendance", undefined],
      "Rosalind Quayle": ["in-attendance", "clerk"],
    });
    const people = Object.fromEntries(parsed.bundle.people.map((p) => [p.name, [p.kind, p.jobTitle]]));
    assert.deepEqual(people["Sorcha Delane"], ["officer", "Licensing Manager"]);
    // The ward a councillor speaks for is not their post.
    assert.deepEqual(people["Yusuf Brandt"], ["councillor", "Ward Councillor"]);
  });

  it("takes the members present and those who sent apologies as the committee's members", () => {
    const members = parsed.bundle.memberships.map((m) => [m.person, m.role]).sort();
    assert.deepEqual(members, [
      ["Dorian Pell", "member"],
      ["Hamish Colquhoun", "member"],
      ["Marguerite Abney", "member"],
      ["Oswin Tredgold", "chair"],
      ["Rosalind Quayle", "clerk"],
    ]);
  });

  it("reads the meeting's papers, sizes with thousands, each of its kind, and the page as minutes", () => {
    const docs = parsed.bundle.documents.map((d) => [d.kind, d.mediaType, d.sizeBytes ?? null]);
    assert.deepEqual(docs.slice(0, 3), [
      ["agenda-pack", "application/pdf", 3072 * 1024],
      ["agenda-pack", "application/pdf", 96 * 1024],
      ["minutes", "application/pdf", 150 * 1024],
    ]);
    const page = parsed.bundle.documents.find((d) => d.mediaType === "text/html");
    assert.equal(page?.kind, "minutes");
    assert.equal(page?.source?.from, 0);
  });

  it("reads items whose titles start with an application's reference, the report known by the title", () => {
    assert.deepEqual(
      meeting.items.map((i) => i.number),
      ["21", "22", "23", "24"],
    );
    const licence = meeting.items.find((i) => i.number === "23");
    const papers = (licence?.documents ?? []).map((id) => parsed.bundle.documents.find((d) => d.id === id));
    assert.deepEqual(
      papers.map((d) => [d?.kind, d?.title, d?.sizeBytes]),
      [
        ["report", "25/00410/PREM - The Old Forge, Quay Street - New premises licence", 1024 * 1024],
        ["appendix", "Appendix A - Plan of the premises", 210 * 1024],
      ],
    );
    assert.ok(licence?.minutes?.startsWith("Mrs Verity Oakes spoke against"));
  });

  it("ends the last minute at the meeting's close, before the site's own links", () => {
    const last = meeting.items.at(-1);
    assert.equal(last?.minutes, "There were no urgent items.");
    // Without a closing line, the site's own links still end it.
    const unclosed = meetingOf(read(PAGE.replace("<p>The meeting ended at 4.05pm.</p>", "")).bundle);
    assert.equal(unclosed.items.at(-1)?.minutes, "There were no urgent items.");
  });

  it("reads the speakers from outside the council, the motion that carried and the delegation", () => {
    const people = Object.fromEntries(parsed.bundle.people.map((p) => [p.name, [p.kind, p.organisation]]));
    assert.deepEqual(people["Verity Oakes"], ["external", "Quay Street Neighbours' Forum"]);
    assert.deepEqual(people["Idris Penhallow"], ["external", "Forge Leisure Ltd"]);
    const resolution = meeting.items.find((i) => i.number === "23")?.resolutions[0];
    assert.equal(resolution?.proposer, "Oswin Tredgold");
    assert.equal(resolution?.seconder, "Hamish Colquhoun");
    assert.equal(resolution?.delegatedTo, "Licensing Manager");
  });

  it("records a predetermination against the item it names", () => {
    const licence = meeting.items.find((i) => i.number === "23");
    assert.deepEqual(
      licence?.declarations.map((d) => [d.person, d.kind]),
      [["Marguerite Abney", "predetermination"]],
    );
  });
});

describe("a meeting named in a heading", () => {
  it("is the committee before the date, without the page's words around it", () => {
    assert.deepEqual(namedMeeting("Meeting of Planning Board, Thursday 2 October 2025"), {
      body: "Planning Board",
      date: "2025-10-02",
    });
    assert.deepEqual(namedMeeting("Audit Panel - 14 May 2025"), { body: "Audit Panel", date: "2025-05-14" });
    assert.equal(namedMeeting("The next meeting will be held on 4 May 2025"), undefined);
    assert.equal(namedMeeting("4 May 2025"), undefined);
  });
});

describe("motions and declarations in a meeting's minutes", () => {
  it("takes the mover who 'then moved' after a motion that fell", () => {
    const motion = readMotion(
      "Councillor Ames moved, and Councillor Boyd seconded, refusal. The motion was lost. Councillor Carr then moved, and Councillor Dent seconded, approval.",
    );
    assert.equal(motion.proposer?.name, "Carr");
    assert.equal(motion.seconder?.name, "Dent");
  });

  it("reads a member's predetermination and the minute it concerns", () => {
    const found = readDeclarations(
      "Councillor Elphick declared that he had spoken publicly about the scheme (minute 41) and was predetermined.",
    );
    assert.deepEqual(
      found.map((d) => [d.person.name, d.kind, d.item]),
      [["Elphick", "predetermination", "41"]],
    );
  });
});

describe("a condition quoted under its decision", () => {
  it("is the decision's condition, word for word, and not narrative", () => {
    const text = [
      "The Planning Manager presented the report.",
      "",
      "RESOLVED - That consent be granted subject to the following additional condition:",
      "",
      "\u201cNo demolition shall begin until a photographic record of the mill has been approved.\u201d",
    ].join("\n");
    const body = readItemBody(splitLines(text), {
      authority: AUTHORITY,
      body: "Planning Committee",
      out: new BundleBuilder(),
      attendees: [],
    });
    assert.deepEqual(body.resolutions[0]?.conditions, [
      {
        group: "",
        text: "No demolition shall begin until a photographic record of the mill has been approved.",
      },
    ]);
    assert.equal(body.minutes, "The Planning Manager presented the report.");
  });
});
