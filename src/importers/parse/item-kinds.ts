import { DOT_LEADER, LINKED_FILE, PAGES } from "./patterns.js";

// The kind of an agenda item, from its title: the standing items every agenda carries, and
// "report" for the business itself.

const KINDS: [RegExp, string][] = [
  // "Welcome and apologies", "Welcome, introductions and apologies": the welcome is a preamble.
  [
    /^(?:(?:chair'?s\s+)?(?:welcome|introductions?)\s*(?:,|and|&)\s*){1,2}(?:(?:any\s+)?apolog)|^(?:to\s+(?:(?:receive|note|accept|consider|approve)\s*(?:,|and|&)?\s*)+(?:any\s+)?)?apolog/i,
    "apologies",
  ],
  [/\bdeclarations?\b|\binterests?$/i, "declarations"],
  [
    /^(?:the\s+)?minutes?\s+of\b|^(?:the\s+)?minutes?$|^(?:the\s+)?minutes\b|\bconfirmation\s+of\s+(?:the\s+)?minutes\b|^to\s+(?:(?:confirm|approve|receive|sign|adopt|agree)\s*(?:,|&|and)?\s*)+(?:the\s+)?minutes\b/i,
    "minutes",
  ],
  [/\burgent\s+(?:business|items?|matters?)\b|\bchair'?s'?\s+urgent\b|\blate\s+items?\b/i, "urgent-business"],
  [
    /\bpublic\s+(?:participation|questions?|question\s+time|speaking|forum|statements?|session)\b|\bquestions\s+from\s+(?:members\s+of\s+)?(?:the\s+)?public\b|\bpetitions?\b|\bdeputations?\b|\bopen\s+forum\b/i,
    "public-participation",
  ],
  [/\bwork\s*programme\b|\bforward\s+(?:work\s+)?plan\b|\bwork\s+plan\b/i, "work-programme"],
  [
    /\bappointments?\s+(?:of|to)\b|\belection\s+of\b|\bexclusion\s+of\s+(?:the\s+)?(?:press|public)\b|\b(?:proceed|move|go)\s+(?:into\s+)?['‘"“]?in\s+committee\b|\bany\s+other\s+business\b|\bdate\s+(?:and\s+time\s+)?of\s+(?:the\s+)?next\s+meeting\b|\bannouncements?\b|\bwelcome\b|\bmatters\s+arising\b|^correspondence$|\bclerk'?s\s+report\b|\bitems\s+for\s+(?:the\s+)?next\s+agenda\b|\bclose\s+of\s+meeting\b|\bquestions\s+(?:by|from|to)\s+(?:members|councillors)\b|\bcommon\s+seal\b|\breports?\s+(?:from|of)\s+(?:the\s+)?(?:county|district|borough|city|ward|unitary)\s+(?:(?:and|&)\s+(?:county|district|borough|city|ward|unitary)\s+)?councillors?\b/i,
    "other",
  ],
];

/** A bilingual title ("Ymddiheuriadau / Apologies for absence") is read by each of its halves. */
export function itemKind(title: string): string {
  const halves = title.includes(" / ") ? [title, ...title.split(" / ")] : [title];
  for (const half of halves) {
    const kind = KINDS.find(([pattern]) => pattern.test(half.trim()))?.[1];
    if (kind) return kind;
  }
  return "report";
}

/** The title as printed, without the page range and linked-file notes that follow it. */
export function cleanTitle(title: string): string {
  let t = title.replace(DOT_LEADER, "");
  const file = LINKED_FILE.exec(t);
  if (file) t = t.slice(0, file.index);
  const pages = PAGES.exec(t);
  if (pages && pages.index > 0) t = t.slice(0, pages.index);
  return t
    .replace(/\s*\bpdf\s+icon\s*$/i, "")
    .replace(/[\s\t]+/g, " ")
    .replace(KEY_DECISION_MARK, "")
    .replace(/\s*[-–:]+\s*$/, "")
    .trim();
}

/** "TEMPORARY ACCOMMODATION STRATEGY (KEY DECISION)", "Budget 2025/26 - Key Decision KD/24/07" */
const KEY_DECISION_MARK =
  /\s*(?:\(\s*key\s+decision\b[^()]{0,30}\)|[-–:]\s*key\s+decision(?:\s+(?:no\.?|ref\.?)?\s*[\w/.-]{1,20})?)\s*$/i;

export function markedKeyDecision(heading: string): boolean {
  return KEY_DECISION_MARK.test(heading.replace(PAGES, "").replace(LINKED_FILE, "").trimEnd());
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
