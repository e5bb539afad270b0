import assert from "node:assert/strict";
import { test } from "node:test";
import { element, escapeXml, monthLabel, textElement, textLines, utcDate, wrapWords } from "./markup.js";

test("text and attribute values are escaped, so a record's words never become markup", () => {
  assert.equal(escapeXml(`<script>"&'`), "&lt;script&gt;&quot;&amp;&#39;");
  assert.equal(
    textElement("text", { x: 1, "data-x": `"><svg onload=x>` }, "</text><script>"),
    '<text x="1" data-x="&quot;&gt;&lt;svg onload=x&gt;">&lt;/text&gt;&lt;script&gt;</text>',
  );
});

test("elements leave out absent attributes and round coordinates to a tenth", () => {
  assert.equal(
    element("circle", { cx: 10.04, cy: 2.25, r: undefined, fill: null }),
    '<circle cx="10" cy="2.3"/>',
  );
  assert.equal(element("g", {}, ["<a/>", "<b/>"]), "<g><a/><b/></g>");
});

test("labels wrap at spaces, a long word standing alone", () => {
  assert.deepEqual(wrapWords("Wellbeing Overview and Scrutiny Committee", 24), [
    "Wellbeing Overview and",
    "Scrutiny Committee",
  ]);
  assert.deepEqual(wrapWords("Supercalifragilistic x", 5), ["Supercalifragilistic", "x"]);
  assert.deepEqual(wrapWords("  ", 5), []);
  assert.equal(
    textLines({ x: 8, y: 20 }, ["one", "two"], 16),
    '<text x="8" y="20"><tspan x="8">one</tspan><tspan x="8" dy="16">two</tspan></text>',
  );
});

test("month labels are read in UTC, whatever the server's time zone", () => {
  assert.equal(monthLabel(utcDate("2017-09-01"), true), "Sep 2017");
  assert.equal(monthLabel(utcDate("2018-01-01"), false), "Jan");
});
