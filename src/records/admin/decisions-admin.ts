import type { Db } from "../../db/connect.js";
import type { Row } from "../../db/schema.js";
import { findItemRecord, meetingResource, resolutionsOf, type ItemRecord } from "./recording.js";

// Reads for decision records in the back office: a decision with its authority (whose nation and
// call-in period set the call-in expiry) and, when it was made at a meeting, the item's record.

export type DecisionRecord = {
  decision: Row<"decisions">;
  authority: Row<"authorities">;
  item: ItemRecord | null;
  resolutions: Row<"resolutions">[];
};

export async function findDecisionRecord(db: Db, id: number): Promise<DecisionRecord | null> {
  const decision = await db.selectFrom("decisions").selectAll().where("id", "=", id).executeTakeFirst();
  if (!decision) return null;
  const authority = await db
    .selectFrom("authorities")
    .selectAll()
    .where("id", "=", decision.authority_id)
    .executeTakeFirst();
  if (!authority) return null;
  const item = decision.item_id === null ? null : await findItemRecord(db, decision.item_id);
  return {
    decision,
    authority,
    item,
    resolutions: item === null ? [] : await resolutionsOf(db, item.item.id),
  };
}

/** The decision record of an item, if one has been made. */
export async function decisionOfItem(db: Db, itemId: number): Promise<Row<"decisions"> | null> {
  return (
    (await db
      .selectFrom("decisions")
      .selectAll()
      .where("item_id", "=", itemId)
      .orderBy("id")
      .executeTakeFirst()) ?? null
  );
}

export function decisionResource(record: { decision: Row<"decisions">; item: ItemRecord | null }) {
  return record.item === null ? { authorityId: record.decision.authority_id } : meetingResource(record.item);
}
