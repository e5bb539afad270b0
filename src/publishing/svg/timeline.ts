import { scaleUtc } from "d3-scale";
import { utcDay, utcMonth } from "d3-time";
import { element, monthLabel, round, textElement, textLines, utcDate, wrapWords } from "./markup.js";

// The issue timeline: one lane for each body (grouped under its authority) and one for an
// authority's business outside any recorded body; a mark for each item, event and paper on its
// date, numbered as the history list beside it is numbered; and arrows for recommendation
// chains, from the recommending body's item to the item that answers it.
//
// Time runs left to right, but not to scale: the gap between two dates is stretched or squeezed
// to between MIN_GAP and MAX_GAP, so a week of meetings can be read and a quiet year does not
// push the picture off the page. The description says so.
//
// Accessible and robust: role="img" with a title and a description; shapes (not colours) tell
// the kinds of mark apart; everything is drawn in currentColor. The picture inherits the page's
// text colour (an SVG keeps a colour set on itself in forced-colours mode, but takes an
// inherited one from the system), and the one accent, set by a `color` attribute, is reset to
// the system's text colour by the stylesheet in that mode.

export type TimelineShape = "item" | "event" | "document";

export type TimelineLane = { id: string; label: string; group: string };

export type TimelineMark = {
  id: string;
  lane: string;
  date: string;
  /** drawn by the mark: its number in the history list */
  label: string;
  shape: TimelineShape;
};

export type TimelineLink = { from: string; to: string };

export type TimelineInput = {
  /** prefix for the ids inside the picture, unique on the page */
  id: string;
  title: string;
  description: string;
  lanes: TimelineLane[];
  marks: TimelineMark[];
  links: TimelineLink[];
};

const LINK_COLOUR = "#1d70b8";
const LABEL_WIDTH = 200;
const LABEL_CHARACTERS = 24;
const START_PAD = 28;
const END_PAD = 36;
const PX_PER_DAY = 2;
const MIN_GAP = 30;
const MAX_GAP = 100;
const LEGEND_HEIGHT = 40;
const GROUP_HEIGHT = 30;
const LANE_HEIGHT = 60;
const AXIS_HEIGHT = 44;
const MARK_RADIUS = 7;
const SAME_DAY_OFFSET = 18;
const MIN_TICK_SPACING = 52;

type Row =
  | { kind: "group"; label: string; y: number }
  | { kind: "lane"; lane: TimelineLane; label: string; isBold: boolean; y: number };

type Point = { x: number; y: number };

export function timelineSvg(input: TimelineInput): string | null {
  const lanes = input.lanes.filter((lane) => input.marks.some((mark) => mark.lane === lane.id));
  const marks = input.marks.filter((mark) => lanes.some((lane) => lane.id === mark.lane));
  if (marks.length === 0) return null;

  const dates = [...new Set(marks.map((mark) => mark.date))].sort();
  const positions = datePositions(dates);
  const x = scaleUtc().domain(dates.map(utcDate)).range(positions).clamp(true);
  const right = (positions.at(-1) ?? LABEL_WIDTH) + END_PAD;

  const rows = layoutRows(lanes);
  const lastRow = rows.at(-1);
  const plotBottom = lastRow
    ? lastRow.y + (lastRow.kind === "lane" ? LANE_HEIGHT : GROUP_HEIGHT)
    : LEGEND_HEIGHT;
  const height = plotBottom + AXIS_HEIGHT;
  const key = legend(input.id);
  const width = Math.max(right, key.width);

  const points = markPoints(marks, rows, (date) => x(utcDate(date)));
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
      defs(input.id),
      key.markup,
      ...rows.map((row, index) => drawRow(row, index, width)),
      axis(dates, x, plotBottom),
      element(
        "g",
        { color: LINK_COLOUR },
        input.links.flatMap((link) => {
          const from = points.get(link.from);
          const to = points.get(link.to);
          return from && to ? [arrow(from, to, input.id)] : [];
        }),
      ),
      element(
        "g",
        {},
        marks.flatMap((mark) => {
          const point = points.get(mark.id);
          return point ? [drawMark(mark, point)] : [];
        }),
      ),
    ],
  );
}

/** x for each distinct date: each gap proportional to the days between, within bounds. */
export function datePositions(dates: string[]): number[] {
  const positions: number[] = [];
  let x = LABEL_WIDTH + START_PAD;
  dates.forEach((date, index) => {
    const previous = dates[index - 1];
    if (previous !== undefined) {
      const days = utcDay.count(utcDate(previous), utcDate(date));
      x += Math.min(MAX_GAP, Math.max(MIN_GAP, days * PX_PER_DAY));
    }
    positions.push(x);
  });
  return positions;
}

