import type { Db } from "../db/connect.js";
import type { Row } from "../db/schema.js";
import { slugify } from "../domain/names.js";
import { uniqueSlug } from "./slugs.js";
import type { Writer } from "./writer.js";

/** A body is known by its name within one of its authorities: its own, or any it is joint with. */
export async function findBody(
  db: Db,
  authorityId: number,
  name: string,
): Promise<Row<"bodies"> | undefined> {
  return db
    .selectFrom("bodies")
    .selectAll()
    .where("name", "=", name)
    .where((eb) =>
      eb.or([
        eb("authority_id", "=", authorityId),
        eb(
          "id",
          "in",
          eb
            .selectFrom("body_authorities")
            .select("body_id")
            .where("body_authorities.authority_id", "=", authorityId),
        ),
      ]),
    )
    .orderBy("id")
    .executeTakeFirst();
}

export type BodyFacts = { name: string; kind: string; purpose?: string; authorityIds: number[] };

/** The first authority is the body's own (its lead, for a joint body); all are listed as its authorities. */
export async function saveBody(w: Writer, body: BodyFacts): Promise<number> {
  const [lead] = body.authorityIds;
  if (lead === undefined) throw new Error(`Body "${body.name}" has no authority`);
  const isJoint = new Set(body.authorityIds).size > 1;
  const existing = await findBody(w.trx, lead, body.name);
  const values = { kind: body.kind, purpose: body.purpose, is_joint: isJoint };
  const id = existing
    ? (await w.upsert("bodies", { id: existing.id }, values)).id
    : await w.insert("bodies", {
        ...values,
        authority_id: lead,
        name: body.name,
        slug: await uniqueSlug(w.trx, "bodies", slugify(body.name), lead),
        purpose: body.purpose ?? null,
      });
  for (const authorityId of new Set(body.authorityIds)) {
    await w.link("body_authorities", { body_id: id, authority_id: authorityId });
  }
  return id;
}

/** Every authority a body belongs to: its own, and the others of a joint body. */
export async function bodyAuthorityIds(db: Db, bodyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("body_authorities")
    .select("authority_id")
    .where("body_id", "=", bodyId)
    .execute();
  return rows.map((row) => row.authority_id);
}
