import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database, NewRow } from "../db/schema.js";
import type { Engine } from "../db/engine.js";
import type { MinutesStatus, Part } from "../domain/bundle.js";
import { documentIsPublic, itemIsPublic, itemMinutesArePublic } from "../domain/visibility.js";
import { parseSearchQuery, toFts5Query, type SearchQuery, type Term } from "../domain/search-query.js";
import { escapeHtml } from "../domain/html.js";

// Full-text search (DESIGN.md section 5): one contract, two backends. Passages are indexed with
// is_public computed by the visibility rules at index time, so a public search cannot reach
// exempt or unpublished text, not even in a snippet: minutes and resolutions are public only once
// the meeting's minutes are published, and publishing them reindexes the meeting. Long documents
// are indexed page by page.

export type Touched = { meetings: Set<number>; documents: Set<number>; issues: Set<number> };
export type SearchKind = "item" | "minutes" | "resolution" | "document" | "issue";

export type SearchOptions = {
  engine: Engine;
  /** only public passages: true for everyone but signed-in officers */
  publicOnly: boolean;
  authorityId?: number;
  bodyId?: number;
  kinds?: SearchKind[];
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
};

export type SearchHit = {
  kind: SearchKind;
  recordId: number;
  page: number | null;
  title: string;
  date: string | null;
  /** HTML: the passage's text escaped, with matches in <mark> */
  snippet: string;
  rank: number;
};

export type SearchResult = { total: number; hits: SearchHit[] };

type Db = Kysely<Database>;
type Passage = Omit<NewRow<"search_entries">, "id">;

const PAGE_BREAK = "\f";
const PASSAGE_CHARACTERS = 4000;

export async function reindex(db: Db, touched: Touched): Promise<void> {
  // A meeting's publication changes what its documents' visibility is, so those go too.
  if (touched.meetings.size > 0) {
    const linked = await db
      .selectFrom("item_documents as d")
      .innerJoin("agenda_items as i", "i.id", "d.item_id")
      .select("d.document_id")
      .where("i.meeting_id", "in", [...touched.meetings])
      .execute();
    for (const row of linked) touched.documents.add(row.document_id);
  }
  for (const id of touched.meetings) await indexMeeting(db, id);
  for (const id of touched.documents) await indexDocument(db, id);
  for (const id of touched.issues) await indexIssue(db, id);
}

async function replace(db: Db, kinds: SearchKind[], recordIds: number[], passages: Passage[]): Promise<void> {
  if (recordIds.length > 0) {
    await db
      .deleteFrom("search_entries")
      .where("kind", "in", kinds)
      .where("record_id", "in", recordIds)
      .execute();
  }
  for (let i = 0; i < passages.length; i += 200) {
    await db
      .insertInto("search_entries")
      .values(passages.slice(i, i + 200))
      .execute();
  }
}

/** Rebuilds the whole index, after a restore or a change to how passages are made. */
export async function reindexAll(db: Db): Promise<void> {
  await db.deleteFrom("search_entries").execute();
  const ids = async (table: "meetings" | "documents" | "issues") =>
    new Set((await db.selectFrom(table).select("id").execute()).map((r) => r.id));
  await reindex(db, {
    meetings: await ids("meetings"),
    documents: await ids("documents"),
    issues: await ids("issues"),
  });
}

