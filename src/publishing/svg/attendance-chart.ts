import { scaleLinear } from "d3-scale";
import { element, round, textElement, textLines, wrapWords } from "./markup.js";

// A person's attendance at each body as stacked horizontal bars: attended, apologies, absent.
// The three are told apart by fill (solid, hatched, outline) as well as by the legend, never by
// colour alone. Everything is drawn in currentColor: the text inherits the page's colour, the
// bars take an accent by a `color` attribute, which the stylesheet resets to the system's text
// colour in forced-colours mode. The figures are also in a table beside it.

export type AttendanceRow = { label: string; attended: number; apologies: number; absent: number };

export type AttendanceChartInput = { id: string; title: string; description: string; rows: AttendanceRow[] };

const BAR_COLOUR = "#1d70b8";
// Each body's name sits above its bar, so the chart is narrow enough for a phone's screen.
const LEFT = 8;
const LABEL_CHARACTERS = 40;
const BAR_WIDTH = 200;
const ROW_HEIGHT = 80;
const BAR_HEIGHT = 24;
const LEGEND_HEIGHT = 40;
const AXIS_HEIGHT = 36;
const RIGHT_PAD = 130;

type Segment = { key: "attended" | "apologies" | "absent"; label: string };

const SEGMENTS: Segment[] = [
  { key: "attended", label: "Attended" },
  { key: "apologies", label: "Apologies" },
  { key: "absent", label: "Absent" },
];

export function attendanceChartSvg(input: AttendanceChartInput): string | null {
  const rows = input.rows.filter((row) => row.attended + row.apologies + row.absent > 0);
  if (rows.length === 0) return null;
  const most = Math.max(...rows.map((row) => row.attended + row.apologies + row.absent));
  const x = scaleLinear()
    .domain([0, most])
    .range([LEFT, LEFT + BAR_WIDTH])
    .nice();
  const width = LEFT + BAR_WIDTH + RIGHT_PAD;
  const plotBottom = LEGEND_HEIGHT + rows.length * ROW_HEIGHT;
  const height = plotBottom + AXIS_HEIGHT;
  const titleId = `${input.id}-title`;
  const descId = `${input.id}-desc`;

  return element(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-labelledby": `${titleId} ${descId}`,
      focusable: "false",
      class: "app-picture__svg",
    },
    [
      textElement("title", { id: titleId }, input.title),
      textElement("desc", { id: descId }, input.description),
      element("defs", {}, [hatch(input.id)]),
      legend(input.id),
      ...rows.map((row, index) => bar(row, LEGEND_HEIGHT + index * ROW_HEIGHT, x, input.id)),
      axis(x, plotBottom),
    ],
  );
}

function hatch(id: string): string {
  return element(
    "pattern",
    {
      id: `${id}-hatch`,
      width: 6,
      height: 6,
      patternUnits: "userSpaceOnUse",
      patternTransform: "rotate(45)",
      color: BAR_COLOUR,
    },
    [element("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "currentColor", "stroke-width": 3 })],
  );
}

function swatch(key: Segment["key"], x: number, y: number, w: number, h: number, id: string): string {
  const common = { x: round(x), y: round(y), width: round(Math.max(0, w)), height: h };
  if (key === "attended") return element("rect", { ...common, fill: "currentColor" });
  if (key === "apologies")
    return element("rect", {
      ...common,
      fill: `url(#${id}-hatch)`,
      stroke: "currentColor",
      "stroke-width": 1.5,
    });
  return element("rect", { ...common, fill: "none", stroke: "currentColor", "stroke-width": 1.5 });
}

function legend(id: string): string {
  let x = 8;
  const parts: string[] = [];
  for (const segment of SEGMENTS) {
    parts.push(element("g", { color: BAR_COLOUR }, [swatch(segment.key, x, 8, 18, 18, id)]));
    parts.push(
      textElement("text", { x: x + 26, y: 22, "font-size": 14, fill: "currentColor" }, segment.label),
    );
    x += 26 + segment.label.length * 8 + 24;
  }
  return element("g", { "aria-hidden": "true" }, parts);
}

function bar(row: AttendanceRow, top: number, x: (n: number) => number, id: string): string {
  const y = top + ROW_HEIGHT - BAR_HEIGHT - 8;
  const parts: string[] = [];
  let total = 0;
  for (const segment of SEGMENTS) {
    const value = row[segment.key];
    if (value > 0) parts.push(swatch(segment.key, x(total), y, x(total + value) - x(total), BAR_HEIGHT, id));
    total += value;
  }
  const lines = wrapWords(row.label, LABEL_CHARACTERS).slice(0, 2);
  const figures = `${row.attended} of ${total} attended`;
  return element("g", {}, [
    textLines(
      { x: LEFT, y: round(y - 8 - (lines.length - 1) * 16), "font-size": 14, fill: "currentColor" },
      lines,
      16,
    ),
    element("g", { color: BAR_COLOUR }, parts),
    textElement(
      "text",
      { x: round(x(total) + 8), y: round(y + BAR_HEIGHT / 2 + 5), "font-size": 14, fill: "currentColor" },
      figures,
    ),
  ]);
}

function axis(x: ReturnType<typeof scaleLinear<number, number>>, top: number): string {
  const ticks = x.ticks(Math.min(10, x.domain()[1] ?? 1)).filter((tick) => Number.isInteger(tick));
  const [start, end] = x.range();
  const parts: string[] = [
    element("line", { x1: start, y1: top, x2: end, y2: top, stroke: "currentColor" }),
    ...ticks.flatMap((tick) => [
      element("line", {
        x1: round(x(tick)),
        y1: top,
        x2: round(x(tick)),
        y2: top + 6,
        stroke: "currentColor",
      }),
      textElement(
        "text",
        { x: round(x(tick)), y: top + 22, "font-size": 13, "text-anchor": "middle", fill: "currentColor" },
        String(tick),
      ),
    ]),
  ];
  return element("g", { "aria-hidden": "true" }, parts);
}
