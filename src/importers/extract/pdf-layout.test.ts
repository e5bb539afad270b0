import assert from "node:assert/strict";
import { test } from "node:test";
import { layoutPage, type PdfTextItem } from "./pdf-layout.js";

const item = (str: string, x: number, y: number, size = 10): PdfTextItem => ({
  str,
  x,
  y,
  width: str.length * size * 0.5,
  height: size,
});

test("items on one baseline make a line, joined by spaces at word gaps and tabs at column gaps", () => {
  const text = layoutPage([
    item("1.", 50, 700),
    item("Apologies", 62, 700),
    item("(Pages", 300, 700),
    item("1 - 6)", 333, 700),
    item("Councillor", 50, 688),
    item("Smith", 102, 688),
  ]);
  assert.equal(text, "1. Apologies\t(Pages 1 - 6)\nCouncillor Smith");
});

test("a wide gap between lines is a paragraph break; a jump back up starts a new block", () => {
  const text = layoutPage([
    item("First", 50, 700),
    item("paragraph", 50, 688),
    item("Second", 50, 650),
    item("Column two", 320, 700),
  ]);
  assert.equal(text, "First\nparagraph\n\nSecond\n\nColumn two");
});

test("a superscript stays on its line; items drawn right to left are put in order", () => {
  const text = layoutPage([item("September", 80, 700), item("20", 50, 700), item("th", 60, 703, 6)]);
  assert.equal(text, "20th September");
});

test("spaces drawn as items and empty items add nothing", () => {
  assert.equal(
    layoutPage([item("Part", 50, 700), item(" ", 70, 700), item("I", 73, 700), item("", 0, 0)]),
    "Part I",
  );
});

test("a paragraph wrapped at the right edge is joined into one line again", () => {
  const text = layoutPage([
    item("MINUTES of a meeting of the Planning Committee held at the", 50, 700),
    item("Council Offices on Tuesday 14 March 2023 at 6.30 pm", 50, 688),
    item("Present:", 50, 660),
    item("Councillors Ashworth, Bellamy, Carver and Dunmore were all", 50, 648),
    item("1. Apologies were received from Councillor Ellery, Councillor", 50, 636),
    item("Fairbairn and Councillor Gostelow.", 50, 624),
    item("Date\tItem", 50, 612),
  ]);
  assert.equal(
    text,
    [
      "MINUTES of a meeting of the Planning Committee held at the Council Offices on Tuesday 14 March 2023 at 6.30 pm",
      "",
      "Present:",
      "Councillors Ashworth, Bellamy, Carver and Dunmore were all",
      "1. Apologies were received from Councillor Ellery, Councillor Fairbairn and Councillor Gostelow.",
      "Date\tItem",
    ].join("\n"),
  );
});

test("a line broken on purpose, where the next word would have fitted, is kept", () => {
  const text = layoutPage([
    item("The Committee considered the report of the Head of Planning on the", 50, 700),
    item("application and the representations received from residents.", 50, 688),
    item("Ballard House", 50, 660),
    item("Anytown AB1 2CD", 50, 648),
    item("Members asked whether the conditions proposed would protect the", 50, 620),
    item("amenity of neighbouring properties.", 50, 608),
  ]);
  assert.equal(
    text,
    [
      "The Committee considered the report of the Head of Planning on the application and the representations received from residents.",
      "",
      "Ballard House",
      "Anytown AB1 2CD",
      "",
      "Members asked whether the conditions proposed would protect the amenity of neighbouring properties.",
    ].join("\n"),
  );
});

test("a short page is left as it is", () => {
  assert.equal(
    layoutPage([item("2. Declarations of Interest", 50, 700), item("None.", 50, 688)]),
    "2. Declarations of Interest\nNone.",
  );
});

test("a table row whose cells wrap is put together again, its cells parted by tabs", () => {
  // Printed cell by cell: the third cell's two lines, then the fourth back up on the row's baseline.
  const text = layoutPage([
    item("10 September 2024", 50, 700),
    item("Care Market", 160, 700),
    item("To review the residential", 240, 700),
    item("care market", 240, 688),
    item("Director of Adult Care", 390, 700),
    item("High", 525, 700),
    item("19 November 2024", 50, 660),
    item("Carers Plan", 160, 660),
    item("Pre-decision scrutiny", 240, 660),
    item("Cabinet Member for the", 390, 660),
    item("Adult Social Care", 390, 648),
    item("Medium", 525, 660),
  ]);
  assert.equal(
    text,
    [
      "10 September 2024\tCare Market\tTo review the residential care market\tDirector of Adult Care\tHigh",
      "",
      "19 November 2024\tCarers Plan\tPre-decision scrutiny\tCabinet Member for the Adult Social Care\tMedium",
    ].join("\n"),
  );
});

