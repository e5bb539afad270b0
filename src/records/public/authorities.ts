import type { Db } from "../../db/connect.js";
import type { Named } from "../meetings.js";
import { count } from "./refs.js";

// The authorities of the deployment and their bodies. Authorities and bodies are public by
// nature: what is withheld is what they consider in private, which these queries never touch.

export type AuthoritySummary = Named & { nation: string; governance: string | null; bodies: number };

export type Authority = Named & { id: number; nation: string; governance: string | null };

export type BodySummary = Named & { kind: string; isJoint: boolean; authority: Named };

export async function listAuthorities(db: Db): Promise<AuthoritySummary[]> {
  const rows = await db
    .selectFrom("authorities as a")
    .select((eb) => [
      "a.name",
      "a.slug",
      "a.nation",
      "a.governance",
      eb
        .selectFrom("body_authorities as ba")
        .select((inner) => inner.fn.countAll().as("n"))
        .whereRef("ba.authority_id", "=", "a.id")
        .as("bodies"),
    ])
    .orderBy("a.name")
    .execute();
  return rows.map((row) => ({
    name: row.name,
    slug: row.slug,
    nation: row.nation,
    governance: row.governance,
    bodies: count(row.bodies),
  }));
}

export async function findAuthority(db: Db, slug: string): Promise<Authority | undefined> {
  const row = await db
    .selectFrom("authorities")
    .select(["id", "name", "slug", "nation", "governance"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row;
}

/** The authority's bodies: its own, and the joint bodies it is one of the authorities of. */
export async function listAuthorityBodies(db: Db, authorityId: number): Promise<BodySummary[]> {
  const rows = await db
    .selectFrom("body_authorities as ba")
    .innerJoin("bodies as b", "b.id", "ba.body_id")
    .innerJoin("authorities as lead", "lead.id", "b.authority_id")
    .select(["b.name", "b.slug", "b.kind", "b.is_joint", "lead.name as lead_name", "lead.slug as lead_slug"])
    .where("ba.authority_id", "=", authorityId)
    .orderBy("b.name")
    .execute();
  return rows.map((row) => ({
    name: row.name,
    slug: row.slug,
    kind: row.kind,
    isJoint: row.is_joint,
    authority: { name: row.lead_name, slug: row.lead_slug },
  }));
}
