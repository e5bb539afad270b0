import type { Db } from "../db/connect.js";
import type { Named } from "./meetings.js";
import { publicItemMinutesRows, publicItemRows, type ItemRefRow } from "./public/item-refs.js";
import { nestResolutions } from "./public/refs.js";
import { publicDocument } from "./visibility.js";

// What the decisions feed and an issue's feed say: resolutions of public items whose minutes are
// published, and an issue's public items, documents and dated events. Every query applies the
// visibility rules.

export type ItemRef = {
  authority: Named;
  body: Named;
  meetingSlug: string;
  date: string;
  number: string;
  title: string;
};

/** A resolution's printed number and text, with its sub-resolutions. */
export type ResolutionText = { number: string; text: string; children: ResolutionText[] };

export type DecidedItem = ItemRef & { resolutions: ResolutionText[] };

export type IssueDocumentRef = {
  key: string;
  title: string;
  kind: string;
  date: string | null;
  authority: Named;
  publisher: string | null;
};

export type IssueEventRef = {
  id: number;
  date: string;
  text: string;
  document: { key: string; title: string; authority: string } | null;
};

export type IssueFeedRecords = {
  title: string;
  slug: string;
  summary: string | null;
  authority: Named;
  items: ItemRef[];
  documents: IssueDocumentRef[];
  events: IssueEventRef[];
};

function itemRef(row: ItemRefRow): ItemRef {
  return {
    authority: { name: row.authority_name, slug: row.authority_slug },
    body: { name: row.body_name, slug: row.body_slug },
    meetingSlug: row.meeting_slug,
    date: row.meeting_date,
    number: row.item_number,
    title: row.item_title,
  };
}

/** The latest public items with resolutions in published minutes, newest meeting first, with
 * their resolutions. */
export async function recentDecidedItems(db: Db, limit: number): Promise<DecidedItem[]> {
  const rows = await publicItemMinutesRows(db)
    .where((eb) =>
      eb.exists(eb.selectFrom("resolutions as r").select("r.id").whereRef("r.item_id", "=", "i.id")),
    )
    .orderBy("m.date", "desc")
    .orderBy("m.id", "desc")
    .orderBy("i.position")
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const resolutions = await db
    .selectFrom("resolutions")
    .select(["id", "item_id", "parent_id", "number", "text"])
    .where(
      "item_id",
      "in",
      rows.map((row) => row.item_id),
    )
    .orderBy("item_id")
    .orderBy("position")
    .orderBy("id")
    .execute();
  const roots = nestResolutions(resolutions, (r): ResolutionText => ({
    number: r.number,
    text: r.text,
    children: [],
  }));
  return rows.map((row) => ({ ...itemRef(row), resolutions: roots.get(row.item_id) ?? [] }));
}

/** An issue with its public items and documents and its events; undefined when there is none. */
export async function issueFeedRecords(db: Db, slug: string): Promise<IssueFeedRecords | undefined> {
  const issue = await db
    .selectFrom("issues as s")
    .innerJoin("authorities as a", "a.id", "s.authority_id")
    .select([
      "s.id",
      "s.title",
      "s.slug",
      "s.summary",
      "a.name as authority_name",
      "a.slug as authority_slug",
    ])
    .where("s.slug", "=", slug)
    .executeTakeFirst();
  if (!issue) return undefined;
  const itemRows = await publicItemRows(db)
    .innerJoin("issue_items as link", "link.item_id", "i.id")
    .where("link.issue_id", "=", issue.id)
    .orderBy("m.date")
    .orderBy("i.position")
    .execute();
  const documents = await db
    .selectFrom("issue_documents as link")
    .innerJoin("documents as d", "d.id", "link.document_id")
    .innerJoin("authorities as a", "a.id", "d.authority_id")
    .select([
      "d.key",
      "d.title",
      "d.kind",
      "d.published_on",
      "d.publisher",
      "a.name as authority_name",
      "a.slug as authority_slug",
    ])
    .where("link.issue_id", "=", issue.id)
    .where(publicDocument("d"))
    .orderBy("d.published_on")
    .orderBy("d.id")
    .execute();
  const events = await db
    .selectFrom("issue_events as e")
    // An event's document is named only when the document itself is public.
    .leftJoin("documents as d", (join) => join.onRef("d.id", "=", "e.document_id").on(publicDocument("d")))
    .leftJoin("authorities as da", "da.id", "d.authority_id")
    .select([
      "e.id",
      "e.date",
      "e.text",
      "d.key as document_key",
      "d.title as document_title",
      "da.slug as document_authority",
    ])
    .where("e.issue_id", "=", issue.id)
    .orderBy("e.date")
    .orderBy("e.id")
    .execute();
  return {
    title: issue.title,
    slug: issue.slug,
    summary: issue.summary,
    authority: { name: issue.authority_name, slug: issue.authority_slug },
    items: itemRows.map(itemRef),
    documents: documents.map((d) => ({
      key: d.key,
      title: d.title,
      kind: d.kind,
      date: d.published_on,
      publisher: d.publisher,
      authority: { name: d.authority_name, slug: d.authority_slug },
    })),
    events: events.map((e) => ({
      id: e.id,
      date: e.date,
      text: e.text,
      document:
        e.document_key === null || e.document_title === null || e.document_authority === null
          ? null
          : { key: e.document_key, title: e.document_title, authority: e.document_authority },
    })),
  };
}