test("a label that wraps in its cell is joined, and the value cell's wrapped lines too", () => {
  const text = layoutPage([
    item("Alternative options", 50, 700),
    item("considered:", 50, 688),
    item("Not adopting a plan was rejected as it would rule", 200, 700),
    item("out funding bids.", 200, 688),
    item("Reasons:", 50, 660),
    item("The plan is required to bid for government funding", 200, 660),
    item("Date of publication:", 50, 640),
    item("Thursday 20 March 2025, at noon, on the website", 200, 640),
  ]);
  assert.equal(
    text,
    [
      "Alternative options considered:\tNot adopting a plan was rejected as it would rule out funding bids.",
      "",
      "Reasons:\tThe plan is required to bid for government funding",
      "",
      "Date of publication:\tThursday 20 March 2025, at noon, on the website",
    ].join("\n"),
  );
});

test("a word where other lines' cells start is a cell of its own, even when set close", () => {
  const text = layoutPage([
    item("Decision maker:", 50, 700),
    item("Cabinet", 200, 700),
    item("Date of decision:", 50, 680),
    item("Tuesday 18 March 2025", 200, 680),
    // 20 points apart, no wider than a column gap, but where the cells above start.
    item("Reasons for these choices:", 50, 660),
    item("To set charges", 200, 660),
  ]);
  assert.equal(
    text,
    "Decision maker:\tCabinet\n\nDate of decision:\tTuesday 18 March 2025\n\nReasons for these choices:\tTo set charges",
  );
});

test("a cell of several paragraphs is no table row: its column reads before the next", () => {
  const text = layoutPage([
    item("Tuesday 23 July 2024", 50, 700),
    item("Meeting Room 1", 50, 676),
    item("Board Members", 300, 700),
    item("Mayor Kim Kerr (Chair)", 300, 688),
  ]);
  assert.equal(text, "Tuesday 23 July 2024\n\nMeeting Room 1\n\nBoard Members\nMayor Kim Kerr (Chair)");
});

test("a line wrapped in a column is joined where the next word would have run into the column beside", () => {
  const text = layoutPage([
    item("Meeting Room 1, The Exchange, 1", 50, 700),
    item("Quayside, Tynemere", 50, 688),
    // Paragraphs of their own, set further apart than the lines of one.
    item("Board Members", 260, 712),
    item("Mayor Kim Kerr (Chair)", 260, 697),
    item("Councillor Ellen Shaw", 260, 682),
  ]);
  assert.equal(
    text,
    "Meeting Room 1, The Exchange, 1 Quayside, Tynemere\n\nBoard Members\nMayor Kim Kerr (Chair)\nCouncillor Ellen Shaw",
  );
});

test("a column's lines wrap at the edge three of them reach, not at the page's", () => {
  const wide = [
    "The footnote runs across the whole width of the page, as footnotes do, under both of the columns",
    "of text above it, and it wraps at the right edge of the page as any other paragraph of the page",
    "would wrap at that edge, which three of its lines reach: this one, the two above it, and no more",
    "than these.",
  ];
  const text = layoutPage([
    item("A narrow column of text that", 300, 700),
    item("wraps at its own edge, and", 300, 688),
    item("it goes on for a few more", 300, 676),
    item("lines to the end.", 300, 664),
    ...wide.map((line, i) => item(line, 40, 620 - 12 * i)),
  ]);
  assert.equal(
    text,
    "A narrow column of text that wraps at its own edge, and it goes on for a few more lines to the end.\n\n" +
      wide.join(" "),
  );
});

