import type { Db } from "../db/connect.js";
import type { Named } from "./meetings.js";

// Lookups by the slugs in public URLs and query strings: authorities, bodies and people, for the
// portal's filters, calendars and feeds. People are found with findPerson (records/public/people.ts),
// so a person's calendar exists exactly where their page does.

export type AuthorityWithBodies = Named & { bodies: Named[] };

export type FoundBody = { id: number; name: string; slug: string; authority: Named & { id: number } };

/** Every authority and its bodies (a joint body under its lead authority), by name. */
export async function listAuthoritiesWithBodies(db: Db): Promise<AuthorityWithBodies[]> {
  const authorities = await db
    .selectFrom("authorities")
    .select(["id", "name", "slug"])
    .orderBy("name")
    .execute();
  const bodies = await db
    .selectFrom("bodies")
    .select(["authority_id", "name", "slug"])
    .orderBy("name")
    .orderBy("id")
    .execute();
  return authorities.map((authority) => ({
    name: authority.name,
    slug: authority.slug,
    bodies: bodies
      .filter((body) => body.authority_id === authority.id)
      .map((body) => ({ name: body.name, slug: body.slug })),
  }));
}

export async function findAuthorityBySlug(
  db: Db,
  slug: string,
): Promise<(Named & { id: number }) | undefined> {
  return db
    .selectFrom("authorities")
    .select(["id", "name", "slug"])
    .where("slug", "=", slug)
    .executeTakeFirst();
}

/** Bodies with this slug: in one authority when it is given, else in any (slugs are unique only
 * within an authority). */
export async function findBodiesBySlug(
  db: Db,
  bodySlug: string,
  authoritySlug?: string,
): Promise<FoundBody[]> {
  let query = db
    .selectFrom("bodies as b")
    .innerJoin("authorities as a", "a.id", "b.authority_id")
    .select([
      "b.id",
      "b.name",
      "b.slug",
      "a.id as authority_id",
      "a.name as authority_name",
      "a.slug as authority_slug",
    ])
    .where("b.slug", "=", bodySlug);
  if (authoritySlug !== undefined) query = query.where("a.slug", "=", authoritySlug);
  const rows = await query.orderBy("b.id").execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    slug: row.slug,
    authority: { id: row.authority_id, name: row.authority_name, slug: row.authority_slug },
  }));
}
