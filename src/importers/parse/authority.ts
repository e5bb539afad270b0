import { WitanError } from "../../errors.js";
import type { ExtractedText, ImportHints } from "../types.js";
import { authorityFromCapitals, findAuthorities, mostNamedAuthority, placeKey } from "./authorities.js";
import { readFrontSheet } from "./front-sheet.js";
import type { Line } from "./lines.js";
import { PRESENT } from "./patterns.js";
import type { Part } from "./recognise.js";

// Whose document is this? The authority the document states where a heading or address states
// it. A council's own web page seldom names its council and often names others (an issue page
// about a partnership names the partner throughout), so there the user's hint comes next. A
// paper a council writes (report, minutes, agenda) names its own council in its text: there the
// council it clearly names most comes before a hint that names another, which is set aside with
// a warning, so one --authority given for a batch of files cannot relabel another council's report.

export function resolveAuthority(
  doc: ExtractedText,
  hints: ImportHints,
  parts: Part[],
  warnings: string[],
): string {
  const stated = statedAuthority(doc, parts);
  if (stated) return stated;
  const inferred = mostNamedAuthority(doc.text.slice(0, 2_000_000));
  const webPage = parts.some((p) => WEB_PAGES.has(p.kind));
  if (hints.authority) {
    if (webPage || !inferred || placeKey(inferred) === placeKey(hints.authority)) return hints.authority;
    warnings.push(
      `${doc.file}: the document names ${inferred} as its council, so --authority "${hints.authority}" was not used`,
    );
    return inferred;
  }
  if (inferred) {
    warnings.push(
      `${doc.file}: the document does not state its council; read as ${inferred}, the council it names most`,
    );
    return inferred;
  }
  // A news article belongs to no council; it is filed under the first one it names.
  const named = parts.some((p) => p.kind === "article")
    ? findAuthorities(doc.text.slice(0, 200_000))[0]?.name
    : undefined;
  if (named) {
    warnings.push(`${doc.file}: filed under ${named}, the first council the article names`);
    return named;
  }
  throw new WitanError(
    "BAD_INPUT",
    `${doc.file}: the document does not say which council it belongs to; pass --authority "Name of Council"`,
  );
}

const WEB_PAGES = new Set(["issue-history", "meeting-page", "committee-page", "meetings-list", "article"]);

function statedAuthority(doc: ExtractedText, parts: Part[]): string | undefined {
  for (const part of parts) {
    const found = partAuthority(part);
    if (found) return found;
  }
  // Text no recogniser claimed at the head of the document is its letterhead: "WEXCOMBE COUNTY
  // COUNCIL" above a work programme's own heading.
  const head = parts[0];
  if (head?.kind === "other") {
    const found = headingAuthority(head.lines);
    if (found) return found;
  }
  if (doc.title) {
    // "STOKE FERRY PARISH COUNCIL  Minutes of the Extraordinary Meeting …": the capitals first.
    const capitals = /^[A-Z][A-Z &'’-]+\b(?:COUNCIL|AUTHORITY)\b/.exec(doc.title)?.[0];
    return (capitals && authorityFromCapitals(capitals)) ?? findAuthorities(doc.title)[0]?.name;
  }
  return undefined;
}

function partAuthority(part: Part): string | undefined {
  switch (part.kind) {
    case "front-sheet":
      return readFrontSheet(part.lines).authority;
    case "minutes":
    case "agenda":
    case "report":
    case "work-programme":
    case "decisions":
      return headingAuthority(part.lines);
    default:
      return undefined;
  }
}

/** An authority in the first lines of a part, before any attendance list. */
function headingAuthority(lines: Line[]): string | undefined {
  let seen = 0;
  for (const line of lines) {
    if (line.text === "") continue;
    if (PRESENT.test(line.text) || ++seen > 4) break;
    const found = authorityFromCapitals(line.text) ?? headingMention(line.text);
    if (found) return found;
  }
  return undefined;
}

/** "Minutes of the Meeting of Little Wickham Parish Council held on …", "Harrowdale District Council". */
function headingMention(text: string): string | undefined {
  if (text.length > 200) return undefined;
  const found = findAuthorities(text)[0];
  if (!found) return undefined;
  const whole = found.name.length >= text.replace(/[.:]$/, "").trim().length - 1;
  return whole || /\bminutes\s+of\b|\bmeeting\s+of\b/i.test(text) ? found.name : undefined;
}
