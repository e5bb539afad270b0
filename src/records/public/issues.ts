import type { Db } from "../../db/connect.js";
import type { Named } from "../meetings.js";
import { listDocumentsById, listItemDocuments } from "./documents.js";
import { itemRefOf, publicItemRows } from "./item-refs.js";
import { count, type DocumentRef, type ItemRef } from "./refs.js";
import { loadResolutions, type ResolutionRecord } from "./resolutions.js";

// Issues: a subject followed across meetings, bodies and authorities. Its history gathers the
// public items that consider it (with their resolutions and papers), the papers and articles
// linked to it, and the dated events of its story; an exempt item or paper, or one of an
// unpublished meeting, is left out of the history, its counts and its picture alike.

export type IssueSummary = {
  slug: string;
  title: string;
  status: string | null;
  authority: Named;
  items: number;
  first: string | null;
  last: string | null;
};

export type IssueItem = ItemRef & {
  id: number;
  documents: DocumentRef[];
  resolutions: ResolutionRecord[];
};

export type IssueEvent = {
  date: string;
  text: string;
  authority: Named | null;
  body: (Named & { authority: Named }) | null;
  document: DocumentRef | null;
};

export type IssuePaper = DocumentRef & {
  authorityName: string;
  body: (Named & { authority: Named }) | null;
};

export type IssueHistory = {
  slug: string;
  title: string;
  status: string | null;
  summary: string | null;
  authority: Named;
  items: IssueItem[];
  events: IssueEvent[];
  documents: IssuePaper[];
};

export async function listIssues(db: Db): Promise<IssueSummary[]> {
  const issues = await db
    .selectFrom("issues as s")
    .innerJoin("authorities as a", "a.id", "s.authority_id")
    .select(["s.id", "s.slug", "s.title", "s.status", "a.name as authority_name", "a.slug as authority_slug"])
    .orderBy("s.title")
    .execute();
  const items = await publicItemRows(db)
    .innerJoin("issue_items as link", "link.item_id", "i.id")
    .clearSelect()
    .select((eb) => [
      "link.issue_id",
      eb.fn.countAll().as("n"),
      eb.fn.min("m.date").as("first"),
      eb.fn.max("m.date").as("last"),
    ])
    .groupBy("link.issue_id")
    .execute();
  const events = await db
    .selectFrom("issue_events")
    .select((eb) => ["issue_id", eb.fn.min("date").as("first"), eb.fn.max("date").as("last")])
    .groupBy("issue_id")
    .execute();
  const itemStats = new Map(items.map((row) => [row.issue_id, row]));
  const eventStats = new Map(events.map((row) => [row.issue_id, row]));
  return issues.map((issue) => {
    const i = itemStats.get(issue.id);
    const e = eventStats.get(issue.id);
    const firsts = [i?.first, e?.first].filter((d): d is string => typeof d === "string");
    const lasts = [i?.last, e?.last].filter((d): d is string => typeof d === "string");
    return {
      slug: issue.slug,
      title: issue.title,
      status: issue.status,
      authority: { name: issue.authority_name, slug: issue.authority_slug },
      items: count(i?.n),
      first: firsts.sort()[0] ?? null,
      last: lasts.sort().at(-1) ?? null,
    };
  });
}

export async function findIssueHistory(db: Db, slug: string): Promise<IssueHistory | undefined> {
  const issue = await db
    .selectFrom("issues as s")
    .innerJoin("authorities as a", "a.id", "s.authority_id")
    .select([
      "s.id",
      "s.slug",
      "s.title",
      "s.status",
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
    .orderBy("i.id")
    .execute();
  const itemIds = itemRows.map((row) => row.item_id);
  const papers = await listItemDocuments(db, itemIds);
  const resolutions = await loadResolutions(db, itemIds);

  return {
    slug: issue.slug,
    title: issue.title,
    status: issue.status,
    summary: issue.summary,
    authority: { name: issue.authority_name, slug: issue.authority_slug },
    items: itemRows.map((row) => ({
      ...itemRefOf(row),
      id: row.item_id,
      documents: papers.get(row.item_id) ?? [],
      resolutions: resolutions.get(row.item_id) ?? [],
    })),
    events: await issueEvents(db, issue.id),
    documents: await issuePapers(db, issue.id),
  };
}

async function issueEvents(db: Db, issueId: number): Promise<IssueEvent[]> {
  const rows = await db
    .selectFrom("issue_events as e")
    .leftJoin("authorities as ea", "ea.id", "e.event_authority_id")
    .leftJoin("bodies as b", "b.id", "e.body_id")
    .leftJoin("authorities as ba", "ba.id", "b.authority_id")
    .select([
      "e.date",
      "e.text",
      "e.document_id",
      "ea.name as authority_name",
      "ea.slug as authority_slug",
      "b.name as body_name",
      "b.slug as body_slug",
      "ba.name as body_authority_name",
      "ba.slug as body_authority_slug",
    ])
    .where("e.issue_id", "=", issueId)
    .orderBy("e.date")
    .orderBy("e.id")
    .execute();
  // An event's paper is linked only when the paper itself is public.
  const documents = await listDocumentsById(
    db,
    rows.flatMap((row) => (row.document_id === null ? [] : [row.document_id])),
  );
  return rows.map((row) => ({
    date: row.date,
    text: row.text,
    authority:
      row.authority_name !== null && row.authority_slug !== null
        ? { name: row.authority_name, slug: row.authority_slug }
        : null,
    body:
      row.body_name !== null &&
      row.body_slug !== null &&
      row.body_authority_name !== null &&
      row.body_authority_slug !== null
        ? {
            name: row.body_name,
            slug: row.body_slug,
            authority: { name: row.body_authority_name, slug: row.body_authority_slug },
          }
        : null,
    document: row.document_id === null ? null : (documents.get(row.document_id) ?? null),
  }));
}

async function issuePapers(db: Db, issueId: number): Promise<IssuePaper[]> {
  const links = await db
    .selectFrom("issue_documents as link")
    .innerJoin("documents as d", "d.id", "link.document_id")
    .innerJoin("authorities as a", "a.id", "d.authority_id")
    .leftJoin("bodies as b", "b.id", "d.body_id")
    .leftJoin("authorities as ba", "ba.id", "b.authority_id")
    .select([
      "d.id",
      "a.name as authority_name",
      "b.name as body_name",
      "b.slug as body_slug",
      "ba.name as body_authority_name",
      "ba.slug as body_authority_slug",
    ])
    .where("link.issue_id", "=", issueId)
    .execute();
  const documents = await listDocumentsById(
    db,
    links.map((link) => link.id),
  );
  const papers = links.flatMap((link) => {
    const document = documents.get(link.id);
    if (!document) return [];
    const { body_name, body_slug, body_authority_name, body_authority_slug } = link;
    return [
      {
        ...document,
        authorityName: link.authority_name,
        body:
          body_name !== null &&
          body_slug !== null &&
          body_authority_name !== null &&
          body_authority_slug !== null
            ? {
                name: body_name,
                slug: body_slug,
                authority: { name: body_authority_name, slug: body_authority_slug },
              }
            : null,
      },
    ];
  });
  return papers.sort(
    (a, b) => (a.published ?? "9999").localeCompare(b.published ?? "9999") || a.title.localeCompare(b.title),
  );
}