export async function indexMeeting(db: Db, meetingId: number): Promise<void> {
  const meeting = await db.selectFrom("meetings").selectAll().where("id", "=", meetingId).executeTakeFirst();
  if (!meeting) return;
  const items = await db.selectFrom("agenda_items").selectAll().where("meeting_id", "=", meetingId).execute();
  const itemIds = items.map((i) => i.id);
  const resolutions = itemIds.length
    ? await db
        .selectFrom("resolutions")
        .selectAll()
        .where("item_id", "in", itemIds)
        .orderBy("position")
        .execute()
    : [];
  const passages: Passage[] = [];
  const meetingFacts = {
    isAgendaPublished: meeting.is_agenda_published,
    minutesStatus: asMinutesStatus(meeting.minutes_status),
  };
  for (const item of items) {
    const facts = { part: asPart(item.part), meeting: meetingFacts };
    const common = {
      authority_id: item.authority_id,
      date: meeting.date,
      body_id: meeting.body_id,
      page: null,
      is_public: itemIsPublic(facts),
    };
    const recorded = { ...common, is_public: itemMinutesArePublic(facts) };
    const title = `${item.number}. ${item.title}`;
    passages.push({ ...common, kind: "item", record_id: item.id, title, body: item.description ?? "" });
    if (item.minutes)
      passages.push({ ...recorded, kind: "minutes", record_id: item.id, title, body: item.minutes });
    for (const r of resolutions.filter((x) => x.item_id === item.id)) {
      passages.push({
        ...recorded,
        kind: "resolution",
        record_id: r.id,
        title,
        body: `${r.number} ${r.text}`.trim(),
      });
    }
  }
  await replace(
    db,
    ["item", "minutes"],
    itemIds,
    passages.filter((p) => p.kind !== "resolution"),
  );
  await replace(
    db,
    ["resolution"],
    resolutions.map((r) => r.id),
    passages.filter((p) => p.kind === "resolution"),
  );
}

export async function indexDocument(db: Db, documentId: number): Promise<void> {
  const doc = await db.selectFrom("documents").selectAll().where("id", "=", documentId).executeTakeFirst();
  if (!doc) return;
  const items = await db
    .selectFrom("item_documents as d")
    .innerJoin("agenda_items as i", "i.id", "d.item_id")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .select(["i.part", "m.is_agenda_published", "m.date", "m.body_id"])
    .where("d.document_id", "=", documentId)
    .execute();
  const isPublic = documentIsPublic({
    part: asPart(doc.part),
    isPublished: doc.is_published,
    items: items.map((i) => ({
      part: asPart(i.part),
      meeting: { isAgendaPublished: i.is_agenda_published },
    })),
  });
  const text = doc.text ?? "";
  const pages = pagesOf(text);
  // Only form feeds mark real pages; passages cut from unpaged text have no page to cite.
  const isPaged = text.includes(PAGE_BREAK);
  const passages: Passage[] = pages.map((body, index) => ({
    authority_id: doc.authority_id,
    kind: "document",
    record_id: doc.id,
    page: isPaged ? index + 1 : null,
    title: doc.title,
    body,
    date: doc.published_on ?? items[0]?.date ?? null,
    body_id: doc.body_id ?? items[0]?.body_id ?? null,
    is_public: isPublic,
  }));
  await replace(db, ["document"], [doc.id], passages);
}

/** Pages of extracted text are separated by form feeds; text without them is cut into passages. */
export function pagesOf(text: string): string[] {
  if (text.includes(PAGE_BREAK)) return text.split(PAGE_BREAK);
  if (text.length <= PASSAGE_CHARACTERS) return [text];
  const passages: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + PASSAGE_CHARACTERS);
    const paragraph = text.lastIndexOf("\n\n", end);
    if (end < text.length && paragraph > start + PASSAGE_CHARACTERS / 2) end = paragraph;
    passages.push(text.slice(start, end));
    start = end;
  }
  return passages;
}

export async function indexIssue(db: Db, issueId: number): Promise<void> {
  const issue = await db.selectFrom("issues").selectAll().where("id", "=", issueId).executeTakeFirst();
  if (!issue) return;
  const events = await db
    .selectFrom("issue_events")
    .select(["date", "text"])
    .where("issue_id", "=", issueId)
    .execute();
  const body = [issue.summary ?? "", ...events.map((e) => `${e.date}: ${e.text}`)].join("\n");
  // Issues are public records: their titles and summaries are written for the public.
  await replace(
    db,
    ["issue"],
    [issue.id],
    [
      {
        authority_id: issue.authority_id,
        kind: "issue",
        record_id: issue.id,
        page: null,
        title: issue.title,
        body,
        date: null,
        body_id: null,
        is_public: true,
      },
    ],
  );
}

export async function search(db: Db, text: string, options: SearchOptions): Promise<SearchResult> {
  const query = parseSearchQuery(text);
  if (query.positive === 0) return { total: 0, hits: [] };
  return options.engine === "postgres"
    ? searchPostgres(db, toTsquery(query), options)
    : searchSqlite(db, toFts5Query(query), options);
}

