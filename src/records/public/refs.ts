import type { Named, PersonName } from "../meetings.js";

// The small shapes the public read queries share: a person, a document, an agenda item and a
// meeting as other records point at them, with what a page needs to name and link them.

/** A person with what their page's address is made of: their id and their authority's slug. */
export type PersonRef = PersonName & { id: number; authority: string };

export type DocumentRef = {
  key: string;
  /** the slug of the authority that holds it */
  authority: string;
  title: string;
  kind: string;
  mediaType: string | null;
  sizeBytes: number | null;
  published: string | null;
};

export type MeetingRef = { slug: string; date: string; body: Named; authority: Named };

export type ItemRef = { number: string; title: string; meeting: MeetingRef };

export type ResolutionRef = ItemRef & { resolution: string };

export function personRef(row: {
  id: number | null;
  name: string | null;
  honorific: string | null;
  kind: string | null;
  authority: string | null;
}): PersonRef | null {
  if (row.id === null || row.name === null || row.authority === null) return null;
  return {
    id: row.id,
    name: row.name,
    honorific: row.honorific,
    kind: row.kind ?? "external",
    authority: row.authority,
  };
}

export function groupBy<K, T>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Counts come back as numbers from SQLite and as strings (bigint) from PostgreSQL. */
export function count(value: string | number | bigint | null | undefined): number {
  return Number(value ?? 0);
}