function layoutRows(lanes: TimelineLane[]): Row[] {
  const groups: { name: string; lanes: TimelineLane[] }[] = [];
  for (const lane of lanes) {
    const group = groups.find((g) => g.name === lane.group);
    if (group) group.lanes.push(lane);
    else groups.push({ name: lane.group, lanes: [lane] });
  }
  const rows: Row[] = [];
  let y = LEGEND_HEIGHT;
  for (const group of groups) {
    const [only] = group.lanes;
    // An authority with one lane of its own needs no heading over it: the lane carries its name.
    if (group.lanes.length === 1 && only && only.label === group.name) {
      rows.push({ kind: "lane", lane: only, label: group.name, isBold: true, y });
      y += LANE_HEIGHT;
      continue;
    }
    rows.push({ kind: "group", label: group.name, y });
    y += GROUP_HEIGHT;
    for (const lane of group.lanes) {
      rows.push({ kind: "lane", lane, label: lane.label, isBold: false, y });
      y += LANE_HEIGHT;
    }
  }
  return rows;
}

function markPoints(marks: TimelineMark[], rows: Row[], xOf: (date: string) => number): Map<string, Point> {
  const centres = new Map<string, number>();
  for (const row of rows) if (row.kind === "lane") centres.set(row.lane.id, row.y + LANE_HEIGHT / 2 + 6);
  const points = new Map<string, Point>();
  const sameDay = new Map<string, number>();
  for (const mark of marks) {
    const y = centres.get(mark.lane);
    if (y === undefined) continue;
    const key = `${mark.lane}\u0000${mark.date}`;
    const index = sameDay.get(key) ?? 0;
    sameDay.set(key, index + 1);
    points.set(mark.id, { x: xOf(mark.date) + index * SAME_DAY_OFFSET, y });
  }
  return points;
}

function defs(id: string): string {
  return element("defs", {}, [
    element(
      "marker",
      {
        id: `${id}-arrow`,
        viewBox: "0 0 10 10",
        refX: 9,
        refY: 5,
        markerWidth: 7,
        markerHeight: 7,
        orient: "auto-start-reverse",
        // The head takes its colour from here, not from the line that uses it.
        color: LINK_COLOUR,
      },
      [element("path", { d: "M0,0 L10,5 L0,10 z", fill: "currentColor" })],
    ),
  ]);
}

function shape(kind: TimelineShape, point: Point): string {
  const r = MARK_RADIUS;
  if (kind === "item") return element("circle", { cx: point.x, cy: point.y, r, fill: "currentColor" });
  if (kind === "event") {
    const [x, y, e] = [round(point.x), round(point.y), r + 1];
    const d = `M${x},${y - e} L${x + e},${y} L${x},${y + e} L${x - e},${y} z`;
    return element("path", { d, fill: "none", stroke: "currentColor", "stroke-width": 2 });
  }
  return element("rect", {
    x: point.x - r + 1,
    y: point.y - r + 1,
    width: 2 * r - 2,
    height: 2 * r - 2,
    fill: "none",
    stroke: "currentColor",
    "stroke-width": 2,
  });
}

function legend(id: string): { markup: string; width: number } {
  const entries: [TimelineShape | "link", string][] = [
    ["item", "Meeting item"],
    ["event", "Event"],
    ["document", "Paper or article"],
    ["link", "Recommendation and response"],
  ];
  let x = 8;
  const parts: string[] = [];
  for (const [kind, label] of entries) {
    if (kind === "link") {
      parts.push(
        element("g", { color: LINK_COLOUR }, [
          element("path", {
            d: `M${round(x)},16 L${round(x + 28)},16`,
            stroke: "currentColor",
            "stroke-width": 2,
            "marker-end": `url(#${id}-arrow)`,
          }),
        ]),
      );
      x += 36;
    } else {
      parts.push(shape(kind, { x: x + MARK_RADIUS, y: 16 }));
      x += 2 * MARK_RADIUS + 8;
    }
    parts.push(textElement("text", { x, y: 21, "font-size": 14, fill: "currentColor" }, label));
    x += label.length * 7.5 + 24;
  }
  return { markup: element("g", { "aria-hidden": "true" }, parts), width: x };
}

