import type { BundleAttendance, BundleMeeting, BundlePerson, SourceSpan } from "../../domain/bundle.js";
import type { ExtractedText, ImportHints } from "../types.js";
import type { AttendanceEntry } from "./attendance.js";
import { bodyKind } from "./bodies.js";
import type { BundleBuilder } from "./builder.js";
import type { Line } from "./lines.js";
import { bodyName } from "./meeting-header.js";
import type { PersonRef } from "./people.js";
import { isCouncillorTitle } from "./people.js";

// What every parser shares while reading one document.

export type Context = {
  doc: ExtractedText;
  hints: ImportHints;
  out: BundleBuilder;
  /** the authority whose document this is: stated by it, else hinted, else the one it names most */
  authority: string;
  warnings: string[];
  /** what a part needed but the document does not state: a hint (--date, --body) would give it */
  unstated: Set<UnstatedFact>;
};

export type UnstatedFact = "date" | "committee";

/** The committee a page is about, named on the line below its heading ("Committee details" /
 * "Planning Committee"); a line that `isNot` something else is no name. */
export function pageBody(
  ctx: Context,
  texts: string[],
  heading: RegExp,
  part: string,
  isNot: (text: string) => boolean,
): string | undefined {
  const named = texts[texts.findIndex((t) => heading.test(t)) + 1];
  if (!named || isNot(named)) {
    lacks(ctx, part, "committee");
    return undefined;
  }
  return ctx.out.body(ctx.authority, bodyName(named), bodyKind(bodyName(named)));
}

/** A part that cannot be read without a fact the document does not state: said as a warning,
 * and kept so that a file that yields nothing names the hint that would have given it. */
export function lacks(ctx: Context, part: string, fact: UnstatedFact): void {
  ctx.unstated.add(fact);
  ctx.warnings.push(`${ctx.doc.file}: the ${part} names no ${fact}`);
}

export function sourceOf(ctx: Context, lines: Line[]): SourceSpan | undefined {
  const first = lines.find((l) => l.text !== "");
  const last = lines.findLast((l) => l.text !== "");
  if (!first || !last) return undefined;
  // A span starts where its text does, not at the indent before it (a letterhead set to the right).
  const indent = /^[ \t]*/.exec(ctx.doc.text.slice(first.from, first.to))?.[0].length ?? 0;
  return { file: ctx.doc.file, from: first.from + indent, to: last.to };
}

export function textOf(ctx: Context, lines: Line[]): string {
  const span = sourceOf(ctx, lines);
  return span ? ctx.doc.text.slice(span.from, span.to) : "";
}

/** Adds a person the document names, as councillor, officer of the authority or external. */
export function addPerson(ctx: Context, p: PersonRef, authority = ctx.authority): string {
  const person: BundlePerson = { name: p.name, kind: "officer" };
  if (p.honorific) person.honorific = p.honorific;
  if (p.jobTitle) person.jobTitle = p.jobTitle;
  if (p.party) person.party = p.party;
  if (p.councillor || isCouncillorTitle(p.jobTitle)) {
    person.kind = "councillor";
    person.authority = authority;
    // A combined authority's members come from its constituent councils.
    if (p.organisation && !sameOrganisation(p.organisation, authority)) person.organisation = p.organisation;
  } else if (p.organisation && !sameOrganisation(p.organisation, authority)) {
    person.kind = "external";
    person.organisation = p.organisation;
  } else if (p.external) {
    person.kind = "external";
  } else {
    person.authority = authority;
  }
  return ctx.out.person(person);
}

function sameOrganisation(organisation: string, authority: string): boolean {
  return organisation.toLowerCase() === authority.toLowerCase();
}

export function addAttendance(ctx: Context, meeting: BundleMeeting, entries: AttendanceEntry[]): void {
  for (const e of entries) {
    const record: BundleAttendance = { person: addPerson(ctx, e.person), status: e.status };
    if (e.role) record.role = e.role;
    if (e.substituteFor) {
      record.substituteFor = ctx.out.person({
        name: e.substituteFor,
        kind: "councillor",
        authority: ctx.authority,
      });
    }
    meeting.attendance.push(record);
  }
}

/** A lead member named as "Cabinet Member" or "Executive Member" sits on the executive. */
export function addLeadMember(ctx: Context, p: PersonRef, label: string | undefined): string {
  const name = addPerson(ctx, { ...p, councillor: true });
  if (label && /cabinet|executive|portfolio/i.test(label)) {
    const executive =
      ctx.out.findBody(ctx.authority, (b) => b.kind === "executive") ??
      ctx.out.body(ctx.authority, /executive/i.test(label) ? "Executive" : "Cabinet");
    ctx.out.membership({ person: name, body: executive, authority: ctx.authority, role: "member" });
  }
  return name;
}
