import assert from "node:assert/strict";
import { test } from "node:test";
import { attendanceChartSvg } from "./attendance-chart.js";

const chart = () =>
  attendanceChartSvg({
    id: "attendance",
    title: "Attendance of Councillor Cook",
    description: "Attended 1 of 2 meetings of the Wellbeing Overview and Scrutiny Committee.",
    rows: [
      { label: "Wellbeing Overview and Scrutiny Committee", attended: 1, apologies: 1, absent: 0 },
      { label: "Cabinet", attended: 2, apologies: 0, absent: 1 },
      { label: "Nothing recorded", attended: 0, apologies: 0, absent: 0 },
    ],
  }) ?? "";

test("the chart is an image with a title and a description", () => {
  const svg = chart();
  assert.match(svg, /role="img" aria-labelledby="attendance-title attendance-desc"/);
  assert.match(svg, /<title id="attendance-title">Attendance of Councillor Cook<\/title>/);
});

test("one bar for each body with recorded attendance, with its figures in words", () => {
  const svg = chart();
  assert.match(svg, />1 of 2 attended</);
  assert.match(svg, />2 of 3 attended</);
  assert.equal(svg.includes("Nothing recorded"), false);
});

test("attended, apologies and absent differ by fill, not by colour alone", () => {
  const svg = chart();
  assert.match(svg, /<pattern id="attendance-hatch"/);
  assert.ok(svg.includes('fill="url(#attendance-hatch)"'), "apologies are hatched");
  assert.ok(/<rect [^>]*fill="none" stroke="currentColor"/.test(svg), "absence is an outline");
  assert.ok(/<rect [^>]*fill="currentColor"/.test(svg), "attendance is solid");
});

test("segment widths follow the counts on one scale", () => {
  const svg = chart();
  const widths = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="24"/g)].map((m) =>
    Number(m[1]),
  );
  // Wellbeing: 1 attended, 1 apologies; Cabinet: 2 attended, 1 absent. One meeting is one width.
  const [a = 0, b = 0, c = 0, d = 0] = widths;
  const close = (x: number, y: number) =>
    assert.ok(Math.abs(x - y) <= 0.2, `${x} is ${y} to a pixel's fraction`);
  assert.equal(widths.length, 4);
  close(a, b);
  close(c, a * 2);
  close(d, a);
});

test("no attendance recorded gives no chart", () => {
  assert.equal(attendanceChartSvg({ id: "x", title: "t", description: "d", rows: [] }), null);
});
