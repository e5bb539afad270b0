import { addPerson, type Context, pageBody } from "./context.js";
import type { Line } from "./lines.js";
import { readPeopleList, readPerson } from "./people.js";

// A committee's own page ("Committee details" on ModernGov): its name, its members with the
// chair and vice-chair, and the officer who supports it, who serves it as its clerk.

export const COMMITTEE_PAGE_HEADING = /^committee\s+details$/i;

const SECTION = /^(?:purpose\s+of\s+committee|membership|contact\s+information|terms\s+of\s+reference)$/i;
const SUPPORT =
  /^(?:support|contact|committee|democratic\s+services)\s+officer\s*:\s*(.+?)(?:\.\s|\s+(?:tel|email|telephone)\b|$)/i;

export function parseCommitteePage(lines: Line[], ctx: Context): void {
  const texts = lines.map((l) => l.text).filter((t) => t !== "");
  const body = pageBody(ctx, texts, COMMITTEE_PAGE_HEADING, "committee page", (t) => SECTION.test(t));
  if (!body) return;
  const membership = texts.findIndex((t) => /^membership$/i.test(t));
  for (let i = membership + 1; membership >= 0 && i < texts.length; i++) {
    const text = (texts[i] ?? "").replace(/^[-•*]\s*/, "");
    if (SECTION.test(text)) break;
    const people = readPeopleList(text, true);
    if (people.length === 0) break;
    for (const person of people)
      ctx.out.membership({
        person: addPerson(ctx, person),
        body,
        authority: ctx.authority,
        role: person.role ?? "member",
      });
  }
  for (const text of texts) {
    const support = SUPPORT.exec(text)?.[1];
    const officer = support ? readPerson(support, false) : undefined;
    if (!officer) continue;
    ctx.out.membership({ person: addPerson(ctx, officer), body, authority: ctx.authority, role: "clerk" });
    break;
  }
}
