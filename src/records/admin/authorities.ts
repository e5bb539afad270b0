import type { Db } from "../../db/connect.js";
import type { Row } from "../../db/schema.js";
import { bodyAuthorityIds } from "../bodies.js";

// Reads for the back office's authority and body pages. Unlike the public reads
// (src/records/public/), these include what is not published: the route has already asked the
// policy whether the account may see it.

export async function findAuthorityRow(db: Db, id: number): Promise<Row<"authorities"> | null> {
  return (await db.selectFrom("authorities").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

export async function listAuthorityRows(db: Db): Promise<Row<"authorities">[]> {
  return db.selectFrom("authorities").selectAll().orderBy("name").execute();
}

/** The bodies an authority runs or takes part in, by name. */
export async function bodiesOfAuthority(db: Db, authorityId: number): Promise<Row<"bodies">[]> {
  return db
    .selectFrom("bodies")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb("authority_id", "=", authorityId),
        eb(
          "id",
          "in",
          eb.selectFrom("body_authorities").select("body_id").where("authority_id", "=", authorityId),
        ),
      ]),
    )
    .orderBy("name")
    .execute();
}

export type BodyRecord = { body: Row<"bodies">; authority: Row<"authorities">; authorityIds: number[] };

/** A body with its own authority and every authority taking part in it. */
export async function findBodyRecord(db: Db, bodyId: number): Promise<BodyRecord | null> {
  const body = await db.selectFrom("bodies").selectAll().where("id", "=", bodyId).executeTakeFirst();
  if (!body) return null;
  const authority = await findAuthorityRow(db, body.authority_id);
  if (!authority) return null;
  return { body, authority, authorityIds: await bodyAuthorityIds(db, body.id) };
}

/** The body's resource for the policy: its own authority, and all taking part. */
export function bodyResource(record: BodyRecord) {
  return { authorityId: record.body.authority_id, authorityIds: record.authorityIds, bodyId: record.body.id };
}
