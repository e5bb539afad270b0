import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { BundleMeeting } from "../../../src/domain/bundle.js";
import { readHtml } from "../../../src/importers/extract/html.js";
import { parseDocument } from "../../../src/importers/parse/index.js";

// A meeting page as ModernGov serves it when nobody has changed its defaults: the site is called
// "Modern Council", the meeting's papers are linked above the items, screen-reader text hides
// in "mgHide" spans, and an item shows its "Decision:" and then "Minutes:" that repeat the
// decision with the votes.

const ROW = (number: string, cell: string) => `
  <tr>
    <td class="mgItemNumberCell"><p class="mgAiTitleTxt"><a name="AI${number}"></a>${number}.</p></td>
    <td>${cell}</td>
  </tr>`;

const PAGE = `<!DOCTYPE html>
<html lang="en"><head>
  <title>Agenda for Ashwell Area Committee on Tuesday 3 March 2026, 7:00 pm - Modern Council</title>
</head><body>
  <a class="sr-only" href="#mgMainContent">Skip to main content</a>
  <div role="main"><div id="modgov">
    <div class="mgHeader"><h1 class="mgMainTitleTxt">Agenda, decisions and minutes</h1></div>
    <div class="mgSubTitle"><h2 class="mgSubTitleTxt"><a href="mgCommitteeDetails.aspx?ID=9">Ashwell Area Committee - Tuesday 3 March 2026 7:00 pm</a></h2></div>
    <div class="mgLinks"><ul class="mgActionList">
      <li><a href="mgMeetingAttendance.aspx?ID=1">Attendance details</a></li>
      <li><a href="documents/g1/Agenda frontsheet.pdf">Agenda frontsheet
        <span class="mgFileSize"><img src="mgimages/logo-pdf-1.gif" alt="" /> PDF 198 KB</span></a></li>
      <li><a href="mgChooseDocPack.aspx?ID=1">Agenda reports pack</a></li>
      <li><a href="documents/g1/Decisions.pdf">Printed decisions
        <span class="mgFileSize"><img src="mgimages/logo-pdf-1.gif" alt="" /> PDF 117 KB</span></a></li>
      <li><a href="documents/g1/Printed minutes.pdf">Printed minutes
        <span class="mgFileSize"><img src="mgimages/logo-pdf-1.gif" alt="" /> PDF 111 KB</span></a></li>
    </ul></div>
    <div class="mgContent">
      <p><span class="mgLabel">Venue: </span>Guildhall, Ashwell. <a href="mgLocationDetails.aspx?RID=1">View directions</a></p>
      <table class="mgItemTable" id="mgItemTable">
        <caption class="mgSectionTitle">Items</caption>
        <tr><th class="mgHide" scope="col">No.</th><th class="mgHide" scope="col">Item</th></tr>
        ${ROW(
          "12",
          `<p class="mgAiTitleTxt">Apologies for Absence</p>
           <p class="mgSubItemTitleTxt">Minutes:</p>
           <div class="mgWordPara"><p>Apologies were received from Councillors Ruth Okafor and Dev Patel.</p></div>`,
        )}
        ${ROW(
          "13",
          `<p class="mgAiTitleTxt"><a class="mgAiTitleLnk" href="documents/s1/Grants.pdf">Community Grants
             <span class="mgFileSize"><img src="mgimages/logo-pdf-1.gif" alt="pdf icon" /> PDF 170 KB</span></a></p>
           <div class="mgWordPara"><p>To consider applications for community grants.</p></div>
           <p class="mgSubItemTitleTxt">Additional documents:</p>
           <ul class="mgBulletList"><li><a href="documents/s2/Annex 1.pdf">Annex 1 - Guidelines <span class="mgHide">, item 13.</span>
             <span class="mgFileSize"><img src="mgimages/logo-pdf-1.gif" alt="pdf icon" /> PDF 138 KB</span></a></li></ul>
           <p class="mgSubItemTitleTxt">Decision:</p>
           <div class="mgWordPara">
             <p>RESOLVED that:</p>
             <p>1. the remaining ward funding be moved to the community grants programme; and</p>
             <p>2. the application by the Ashwell Riding Club for £1,800 be approved.</p>
           </div>
           <p class="mgSubItemTitleTxt">Minutes:</p>
           <div class="mgWordPara">
             <p>The Committee considered a report on the grants programme.</p>
             <p>RESOLVED that:</p>
             <p>1. the remaining ward funding be moved to the community grants programme; and</p>
             <p>Voting: unanimous</p>
             <p>2. the application by the Ashwell Riding Club for £1,800 be approved.</p>
             <p>Voting: unanimous</p>
           </div>`,
        )}
        ${ROW(
          "14",
          `<p class="mgAiTitleTxt">Highways Programme</p>
           <p class="mgSubItemTitleTxt">Decision:</p>
           <div class="mgWordPara"><p>RESOLVED that the highways programme for 2026/27 be approved.</p></div>
           <p class="mgSubItemTitleTxt">Minutes:</p>
           <div class="mgWordPara"><p>The Committee discussed the resurfacing list at length.</p></div>`,
        )}
      </table>
    </div>
  </div></div>
</body></html>`;

