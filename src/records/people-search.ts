import { sql, type Expression, type SqlBool } from "kysely";
import type { Db } from "../db/connect.js";
import { parseSearchQuery, type Term } from "../domain/search-query.js";
import type { Named, PersonName } from "./meetings.js";
import { publicPerson } from "./public/people.js";
import { escapeHtml } from "../domain/html.js";

// People in the portal's one search box. People are not passages of text but a few hundred
// records per authority, so they are matched by a plain query beside the full-text index rather
// than inside it: the same parsed syntax (quotes, OR, -word) is read the same way on both engines
// (a case-insensitive substring test per term), over name, honorific, party, ward, job title,
// organisation, and the names of the bodies the person sits on and their roles there.
// Only people a public record names are found (the people pages' rule, records/public/people.ts).

export type PersonHit = PersonName & {
  id: number;
  authority: Named;
  /** "Councillor, Plymouth City Council. Ward: …" */
  description: string;
  /** HTML: the description escaped, with matched words in <mark> */
  snippet: string;
};

export type PeopleSearchOptions = {
  authorityId?: number;
  /** only members of this body */
  bodyId?: number;
  limit: number;
  offset: number;
};

type PersonRow = {
  id: number;
  name: string;
  honorific: string | null;
  kind: string;
  party: string | null;
  ward: string | null;
  job_title: string | null;
  organisation: string | null;
  authority_name: string;
  authority_slug: string;
};

const PERSON_COLUMNS = [
  "p.name",
  "p.honorific",
  "p.party",
  "p.ward",
  "p.job_title",
  "p.organisation",
] as const;

function contains(column: string, phrase: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(coalesce(${sql.ref(column)}, '')) like ${`%${phrase.toLowerCase()}%`}`;
}

/** The term matches the person or one of their memberships (the body's name, or the role). */
function matches(term: Term): Expression<SqlBool> {
  const own = PERSON_COLUMNS.map((column) => contains(column, term.phrase));
  const membership = sql<SqlBool>`exists (
    select 1 from memberships sm join bodies sb on sb.id = sm.body_id
    where sm.person_id = p.id and (${contains("sb.name", term.phrase)} or ${contains("sm.role", term.phrase)}))`;
  return sql<SqlBool>`(${sql.join([...own, membership], sql` or `)})`;
}

export async function searchPeople(
  db: Db,
  text: string,
  options: PeopleSearchOptions,
): Promise<{ total: number; hits: PersonHit[] }> {
  const query = parseSearchQuery(text);
  if (query.positive === 0) return { total: 0, hits: [] };
  const clauses = query.clauses.map((clause) =>
    clause[0]?.negated
      ? sql<SqlBool>`not ${matches(clause[0])}`
      : sql<SqlBool>`(${sql.join(clause.map(matches), sql` or `)})`,
  );
  let base = db
    .selectFrom("people as p")
    .innerJoin("authorities as a", "a.id", "p.authority_id")
    .where(publicPerson("p"))
    .where(sql<SqlBool>`${sql.join(clauses, sql` and `)}`);
  if (options.authorityId !== undefined) base = base.where("p.authority_id", "=", options.authorityId);
  if (options.bodyId !== undefined) {
    const bodyId = options.bodyId;
    base = base.where("p.id", "in", (eb) =>
      eb.selectFrom("memberships").select("person_id").where("body_id", "=", bodyId),
    );
  }
  const count = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
  const total = Number(count?.n ?? 0);
  if (total === 0 || options.limit === 0) return { total, hits: [] };

  const first = query.clauses.find((c) => !c[0]?.negated)?.[0];
  const rows: PersonRow[] = await base
    .select([
      "p.id",
      "p.name",
      "p.honorific",
      "p.kind",
      "p.party",
      "p.ward",
      "p.job_title",
      "p.organisation",
      "a.name as authority_name",
      "a.slug as authority_slug",
    ])
    // A match on the name itself first; then by name.
    .orderBy(first ? sql`case when ${contains("p.name", first.phrase)} then 0 else 1 end` : sql`0`)
    .orderBy("p.name")
    .orderBy("p.id")
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  const roles = await membershipsOf(
    db,
    rows.map((row) => row.id),
  );
  const phrases = query.clauses.flatMap((clause) => clause.filter((t) => !t.negated).map((t) => t.phrase));
  return {
    total,
    hits: rows.map((row) => {
      const description = describe(row, roles.get(row.id) ?? []);
      return {
        id: row.id,
        name: row.name,
        honorific: row.honorific,
        kind: row.kind,
        authority: { name: row.authority_name, slug: row.authority_slug },
        description,
        snippet: highlight(description, phrases),
      };
    }),
  };
}

async function membershipsOf(db: Db, personIds: number[]): Promise<Map<number, string[]>> {
  const roles = new Map<number, string[]>();
  if (personIds.length === 0) return roles;
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("bodies as b", "b.id", "m.body_id")
    .select(["m.person_id", "m.role", "b.name"])
    .where("m.person_id", "in", personIds)
    .orderBy("m.person_id")
    .orderBy("b.name")
    .execute();
  for (const row of rows) {
    const list = roles.get(row.person_id) ?? [];
    list.push(`${roleWords(row.role)}, ${row.name}`);
    roles.set(row.person_id, list);
  }
  return roles;
}

function roleWords(role: string): string {
  const words = role.replace(/[-_]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function describe(row: PersonRow, memberships: string[]): string {
  const what =
    row.kind === "councillor"
      ? "Councillor"
      : (row.job_title ?? (row.kind === "officer" ? "Officer" : "Attendee"));
  const facts = [
    `${what}, ${row.organisation ?? row.authority_name}.`,
    ...(row.ward ? [`Ward: ${row.ward}.`] : []),
    ...(row.party ? [`Party: ${row.party}.`] : []),
    ...(memberships.length ? [`${memberships.join("; ")}.`] : []),
  ];
  return facts.join(" ");
}

/** Escapes the text and marks every case-insensitive occurrence of the phrases. */
export function highlight(text: string, phrases: string[]): string {
  const ranges: [number, number][] = [];
  const lower = text.toLowerCase();
  for (const phrase of phrases) {
    const needle = phrase.toLowerCase();
    if (needle === "") continue;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
      ranges.push([at, at + needle.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let html = "";
  let position = 0;
  for (const [start, end] of ranges) {
    if (start < position) continue;
    html += `${escapeHtml(text.slice(position, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    position = end;
  }
  return html + escapeHtml(text.slice(position));
}
