import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { WitanError } from "../errors.js";

type SluggedTable = "authorities" | "bodies" | "meetings" | "issues";

/** The first free readable URL segment: base, then base-2, base-3 … within the scope given. */
export async function uniqueSlug(
  db: Kysely<Database>,
  table: SluggedTable,
  base: string,
  authorityId?: number,
): Promise<string> {
  for (let n = 1; n <= 100; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    let query = db.selectFrom(table).select("id").where("slug", "=", slug);
    if (authorityId !== undefined && (table === "bodies" || table === "meetings")) {
      query = query.where("authority_id", "=", authorityId);
    }
    if (!(await query.executeTakeFirst())) return slug;
  }
  throw new WitanError("BAD_INPUT", `Too many records share the name "${base}"`);
}
