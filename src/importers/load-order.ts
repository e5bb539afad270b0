import type { Bundle } from "../domain/bundle.js";

// The order in which `witan import` loads the files it was given, whatever order the command
// line gave them in. Files that disagree about a fact settle it by this order (a later file's
// field replaces an earlier one's), so `witan import a b` and `witan import b a` must load the
// same way:
//   1. by the date the file describes: its latest meeting, else its latest decision, else its
//      latest publication date; a file with no date (a bundle of people or bodies) comes first;
//   2. for the same date, by what the file is: an agenda or front sheet, then reports and other
//      papers, then decision notices, then minutes (what happened settles what was planned);
//   3. then by the bundle's own content, so two files that tie still load in one fixed order.

/** What a file is, as far as precedence goes: higher ranks load later and so win. */
const RANK: Record<string, number> = {
  "agenda-pack": 0,
  agenda: 0,
  report: 1,
  appendix: 1,
  letter: 1,
  "decision-notice": 2,
  minutes: 3,
};

export type LoadKey = { date: string; rank: number; content: string };

export function loadKey(bundle: Bundle): LoadKey {
  const dates = [...bundle.meetings.map((m) => m.date), ...(bundle.decisions ?? []).map((d) => d.date)];
  const published = bundle.documents.flatMap((d) => (d.published ? [d.published] : []));
  const date = latest(dates) ?? latest(published) ?? "";
  const ranks = bundle.documents.map((d) => RANK[d.kind] ?? 1);
  // A meeting recorded as held (minutes, an "agenda and minutes" page) reports what happened.
  if (bundle.meetings.some((m) => m.status === "held")) ranks.push(RANK.minutes ?? 3);
  return { date, rank: ranks.length > 0 ? Math.max(...ranks) : 0, content: JSON.stringify(bundle) };
}

function latest(dates: string[]): string | undefined {
  return dates.length > 0 ? dates.reduce((a, b) => (b > a ? b : a)) : undefined;
}

export function compareLoadKeys(a: LoadKey, b: LoadKey): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.content === b.content) return 0;
  return a.content < b.content ? -1 : 1;
}

/** The entries in load order; a stable sort, so identical bundles keep their given order. */
export function inLoadOrder<T extends { bundle: Bundle }>(entries: readonly T[]): T[] {
  const keyed = entries.map((entry) => ({ entry, key: loadKey(entry.bundle) }));
  keyed.sort((a, b) => compareLoadKeys(a.key, b.key));
  return keyed.map((k) => k.entry);
}