test("lines set further apart than the paragraph's own lines are paragraphs, however long", () => {
  const text = layoutPage([
    item("Councillor Jo Lang, Brackley Metropolitan", 50, 700),
    item("Borough Council (Vice-Chair)", 50, 688),
    item("Councillor Ravi Nair, Holmside Council x", 50, 673),
    item("Councillor Ellen Shaw, South Fell Council", 50, 658),
  ]);
  assert.equal(
    text,
    [
      "Councillor Jo Lang, Brackley Metropolitan Borough Council (Vice-Chair)",
      "Councillor Ravi Nair, Holmside Council x",
      "Councillor Ellen Shaw, South Fell Council",
    ].join("\n"),
  );
});

test("a running head drawn after the page's content reads first; the page number last", () => {
  const text = layoutPage([
    item("Minutes of the meeting", 50, 700),
    item("Full Council - 25 July 2024", 300, 800, 9),
    item("Page 2", 280, 40, 9),
  ]);
  assert.equal(text, "Full Council - 25 July 2024\n\nMinutes of the meeting\n\nPage 2");
});

test("lines set flush right are lines of their own, though each reaches the edge", () => {
  const right = (str: string, y: number) => item(str, 500 - str.length * 5, y);
  const text = layoutPage([
    right("Please ask for Amelia Boulter", 700),
    right("T 01752 304570", 688),
    right("www.plymouth.gov.uk/democracy", 676),
    right("Published 12 September 2017", 664),
  ]);
  assert.equal(
    text,
    "Please ask for Amelia Boulter\nT 01752 304570\nwww.plymouth.gov.uk/democracy\nPublished 12 September 2017",
  );
});

test("a cell's long line goes on in lower case on the next, though the cell beside it is set short", () => {
  const text = layoutPage([
    item("5.", 50, 700),
    item("Establishing a Strategic Partnership with Torbay Council to", 85, 700),
    item("deliver children's services", 85, 688),
    // Flush right in a wide cell: its start says little of where the title's cell ends.
    item("(Pages 7 - 28)", 430, 700),
  ]);
  assert.equal(
    text,
    "5.\tEstablishing a Strategic Partnership with Torbay Council to deliver children's services\t(Pages 7 - 28)",
  );
});

test("a list item's label stays with its text where other items' text starts", () => {
  const text = layoutPage([
    // Set a column gap apart, so that their text starts where cells would...
    item("(i)", 50, 700),
    item("To agree to proceed", 86, 700),
    item("(v)", 50, 680),
    item("To defer", 86, 680),
    // ... and these closer, at the same place: labels still, not cells.
    item("(ii)", 50, 660),
    item("Not to proceed", 86, 660),
    item("(iii)", 50, 640),
    item("Another option", 86, 640),
  ]);
  assert.equal(
    text,
    "(i)\tTo agree to proceed\n\n(v)\tTo defer\n\n(ii) Not to proceed\n\n(iii) Another option",
  );
});

test("a table row that leaves columns empty has a tab for each of them", () => {
  const row = (y: number, ...cells: [string, number][]) => cells.map(([str, x]) => item(str, x, y));
  const text = layoutPage([
    ...row(700, ["9 August", 50], ["Acute Review", 150], ["6 (High)", 250], ["Member request", 350]),
    ...row(680, ["Standing Item", 150], ["-", 250], ["Written briefing", 350]),
    ...row(660, ["Primary Care", 150], ["PID to be developed", 350]),
    ...row(640, ["11 October", 50], ["Education", 150], ["5 (High)", 250], ["Member request", 350]),
  ]);
  assert.equal(
    text,
    [
      "9 August\tAcute Review\t6 (High)\tMember request",
      "\tStanding Item\t-\tWritten briefing",
      "\tPrimary Care\t\tPID to be developed",
      "11 October\tEducation\t5 (High)\tMember request",
    ].join("\n\n"),
  );
});

test("a line wrapped after a word's hyphen joins without a space; after a dash, with one", () => {
  const text = layoutPage([
    item("Councillor Ellis declared an interest that was both non-", 50, 700),
    item("registrable and personal, as set in its Sustainability Plan -", 50, 688),
    item("Plymouth Hospitals NHS Trust, and agreed by all of its", 50, 676),
    item("partners.", 50, 664),
  ]);
  assert.equal(
    text,
    "Councillor Ellis declared an interest that was both non-registrable and personal, as set in its " +
      "Sustainability Plan - Plymouth Hospitals NHS Trust, and agreed by all of its partners.",
  );
});
