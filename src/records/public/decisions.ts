import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../db/connect.js";
import { amendmentsOf, type Amendment } from "../versions.js";
import { publicItem } from "../visibility.js";
import { itemRefOf } from "./item-refs.js";
import { count, type ItemRef } from "./refs.js";

// Decision records for the public: the list with its filters, and one decision's page.

export type DecisionFilter = {
  authority?: string;
  /** a body's slug: decisions taken at its meetings */
  body?: string;
  /** decided on or after (YYYY-MM-DD) */
  from?: string;
  /** decided on or before (YYYY-MM-DD) */
  to?: string;
  isKeyDecision?: boolean;
  callInStatus?: string;
  limit: number;
  offset: number;
};

export type DecisionSummary = {
  id: number;
  title: string;
  decisionMaker: string;
  decidedOn: string;
  isKeyDecision: boolean;
  callInStatus: string;
  callInExpiresOn: string | null;
  authority: { name: string; slug: string };
  item: ItemRef | null;
};

export type DecisionRecord = DecisionSummary & {
  publishedOn: string | null;
  implementationOn: string | null;
  urgencyReason: string | null;
  reasons: string | null;
  optionsRejected: string | null;
  itemId: number | null;
};

/** decisionIsPublic (domain/visibility.ts) in SQL, built from the item rule of
 * records/visibility.ts: published, and taken at no item or at a public one. A decision tied to a
 * resolution but not to an item takes the resolution's item. */
export function publicDecision(decision: string): RawBuilder<boolean> {
  const ref = (name: string) => sql.ref(`${decision}.${name}`);
  return sql<boolean>`(${ref("is_published")} = ${true} and (
    (${ref("item_id")} is null and ${ref("resolution_id")} is null)
    or exists (
      select 1 from agenda_items vi join meetings vm on vm.id = vi.meeting_id
      where ${publicItem("vi", "vm")} and vi.id = coalesce(${ref("item_id")},
        (select vr.item_id from resolutions vr where vr.id = ${ref("resolution_id")})))))`;
}

function decisionRows(db: Db) {
  return db
    .selectFrom("decisions as d")
    .innerJoin("authorities as da", "da.id", "d.authority_id")
    .leftJoin("agenda_items as i", "i.id", "d.item_id")
    .leftJoin("meetings as m", "m.id", "i.meeting_id")
    .leftJoin("bodies as b", "b.id", "m.body_id")
    .leftJoin("authorities as a", "a.id", "m.authority_id")
    .where(publicDecision("d"))
    .select([
      "d.id",
      "d.title",
      "d.decision_maker",
      "d.decided_on",
      "d.is_key_decision",
      "d.call_in_status",
      "d.call_in_expires_on",
      "d.published_on",
      "d.implementation_on",
      "d.urgency_reason",
      "d.reasons",
      "d.options_rejected",
      "d.item_id",
      "da.name as decision_authority_name",
      "da.slug as decision_authority_slug",
      "i.number as item_number",
      "i.title as item_title",
      "m.slug as meeting_slug",
      "m.date as meeting_date",
      "b.name as body_name",
      "b.slug as body_slug",
      "a.name as authority_name",
      "a.slug as authority_slug",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof decisionRows>["execute"]>>[number];

function record(row: Row): DecisionRecord {
  const { item_number, item_title, meeting_slug, meeting_date, body_name, body_slug } = row;
  const { authority_name, authority_slug } = row;
  const item =
    item_number !== null &&
    item_title !== null &&
    meeting_slug !== null &&
    meeting_date !== null &&
    body_name !== null &&
    body_slug !== null &&
    authority_name !== null &&
    authority_slug !== null
      ? itemRefOf({
          item_number,
          item_title,
          meeting_slug,
          meeting_date,
          body_name,
          body_slug,
          authority_name,
          authority_slug,
        })
      : null;
  return {
    id: row.id,
    title: row.title,
    decisionMaker: row.decision_maker,
    decidedOn: row.decided_on,
    isKeyDecision: row.is_key_decision,
    callInStatus: row.call_in_status,
    callInExpiresOn: row.call_in_expires_on,
    authority: { name: row.decision_authority_name, slug: row.decision_authority_slug },
    item,
    publishedOn: row.published_on,
    implementationOn: row.implementation_on,
    urgencyReason: row.urgency_reason,
    reasons: row.reasons,
    optionsRejected: row.options_rejected,
    itemId: row.item_id,
  };
}

function summary(r: DecisionRecord): DecisionSummary {
  return {
    id: r.id,
    title: r.title,
    decisionMaker: r.decisionMaker,
    decidedOn: r.decidedOn,
    isKeyDecision: r.isKeyDecision,
    callInStatus: r.callInStatus,
    callInExpiresOn: r.callInExpiresOn,
    authority: r.authority,
    item: r.item,
  };
}

function filtered(db: Db, filter: Omit<DecisionFilter, "limit" | "offset">) {
  let query = decisionRows(db);
  if (filter.authority !== undefined) query = query.where("da.slug", "=", filter.authority);
  if (filter.body !== undefined) query = query.where("b.slug", "=", filter.body);
  if (filter.from !== undefined) query = query.where("d.decided_on", ">=", filter.from);
  if (filter.to !== undefined) query = query.where("d.decided_on", "<=", filter.to);
  if (filter.isKeyDecision !== undefined) query = query.where("d.is_key_decision", "=", filter.isKeyDecision);
  if (filter.callInStatus !== undefined) query = query.where("d.call_in_status", "=", filter.callInStatus);
  return query;
}

export async function listDecisions(
  db: Db,
  filter: DecisionFilter,
): Promise<{ total: number; decisions: DecisionSummary[] }> {
  const rows = await filtered(db, filter)
    .orderBy("d.decided_on", "desc")
    .orderBy("d.id", "desc")
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const total = await filtered(db, filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  return { total: count(total?.n), decisions: rows.map((row) => summary(record(row))) };
}

/** A public decision with the changes made since it was published, each with its reason. */
export async function findDecision(
  db: Db,
  id: number,
): Promise<(DecisionRecord & { amendments: Amendment[] }) | undefined> {
  const row = await decisionRows(db).where("d.id", "=", id).executeTakeFirst();
  return row ? { ...record(row), amendments: await amendmentsOf(db, "decisions", row.id) } : undefined;
}

export async function listPublicDecisionsOfItem(db: Db, itemId: number): Promise<DecisionSummary[]> {
  const rows = await decisionRows(db).where("d.item_id", "=", itemId).orderBy("d.id").execute();
  return rows.map((row) => summary(record(row)));
}

/** The bodies whose meetings have public decisions, for the list's filter. */
export async function listDecisionBodies(
  db: Db,
): Promise<{ name: string; slug: string; authority: string }[]> {
  const rows = await decisionRows(db)
    .clearSelect()
    .select(["b.name", "b.slug", "a.name as authority"])
    .distinct()
    .orderBy("b.name")
    .execute();
  return rows.flatMap((row) =>
    row.name !== null && row.slug !== null && row.authority !== null
      ? [{ name: row.name, slug: row.slug, authority: row.authority }]
      : [],
  );
}
