import type { Db } from "../db/connect.js";
import type { BundlePerson } from "../domain/bundle.js";
import { personNameKey } from "../domain/names.js";
import type { Writer } from "./writer.js";

/** People with this name, honorifics apart, in any authority. */
export async function findPeopleByName(
  db: Db,
  name: string,
): Promise<{ id: number; authority_id: number }[]> {
  return db
    .selectFrom("people")
    .select(["id", "authority_id"])
    .where("name_key", "=", personNameKey(name))
    .execute();
}

/** A person is known by their normalised name within an authority. */
export async function savePerson(w: Writer, authorityId: number, person: BundlePerson): Promise<number> {
  const { id } = await w.upsert(
    "people",
    { authority_id: authorityId, name_key: personNameKey(person.name) },
    {
      name: person.name,
      honorific: person.honorific,
      kind: person.kind,
      organisation: person.organisation,
      job_title: person.jobTitle,
      party: person.party,
      ward: person.ward,
    },
  );
  return id;
}

export type MembershipFacts = {
  authorityId: number;
  personId: number;
  bodyId: number;
  role: string;
  from?: string;
  to?: string;
};

export async function saveMembership(w: Writer, m: MembershipFacts): Promise<number> {
  const { id } = await w.upsert(
    "memberships",
    { person_id: m.personId, body_id: m.bodyId, role: m.role },
    { authority_id: m.authorityId, from_date: m.from, to_date: m.to },
  );
  return id;
}
