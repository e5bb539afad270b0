import type { Db } from "../../db/connect.js";
import type { Named } from "../meetings.js";
import { amendmentsOf, type Amendment } from "../versions.js";
import { publicDocument } from "../visibility.js";
import { itemRefOf, publicItemRows } from "./item-refs.js";
import type { DocumentRef, ItemRef } from "./refs.js";

// Documents for the public: the papers of public items, and a document's own page with its text
// and where it came from. A Part II or unpublished document is not found, whatever its key.

export type DocumentRecord = DocumentRef & {
  authorityName: string;
  text: string | null;
  author: string | null;
  publisher: string | null;
  url: string | null;
  version: number;
  hasFile: boolean;
  body: (Named & { authority: string }) | null;
  source: { file: string; from: number; to: number } | null;
  /** the published document that holds the same source file: the agenda pack it came in */
  sourceDocument: DocumentRef | null;
  items: ItemRef[];
  issues: { slug: string; title: string }[];
  /** changes made since it was published, each with its reason, oldest first */
  amendments: Amendment[];
};

export type DocumentFile = { fileKey: string; mediaType: string | null; key: string };

const DOCUMENT_COLUMNS = [
  "d.id",
  "d.key",
  "a.slug as authority",
  "d.title",
  "d.kind",
  "d.media_type",
  "d.size_bytes",
  "d.published_on",
] as const;

function documentRows(db: Db) {
  return db
    .selectFrom("documents as d")
    .innerJoin("authorities as a", "a.id", "d.authority_id")
    .where(publicDocument("d"));
}

function documentRef(row: {
  key: string;
  authority: string;
  title: string;
  kind: string;
  media_type: string | null;
  size_bytes: number | null;
  published_on: string | null;
}): DocumentRef {
  return {
    key: row.key,
    authority: row.authority,
    title: row.title,
    kind: row.kind,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    published: row.published_on,
  };
}

/** The public papers of these items, in their order on the agenda, keyed by item id. */
export async function listItemDocuments(db: Db, itemIds: number[]): Promise<Map<number, DocumentRef[]>> {
  if (itemIds.length === 0) return new Map();
  const rows = await documentRows(db)
    .innerJoin("item_documents as link", "link.document_id", "d.id")
    .select([...DOCUMENT_COLUMNS, "link.item_id"])
    .where("link.item_id", "in", itemIds)
    .orderBy("link.item_id")
    .orderBy("link.position")
    .execute();
  const out = new Map<number, DocumentRef[]>();
  for (const row of rows) {
    const list = out.get(row.item_id) ?? [];
    list.push(documentRef(row));
    out.set(row.item_id, list);
  }
  return out;
}

/** Public documents by id, for links from other records (issue events, issue papers). */
export async function listDocumentsById(db: Db, ids: number[]): Promise<Map<number, DocumentRef>> {
  if (ids.length === 0) return new Map();
  const rows = await documentRows(db).select(DOCUMENT_COLUMNS).where("d.id", "in", ids).execute();
  return new Map(rows.map((row) => [row.id, documentRef(row)]));
}

export async function findDocument(
  db: Db,
  authoritySlug: string,
  key: string,
): Promise<DocumentRecord | undefined> {
  const row = await documentRows(db)
    .leftJoin("bodies as b", "b.id", "d.body_id")
    .leftJoin("authorities as ba", "ba.id", "b.authority_id")
    .select([
      ...DOCUMENT_COLUMNS,
      "a.name as authority_name",
      "d.text",
      "d.author",
      "d.publisher",
      "d.url",
      "d.version",
      "d.file_key",
      "d.source_file",
      "d.source_from",
      "d.source_to",
      "b.name as body_name",
      "b.slug as body_slug",
      "ba.slug as body_authority",
    ])
    .where("a.slug", "=", authoritySlug)
    .where("d.key", "=", key)
    .executeTakeFirst();
  if (!row) return undefined;

  const source =
    row.source_file !== null && row.source_from !== null && row.source_to !== null
      ? { file: row.source_file, from: row.source_from, to: row.source_to }
      : null;
  const container =
    source === null
      ? undefined
      : await documentRows(db)
          .select(DOCUMENT_COLUMNS)
          .where("d.source_file", "=", source.file)
          .where("d.kind", "=", "agenda-pack")
          .where("d.id", "!=", row.id)
          .orderBy("d.id")
          .executeTakeFirst();
  const items = await publicItemRows(db)
    .innerJoin("item_documents as link", "link.item_id", "i.id")
    .where("link.document_id", "=", row.id)
    .orderBy("m.date")
    .orderBy("i.position")
    .execute();
  const issues = await db
    .selectFrom("issue_documents as link")
    .innerJoin("issues as s", "s.id", "link.issue_id")
    .select(["s.slug", "s.title"])
    .where("link.document_id", "=", row.id)
    .orderBy("s.title")
    .execute();

  return {
    ...documentRef(row),
    authorityName: row.authority_name,
    text: row.text,
    author: row.author,
    publisher: row.publisher,
    url: row.url,
    version: row.version,
    hasFile: row.file_key !== null,
    body:
      row.body_name !== null && row.body_slug !== null && row.body_authority !== null
        ? { name: row.body_name, slug: row.body_slug, authority: row.body_authority }
        : null,
    source,
    sourceDocument: container ? documentRef(container) : null,
    items: items.map(itemRefOf),
    issues,
    amendments: await amendmentsOf(db, "documents", row.id),
  };
}

/** Where a public document's original file is in the file store, when the deployment holds it. */
export async function findDocumentFile(
  db: Db,
  authoritySlug: string,
  key: string,
): Promise<DocumentFile | undefined> {
  const row = await documentRows(db)
    .select(["d.key", "d.file_key", "d.media_type"])
    .where("a.slug", "=", authoritySlug)
    .where("d.key", "=", key)
    .executeTakeFirst();
  if (!row || row.file_key === null) return undefined;
  return { fileKey: row.file_key, mediaType: row.media_type, key: row.key };
}
