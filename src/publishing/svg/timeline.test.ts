import assert from "node:assert/strict";
import { test } from "node:test";
import { datePositions, timelineSvg, type TimelineInput } from "./timeline.js";

const input: TimelineInput = {
  id: "issue-timeline",
  title: "Timeline of the Torbay partnership",
  description: "Three bodies of two councils; arrows show recommendations and responses.",
  lanes: [
    { id: "body-1", label: "Cabinet", group: "Plymouth City Council" },
    { id: "body-2", label: "City Council", group: "Plymouth City Council" },
    { id: "authority-3", label: "Department for Education", group: "Department for Education" },
    { id: "body-4", label: "Schools Forum", group: "Torbay Council" },
    { id: "body-5", label: "Empty lane", group: "Torbay Council" },
  ],
  marks: [
    { id: "a", lane: "body-1", date: "2017-08-29", label: "2", shape: "item" },
    { id: "b", lane: "body-2", date: "2017-09-25", label: "3", shape: "item" },
    { id: "c", lane: "authority-3", date: "2017-06-30", label: "1", shape: "event" },
    { id: "d", lane: "body-4", date: "2018-01-10", label: "4", shape: "document" },
  ],
  links: [
    { from: "a", to: "b" },
    { from: "a", to: "missing" },
  ],
};

function count(svg: string, pattern: RegExp): number {
  return [...svg.matchAll(pattern)].length;
}

test("the picture is an image with a title and a description that name it", () => {
  const svg = timelineSvg(input) ?? "";
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
  assert.match(svg, /role="img" aria-labelledby="issue-timeline-title issue-timeline-desc"/);
  assert.match(svg, /<title id="issue-timeline-title">Timeline of the Torbay partnership<\/title>/);
  assert.match(svg, /<desc id="issue-timeline-desc">Three bodies of two councils;/);
});

test("one lane for each body or authority with marks; empty lanes are left out", () => {
  const svg = timelineSvg(input) ?? "";
  for (const label of ["Cabinet", "City Council", "Department for Education", "Schools Forum"]) {
    assert.ok(svg.includes(`>${label}</tspan>`), `a lane labelled ${label}`);
  }
  assert.equal(svg.includes("Empty lane"), false);
  // Plymouth's two bodies sit under its name; the DfE's one lane carries its own name in bold.
  assert.match(svg, /font-weight="bold"[^>]*>Plymouth City Council<\/text>/);
  assert.match(svg, /font-weight="bold"[^>]*><tspan x="8">Department for Education<\/tspan>/);
});

test("marks are drawn by kind, each numbered, and a link only where both ends are drawn", () => {
  const svg = timelineSvg(input) ?? "";
  // Two items, plus the legend's circle.
  assert.equal(count(svg, /<circle /g), 3);
  for (const n of ["1", "2", "3", "4"])
    assert.match(svg, new RegExp(`font-weight="bold" text-anchor="middle"[^>]*>${n}</text>`));
  const arrows = count(svg, /marker-end="url\(#issue-timeline-arrow\)"/g);
  assert.equal(arrows, 2, "the legend's arrow and the one drawable link");
});

test("every colour is currentColor, and the picture inherits the page's, for forced-colours mode", () => {
  const svg = timelineSvg(input) ?? "";
  const fills = [...svg.matchAll(/(?:fill|stroke)="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(fills.length > 10);
  for (const value of fills)
    assert.ok(value === "currentColor" || value === "none", `${value} is not a fixed colour`);
  assert.doesNotMatch(
    svg,
    /^<svg [^>]*color=/,
    "a colour set on the picture itself would survive forced colours",
  );
});

test("the axis labels months, with the year at the first label and each new year", () => {
  const svg = timelineSvg(input) ?? "";
  assert.match(svg, />Jul 2017</);
  assert.match(svg, />Jan 2018</);
  assert.equal(svg.includes(">Jul</"), false);
});

test("gaps between dates are stretched or squeezed within bounds, in order", () => {
  const positions = datePositions(["2017-09-20", "2017-09-25", "2017-09-27", "2018-09-27"]);
  const gaps = positions.slice(1).map((x, i) => x - (positions[i] ?? 0));
  assert.deepEqual(gaps, [30, 30, 100]);
});

test("nothing to draw gives no picture", () => {
  assert.equal(timelineSvg({ ...input, marks: [] }), null);
});

test("names with markup in them are drawn as text", () => {
  const svg =
    timelineSvg({
      ...input,
      title: "<b>bold</b>",
      lanes: [{ id: "x", label: "A & B <Committee>", group: "G" }],
      marks: [{ id: "m", lane: "x", date: "2020-01-01", label: "1", shape: "item" }],
    }) ?? "";
  assert.match(svg, /<title id="issue-timeline-title">&lt;b&gt;bold&lt;\/b&gt;<\/title>/);
  assert.match(svg, /A &amp; B &lt;Committee&gt;/);
  assert.equal(svg.includes("<b>"), false);
});
