import * as chrono from "chrono-node";
import type { BundleIssueEvent } from "../../domain/bundle.js";
import { findAuthorities, placeKey } from "./authorities.js";
import type { Context } from "./context.js";
import { findDates, isoDate } from "./dates.js";
import { squash } from "./lines.js";

// Dated events a text reports: each sentence with a date whose day is stated becomes an event of
// the issue on that date. With a reference date (an article's own), prose such as "on Monday
// (11 November)" is read by chrono-node relative to it, never to today's date; without one, only
// dates that state their year count.

export function datedEvents(
  text: string,
  reference: string | undefined,
  ctx: Context,
  document: string,
  skip?: string,
): BundleIssueEvent[] {
  const found: BundleIssueEvent[] = [];
  const seen = new Set<string>();
  const flat = text.slice(0, 50000);
  const names = fullNames(flat);
  for (const sentence of sentences(flat)) {
    const dates = reference ? proseDates(sentence, reference) : findDates(sentence).map((d) => d.iso);
    for (const date of dates) {
      const key = `${date}\u0000${sentence}`;
      if (seen.has(key) || date === reference || date === skip) continue;
      seen.add(key);
      const event: BundleIssueEvent = { date, text: sentence, document };
      const named = findAuthorities(sentence)[0]?.name;
      if (named) event.authority = ctx.out.authority(names.get(placeKey(named)) ?? named);
      found.push(event);
    }
  }
  return found;
}

/** The fullest spelling of each authority the text names: "Westford Council" → "Westford Borough Council". */
function fullNames(text: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const { name } of findAuthorities(text)) {
    const key = placeKey(name);
    if ((names.get(key)?.length ?? 0) < name.length) names.set(key, name);
  }
  return names;
}

function proseDates(sentence: string, reference: string): string[] {
  const [y = 2000, m = 1, d = 1] = reference.split("-").map(Number);
  const instant = new Date(Date.UTC(y, m - 1, d, 12));
  // chrono's British parser reads "November 28" as November 2028; the casual one reads both
  // "11 November" and "November 28" as days. Numeric dates ("11/12") are left to findDates, which
  // reads them day first.
  return chrono.casual
    .parse(sentence, { instant, timezone: 0 })
    .filter((r) => r.start.isCertain("day") && r.start.isCertain("month") && !/\d\s*[/.-]\s*\d/.test(r.text))
    .flatMap((r) => {
      const iso = isoDate(r.start.get("year") ?? y, r.start.get("month") ?? 0, r.start.get("day") ?? 0);
      return iso ? [iso] : [];
    });
}

/** Sentences of running text: wrapped lines joined, numbered paragraph marks dropped. */
export function sentences(text: string): string[] {
  return squash(text.replace(/\n\s*\n/g, " \u2029 "))
    .split(/(?<=[.!?])\s+(?=[A-Z"“‘'])|\s*\u2029\s*/)
    .map((s) => s.replace(/^(?:\d+(?:\.\d+)*\.?|[-•\uf0b7])\s+/, "").trim())
    .filter((s) => s.length > 20 && s.length < 600);
}
