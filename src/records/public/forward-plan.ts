import { sql } from "kysely";
import type { Db } from "../../db/connect.js";
import { itemRefOf, publicItemRows } from "./item-refs.js";
import type { ItemRef } from "./refs.js";
import { amendmentsByRecord, type Amendment } from "../versions.js";

// The forward plan: notices of key decisions to come. An entry marked exempt is left out whole,
// as the public export leaves it out, since its title may itself carry exempt information.

export type ForwardPlanEntry = {
  reference: string;
  title: string;
  decisionMaker: string;
  expectedDate: string | null;
  firstPublished: string | null;
  consultees: string | null;
  authority: { name: string; slug: string };
  /** the public item at which it is, or was, taken */
  item: ItemRef | null;
  /** changes since the notice was published, each with its reason */
  amendments: Amendment[];
};

export async function listForwardPlan(db: Db): Promise<ForwardPlanEntry[]> {
  const rows = await db
    .selectFrom("forward_plan_entries as f")
    .innerJoin("authorities as fa", "fa.id", "f.authority_id")
    .select([
      "f.id",
      "f.reference",
      "f.title",
      "f.decision_maker",
      "f.expected_date",
      "f.first_published",
      "f.consultees",
      "f.item_id",
      "fa.name as authority_name",
      "fa.slug as authority_slug",
    ])
    .where("f.is_exempt", "=", false)
    .orderBy("fa.name")
    // Undated entries last on both engines, which otherwise sort nulls differently.
    .orderBy(sql`coalesce(f.expected_date, '9999-12-31')`)
    .orderBy("f.reference")
    .execute();
  const itemIds = rows.flatMap((row) => (row.item_id === null ? [] : [row.item_id]));
  const items = itemIds.length === 0 ? [] : await publicItemRows(db).where("i.id", "in", itemIds).execute();
  const byId = new Map(items.map((item) => [item.item_id, itemRefOf(item)]));
  const amendments = await amendmentsByRecord(
    db,
    "forward_plan_entries",
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    reference: row.reference,
    title: row.title,
    decisionMaker: row.decision_maker,
    expectedDate: row.expected_date,
    firstPublished: row.first_published,
    consultees: row.consultees,
    authority: { name: row.authority_name, slug: row.authority_slug },
    item: row.item_id === null ? null : (byId.get(row.item_id) ?? null),
    amendments: amendments.get(row.id) ?? [],
  }));
}
