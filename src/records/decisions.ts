import type { BundleAction, BundleCondition, BundleDecision, Resolution } from "../domain/bundle.js";
import type { Writer } from "./writer.js";

// Resolutions (nested, numbered as printed), the conditions and actions attached to them, and
// the links between resolutions of different bodies (recommends to, responds to).

export type ResolutionFacts = {
  authorityId: number;
  itemId: number;
  parentId: number | null;
  position: number;
  resolution: Resolution;
  proposerId?: number;
  seconderId?: number;
  recommendsToBodyId?: number;
};

/** A resolution is known by its number under its parent in its item; unnumbered ones
 * ("Agreed that …") by their place. */
export async function saveResolution(
  w: Writer,
  f: ResolutionFacts,
): Promise<{ id: number; changed: boolean }> {
  const r = f.resolution;
  const key = {
    item_id: f.itemId,
    parent_id: f.parentId,
    number: r.number,
    ...(r.number === "" ? { position: f.position } : {}),
  };
  return w.upsert("resolutions", key, {
    authority_id: f.authorityId,
    position: f.position,
    text: r.text,
    verb: r.verb,
    is_in_principle: r.inPrinciple,
    proposer_id: f.proposerId,
    seconder_id: f.seconderId,
    votes_for: r.votes?.for,
    votes_against: r.votes?.against,
    votes_abstain: r.votes?.abstain,
    is_unanimous: r.votes?.unanimous,
    delegated_to: r.delegatedTo,
    recommends_to_body_id: f.recommendsToBodyId,
    recommends_to_date: r.recommendsTo?.date,
  });
}

export async function saveCondition(
  w: Writer,
  authorityId: number,
  resolutionId: number,
  position: number,
  c: BundleCondition,
) {
  return w.upsert(
    "conditions",
    { resolution_id: resolutionId, position },
    { authority_id: authorityId, group_title: c.group, text: c.text, status: c.status, owner: c.owner },
  );
}

export async function saveAction(
  w: Writer,
  f: {
    authorityId: number;
    resolutionId: number;
    position: number;
    action: BundleAction;
    ownerBodyId?: number;
  },
) {
  const a = f.action;
  return w.upsert(
    "actions",
    { resolution_id: f.resolutionId, position: f.position },
    {
      authority_id: f.authorityId,
      text: a.text,
      owner: a.owner,
      owner_body_id: f.ownerBodyId,
      due_date: a.due,
      status: a.status,
    },
  );
}

export type ResolutionAddress = { bodyId: number; date: string; item: string; number: string };

/** Finds a resolution by where it was made: body, meeting date, item number, resolution number. */
export async function findResolution(w: Writer, at: ResolutionAddress): Promise<number | undefined> {
  const row = await w.trx
    .selectFrom("resolutions as r")
    .innerJoin("agenda_items as i", "i.id", "r.item_id")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .select("r.id")
    .where("m.body_id", "=", at.bodyId)
    .where("m.date", "=", at.date)
    .where("i.number", "=", at.item)
    .where("r.number", "=", at.number)
    .orderBy("r.parent_id", "desc")
    .executeTakeFirst();
  return row?.id;
}

export async function linkResponse(w: Writer, resolutionId: number, respondsToId: number): Promise<boolean> {
  return (await w.upsert("resolutions", { id: resolutionId }, { responds_to_resolution_id: respondsToId }))
    .changed;
}

/** A decision record is known by its authority, date and title. Its call-in status, when the
 * bundle does not say, is stored as "unknown" rather than the column's "not-applicable": an
 * executive decision is subject to call-in unless a record says otherwise. */
export async function saveDecision(
  w: Writer,
  f: { authorityId: number; itemId?: number; decision: BundleDecision },
) {
  const d = f.decision;
  return w.upsert(
    "decisions",
    { authority_id: f.authorityId, decided_on: d.date, title: d.title },
    {
      item_id: f.itemId,
      decision_maker: d.decisionMaker,
      is_key_decision: d.keyDecision,
      published_on: d.published,
      call_in_expires_on: d.callInExpires,
      // Left out when not given, so that the insert-only "unknown" below is not overridden.
      ...(d.callInStatus === undefined ? {} : { call_in_status: d.callInStatus }),
      implementation_on: d.implementation,
      urgency_reason: d.urgencyReason,
      reasons: d.reasons,
      options_rejected: d.optionsRejected,
      is_published: true,
    },
    { call_in_status: "unknown" },
  );
}
