// Natural keys (DESIGN.md section 4): people are matched by their normalised name within an
// authority, honorifics and titles apart, so "Councillor Mrs Aspinall" and "Aspinall" meet.

const HONORIFICS = new Set([
  "cllr",
  "councillor",
  "mr",
  "mrs",
  "ms",
  "miss",
  "mx",
  "dr",
  "prof",
  "professor",
  "sir",
  "dame",
  "lord",
  "lady",
  "rev",
  "revd",
  "the",
]);

export function personNameKey(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9' -]+/g, " ")
    .split(/\s+/)
    .filter((w) => w !== "");
  while (words.length > 1 && HONORIFICS.has(words[0] ?? "")) words.shift();
  return words.join(" ");
}

/** A readable, stable URL segment: "Wellbeing Overview & Scrutiny" → "wellbeing-overview-scrutiny". */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, 80).replace(/-+$/, "") || "untitled";
}
