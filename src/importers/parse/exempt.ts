import type { Line } from "./lines.js";

// Part II: business the public may be excluded from (Local Government Act 1972, Schedule 12A).
// An agenda or minutes says so with a "PART II" heading over the items that follow, or with
// "by virtue of paragraph 3 of Part 1 of Schedule 12A" / "Not for publication" at the item. Missing
// one would publish what must stay private, so every sign counts.

const PART_TWO_HEADING =
  /^(?:part\s+(?:ii|2|b)\b|exempt\s+(?:items?|information|business)\b|items?\s+(?:considered\s+)?in\s+private\b|(?:confidential|private)\s+(?:items?|business|session)\b)/i;
const PART_ONE_HEADING = /^part\s+(?:i|1|a)\b(?!i)/i;
/** Schedule 12A to the Local Government Act 1972; in Northern Ireland, Schedule 6 to the Local
 * Government Act (Northern Ireland) 2014, whose paragraphs are numbered alike. */
const EXEMPT_PARAGRAPH =
  /\bparagraphs?\s+(\d{1,2}[a-z]?)(?:\s*(?:,|and|&)\s*\d{1,2}[a-z]?)*\s+of\s+(?:part\s+(?:1|i)\s+of\s+)?schedule\s+(?:12\s?a\b|6\s+to\s+the\s+local\s+government\s+act\s+\(northern\s+ireland\))/i;
const NOT_FOR_PUBLICATION =
  /\bnot\s+for\s+publication\b|\(exempt\)|\bexempt\s+(?:report|item|information)\b/i;
/** "Exclusion of the press and public"; in Northern Ireland, a motion to proceed "In Committee". */
const EXCLUSION =
  /\bexclusion\s+of\s+(?:the\s+)?(?:press|public)\b|\b(?:proceed|move|go)\s+(?:into\s+)?['‘"“]?in\s+committee\b/i;

/** The Part a heading line switches to, if it is one. */
export function partHeading(text: string): "I" | "II" | undefined {
  if (text.length > 120) return undefined;
  if (PART_ONE_HEADING.test(text)) return "I";
  if (PART_TWO_HEADING.test(text)) return "II";
  return undefined;
}

/** Whether an item's own lines mark it exempt, and under which paragraph of Schedule 12A. */
export function exemptIn(lines: Line[]): { exempt: boolean; paragraph?: string; excludesPublic: boolean } {
  const text = lines
    .map((l) => l.text)
    .join(" ")
    .slice(0, 5000);
  // The item that excludes the public is itself public; the items after it are not.
  if (EXCLUSION.test(lines.find((l) => l.text !== "")?.text ?? "")) {
    const paragraph = EXEMPT_PARAGRAPH.exec(text)?.[1];
    return { exempt: false, excludesPublic: true, ...(paragraph ? { paragraph } : {}) };
  }
  for (const sentence of text.split(/(?<=[.;])\s+/)) {
    const paragraph = EXEMPT_PARAGRAPH.exec(sentence)?.[1];
    // "Appendix B is exempt under paragraph 3": the appendix is private, the item is not.
    if (paragraph && !/\bappendi(?:x|ces)\b/i.test(sentence))
      return { exempt: true, paragraph, excludesPublic: false };
  }
  const exempt = text
    .split(/(?<=[.;])\s+/)
    .some((s) => NOT_FOR_PUBLICATION.test(s) && !/\bappendi(?:x|ces)\b/i.test(s));
  return { exempt, excludesPublic: false };
}
