import { authorityFromCapitals, findAuthorities } from "./authorities.js";
import { isCapitals, looksLikeBody, titleCase } from "./bodies.js";
import { findDates, findTime } from "./dates.js";
import type { Line } from "./lines.js";

// The heading of minutes: "Health Overview and Scrutiny Committee / Wednesday 9 August 2023",
// "MINUTES of a meeting of the PLANNING COMMITTEE held in the Council Chamber, … on Thursday,
// 7 March 2024 at 6.30 pm", "Minutes of the Meeting of the Parish Council held on …".

export type MeetingHeading = {
  body?: string;
  date?: string;
  start?: string;
  venue?: string;
  authority?: string;
};

const MINUTES_OF =
  /\bminutes\s+of\s+(?:an?\s+|the\s+)?(?:(?:ordinary|extraordinary|special|annual|adjourned|formal)\s+)?meeting\s+of\s+(?:the\s+)?(.{3,100}?)\s+(?:held|on|at|which)\b/i;
const HELD_AT = /\bheld\s+(?:in|at)\s+(?:the\s+)?(.{3,120}?),?\s+on\s+(?=\w)/i;
const HELD_ON_IN = /\bat\s+\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?\s+(?:in|at)\s+(?:the\s+)?([^.;]{3,100})/i;

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
    const of = MINUTES_OF.exec(text);
    if (of?.[1] && !heading.body) heading.body = bodyName(of[1]);
    if (!heading.date) {
      const date = findDates(text)[0];
      if (date) {
        heading.date = date.iso;
        const time = findTime(text.slice(date.index + date.length));
        if (time) heading.start = time.time;
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
    const venue = HELD_AT.exec(text) ?? HELD_ON_IN.exec(text);
    if (venue?.[1] && !heading.venue) heading.venue = venue[1].trim();
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
  return isCapitals(name) ? titleCase(name) : name;
}
