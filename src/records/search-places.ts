import type { Db } from "../db/connect.js";
import type { Named } from "./meetings.js";
import type { SearchHit } from "./search.js";
import { publicItemMinutesRows, publicItemRows, type ItemRefRow } from "./public/item-refs.js";
import { publicDocument } from "./visibility.js";

// Where each search hit lives, so the results page can link to it and say where it is from.
// The index already holds only public passages for a public search; these queries apply the
// visibility rules again, so a stale index entry can never lead to a page that would not show.

export type ItemPlace = {
  kind: "item";
  authority: Named;
  body: Named;
  meetingSlug: string;
  date: string;
  number: string;
  /** the resolution's printed number, for a resolution hit */
  resolution: string | null;
};
export type DocumentPlace = { kind: "document"; authority: Named; key: string; kindOfDocument: string };
export type IssuePlace = { kind: "issue"; authority: Named; slug: string };
export type Place = ItemPlace | DocumentPlace | IssuePlace;

export const placeKey = (hit: Pick<SearchHit, "kind" | "recordId">) => `${hit.kind}:${hit.recordId}`;

/** Places keyed by placeKey; a hit whose record is not public (or gone) has none. */
export async function placesOf(db: Db, hits: SearchHit[]): Promise<Map<string, Place>> {
  const ids = (kinds: string[]) => [
    ...new Set(hits.filter((h) => kinds.includes(h.kind)).map((h) => h.recordId)),
  ];
  const places = new Map<string, Place>();
  const itemIds = ids(["item", "minutes"]);
  for (const [id, place] of await itemPlaces(db, itemIds)) {
    places.set(`item:${id}`, place);
    places.set(`minutes:${id}`, place);
  }
  for (const [id, place] of await resolutionPlaces(db, ids(["resolution"])))
    places.set(`resolution:${id}`, place);
  for (const [id, place] of await documentPlaces(db, ids(["document"]))) places.set(`document:${id}`, place);
  for (const [id, place] of await issuePlaces(db, ids(["issue"]))) places.set(`issue:${id}`, place);
  return places;
}

function itemPlace(row: ItemRefRow, resolution: string | null): ItemPlace {
  return {
    kind: "item",
    authority: { name: row.authority_name, slug: row.authority_slug },
    body: { name: row.body_name, slug: row.body_slug },
    meetingSlug: row.meeting_slug,
    date: row.meeting_date,
    number: row.item_number,
    resolution,
  };
}

async function itemPlaces(db: Db, ids: number[]): Promise<Map<number, ItemPlace>> {
  if (ids.length === 0) return new Map();
  const rows = await publicItemRows(db).where("i.id", "in", ids).execute();
  return new Map(rows.map((row) => [row.item_id, itemPlace(row, null)]));
}

async function resolutionPlaces(db: Db, ids: number[]): Promise<Map<number, ItemPlace>> {
  if (ids.length === 0) return new Map();
  // A resolution is public only once its meeting's minutes are.
  const rows = await publicItemMinutesRows(db)
    .innerJoin("resolutions as r", "r.item_id", "i.id")
    .select(["r.id as resolution_id", "r.number as resolution_number"])
    .where("r.id", "in", ids)
    .execute();
  return new Map(rows.map((row) => [row.resolution_id, itemPlace(row, row.resolution_number || null)]));
}

async function documentPlaces(db: Db, ids: number[]): Promise<Map<number, DocumentPlace>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("documents as d")
    .innerJoin("authorities as a", "a.id", "d.authority_id")
    .select(["d.id", "d.key", "d.kind", "a.name as authority_name", "a.slug as authority_slug"])
    .where("d.id", "in", ids)
    .where(publicDocument("d"))
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        kind: "document",
        authority: { name: row.authority_name, slug: row.authority_slug },
        key: row.key,
        kindOfDocument: row.kind,
      },
    ]),
  );
}

async function issuePlaces(db: Db, ids: number[]): Promise<Map<number, IssuePlace>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("issues as i")
    .innerJoin("authorities as a", "a.id", "i.authority_id")
    .select(["i.id", "i.slug", "a.name as authority_name", "a.slug as authority_slug"])
    .where("i.id", "in", ids)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      { kind: "issue", authority: { name: row.authority_name, slug: row.authority_slug }, slug: row.slug },
    ]),
  );
}
