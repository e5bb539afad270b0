// Dates and times as councils write them: "Wednesday 20 September 2017", "10th January 2018",
// "1st April, 2018", "25/09/2017", "September 20, 2017"; "10 am", "3.00 pm", "18:30", "noon".
// Explicit dates are read with anchored patterns (fast and exact on any input); prose relative to
// a reference date ("on Monday (11 November)") goes to chrono-node, in events.ts.

import { longDate } from "../../domain/wording.js";

/** "Wednesday 20 September 2017" for an ISO date, as titles of documents read. */
export { longDate };

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH =
  "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
const DAY_MONTH_YEAR = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`,
  "gi",
);
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "gi");
const NUMERIC = /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b/g;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

export type FoundDate = { iso: string; index: number; length: number };

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function monthNumber(name: string): number {
  return MONTHS[name.slice(0, name.toLowerCase().startsWith("sept") ? 4 : 3).toLowerCase()] ?? 0;
}

/** Every explicit date in the text, in order of position. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    const iso = isoDate(Number(m[3]), monthNumber(m[2] ?? ""), Number(m[1]));
    if (iso) found.push({ iso, index: m.index, length: m[0].length });
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    const iso = isoDate(Number(m[3]), monthNumber(m[1] ?? ""), Number(m[2]));
    if (iso && !found.some((f) => overlaps(f, m.index, m[0].length)))
      found.push({ iso, index: m.index, length: m[0].length });
  }
  // Numbers are read day first, as British documents write them: 05/09/2017 is 5 September.
  for (const m of text.matchAll(NUMERIC)) {
    const iso = isoDate(Number(m[4]), Number(m[3]), Number(m[1]));
    if (iso) found.push({ iso, index: m.index, length: m[0].length });
  }
  for (const m of text.matchAll(ISO)) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) found.push({ iso, index: m.index, length: m[0].length });
  }
  return found.sort((a, b) => a.index - b.index);
}

function overlaps(f: FoundDate, index: number, length: number): boolean {
  return f.index < index + length && index < f.index + f.length;
}

/** The whole text is a date, perhaps with a weekday ("Wednesday 20 September 2017"). */
export function isDateLine(text: string): boolean {
  const dates = findDates(text);
  const first = dates[0];
  if (first === undefined) return false;
  let rest = text.slice(0, first.index) + text.slice(first.index + first.length);
  // "Tuesday 23 July 2024 at 2.00pm": a time after the date leaves it a date line.
  const time = findTime(rest);
  if (time && time.index >= first.index)
    rest = rest.slice(0, time.index) + rest.slice(time.index + time.length);
  rest = rest
    .replace(
      /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Date|on|held|at|commencing)\b/gi,
      "",
    )
    .replace(/[\s,:;.\-–]+/g, "");
  return rest.length <= 2;
}

const TIME_12 = /\b(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?![a-z])/i;
const TIME_24 = /\b([01]?\d|2[0-3])[:.]([0-5]\d)\s*(?:hrs|hours|h)?\b/;
const NOON = /\b(12(?:[.:]00)?\s*)?(noon|midday)\b/i;

export type FoundTime = { time: string; index: number; length: number };

/** The first time of day in the text: "10 am" → "10:00", "3.00 pm" → "15:00", "18:30" → "18:30". */
export function findTime(text: string): FoundTime | undefined {
  const m = TIME_12.exec(text);
  if (m) {
    let hour = Number(m[1]);
    const minute = Number(m[2] ?? "0");
    if (hour >= 1 && hour <= 12 && minute < 60) {
      const pm = (m[3] ?? "").toLowerCase().startsWith("p");
      if (pm && hour < 12) hour += 12;
      if (!pm && hour === 12) hour = 0;
      return { time: hhmm(hour, minute), index: m.index, length: m[0].length };
    }
  }
  const noon = NOON.exec(text);
  if (noon) return { time: "12:00", index: noon.index, length: noon[0].length };
  const h24 = TIME_24.exec(text);
  if (h24 && !/\d[./]\d+[./]/.test(text.slice(Math.max(0, h24.index - 3), h24.index + h24[0].length + 3)))
    return { time: hhmm(Number(h24[1]), Number(h24[2])), index: h24.index, length: h24[0].length };
  return undefined;
}

function hhmm(hour: number, minute: number): string {
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** "2017-2018", "2017/18" → "2017/18": the municipal year a work programme covers. */
export function municipalYear(text: string): string | undefined {
  const m = /\b(20\d\d|19\d\d)\s*[-/–]\s*(\d{2,4})\b/.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = Number((m[2] ?? "").slice(-2));
  if ((start + 1) % 100 !== end) return undefined;
  return `${start}/${String(end).padStart(2, "0")}`;
}