const AUTHORITY = "Ashwell District Council";

function read(hints: { authority?: string } = { authority: AUTHORITY }) {
  const doc = readHtml(new TextEncoder().encode(PAGE), "ashwell-area-committee.html");
  return parseDocument(doc, hints).bundle;
}

function meetingOf(bundle: ReturnType<typeof read>): BundleMeeting {
  const meeting = bundle.meetings[0];
  assert.ok(meeting);
  return meeting;
}

describe("a ModernGov meeting page with the product's defaults", () => {
  it("takes no council from the default site name: the --authority hint names it", () => {
    assert.throws(() => read({}), /does not say which council it belongs to; pass --authority/);
    const bundle = read();
    assert.deepEqual(
      bundle.authorities.map((a) => a.name),
      [AUTHORITY],
    );
    assert.equal(meetingOf(bundle).venue, "Guildhall, Ashwell");
  });

  it("keeps each of the meeting's own papers, with its kind and size", () => {
    const papers = read()
      .documents.filter((d) => !d.title.startsWith("Community") && !d.title.startsWith("Annex"))
      .map((d) => [d.title, d.kind, d.sizeBytes]);
    assert.deepEqual(papers, [
      ["Ashwell Area Committee, Tuesday 3 March 2026: Agenda frontsheet", "agenda", 198 * 1024],
      ["Ashwell Area Committee, Tuesday 3 March 2026: Printed decisions", "decision-notice", 117 * 1024],
      ["Ashwell Area Committee, Tuesday 3 March 2026: minutes", "minutes", 111 * 1024],
    ]);
  });

  it("reads a paper's title as a reader sees it, without the screen-reader text", () => {
    const titles = read().documents.map((d) => d.title);
    assert.ok(titles.includes("Annex 1 - Guidelines"), titles.join(" | "));
    assert.equal(
      titles.some((t) => t.includes("item 13")),
      false,
    );
  });

  it("reads a decision the minutes repeat once, with the votes the minutes note", () => {
    const item = meetingOf(read()).items.find((i) => i.number === "13");
    assert.ok(item);
    assert.deepEqual(
      item.resolutions.map((r) => [r.number, r.text, r.votes]),
      [
        [
          "1",
          "the remaining ward funding be moved to the community grants programme; and",
          { unanimous: true },
        ],
        ["2", "the application by the Ashwell Riding Club for £1,800 be approved.", { unanimous: true }],
      ],
    );
    assert.equal(item.minutes, "The Committee considered a report on the grants programme.");
  });

  it("reads the decision when the minutes do not state it", () => {
    const item = meetingOf(read()).items.find((i) => i.number === "14");
    assert.ok(item);
    assert.equal(item.minutes, "The Committee discussed the resurfacing list at length.");
    assert.deepEqual(
      item.resolutions.map((r) => r.text),
      ["RESOLVED that the highways programme for 2026/27 be approved."],
    );
  });

  it("reads apologies from the apologies item", () => {
    const meeting = meetingOf(read());
    assert.deepEqual(
      meeting.attendance.map((a) => [a.person, a.status]),
      [
        ["Ruth Okafor", "apologies"],
        ["Dev Patel", "apologies"],
      ],
    );
  });
});

function readPage(html: string, file: string) {
  return parseDocument(readHtml(new TextEncoder().encode(html), file), { authority: AUTHORITY }).bundle;
}

