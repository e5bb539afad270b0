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

export function groupBy<K, T>(rows: T[], key: (row: T) => K): Map<K, T[]>;
export function groupBy<K, T, V>(rows: T[], key: (row: T) => K, value: (row: T) => V): Map<K, V[]>;
export function groupBy<K, T, V>(rows: T[], key: (row: T) => K, value?: (row: T) => V): Map<K, (T | V)[]> {
  const groups = new Map<K, (T | V)[]>();
  for (const row of rows) {
    const k = key(row);
    const item = value ? value(row) : row;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

type ResolutionRow = { id: number; parent_id: number | null; item_id: number };

/** Resolutions as printed, by item: each nested under its parent, rows taken in the order given
 * (position within an item). A row whose parent is not among them stands at the top level. */
export function nestResolutions<R extends ResolutionRow, T extends { children: T[] }>(
  rows: R[],
  nodeOf: (row: R) => T,
): Map<number, T[]> {
  const nodes = new Map(rows.map((row) => [row.id, nodeOf(row)]));
  const roots: { itemId: number; node: T }[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id);
    if (!node) continue;
    const parent = row.parent_id === null ? undefined : nodes.get(row.parent_id);
    if (parent) parent.children.push(node);
    else roots.push({ itemId: row.item_id, node });
  }
  return groupBy(
    roots,
    (root) => root.itemId,
    (root) => root.node,
  );
}

/** Counts come back as numbers from SQLite and as strings (bigint) from PostgreSQL. */
export function count(value: string | number | bigint | null | undefined): number {
  return Number(value ?? 0);
}
