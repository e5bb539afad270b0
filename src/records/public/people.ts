import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../db/connect.js";
import type { Named } from "../meetings.js";
import { publicItem, publicItemMinutes, publicMinutes } from "../visibility.js";
import type { PersonRef } from "./refs.js";

// People for the public: councillors by ward, party and body. A person is public when a public
// record names them: a membership of a body, attendance in published minutes, or a part in a
// public item (leading it; or, once its minutes are published, declaring on it, proposing,
// seconding or owning what it resolved).
// Someone named only in exempt or unpublished business is not found, and never listed.

export type CouncillorFilter = { authority?: string; party?: string; ward?: string; body?: string };

export type Councillor = PersonRef & {
  party: string | null;
  ward: string | null;
  authorityName: string;
  bodies: (Named & { authority: string; role: string })[];
};

export type CouncillorOptions = {
  authorities: Named[];
  parties: string[];
  wards: string[];
  bodies: (Named & { authority: string })[];
};

export type Person = PersonRef & {
  authorityName: string;
  party: string | null;
  ward: string | null;
  jobTitle: string | null;
  organisation: string | null;
};

/** The rule above in SQL, over the visibility rules of records/visibility.ts. */
export function publicPerson(person: string): RawBuilder<boolean> {
  const id = sql.ref(`${person}.id`);
  const item = (where: RawBuilder<unknown>) => sql`exists (
      select 1 from agenda_items vi join meetings vm on vm.id = vi.meeting_id
      where ${publicItem("vi", "vm")} and ${where})`;
  const minuted = (where: RawBuilder<unknown>) => sql`exists (
      select 1 from agenda_items vi join meetings vm on vm.id = vi.meeting_id
      where ${publicItemMinutes("vi", "vm")} and ${where})`;
  return sql<boolean>`(
    exists (select 1 from memberships vms where vms.person_id = ${id})
    or exists (
      select 1 from attendances vat join meetings vm on vm.id = vat.meeting_id
      where ${publicMinutes("vm")} and (vat.person_id = ${id} or vat.substitute_for_person_id = ${id}))
    or ${item(sql`(vi.lead_member_id = ${id} or vi.lead_officer_id = ${id})`)}
    or ${minuted(sql`exists (select 1 from declarations vd where vd.item_id = vi.id and vd.person_id = ${id})`)}
    or ${minuted(sql`exists (select 1 from resolutions vr where vr.item_id = vi.id
        and (vr.proposer_id = ${id} or vr.seconder_id = ${id}
          or exists (select 1 from actions va where va.resolution_id = vr.id and va.owner_person_id = ${id})))`)})`;
}

export async function listCouncillors(
  db: Db,
  filter: CouncillorFilter,
  today: string,
): Promise<Councillor[]> {
  let query = db
    .selectFrom("people as p")
    .innerJoin("authorities as a", "a.id", "p.authority_id")
    .select([
      "p.id",
      "p.name",
      "p.honorific",
      "p.kind",
      "p.party",
      "p.ward",
      "a.slug as authority",
      "a.name as authority_name",
    ])
    .where("p.kind", "=", "councillor")
    .where(publicPerson("p"));
  if (filter.authority !== undefined) query = query.where("a.slug", "=", filter.authority);
  if (filter.party !== undefined) query = query.where("p.party", "=", filter.party);
  if (filter.ward !== undefined) query = query.where("p.ward", "=", filter.ward);
  const { body } = filter;
  if (body !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("memberships as ms")
          .innerJoin("bodies as b", "b.id", "ms.body_id")
          .select("ms.id")
          .whereRef("ms.person_id", "=", "p.id")
          .where("b.slug", "=", body),
      ),
    );
  }
  const people = await query.orderBy("a.name").orderBy("p.name_key").execute();
  const memberships = await currentMemberships(
    db,
    people.map((p) => p.id),
    today,
  );
  return people.map((row) => ({
    id: row.id,
    name: row.name,
    honorific: row.honorific,
    kind: row.kind,
    authority: row.authority,
    authorityName: row.authority_name,
    party: row.party,
    ward: row.ward,
    bodies: memberships.get(row.id) ?? [],
  }));
}

async function currentMemberships(
  db: Db,
  personIds: number[],
  today: string,
): Promise<Map<number, Councillor["bodies"]>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("memberships as ms")
    .innerJoin("bodies as b", "b.id", "ms.body_id")
    .innerJoin("authorities as a", "a.id", "b.authority_id")
    .select(["ms.person_id", "ms.role", "b.name", "b.slug", "a.slug as authority"])
    .where("ms.person_id", "in", personIds)
    .where((eb) => eb.or([eb("ms.from_date", "is", null), eb("ms.from_date", "<=", today)]))
    .where((eb) => eb.or([eb("ms.to_date", "is", null), eb("ms.to_date", ">=", today)]))
    .orderBy("b.name")
    .execute();
  const out = new Map<number, Councillor["bodies"]>();
  for (const row of rows) {
    const list = out.get(row.person_id) ?? [];
    list.push({ name: row.name, slug: row.slug, authority: row.authority, role: row.role });
    out.set(row.person_id, list);
  }
  return out;
}

/** What the filters can choose from: the values public councillors actually have. */
export async function councillorOptions(db: Db): Promise<CouncillorOptions> {
  const people = await db
    .selectFrom("people as p")
    .innerJoin("authorities as a", "a.id", "p.authority_id")
    .select(["p.party", "p.ward", "a.name", "a.slug"])
    .where("p.kind", "=", "councillor")
    .where(publicPerson("p"))
    .execute();
  const bodies = await db
    .selectFrom("memberships as ms")
    .innerJoin("people as p", "p.id", "ms.person_id")
    .innerJoin("bodies as b", "b.id", "ms.body_id")
    .innerJoin("authorities as a", "a.id", "b.authority_id")
    .select(["b.name", "b.slug", "a.name as authority"])
    .where("p.kind", "=", "councillor")
    .distinct()
    .orderBy("b.name")
    .orderBy("a.name")
    .execute();
  const sorted = (values: (string | null)[]) =>
    [...new Set(values.filter((v): v is string => v !== null && v !== ""))].sort((a, b) =>
      a.localeCompare(b),
    );
  const authorities = new Map(people.map((p) => [p.slug, p.name]));
  return {
    authorities: [...authorities]
      .map(([slug, name]) => ({ slug, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    parties: sorted(people.map((p) => p.party)),
    wards: sorted(people.map((p) => p.ward)),
    bodies,
  };
}

export async function findPerson(db: Db, authoritySlug: string, id: number): Promise<Person | undefined> {
  const row = await db
    .selectFrom("people as p")
    .innerJoin("authorities as a", "a.id", "p.authority_id")
    .select([
      "p.id",
      "p.name",
      "p.honorific",
      "p.kind",
      "p.party",
      "p.ward",
      "p.job_title",
      "p.organisation",
      "a.slug as authority",
      "a.name as authority_name",
    ])
    .where("p.id", "=", id)
    .where("a.slug", "=", authoritySlug)
    .where(publicPerson("p"))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    honorific: row.honorific,
    kind: row.kind,
    authority: row.authority,
    authorityName: row.authority_name,
    party: row.party,
    ward: row.ward,
    jobTitle: row.job_title,
    organisation: row.organisation,
  };
}
