import { sql, type Kysely } from "kysely";
import type { Db } from "../../db/connect.js";
import type { Database, Row } from "../../db/schema.js";
import { findAuthorityRow } from "./authorities.js";

// Reads for the back office's people and membership pages: the people of an authority, a
// person with their memberships, and a body's members. The route has asked the policy first.

export async function peopleOfAuthorities(db: Db, authorityIds: readonly number[]): Promise<Row<"people">[]> {
  if (authorityIds.length === 0) return [];
  return db
    .selectFrom("people")
    .selectAll()
    .where("authority_id", "in", [...authorityIds])
    .orderBy("name")
    .orderBy("id")
    .execute();
}

export type PersonRecord = { person: Row<"people">; authority: Row<"authorities"> };

export async function findPersonRecord(db: Db, id: number): Promise<PersonRecord | null> {
  const person = await db.selectFrom("people").selectAll().where("id", "=", id).executeTakeFirst();
  if (!person) return null;
  const authority = await findAuthorityRow(db, person.authority_id);
  return authority === null ? null : { person, authority };
}

/** The normalised names already taken in an authority, each with its person's id. */
export async function nameKeysOf(db: Db, authorityId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("people")
    .select(["id", "name_key"])
    .where("authority_id", "=", authorityId)
    .execute();
  return new Map(rows.map((row) => [row.name_key, row.id]));
}

export type MembershipLine = {
  membership: Row<"memberships">;
  bodyName: string;
  person: Pick<Row<"people">, "id" | "name" | "honorific" | "kind">;
};

function membershipLines(db: Db) {
  return db
    .selectFrom("memberships")
    .innerJoin("bodies", "bodies.id", "memberships.body_id")
    .innerJoin("people", "people.id", "memberships.person_id")
    .selectAll("memberships")
    .select([
      "bodies.name as bodyName",
      "people.name as personName",
      "people.honorific as personHonorific",
      "people.kind as personKind",
    ]);
}

type Joined = Row<"memberships"> & {
  bodyName: string;
  personName: string;
  personHonorific: string | null;
  personKind: string;
};

function toLine({
  bodyName,
  personName,
  personHonorific,
  personKind,
  ...membership
}: Joined): MembershipLine {
  return {
    membership,
    bodyName,
    person: { id: membership.person_id, name: personName, honorific: personHonorific, kind: personKind },
  };
}

/** By body, then by when each began. */
export async function membershipsOfPerson(db: Db, personId: number): Promise<MembershipLine[]> {
  const rows = await membershipLines(db)
    .where("memberships.person_id", "=", personId)
    .orderBy("bodies.name")
    .orderBy("memberships.from_date")
    .execute();
  return rows.map(toLine);
}

/** By name, then by when each began. */
export async function membershipsOfBody(db: Db, bodyId: number): Promise<MembershipLine[]> {
  const rows = await membershipLines(db)
    .where("memberships.body_id", "=", bodyId)
    .orderBy("people.name")
    .orderBy("memberships.from_date")
    .execute();
  return rows.map(toLine);
}

export async function findMembershipLine(db: Db, id: number): Promise<MembershipLine | null> {
  const row = await membershipLines(db).where("memberships.id", "=", id).executeTakeFirst();
  return row ? toLine(row) : null;
}

/** The records that may name a person, kind by kind, and the columns that do. */
const PERSON_REFERENCES = [
  { what: "memberships", table: "memberships", columns: ["person_id"] },
  { what: "attendance", table: "attendances", columns: ["person_id"] },
  { what: "substitutions", table: "attendances", columns: ["substitute_for_person_id"] },
  { what: "declarations", table: "declarations", columns: ["person_id"] },
  { what: "resolutions", table: "resolutions", columns: ["proposer_id", "seconder_id"] },
  { what: "leads", table: "agenda_items", columns: ["lead_member_id", "lead_officer_id"] },
  { what: "actions", table: "actions", columns: ["owner_person_id"] },
  { what: "accounts", table: "accounts", columns: ["person_id"] },
] as const;

export type PersonReferenceKind = (typeof PERSON_REFERENCES)[number]["what"];
export type PersonReference = { what: PersonReferenceKind; count: number };

/** What names a person, with how many records of each kind. A person still named anywhere is
 * not to be removed: the database would drop their memberships, attendance and declarations with
 * them, and blank them where they proposed, seconded, led or own something. */
export async function referencesToPerson(db: Kysely<Database>, personId: number): Promise<PersonReference[]> {
  const found: PersonReference[] = [];
  for (const { what, table, columns } of PERSON_REFERENCES) {
    const naming = sql.join(
      columns.map((column) => sql`${sql.ref(column)} = ${personId}`),
      sql` or `,
    );
    const { rows } = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(table)} where ${naming}`.execute(db);
    const count = Number(rows[0]?.n ?? 0);
    if (count > 0) found.push({ what, count });
  }
  return found;
}
