import { squash } from "./lines.js";
import { titleCase } from "./bodies.js";

// Authority names as documents write them: "Kingsford County Council", "Eastbridge Council's",
// "HARROWDALE DISTRICT COUNCIL", "Little Wickham Parish Council", "Northmoor Combined Authority".
// Found by walking back from the word that ends such a name, so no pattern can backtrack.

const ENDINGS =
  /\b(Council|Combined Authority|Combined County Authority|National Park Authority|Fire(?: and| &) Rescue Authority|Fire Authority|Police Authority|Waste Disposal Authority|Greater London Authority)\b/g;
const KIND_WORDS = new Set([
  "city",
  "county",
  "borough",
  "district",
  "town",
  "parish",
  "metropolitan",
  "community",
  "unitary",
  "royal",
  "london",
  "of",
  "the",
  "and",
  "upon",
  "on",
  "le",
  "combined",
  "fire",
  "rescue",
  "national",
  "park",
]);
const OF_PLACES = new Set([
  "isle",
  "isles",
  "vale",
  "forest",
  "city",
  "county",
  "borough",
  "royal",
  "london",
  "district",
]);
const PARTICLES = new Set(["of", "upon", "on", "and", "le", "the", "under", "in"]);
/** Parishes joined into one council: "Stow cum Quy", "Brankholm with Tiddesley". Read only in a
 * heading that is the council's name alone, since elsewhere "with" joins a sentence's words. */
const HEADING_PARTICLES = new Set([...PARTICLES, "with", "cum"]);
const NOT_PLACES = new Set([
  "full",
  "extraordinary",
  "annual",
  "special",
  "cabinet",
  "executive",
  "children's",
  "children’s",
  "services",
  "youth",
  "school",
  "schools",
  "joint",
  "this",
  "that",
  "each",
  "every",
  "both",
  "our",
  "their",
  "a",
  "an",
  "further",
  // "Modern Council" is the name a ModernGov site has until a council gives it its own.
  "modern",
]);

/** "London Borough of Hallam", "Royal Borough of Kingsmead": the name the place follows. */
const BOROUGH_OF =
  /\b(?:London|Royal)\s+Borough\s+of\s+[A-Z][a-z'’-]+(?:\s+(?:upon|on|and|(?!Council\b|Authority\b)[A-Z][a-z'’-]+)){0,3}\b(?<!\s(?:upon|on|and))/g;
const BUILDING = /^\s+(?:House|Offices?|Chambers?|Buildings?|Hall|Tax\b|Depot|Centre)/;

export type AuthorityMention = { name: string; index: number };

/** Every authority named in the text (whitespace already squashed or not). */
export function findAuthorities(text: string, particles = PARTICLES): AuthorityMention[] {
  const flat = text.replace(/[\s\u00a0]+/g, " ");
  const found: AuthorityMention[] = [];
  for (const m of flat.matchAll(BOROUGH_OF)) found.push({ name: m[0].replace(/\s+/g, " "), index: m.index });
  for (const m of flat.matchAll(ENDINGS)) {
    // "Council House", "Council Offices", "Council Chamber": a building, not an authority.
    if (m[1] === "Council" && BUILDING.test(flat.slice(m.index + m[0].length, m.index + m[0].length + 12)))
      continue;
    const words = wordsBefore(flat, m.index, particles);
    // "Members of Eastbridge Borough Council": a word before "of" that is not part of a place
    // name ("Isle of Wight", "City of York", "Vale of Glamorgan") is not part of the name.
    const of = words.lastIndexOf("of");
    if (of > 0 && !OF_PLACES.has((words[of - 1] ?? "").toLowerCase())) words.splice(0, of + 1);
    while (words.length > 0 && particles.has((words[0] ?? "").toLowerCase())) words.shift();
    if (words.length === 0) continue;
    const places = words.filter((w) => !KIND_WORDS.has(w.toLowerCase()));
    if (places.length === 0 || places.some((w) => NOT_PLACES.has(w.toLowerCase()))) continue;
    const name = `${words.join(" ")} ${m[1] ?? ""}`.replace(/['’]s$/, "");
    if (found.some((f) => f.index <= m.index && m.index < f.index + f.name.length)) continue;
    found.push({ name, index: m.index - (words.join(" ").length + 1) });
  }
  return found;
}

function wordsBefore(text: string, end: number, particles: Set<string>): string[] {
  const words: string[] = [];
  let i = end - 1;
  while (words.length < 6 && i > 0 && text[i] === " ") {
    let start = i;
    while (start > 0 && /[A-Za-z'’.-]/.test(text[start - 1] ?? "")) start--;
    const word = text.slice(start, i);
    if (word === "") break;
    const capital = /^[A-Z][a-z'’-]+$/.test(word) || /^St\.?$/.test(word);
    if (!capital && !particles.has(word)) break;
    words.unshift(word);
    i = start - 1;
  }
  if (particles.has((words[words.length - 1] ?? "").toLowerCase())) return [];
  return words;
}

/** An all-capitals heading that names an authority ("HARROWDALE DISTRICT COUNCIL"), in title case. */
export function authorityFromCapitals(line: string): string | undefined {
  const text = squash(line);
  if (text.length > 60 || text !== text.toUpperCase() || !/[A-Z]/.test(text)) return undefined;
  if (!/\b(COUNCIL|AUTHORITY)$/.test(text) && !/^(?:LONDON|ROYAL) BOROUGH OF\b/.test(text)) return undefined;
  const found = findAuthorities(titleCase(text), HEADING_PARTICLES);
  return found.length === 1 && found[0]?.index === 0 ? found[0].name : undefined;
}

/** The council a text is the name of, and nothing more: "GLANRHYD COUNTY COUNCIL", "Morwick City
 * Council" (a member's council beside them, a summons to the council's own meeting). */
export function authorityNamed(text: string): string | undefined {
  const flat = squash(text).replace(/[.,:;]+$/, "");
  const capitals = authorityFromCapitals(flat);
  if (capitals) return capitals;
  const [found] = findAuthorities(flat);
  return found && found.index <= 0 && found.name.length >= flat.length - 1 ? found.name : undefined;
}

/** The words that tell one authority from another: "Westford Borough Council" and "Westford
 * Council" both → "westford". */
export function placeKey(name: string): string {
  return name
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => !KIND_WORDS.has(w) && w !== "council" && w !== "authority")
    .join(" ");
}

/** The authority named most often, if it clearly leads (at least three times, and twice the next). */
export function mostNamedAuthority(text: string): string | undefined {
  const counts = new Map<string, { name: string; count: number }>();
  for (const { name } of findAuthorities(text)) {
    const key = placeKey(name);
    const entry = counts.get(key);
    if (entry) {
      entry.count++;
      if (name.length > entry.name.length) entry.name = name;
    } else counts.set(key, { name, count: 1 });
  }
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const [first, second] = ranked;
  if (!first || first.count < 3) return undefined;
  if (second && first.count < 2 * second.count) return undefined;
  return first.name;
}
