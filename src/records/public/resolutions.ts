import type { Db } from "../../db/connect.js";
import type { Named } from "../meetings.js";
import { publicDocument, publicItemMinutes, publicMeeting } from "../visibility.js";
import { itemRefOf, publicItemMinutesRows } from "./item-refs.js";
import { nestResolutions, personRef, type DocumentRef, type PersonRef, type ResolutionRef } from "./refs.js";

// Resolutions as the item, issue and decision pages show them: nested in their printed
// numbering, with who proposed and seconded them, the votes, the conditions attached (and their
// assurance), the actions asked for, and the links of a recommendation chain in both directions.
// Only the resolutions of public items whose minutes are published are returned, whatever items
// the caller passes; the links out of them (responds to, responded to by, evidence, a due
// meeting) are filtered too, since they may lead to records that are not public.

export type Votes = {
  for: number | null;
  against: number | null;
  abstain: number | null;
  isUnanimous: boolean;
};

export type ConditionRecord = {
  group: string;
  text: string;
  status: string;
  owner: string | null;
  evidence: DocumentRef[];
};

export type ActionRecord = {
  id: number;
  text: string;
  owner: string | null;
  ownerPerson: PersonRef | null;
  ownerBody: (Named & { authority: string }) | null;
  due: string | null;
  dueMeeting: { slug: string; date: string; authority: string } | null;
  status: string;
};

export type ResolutionRecord = {
  id: number;
  number: string;
  text: string;
  verb: string | null;
  isInPrinciple: boolean;
  proposer: PersonRef | null;
  seconder: PersonRef | null;
  votes: Votes;
  delegatedTo: string | null;
  recommendsTo: { body: Named; authority: Named; date: string | null } | null;
  respondsTo: ResolutionRef | null;
  respondedToBy: ResolutionRef[];
  conditions: ConditionRecord[];
  actions: ActionRecord[];
  children: ResolutionRecord[];
};

/** The public resolutions of these items, keyed by item id, top level first, children nested. */
export async function loadResolutions(db: Db, itemIds: number[]): Promise<Map<number, ResolutionRecord[]>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("resolutions as r")
    .innerJoin("agenda_items as i", "i.id", "r.item_id")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .leftJoin("people as pp", "pp.id", "r.proposer_id")
    .leftJoin("authorities as ppa", "ppa.id", "pp.authority_id")
    .leftJoin("people as sp", "sp.id", "r.seconder_id")
    .leftJoin("authorities as spa", "spa.id", "sp.authority_id")
    .leftJoin("bodies as rb", "rb.id", "r.recommends_to_body_id")
    .leftJoin("authorities as rba", "rba.id", "rb.authority_id")
    .selectAll("r")
    .select([
      "pp.name as proposer_name",
      "pp.honorific as proposer_honorific",
      "pp.kind as proposer_kind",
      "ppa.slug as proposer_authority",
      "sp.name as seconder_name",
      "sp.honorific as seconder_honorific",
      "sp.kind as seconder_kind",
      "spa.slug as seconder_authority",
      "rb.name as to_body_name",
      "rb.slug as to_body_slug",
      "rba.name as to_authority_name",
      "rba.slug as to_authority_slug",
    ])
    .where("r.item_id", "in", itemIds)
    .where(publicItemMinutes("i", "m"))
    .orderBy("r.item_id")
    .orderBy("r.position")
    .orderBy("r.id")
    .execute();
  const ids = rows.map((r) => r.id);
  const respondsTo = await resolutionRefs(
    db,
    rows.flatMap((r) => (r.responds_to_resolution_id === null ? [] : [r.responds_to_resolution_id])),
  );
  const responses = await responsesTo(db, ids);
  const conditions = await loadConditions(db, ids);
  const actions = await loadActions(db, ids);

  return nestResolutions(rows, (row): ResolutionRecord => ({
    id: row.id,
    number: row.number,
    text: row.text,
    verb: row.verb,
    isInPrinciple: row.is_in_principle,
    proposer: personRef({
      id: row.proposer_id,
      name: row.proposer_name,
      honorific: row.proposer_honorific,
      kind: row.proposer_kind,
      authority: row.proposer_authority,
    }),
    seconder: personRef({
      id: row.seconder_id,
      name: row.seconder_name,
      honorific: row.seconder_honorific,
      kind: row.seconder_kind,
      authority: row.seconder_authority,
    }),
    votes: {
      for: row.votes_for,
      against: row.votes_against,
      abstain: row.votes_abstain,
      isUnanimous: row.is_unanimous,
    },
    delegatedTo: row.delegated_to,
    recommendsTo:
      row.to_body_name !== null &&
      row.to_body_slug !== null &&
      row.to_authority_name !== null &&
      row.to_authority_slug !== null
        ? {
            body: { name: row.to_body_name, slug: row.to_body_slug },
            authority: { name: row.to_authority_name, slug: row.to_authority_slug },
            date: row.recommends_to_date,
          }
        : null,
    respondsTo:
      row.responds_to_resolution_id === null ? null : (respondsTo.get(row.responds_to_resolution_id) ?? null),
    respondedToBy: responses.get(row.id) ?? [],
    conditions: conditions.get(row.id) ?? [],
    actions: actions.get(row.id) ?? [],
    children: [],
  }));
}

function resolutionRefQuery(db: Db) {
  return publicItemMinutesRows(db)
    .innerJoin("resolutions as r", "r.item_id", "i.id")
    .select(["r.id as resolution_id", "r.number as resolution_number", "r.responds_to_resolution_id"]);
}

