import { LINKED_FILE, PAGES } from "./patterns.js";

// The kind of an agenda item, from its title: the standing items every agenda carries, and
// "report" for the business itself.

const KINDS: [RegExp, string][] = [
  [/^apolog/i, "apologies"],
  [/\bdeclarations?\b|\binterests?$/i, "declarations"],
  [
    /^(?:the\s+)?minutes\b|\bconfirmation\s+of\s+(?:the\s+)?minutes\b|^to\s+(?:confirm|approve|receive)\s+the\s+minutes\b/i,
    "minutes",
  ],
  [/\burgent\s+(?:business|items?|matters?)\b|\bchair'?s'?\s+urgent\b|\blate\s+items?\b/i, "urgent-business"],
  [
    /\bpublic\s+(?:participation|questions?|question\s+time|speaking|forum|statements?)\b|\bquestions\s+from\s+(?:the\s+)?public\b|\bpetitions?\b|\bdeputations?\b|\bopen\s+forum\b/i,
    "public-participation",
  ],
  [/\bwork\s*programme\b|\bforward\s+(?:work\s+)?plan\b|\bwork\s+plan\b/i, "work-programme"],
  [
    /\bappointment\s+of\b|\belection\s+of\b|\bexclusion\s+of\s+(?:the\s+)?(?:press|public)\b|\bany\s+other\s+business\b|\bdate\s+of\s+(?:the\s+)?next\s+meeting\b|\bannouncements?\b|\bwelcome\b|\bmatters\s+arising\b|\bclerk'?s\s+report\b|\bclose\s+of\s+meeting\b/i,
    "other",
  ],
];

export function itemKind(title: string): string {
  return KINDS.find(([pattern]) => pattern.test(title))?.[1] ?? "report";
}

/** The title as printed, without the page range and linked-file notes that follow it. */
export function cleanTitle(title: string): string {
  let t = title;
  const file = LINKED_FILE.exec(t);
  if (file) t = t.slice(0, file.index);
  const pages = PAGES.exec(t);
  if (pages && pages.index > 0) t = t.slice(0, pages.index);
  return t
    .replace(/\s*\bpdf\s+icon\s*$/i, "")
    .replace(/[\s\t]+/g, " ")
    .replace(/\s*[-–:]\s*$/, "")
    .trim();
}

/** The number's last run of digits: "24/117" → 117, "PL/45" → 45. */
export function itemOrdinal(number: string): number {
  const m = /(\d+)[a-z]?$/.exec(number);
  return m ? Number(m[1]) : Number.NaN;
}

/** Whether one printed number follows another in a series: "19" → "20", "24/117" → "24/118",
 * "CAB 45/23" → "CAB 46/23", "PL/45" → "PL/47". One run of digits goes up, by at most 30 (a
 * minute may be withdrawn or taken elsewhere); everything else stays the same. */
export function followsInSeries(previous: string, next: string): boolean {
  const a = previous.split(/(\d+)/);
  const b = next.split(/(\d+)/);
  if (a.length !== b.length) return false;
  let rising = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (i % 2 === 0) return false;
    const step = Number(b[i]) - Number(a[i]);
    if (!(step > 0 && step <= 30)) return false;
    rising++;
  }
  return rising === 1;
}