function drawRow(row: Row, index: number, width: number): string {
  if (row.kind === "group") {
    return textElement(
      "text",
      { x: 8, y: row.y + 21, "font-size": 15, "font-weight": "bold", fill: "currentColor" },
      row.label,
    );
  }
  const lines = wrapWords(row.label, LABEL_CHARACTERS).slice(0, 3);
  const top = row.y + LANE_HEIGHT / 2 + 6 - ((lines.length - 1) * 16) / 2 + 5;
  return element("g", {}, [
    element("rect", {
      x: 0,
      y: row.y + 2,
      width,
      height: LANE_HEIGHT - 4,
      fill: "currentColor",
      "fill-opacity": index % 2 === 0 ? "0.06" : "0.03",
    }),
    textLines(
      {
        x: 8,
        y: top,
        "font-size": 14,
        "font-weight": row.isBold ? "bold" : undefined,
        fill: "currentColor",
      },
      lines,
      16,
    ),
  ]);
}

function axis(dates: string[], x: (date: Date) => number, top: number): string {
  const first = dates[0];
  const last = dates.at(-1);
  if (first === undefined || last === undefined) return "";
  const start = utcDate(first);
  const end = utcDay.offset(utcDate(last), 1);
  const months = utcMonth.count(start, end);
  const interval = utcMonth.every(months > 36 ? 12 : months > 18 ? 3 : 1) ?? utcMonth;
  const ticks = interval.range(utcMonth.ceil(start), end);
  const parts: string[] = [
    element("line", { x1: LABEL_WIDTH, y1: top, x2: x(end) + END_PAD / 2, y2: top, stroke: "currentColor" }),
  ];
  for (const tick of ticks) {
    const tx = round(x(tick));
    parts.push(element("line", { x1: tx, y1: top, x2: tx, y2: top + 6, stroke: "currentColor" }));
  }
  for (const label of tickLabels(ticks, x)) {
    parts.push(
      textElement(
        "text",
        { x: label.x, y: top + 22, "font-size": 13, "text-anchor": "middle", fill: "currentColor" },
        label.text,
      ),
    );
  }
  return element("g", { "aria-hidden": "true" }, parts);
}

/** Labels for as many ticks as fit: the first and each January first, then the rest where there
 * is room; a label carries its year when it is the first shown or the year has changed. */
function tickLabels(ticks: Date[], x: (date: Date) => number): { x: number; text: string }[] {
  const priority = (tick: Date, index: number) => (index === 0 || tick.getUTCMonth() === 0 ? 0 : 1);
  const order = ticks
    .map((tick, index) => ({ tick, index }))
    .sort((a, b) => {
      return priority(a.tick, a.index) - priority(b.tick, b.index) || a.index - b.index;
    });
  const placed: Date[] = [];
  for (const { tick } of order) {
    if (placed.every((other) => Math.abs(x(other) - x(tick)) >= MIN_TICK_SPACING)) placed.push(tick);
  }
  placed.sort((a, b) => a.getTime() - b.getTime());
  return placed.map((tick, index) => {
    const previous = placed[index - 1];
    const withYear = previous === undefined || previous.getUTCFullYear() !== tick.getUTCFullYear();
    return { x: round(x(tick)), text: monthLabel(tick, withYear) };
  });
}

function drawMark(mark: TimelineMark, point: Point): string {
  return element("g", {}, [
    shape(mark.shape, point),
    textElement(
      "text",
      {
        x: point.x,
        y: point.y - MARK_RADIUS - 6,
        "font-size": 12,
        "font-weight": "bold",
        "text-anchor": "middle",
        fill: "currentColor",
      },
      mark.label,
    ),
  ]);
}

/** A curve from one mark to another, leaving and arriving level, with an arrowhead at its end. */
function arrow(source: Point, target: Point, id: string): string {
  const gap = MARK_RADIUS + 3;
  const from = { x: round(source.x), y: round(source.y) };
  const to = { x: round(target.x), y: round(target.y) };
  let d: string;
  if (Math.abs(to.x - from.x) < 2 * gap) {
    const direction = to.y > from.y ? 1 : -1;
    d = `M${from.x},${from.y + direction * gap} L${to.x},${to.y - direction * gap}`;
  } else {
    const direction = to.x > from.x ? 1 : -1;
    const start = { x: from.x + direction * gap, y: from.y };
    const end = { x: to.x - direction * gap, y: to.y };
    const bend = round(Math.max(20, Math.abs(end.x - start.x) / 2) * direction);
    d = `M${start.x},${start.y} C${start.x + bend},${start.y} ${end.x - bend},${end.y} ${end.x},${end.y}`;
  }
  return element("path", {
    d,
    fill: "none",
    stroke: "currentColor",
    "stroke-width": 2,
    "marker-end": `url(#${id}-arrow)`,
  });
}
