import type { BundleAuthority } from "../domain/bundle.js";
import { slugify } from "../domain/names.js";
import type { Db } from "../db/connect.js";
import { uniqueSlug } from "./slugs.js";
import type { Writer } from "./writer.js";

export async function findAuthorityId(db: Db, name: string): Promise<number | undefined> {
  const row = await db.selectFrom("authorities").select("id").where("name", "=", name).executeTakeFirst();
  return row?.id;
}

/** An authority is known by its name. */
export async function saveAuthority(w: Writer, authority: BundleAuthority): Promise<number> {
  const existing = await findAuthorityId(w.trx, authority.name);
  const values = { nation: authority.nation, governance: authority.governance };
  if (existing !== undefined) return (await w.upsert("authorities", { id: existing }, values)).id;
  const slug = await uniqueSlug(w.trx, "authorities", slugify(authority.name));
  return w.insert("authorities", {
    name: authority.name,
    slug,
    nation: authority.nation ?? "england",
    governance: authority.governance ?? null,
  });
}