const MARK_START = "\u0002";
const MARK_END = "\u0003";

function filters(options: SearchOptions) {
  return [
    options.publicOnly ? sql`e.is_public = ${true}` : sql`1 = 1`,
    options.authorityId === undefined ? sql`1 = 1` : sql`e.authority_id = ${options.authorityId}`,
    options.bodyId === undefined ? sql`1 = 1` : sql`e.body_id = ${options.bodyId}`,
    options.kinds?.length ? sql`e.kind in (${sql.join(options.kinds)})` : sql`1 = 1`,
    options.from === undefined ? sql`1 = 1` : sql`e.date >= ${options.from}`,
    options.to === undefined ? sql`1 = 1` : sql`e.date <= ${options.to}`,
  ];
}

type HitRow = {
  kind: string;
  record_id: number;
  page: number | null;
  title: string;
  date: string | null;
  snippet: string;
  rank: number;
};

async function searchSqlite(db: Db, match: string, options: SearchOptions): Promise<SearchResult> {
  const where = sql.join([sql`search_fts match ${match}`, ...filters(options)], sql` and `);
  const from = sql`search_fts join search_entries e on e.id = search_fts.rowid`;
  const count = await sql<{ n: number }>`select count(*) as n from ${from} where ${where}`.execute(db);
  // The snippet quotes the body (column 1), as ts_headline does on PostgreSQL: the title is shown
  // beside it already, and a snippet of the title alone says nothing more.
  const rows = await sql<HitRow>`
    select e.kind, e.record_id, e.page, e.title, e.date,
      snippet(search_fts, 1, ${MARK_START}, ${MARK_END}, '…', 24) as snippet,
      bm25(search_fts, 5.0, 1.0) as rank
    from ${from} where ${where}
    order by rank, e.id
    limit ${options.limit ?? 20} offset ${options.offset ?? 0}`.execute(db);
  return { total: count.rows[0]?.n ?? 0, hits: rows.rows.map(toHit) };
}

/** The parsed query as a PostgreSQL tsquery, so both engines read the same syntax the same way. */
function toTsquery(query: SearchQuery): RawBuilder<unknown> {
  const term = (t: Term) => sql`phraseto_tsquery('english', ${t.phrase})`;
  const clauses = query.clauses.map((clause) =>
    clause[0]?.negated ? sql`(!! ${term(clause[0])})` : sql`(${sql.join(clause.map(term), sql` || `)})`,
  );
  return sql`(${sql.join(clauses, sql` && `)})`;
}

async function searchPostgres(db: Db, q: RawBuilder<unknown>, options: SearchOptions): Promise<SearchResult> {
  const where = sql.join([sql`e.document @@ ${q}`, ...filters(options)], sql` and `);
  const count = await sql<{ n: number }>`select count(*) as n from search_entries e where ${where}`.execute(
    db,
  );
  const headline = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=15, ShortWord=2, FragmentDelimiter=" … ", MaxFragments=2`;
  const rows = await sql<HitRow>`
    select kind, record_id, page, title, date,
      ts_headline('english', body, ${q}, ${headline}) as snippet, rank
    from (
      select e.*, -ts_rank_cd(e.document, ${q}) as rank from search_entries e where ${where}
      order by rank, e.id
      limit ${options.limit ?? 20} offset ${options.offset ?? 0}
    ) ranked
    order by rank, id`.execute(db);
  return { total: count.rows[0]?.n ?? 0, hits: rows.rows.map(toHit) };
}

function toHit(row: HitRow): SearchHit {
  return {
    kind: asKind(row.kind),
    recordId: row.record_id,
    page: row.page,
    title: row.title,
    date: row.date,
    snippet: escapeHtml(row.snippet).replaceAll(MARK_START, "<mark>").replaceAll(MARK_END, "</mark>"),
    rank: row.rank,
  };
}

const KINDS: readonly SearchKind[] = ["item", "minutes", "resolution", "document", "issue"];
function asKind(value: string): SearchKind {
  return KINDS.find((k) => k === value) ?? "item";
}

function asPart(value: string): Part {
  return value === "II" ? "II" : "I";
}

function asMinutesStatus(value: string): MinutesStatus {
  return value === "draft" || value === "approved" ? value : "none";
}