describe("other ModernGov pages", () => {
  it("a meeting called off: its date, time, proposed venue, contact, and status cancelled", () => {
    const bundle = readPage(
      `<html><head><title>Agenda for Ashwell Area Committee on Thursday 4 December 2025, 7:30 pm - Modern Council</title></head>
      <body><div id="modgov"><h1 class="mgMainTitleTxt">Meeting</h1>
      <h2 class="mgSubTitleTxt">Ashwell Area Committee - Thursday 4 December 2025 7:30 pm, CANCELLED</h2>
      <p>No documents are available for this meeting</p>
      <p><span class="mgLabel">Proposed venue: </span>Guildhall, Ashwell. <a href="#">View directions</a></p>
      <p><span class="mgLabel">Contact: </span>Alice Aubrey 01632 960000 Email: alice.aubrey@ashwell.example</p>
      </div></body></html>`,
      "cancelled.html",
    );
    assert.deepEqual(
      bundle.meetings.map((m) => [m.body, m.date, m.start, m.venue, m.contact, m.status]),
      [["Ashwell Area Committee", "2025-12-04", "19:30", "Guildhall, Ashwell", "Alice Aubrey", "cancelled"]],
    );
  });

  it("a committee's page: its members with chair and vice-chair, and its support officer as clerk", () => {
    const bundle = readPage(
      `<html><head><title>Committee details - Ashwell Area Committee - Modern Council</title></head>
      <body><div id="modgov"><h1 class="mgMainTitleTxt">Committee details</h1>
      <h2 class="mgSubTitleTxt">Ashwell Area Committee</h2>
      <ul class="mgActionList"><li><a href="#">Browse meetings and agendas for this committee</a></li></ul>
      <h2 class="mgSectionTitle">Purpose of committee</h2><p>Local matters.</p>
      <h2 class="mgSectionTitle">Membership</h2>
      <ul class="mgBulletList"><li>Councillor Olly Wren (Chair)</li><li>Councillor Anne Owen (Vice-Chair)</li><li>Councillor Rowena Bass</li></ul>
      <h2 class="mgSectionTitle">Contact information</h2>
      <p>Support officer: Alice Aubrey. Tel: 01632 960000 / Email: alice.aubrey@ashwell.example</p>
      </div></body></html>`,
      "committee.html",
    );
    assert.deepEqual(
      bundle.memberships.map((m) => [m.person, m.body, m.role]),
      [
        ["Olly Wren", "Ashwell Area Committee", "chair"],
        ["Anne Owen", "Ashwell Area Committee", "vice-chair"],
        ["Rowena Bass", "Ashwell Area Committee", "member"],
        ["Alice Aubrey", "Ashwell Area Committee", "clerk"],
      ],
    );
    assert.deepEqual(bundle.meetings, []);
  });
});

describe("a committee's list of meetings", () => {
  it("gives each meeting its date, time and state: planned, its agenda out, held, or called off", () => {
    const bundle = readPage(
      `<html><head><title>Browse meetings - Ashwell Area Committee - Modern Council</title></head>
      <body><div id="modgov"><h1 class="mgMainTitleTxt">Browse meetings</h1>
      <h2 class="mgSubTitleTxt">Ashwell Area Committee</h2>
      <p>This page lists the meetings for Ashwell Area Committee.</p>
      <h2 class="mgSectionTitle">Meetings</h2>
      <ul class="mgBulletList">
        <li><a href="#">15 Jun 2026 7:30 pm</a></li>
        <li><a href="#">29 Jan 2026 7:30 pm</a> - <a href="#">Agenda</a>, <a href="#">Decisions</a></li>
        <li><a href="#">15 Jan 2026 7:00 pm</a> - <a href="#">Agenda</a>, <a href="#">Minutes</a></li>
        <li><a href="#">4 Dec 2025 7:30 pm</a> - CANCELLED</li>
      </ul></div></body></html>`,
      "meetings.html",
    );
    assert.deepEqual(
      bundle.meetings.map((m) => [m.date, m.start, m.status, m.published]),
      [
        ["2026-06-15", "19:30", "scheduled", undefined],
        ["2026-01-29", "19:30", "scheduled", true],
        ["2026-01-15", "19:00", "held", true],
        ["2025-12-04", "19:30", "cancelled", undefined],
      ],
    );
    assert.deepEqual(
      bundle.bodies.map((b) => b.name),
      ["Ashwell Area Committee"],
    );
  });
});
