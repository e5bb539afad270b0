// The usual web-search syntax (quoted phrases, OR, -word), parsed once so that both search
// backends mean the same thing: SQLite gets an FTS5 expression from toFts5Query, and
// PostgreSQL a tsquery built from the same clauses (records/search.ts).

export type Term = { phrase: string; negated: boolean };
/** Clauses are ANDed; the terms inside one clause are ORed. */
export type SearchQuery = { clauses: Term[][]; positive: number };

export function parseSearchQuery(input: string): SearchQuery {
  const tokens = [...input.matchAll(/(-?)"([^"]*)"?|(\S+)/g)].map((m) => {
    if (m[2] !== undefined) return { text: m[2], negated: m[1] === "-", quoted: true };
    const raw = m[3] ?? "";
    const negated = raw.startsWith("-") && raw.length > 1;
    return { text: negated ? raw.slice(1) : raw, negated, quoted: false };
  });
  const clauses: Term[][] = [];
  let joinNext = false;
  for (const token of tokens) {
    // "or" in any case is the operator, as in PostgreSQL's own web-search syntax.
    if (!token.quoted && !token.negated && token.text.toUpperCase() === "OR") {
      joinNext = clauses.length > 0;
      continue;
    }
    const phrase = words(token.text).join(" ");
    if (phrase === "") continue;
    const term = { phrase, negated: token.negated };
    const last = clauses[clauses.length - 1];
    if (joinNext && last && !term.negated && !last.some((t) => t.negated)) last.push(term);
    else clauses.push([term]);
    joinNext = false;
  }
  const positive = clauses.filter((c) => c.some((t) => !t.negated)).length;
  return { clauses, positive };
}

function words(text: string): string[] {
  return text
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

/** FTS5 needs a positive term first and binds NOT tighter than AND, so negations go last. */
export function toFts5Query(query: SearchQuery): string {
  const quote = (t: Term) => `"${t.phrase}"`;
  const positive = query.clauses
    .filter((c) => !c[0]?.negated)
    .map((c) =>
      c.length > 1 ? `(${c.map(quote).join(" OR ")})` : quote(c[0] ?? { phrase: "", negated: false }),
    );
  const negative = query.clauses
    .filter((c) => c[0]?.negated)
    .map((c) => `NOT ${quote(c[0] ?? { phrase: "", negated: true })}`);
  return [positive.join(" AND "), ...negative].join(" ");
}
