import { squash } from "./lines.js";

// Body names and kinds. Names keep the document's own wording; an all-capitals heading is put
// into title case, and two spellings of one body ("Health Overview Scrutiny Committee",
// "Health Overview and Scrutiny Committee") share one loose key.

const SMALL = new Set("and of the for in on to a an at by with upon cum".split(" "));

export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(" ")
    .map((word, i) => {
      if (i > 0 && SMALL.has(word)) return word;
      if (word.length >= 2 && word.length <= 4 && !/[aeiouy]/.test(word)) return word.toUpperCase();
      return word.replace(/(^|[-(/'’])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase());
    })
    .join(" ")
    .replace(/(['’])S\b/g, "$1s");
}

export function isCapitals(text: string): boolean {
  return /[A-Z]{2}/.test(text) && text === text.toUpperCase();
}

/** Lower case, without punctuation or the words that spellings drop ("and", "&", "of", "the"). */
export function looseKey(name: string): string {
  return squash(name)
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((w) => w !== "" && w !== "and" && w !== "of" && w !== "the")
    .join(" ");
}

const BODY_WORD =
  /\b(Council|Cabinet|Executive|Committee|Sub-Committee|Subcommittee|Board|Panel|Forum|Commission|Assembly|Group|Partnership)$/i;

export function looksLikeBody(name: string): boolean {
  const text = squash(name);
  if (/^(?:chief|deputy|assistant|strategic|corporate)\s+executive$/i.test(text)) return false;
  return text.length >= 5 && text.length <= 100 && BODY_WORD.test(text) && !/[.;:]$/.test(text);
}

/** A board or trust that is not the council's own: the NHS's, the police's, a company's
 * ("NHS Kelso Integrated Care Board", "Kelso Hospitals NHS Foundation Trust"). */
export function isOutsideBody(name: string): boolean {
  return /\bNHS\b|\bTrust$|\bIntegrated\s+Care\b|\bConstabulary\b|\bPolice\s+Service\b|\bLtd\b|\bLimited\b|\bplc\b/i.test(
    name,
  );
}

export function bodyKind(name: string): string {
  const n = name.toLowerCase();
  if (/\bsub[- ]?committee\b/.test(n)) return "sub-committee";
  if (/\bjoint\b/.test(n) && /\b(committee|board)\b/.test(n)) return "joint-committee";
  if (/\bscrutiny\b/.test(n)) return "overview-and-scrutiny";
  if (/\b(cabinet|executive)\b/.test(n)) return "executive";
  if (/\bforum\b/.test(n)) return "forum";
  if (/\bpartnership\b/.test(n)) return "partnership-board";
  if (/\bboard\b/.test(n)) return "board";
  if (/\bpanel\b/.test(n)) return "panel";
  if (/\bcommittee\b/.test(n)) return "committee";
  if (/\bcouncil$/.test(n)) return "full-council";
  return "committee";
}

/** "the Council", "Full Council", "Council", "City Council": the authority's full council. */
export function isFullCouncilName(name: string): boolean {
  return /^(?:the\s+)?(?:full\s+|city\s+|county\s+|borough\s+|district\s+|town\s+|parish\s+)?council$/i.test(
    squash(name),
  );
}

/** A parish, town or community council meets as "Parish Council" (and so on); others as "Council". */
export function fullCouncilOf(authority: string): string {
  const kind = /\b(Parish|Town|Community)\s+Council$/.exec(authority)?.[1];
  return kind ? `${kind} Council` : "Council";
}