/** Resolutions by id, each as a reference, when its item and minutes are public. */
export async function resolutionRefs(db: Db, ids: number[]): Promise<Map<number, ResolutionRef>> {
  if (ids.length === 0) return new Map();
  const rows = await resolutionRefQuery(db).where("r.id", "in", ids).execute();
  return new Map(
    rows.map((row) => [row.resolution_id, { ...itemRefOf(row), resolution: row.resolution_number }]),
  );
}

/** The public resolutions that answer these ones, keyed by the resolution they answer. */
async function responsesTo(db: Db, ids: number[]): Promise<Map<number, ResolutionRef[]>> {
  if (ids.length === 0) return new Map();
  const rows = await resolutionRefQuery(db)
    .where("r.responds_to_resolution_id", "in", ids)
    .orderBy("m.date")
    .orderBy("r.position")
    .execute();
  const out = new Map<number, ResolutionRef[]>();
  for (const row of rows) {
    if (row.responds_to_resolution_id === null) continue;
    const list = out.get(row.responds_to_resolution_id) ?? [];
    list.push({ ...itemRefOf(row), resolution: row.resolution_number });
    out.set(row.responds_to_resolution_id, list);
  }
  return out;
}

async function loadConditions(db: Db, resolutionIds: number[]): Promise<Map<number, ConditionRecord[]>> {
  if (resolutionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("conditions")
    .selectAll()
    .where("resolution_id", "in", resolutionIds)
    .orderBy("resolution_id")
    .orderBy("position")
    .execute();
  const evidence = await publicEvidence(
    db,
    rows.map((r) => r.id),
  );
  const out = new Map<number, ConditionRecord[]>();
  for (const row of rows) {
    const list = out.get(row.resolution_id) ?? [];
    list.push({
      group: row.group_title,
      text: row.text,
      status: row.status,
      owner: row.owner,
      evidence: evidence.get(row.id) ?? [],
    });
    out.set(row.resolution_id, list);
  }
  return out;
}

async function publicEvidence(db: Db, conditionIds: number[]): Promise<Map<number, DocumentRef[]>> {
  if (conditionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("condition_evidence as ce")
    .innerJoin("documents as d", "d.id", "ce.document_id")
    .innerJoin("authorities as a", "a.id", "d.authority_id")
    .select([
      "ce.condition_id",
      "d.key",
      "a.slug as authority",
      "d.title",
      "d.kind",
      "d.media_type",
      "d.size_bytes",
      "d.published_on",
    ])
    .where("ce.condition_id", "in", conditionIds)
    .where(publicDocument("d"))
    .orderBy("d.title")
    .execute();
  const out = new Map<number, DocumentRef[]>();
  for (const row of rows) {
    const list = out.get(row.condition_id) ?? [];
    list.push({
      key: row.key,
      authority: row.authority,
      title: row.title,
      kind: row.kind,
      mediaType: row.media_type,
      sizeBytes: row.size_bytes,
      published: row.published_on,
    });
    out.set(row.condition_id, list);
  }
  return out;
}

async function loadActions(db: Db, resolutionIds: number[]): Promise<Map<number, ActionRecord[]>> {
  if (resolutionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("actions as ac")
    .leftJoin("people as p", "p.id", "ac.owner_person_id")
    .leftJoin("authorities as pa", "pa.id", "p.authority_id")
    .leftJoin("bodies as ob", "ob.id", "ac.owner_body_id")
    .leftJoin("authorities as oba", "oba.id", "ob.authority_id")
    .leftJoin("meetings as dm", (join) =>
      join.onRef("dm.id", "=", "ac.due_meeting_id").on(publicMeeting("dm")),
    )
    .leftJoin("authorities as dma", "dma.id", "dm.authority_id")
    .select([
      "ac.id",
      "ac.resolution_id",
      "ac.text",
      "ac.owner",
      "ac.owner_person_id",
      "ac.due_date",
      "ac.status",
      "p.name as person_name",
      "p.honorific as person_honorific",
      "p.kind as person_kind",
      "pa.slug as person_authority",
      "ob.name as body_name",
      "ob.slug as body_slug",
      "oba.slug as body_authority",
      "dm.slug as due_meeting_slug",
      "dm.date as due_meeting_date",
      "dma.slug as due_meeting_authority",
    ])
    .where("ac.resolution_id", "in", resolutionIds)
    .orderBy("ac.resolution_id")
    .orderBy("ac.position")
    .execute();
  const out = new Map<number, ActionRecord[]>();
  for (const row of rows) {
    const list = out.get(row.resolution_id) ?? [];
    list.push({
      id: row.id,
      text: row.text,
      owner: row.owner,
      ownerPerson: personRef({
        id: row.owner_person_id,
        name: row.person_name,
        honorific: row.person_honorific,
        kind: row.person_kind,
        authority: row.person_authority,
      }),
      ownerBody:
        row.body_name !== null && row.body_slug !== null && row.body_authority !== null
          ? { name: row.body_name, slug: row.body_slug, authority: row.body_authority }
          : null,
      due: row.due_date ?? row.due_meeting_date,
      dueMeeting:
        row.due_meeting_slug !== null && row.due_meeting_date !== null && row.due_meeting_authority !== null
          ? { slug: row.due_meeting_slug, date: row.due_meeting_date, authority: row.due_meeting_authority }
          : null,
      status: row.status,
    });
    out.set(row.resolution_id, list);
  }
  return out;
}
