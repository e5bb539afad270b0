// Printed numbering of resolutions and their clauses: "1.", "(i)", "(a)", "a)", "I.", "- 1.".
// A clause's level follows its style: a style seen before returns to that level, a new style
// nests under the clause above it.

export type Style = "decimal" | "lower-roman" | "lower-alpha" | "upper-roman" | "upper-alpha";

export type Marker = { printed: string; style: Style; ordinal: number; rest: string };

const MARKER =
  /^(?:[-–•]\s*)?(\((?:\d{1,2}|[ivxl]{1,5}|[IVXL]{1,5}|[a-zA-Z])\)|(?:\d{1,2}|[ivxl]{1,5}|[IVXL]{1,5}|[a-zA-Z])[.)])\s+(\S[\s\S]*)$/;

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };

function roman(text: string): number {
  let total = 0;
  const s = text.toLowerCase();
  for (let i = 0; i < s.length; i++) {
    const value = ROMAN[s[i] ?? ""] ?? 0;
    const next = ROMAN[s[i + 1] ?? ""] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** Reads a clause marker at the start of a line; `previous` styles settle "(i)": roman, or the
 * letter after "(h)". */
export function readMarker(text: string, previous: Marker[] = []): Marker | undefined {
  const m = MARKER.exec(text);
  if (!m) return undefined;
  const printed = (m[1] ?? "").replace(/\.$/, "");
  const core = printed.replace(/[().]/g, "");
  const rest = m[2] ?? "";
  if (/^\d+$/.test(core)) return { printed, style: "decimal", ordinal: Number(core), rest };
  const lowerAlphaBefore = previous.findLast((p) => p.style === "lower-alpha");
  const upperAlphaBefore = previous.findLast((p) => p.style === "upper-alpha");
  if (/^[ivxl]+$/.test(core)) {
    const letterFollows = core.length === 1 && lowerAlphaBefore?.ordinal === core.charCodeAt(0) - 96 - 1;
    if (!letterFollows) return { printed, style: "lower-roman", ordinal: roman(core), rest };
  }
  if (/^[IVXL]+$/.test(core)) {
    const letterFollows = core.length === 1 && upperAlphaBefore?.ordinal === core.charCodeAt(0) - 64 - 1;
    if (!letterFollows) return { printed, style: "upper-roman", ordinal: roman(core), rest };
  }
  if (/^[a-z]$/.test(core)) return { printed, style: "lower-alpha", ordinal: core.charCodeAt(0) - 96, rest };
  if (/^[A-Z]$/.test(core)) {
    // A capital letter and a full stop is more often an initial than a clause ("A. Smith said").
    if (/^[A-Z]\.$/.test(m[1] ?? "") && /^[A-Z][a-z]+\b/.test(rest) && !/^(That|To|The|This)\b/.test(rest))
      return undefined;
    return { printed, style: "upper-alpha", ordinal: core.charCodeAt(0) - 64, rest };
  }
  return undefined;
}

/** Two styles are one level where text conversion misread "1." as "I." in a run of numbers. */
export function sameLevel(
  level: { style: Style; ordinal: number },
  marker: Marker,
  isRoot: boolean,
): boolean {
  if (level.style === marker.style) return true;
  const numeric = (s: Style) => s === "decimal" || s === "upper-roman";
  return isRoot && numeric(level.style) && numeric(marker.style) && marker.ordinal === level.ordinal + 1;
}
