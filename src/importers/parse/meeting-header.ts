import { authorityFromCapitals, authorityNamed, findAuthorities } from "./authorities.js";
import { isCapitals, looksLikeBody, titleCase } from "./bodies.js";
import { findDates, findTime } from "./dates.js";
import type { Line } from "./lines.js";
import { VENUE_LINE } from "./patterns.js";

// The heading of minutes: "Health Overview and Scrutiny Committee / Wednesday 9 August 2023",
// "MINUTES of a meeting of the PLANNING COMMITTEE held in the Council Chamber, … on Thursday,
// 7 March 2024 at 6.30 pm", "Minutes of the Meeting of the Parish Council held on …".

export type MeetingHeading = {
  body?: string;
  date?: string;
  start?: string;
  end?: string;
  venue?: string;
  authority?: string;
};

const MINUTES_OF =
  /\bminutes?\s+of\s+(?:an?\s+|the\s+)?(?:(?:ordinary|extraordinary|special|annual|adjourned|formal)\s+)?meeting\s+of\s+(?:the\s+)?(.{3,100}?)(?:\s+(?:held|on|at|which)\b|\s*$)/i;
const HELD_AT = /\bheld\s+(?:in|at)\s+(?:the\s+)?(.{3,120}?),?\s+on\s+(?=\w)/i;
/** "held in the Council Chamber, Town Hall, High Street" with the date on the line below. */
const HELD_AT_LINE_END = /\bheld\s+(?:in|at)\s+(?:the\s+)?([A-Z][^.;]{2,120}?),?$/;
const HELD_ON_IN = /\bat\s+\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?\s+(?:in|at)\s+(?:the\s+)?([^.;]{3,100})/i;

/** "Minutes of the Finance and General Purposes Committee", "Minutes of the Planning Committee
 * meeting held …": the body named without "meeting of". */
const MINUTES_OF_BODY =
  /^(?:draft\s+|unconfirmed\s+|confirmed\s+)?minutes\s+of\s+(?:the\s+)?(.{3,100}?)(?:\s+meeting)?(?:\s+(?:held|on|at|which)\b.*)?$/i;

function minutesOfBody(text: string): RegExpExecArray | null {
  const m = MINUTES_OF_BODY.exec(text);
  // "Minutes of Brambleford Parish Council Meeting": the council's own meeting, not a body of it.
  return m?.[1] && looksLikeBody(m[1]) && !/\bmeeting\b/i.test(m[1]) && !authorityNamed(m[1]) ? m : null;
}

/** "Date: Thursday, 25 July 2024", "Time: 6.00 pm - 8.35 pm", "Place: Council Chamber". */
const LABELLED = /^(date|time|place|venue|location|meeting|committee)\s*:\s*(.+)$/i;

function readLabel(heading: MeetingHeading, label: string, value: string): void {
  if (label === "date") {
    const date = findDates(value)[0];
    if (date) heading.date ??= date.iso;
    const time = date ? findTime(value.slice(date.index + date.length)) : undefined;
    if (time) heading.start ??= time.time;
  } else if (label === "time") {
    const range = timeRange(value);
    if (range.start) heading.start ??= range.start;
    if (range.end) heading.end ??= range.end;
  } else if (label === "meeting" || label === "committee") {
    if (looksLikeBody(value)) heading.body ??= bodyName(value);
  } else heading.venue ??= value.trim();
}

/** "6.00 pm - 8.35 pm", "10.00 am to 12.30 pm": the meeting's start and end. */
export function timeRange(text: string): { start?: string; end?: string } {
  const start = findTime(text);
  if (!start) return {};
  const rest = text.slice(start.index + start.length);
  const end = /^\s*(?:-|–|to|until)\s*/i.test(rest) ? findTime(rest) : undefined;
  return end ? { start: start.time, end: end.time } : { start: start.time };
}

export function readHeading(lines: Line[]): MeetingHeading {
  const heading: MeetingHeading = {};
  for (const line of lines) {
    const text = line.text;
    if (text === "") continue;
    const capitalsAuthority = authorityFromCapitals(text);
    if (capitalsAuthority && !heading.authority) {
      heading.authority = capitalsAuthority;
      continue;
    }
    const of = MINUTES_OF.exec(text) ?? minutesOfBody(text);
    if (of?.[1] && !heading.body) heading.body = bodyName(of[1]);
    if (!heading.date) {
      const date = findDates(text)[0];
      if (date) {
        heading.date = date.iso;
        const afterDate = text.slice(date.index + date.length);
        const time = findTime(afterDate);
        if (time) heading.start = time.time;
        // "10.00 am, Tuesday 11 March 2025": the time first.
        const timeFirst = time ? undefined : findTime(text.slice(0, date.index));
        if (timeFirst && timeFirst.index === 0) heading.start = timeFirst.time;
        // "2.00pm to 3.45pm": the end follows the start.
        let rest = time ? afterDate.slice(time.index + time.length) : "";
        const until = /^\s*(?:-|–|to|until)\s*/i.exec(rest);
        const end = until ? findTime(rest.slice(until[0].length)) : undefined;
        if (until && end && end.index === 0) {
          heading.end ??= end.time;
          rest = rest.slice(until[0].length + end.length);
        }
        // "Wednesday 15 January 2025, 7.00pm, Council Chamber, Town Hall", "…, at Elm Court":
        // the place after the time.
        const place = time ? /^\s*,\s*(?:(?:at|in)\s+(?:the\s+)?)?([A-Z][^.;]{2,120}?)\.?$/.exec(rest) : null;
        if (place?.[1] && !heading.venue && findDates(place[1]).length === 0) heading.venue = place[1];
        // "CABINET – 12 JUNE 2024", "Planning Committee, Tuesday 5 March 2024"
        const before = text
          .slice(0, date.index)
          .replace(/\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/gi, "")
          .replace(/[\s,:–—-]+$/, "")
          .trim();
        if (
          !heading.body &&
          !of &&
          looksLikeBody(before) &&
          !findAuthorities(before).some((a) => a.name === before)
        )
          heading.body = bodyName(before);
      }
    }
    const label = LABELLED.exec(text);
    if (label) {
      readLabel(heading, (label[1] ?? "").toLowerCase(), label[2] ?? "");
      continue;
    }
    const venue = HELD_AT.exec(text) ?? HELD_ON_IN.exec(text) ?? HELD_AT_LINE_END.exec(text);
    if (venue?.[1] && !heading.venue) heading.venue = venue[1].trim();
    else if (
      !heading.venue &&
      heading.date &&
      text.length <= 100 &&
      !/[.;]$/.test(text) &&
      VENUE_LINE.test(text)
    )
      heading.venue = text;
    if (!heading.body && !of && text.length <= 100 && looksLikeBody(text) && findDates(text).length === 0) {
      const named = findAuthorities(text)[0];
      if (!(named && named.name.length >= text.length - 1)) heading.body = bodyName(text);
      else heading.authority ??= named.name;
    }
  }
  return heading;
}

export function bodyName(text: string): string {
  const name = text
    .replace(/^(?:the\s+)/i, "")
    .replace(/[.:,;]+$/, "")
    .trim();
  // "Full Council" is the council meeting as a whole, which other papers call "Council".
  if (/^full\s+council$/i.test(name)) return "Council";
  return isCapitals(name) ? titleCase(name) : name;
}
