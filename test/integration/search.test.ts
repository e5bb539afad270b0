import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import type { Connection, Db } from "../../src/db/connect.js";
import type { Bundle } from "../../src/domain/bundle.js";
import { loadBundle } from "../../src/records/bundle-load.js";
import { reindex, search, type SearchHit, type SearchOptions } from "../../src/records/search.js";
import { PART_II_CANARY, TEST_ACTOR, demoBundle } from "../support/demo.js";
import { ENGINES, engineSkip, type EngineUnderTest } from "../support/engines.js";

// The search contract (DESIGN.md sections 5 and 7), on both engines: the demo bundle plus a few
// small records made for these tests. Whatever else a search gets wrong, it must never return,
// or quote in a snippet, anything that is not public.

const ACTOR = TEST_ACTOR;
const CANARY = PART_II_CANARY;
const DEMO = demoBundle();

const AUTHORITY = "Testshire County Council";
const BODY = "Estuary Committee";
const PUBLISHED_MEETING = "2023-03-01";
const UNPUBLISHED_MEETING = "2023-06-07";
const PAGES = [
  "Page one introduces the dunes and their visitors.",
  "Page two lists the wading birds seen on the foreshore.",
  "Page three records the sandwort colony behind the second ridge.",
  "Page four concludes.",
];
const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => `The estuary plan sets out measure ${i + 1} for the foreshore paths.`);

/** Records made for these tests, sharing no searched word with the demo bundle. */
const EXTRAS: Bundle = {
  format: "witan-bundle/1",
  authorities: [{ name: AUTHORITY, nation: "england" }],
  bodies: [{ name: BODY, authority: AUTHORITY, kind: "committee" }],
  people: [],
  memberships: [],
  meetings: [
    {
      authority: AUTHORITY,
      body: BODY,
      date: PUBLISHED_MEETING,
      published: true,
      attendance: [],
      items: [
        {
          number: "1",
          title: "Quillwort survey results",
          kind: "report",
          part: "I",
          description: "Findings from the spring fieldwork on the northern shore.",
          resolutions: [],
          declarations: [],
          documents: [],
        },
        {
          number: "2",
          title: "Estuary management plan",
          kind: "report",
          part: "I",
          description: "The plan covers paths, dunes, quillwort beds and car parks along the northern shore.",
          resolutions: [],
          declarations: [],
          documents: [],
        },
        {
          number: "3",
          title: "Payments to contractors",
          kind: "report",
          part: "I",
          description: "Payment was due once the contractors had shown the diligence the contract asked for.",
          resolutions: [],
          declarations: [],
          documents: [],
        },
      ],
    },
    {
      authority: AUTHORITY,
      body: BODY,
      date: UNPUBLISHED_MEETING,
      attendance: [],
      items: [
        {
          number: "1",
          title: "Zostera restoration options",
          kind: "report",
          part: "I",
          description: "Options for replanting the seagrass beds.",
          resolutions: [],
          declarations: [],
          documents: ["seagrass-appraisal"],
        },
      ],
    },
  ],
  documents: [
    {
      id: "dune-note",
      title: "Dune note",
      kind: "report",
      authority: AUTHORITY,
      body: BODY,
      published: "2023-03-01",
      text: "Officers found <script>alert(1)</script> & the marram grass; rents rose 3 < 4 & fell > 2 on the dunes.",
    },
    {
      id: "dune-flora-report",
      title: "Dune flora report",
      kind: "report",
      authority: AUTHORITY,
      body: BODY,
      published: "2023-03-01",
      text: PAGES.join("\f"),
    },
    {
      id: "long-unpaged-appendix",
      title: "Long appendix",
      kind: "appendix",
      authority: AUTHORITY,
      body: BODY,
      published: "2023-03-01",
      text: [...filler(80), "Glasswort grows on the upper marsh.", ...filler(40)].join("\n\n"),
    },
    {
      id: "seagrass-appraisal",
      title: "Seagrass options appraisal",
      kind: "report",
      text: "The zostera meadow could be replanted from seed collected nearby.",
    },
  ],
  issues: [],
  workProgramme: [],
};

const key = (hit: SearchHit) => `${hit.kind}:${hit.recordId}:${hit.page ?? "-"}`;
const keys = (hits: SearchHit[]) => hits.map(key).sort();
const EVERYTHING = 10_000;

function marked(snippet: string): string[] {
  return [...snippet.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1] ?? "");
}

/** The indexed passages a hit can stand for (a document's unpaged passages share one key). */
async function passagesOf(db: Db, hit: SearchHit): Promise<{ title: string; body: string }[]> {
  let query = db
    .selectFrom("search_entries")
    .select(["title", "body"])
    .where("kind", "=", hit.kind)
    .where("record_id", "=", hit.recordId);
  query = hit.page === null ? query.where("page", "is", null) : query.where("page", "=", hit.page);
  return query.execute();
}

/** Asserts that every hit stands for a distinct passage for which `holds` is true. */
async function assertEveryHit(
  db: Db,
  hits: SearchHit[],
  holds: (passage: { title: string; body: string }) => boolean,
  what: string,
): Promise<void> {
  const counts = new Map<string, { hit: SearchHit; n: number }>();
  for (const hit of hits) counts.set(key(hit), { hit, n: (counts.get(key(hit))?.n ?? 0) + 1 });
  for (const [k, { hit, n }] of counts) {
    const passages = (await passagesOf(db, hit)).filter(holds);
    assert.ok(passages.length >= n, `${k}: ${n} hit(s) but ${passages.length} passage(s) ${what}`);
  }
}

/** Where a hit's record belongs: its authority, and the bodies whose business it is. */
async function placeOf(db: Db, hit: SearchHit): Promise<{ authorityId: number; bodyIds: number[] }> {
  if (hit.kind === "item" || hit.kind === "minutes") {
    const row = await db
      .selectFrom("agenda_items as i")
      .innerJoin("meetings as m", "m.id", "i.meeting_id")
      .select(["i.authority_id", "m.body_id"])
      .where("i.id", "=", hit.recordId)
      .executeTakeFirstOrThrow();
    return { authorityId: row.authority_id, bodyIds: [row.body_id] };
  }
  if (hit.kind === "resolution") {
    const row = await db
      .selectFrom("resolutions as r")
      .innerJoin("agenda_items as i", "i.id", "r.item_id")
      .innerJoin("meetings as m", "m.id", "i.meeting_id")
      .select(["r.authority_id", "m.body_id"])
      .where("r.id", "=", hit.recordId)
      .executeTakeFirstOrThrow();
    return { authorityId: row.authority_id, bodyIds: [row.body_id] };
  }
  if (hit.kind === "document") {
    const doc = await db
      .selectFrom("documents")
      .select(["authority_id", "body_id"])
      .where("id", "=", hit.recordId)
      .executeTakeFirstOrThrow();
    const linked = await db
      .selectFrom("item_documents as d")
      .innerJoin("agenda_items as i", "i.id", "d.item_id")
      .innerJoin("meetings as m", "m.id", "i.meeting_id")
      .select("m.body_id")
      .where("d.document_id", "=", hit.recordId)
      .execute();
    const bodyIds = [...(doc.body_id === null ? [] : [doc.body_id]), ...linked.map((l) => l.body_id)];
    return { authorityId: doc.authority_id, bodyIds };
  }
  const issue = await db
    .selectFrom("issues")
    .select("authority_id")
    .where("id", "=", hit.recordId)
    .executeTakeFirstOrThrow();
  return { authorityId: issue.authority_id, bodyIds: [] };
}

async function authorityIdOf(db: Db, name: string): Promise<number> {
  const row = await db
    .selectFrom("authorities")
    .select("id")
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function bodyIdOf(db: Db, authority: string, name: string): Promise<number> {
  const row = await db
    .selectFrom("bodies as b")
    .innerJoin("authorities as a", "a.id", "b.authority_id")
    .select("b.id")
    .where("a.name", "=", authority)
    .where("b.name", "=", name)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function itemIdOf(db: Db, body: string, date: string, number: string): Promise<number> {
  const row = await db
    .selectFrom("agenda_items as i")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .innerJoin("bodies as b", "b.id", "m.body_id")
    .select("i.id")
    .where("b.name", "=", body)
    .where("m.date", "=", date)
    .where("i.number", "=", number)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function documentIdOf(db: Db, documentKey: string): Promise<number> {
  const row = await db
    .selectFrom("documents")
    .select("id")
    .where("key", "=", documentKey)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function openWithDemo(engine: EngineUnderTest, extras: boolean): Promise<Connection> {
  const connection = await engine.open();
  await loadBundle(connection.db, DEMO, ACTOR);
  if (extras) await loadBundle(connection.db, EXTRAS, ACTOR);
  return connection;
}

for (const engine of ENGINES) {
  describe(`search (${engine.name})`, { skip: await engineSkip(engine) }, () => {
    let connection: Connection | undefined;
    const db = () => {
      if (!connection) throw new Error("the database is not open");
      return connection.db;
    };
    const find = (text: string, options: Partial<SearchOptions> = {}) =>
      search(db(), text, { engine: engine.name, publicOnly: true, limit: EVERYTHING, ...options });

    before(async () => {
      connection = await openWithDemo(engine, true);
    });
    after(async () => {
      await connection?.close();
    });

    describe("finding and ranking", () => {
      test("Torbay finds items, resolutions, documents and the issue", async () => {
        const result = await find("Torbay");
        const kinds = new Set<string>(result.hits.map((h) => h.kind));
        for (const kind of ["item", "resolution", "document", "issue"]) assert.ok(kinds.has(kind), kind);
        const cabinetItem = await itemIdOf(db(), "Cabinet", "2017-08-29", "36");
        assert.ok(result.hits.some((h) => h.kind === "item" && h.recordId === cabinetItem));
        const issue = await db().selectFrom("issues").select("id").executeTakeFirstOrThrow();
        assert.ok(result.hits.some((h) => h.kind === "issue" && h.recordId === issue.id));
        await assertEveryHit(
          db(),
          result.hits,
          (p) => /torbay/i.test(`${p.title} ${p.body}`),
          "mention Torbay",
        );
      });

      test("total equals the number of hits when under the limit", async () => {
        const result = await find("Torbay");
        assert.ok(result.total > 20, `only ${result.total} hits`);
        assert.equal(result.hits.length, result.total);
        const limited = await find("Torbay", { limit: 5 });
        assert.equal(limited.total, result.total);
        assert.equal(limited.hits.length, 5);
      });

      test("pages of limit/offset are disjoint and cover the total, in rank order", async () => {
        const all = await find("Torbay");
        const pages: SearchHit[][] = [];
        for (let offset = 0; offset < all.total; offset += 7) {
          const page = await find("Torbay", { limit: 7, offset });
          assert.equal(page.total, all.total);
          pages.push(page.hits);
        }
        assert.deepEqual(
          pages.map((p) => p.length),
          pages.map((_, i) => Math.min(7, all.total - i * 7)),
        );
        assert.deepEqual(pages.flat(), all.hits);
        const ranks = all.hits.map((h) => h.rank);
        assert.deepEqual(
          ranks,
          [...ranks].sort((a, b) => a - b),
        );
        assert.deepEqual((await find("Torbay", { offset: all.total })).hits, []);
      });

      test("a title match ranks above a passing mention", async () => {
        const result = await find("quillwort");
        const titled = await itemIdOf(db(), BODY, PUBLISHED_MEETING, "1");
        const mentioned = await itemIdOf(db(), BODY, PUBLISHED_MEETING, "2");
        assert.deepEqual(
          result.hits.map((h) => [h.kind, h.recordId]),
          [
            ["item", titled],
            ["item", mentioned],
          ],
        );
        const [first, second] = result.hits;
        assert.ok(first && second && first.rank < second.rank, "ranks must differ, best first");
      });

      test("a query with nothing positive returns nothing", async () => {
        assert.deepEqual(await find("-Torbay"), { total: 0, hits: [] });
        assert.deepEqual(await find('"" OR -'), { total: 0, hits: [] });
      });
    });

    describe("query syntax", () => {
      test('"due diligence" only matches passages containing the phrase', async () => {
        const result = await find('"due diligence"');
        assert.ok(result.total >= 4, `only ${result.total} hits`);
        const phrase = /\bdue[^\p{L}\p{N}]+diligence/iu;
        await assertEveryHit(
          db(),
          result.hits,
          (p) => phrase.test(p.title) || phrase.test(p.body),
          "with it",
        );
        // Both words, apart, do not make the phrase.
        const apart = await itemIdOf(db(), BODY, PUBLISHED_MEETING, "3");
        assert.ok(!result.hits.some((h) => h.kind === "item" && h.recordId === apart));
        assert.ok((await find("due diligence")).hits.some((h) => h.kind === "item" && h.recordId === apart));
      });

      test("scrutiny -Torbay returns no passage containing torbay", async () => {
        const result = await find("scrutiny -Torbay");
        assert.ok(result.total > 0);
        const withTorbay = await find("scrutiny Torbay");
        assert.ok(withTorbay.total > 0, "the exclusion must have something to exclude");
        await assertEveryHit(
          db(),
          result.hits,
          (p) => !/torbay/i.test(`${p.title} ${p.body}`),
          "without Torbay",
        );
        assert.equal(result.total + withTorbay.total, (await find("scrutiny")).total);
      });

      test("acute OR homelessness returns the union of each alone", async () => {
        const either = await find("acute OR homelessness");
        const acute = await find("acute");
        const homelessness = await find("homelessness");
        assert.ok(acute.total > 0 && homelessness.total > 0);
        assert.deepEqual(
          new Set(keys(either.hits)),
          new Set([...keys(acute.hits), ...keys(homelessness.hits)]),
        );
        assert.ok(either.total >= Math.max(acute.total, homelessness.total));
        assert.ok(either.total <= acute.total + homelessness.total);
        assert.deepEqual(keys((await find("acute or homelessness")).hits), keys(either.hits));
      });

      test("plain words must all be present", async () => {
        const mentioned = await itemIdOf(db(), BODY, PUBLISHED_MEETING, "2");
        assert.equal((await find("quillwort")).total, 2);
        assert.deepEqual(
          (await find("quillwort beds")).hits.map((h) => [h.kind, h.recordId]),
          [["item", mentioned]],
        );
        assert.deepEqual(await find("quillwort homelessness"), { total: 0, hits: [] });
      });
    });

    describe("filters", () => {
      test("by authority", async () => {
        const all = await find("Torbay");
        for (const authority of ["Torbay Council", "Plymouth City Council"]) {
          const authorityId = await authorityIdOf(db(), authority);
          const result = await find("Torbay", { authorityId });
          assert.ok(result.total > 0, authority);
          assert.ok(result.total < all.total, authority);
          for (const hit of result.hits)
            assert.equal((await placeOf(db(), hit)).authorityId, authorityId, key(hit));
          const expected = [];
          for (const hit of all.hits)
            if ((await placeOf(db(), hit)).authorityId === authorityId) expected.push(hit);
          assert.deepEqual(keys(result.hits), keys(expected), authority);
        }
      });

      test("by body", async () => {
        const cabinet = await bodyIdOf(db(), "Plymouth City Council", "Cabinet");
        const result = await find("Torbay", { bodyId: cabinet });
        assert.ok(result.total > 0);
        for (const hit of result.hits)
          assert.ok((await placeOf(db(), hit)).bodyIds.includes(cabinet), key(hit));
        const cabinetItem = await itemIdOf(db(), "Cabinet", "2017-08-29", "36");
        const scrutinyItem = await itemIdOf(
          db(),
          "Wellbeing Overview and Scrutiny Committee",
          "2017-09-20",
          "5",
        );
        assert.ok(result.hits.some((h) => h.kind === "item" && h.recordId === cabinetItem));
        assert.ok(!result.hits.some((h) => h.kind === "item" && h.recordId === scrutinyItem));
        assert.equal(
          (await find("Torbay", { bodyId: await bodyIdOf(db(), AUTHORITY, BODY) })).total,
          0,
          "a body whose records never mention Torbay",
        );
      });

      test("by kind", async () => {
        const all = await find("Torbay");
        const documents = await find("Torbay", { kinds: ["document"] });
        assert.ok(documents.total > 0);
        assert.deepEqual(keys(documents.hits), keys(all.hits.filter((h) => h.kind === "document")));
        const some = await find("Torbay", { kinds: ["item", "issue"] });
        assert.deepEqual(
          keys(some.hits),
          keys(all.hits.filter((h) => h.kind === "item" || h.kind === "issue")),
        );
        assert.deepEqual(keys((await find("Torbay", { kinds: [] })).hits), keys(all.hits));
      });

      test("by date, from and to inclusive", async () => {
        const all = await find("Torbay");
        const within = (from: string, to: string) =>
          keys(all.hits.filter((h) => h.date !== null && h.date >= from && h.date <= to));
        const september = await find("Torbay", { from: "2017-09-01", to: "2017-09-30" });
        assert.ok(september.total > 0);
        assert.ok(september.total < all.total);
        assert.deepEqual(keys(september.hits), within("2017-09-01", "2017-09-30"));
        const cabinetDay = await find("Torbay", { from: "2017-08-29", to: "2017-08-29" });
        assert.ok(cabinetDay.total > 0);
        assert.deepEqual(keys(cabinetDay.hits), within("2017-08-29", "2017-08-29"));
        assert.deepEqual(
          keys((await find("Torbay", { from: "2017-09-01" })).hits),
          within("2017-09-01", "9999"),
        );
        assert.deepEqual(
          keys((await find("Torbay", { to: "2017-08-31" })).hits),
          within("0000", "2017-08-31"),
        );
      });
    });

    describe("snippets", () => {
      test("matches are wrapped in <mark>", async () => {
        const result = await find("Torbay");
        const words = result.hits.flatMap((h) => marked(h.snippet));
        assert.ok(words.length >= result.total / 2, "most snippets mark their match");
        for (const word of words) assert.match(word, /^torbay$/i);
        const phrase = await find('"due diligence"');
        for (const hit of phrase.hits) {
          for (const word of marked(hit.snippet)) assert.match(word, /^(due|diligence|due diligence)$/i);
        }
      });

      test("everything but the marks is HTML-escaped", async () => {
        const result = await find("marram");
        assert.equal(result.total, 1);
        const snippet = result.hits[0]?.snippet ?? "";
        assert.deepEqual(marked(snippet), ["marram"]);
        assert.doesNotMatch(snippet, /<script/i);
        assert.doesNotMatch(snippet.replaceAll(/<\/?mark>/g, ""), /[<>"']/);
        assert.doesNotMatch(snippet, /&(?!#\d+;|[a-z]+;)/, "a bare ampersand");
        assert.match(snippet, /3 (&#60;|&lt;) 4 (&#38;|&amp;) fell (&#62;|&gt;) 2/);
        // PostgreSQL's parser drops what looks like a tag; SQLite keeps it, escaped.
        if (snippet.includes("script")) assert.match(snippet, /(&#60;|&lt;)script/);
      });

      test("snippets of the demo search are safe HTML", async () => {
        for (const query of ["Torbay", "council", "children"]) {
          for (const hit of (await find(query)).hits) {
            assert.doesNotMatch(hit.snippet.replaceAll(/<\/?mark>/g, ""), /[<>]/, `${query} ${key(hit)}`);
          }
        }
      });
    });

    describe("documents page by page", () => {
      test("a hit on page 3 says page 3", async () => {
        const documentId = await documentIdOf(db(), "dune-flora-report");
        const result = await find("sandwort");
        assert.deepEqual(
          result.hits.map((h) => [h.kind, h.recordId, h.page]),
          [["document", documentId, 3]],
        );
        assert.match(result.hits[0]?.snippet ?? "", /<mark>sandwort<\/mark>/i);
        const birds = await find("wading birds");
        assert.deepEqual(
          birds.hits.map((h) => h.page),
          [2],
        );
      });

      test("every page of a paged document is its own passage", async () => {
        const documentId = await documentIdOf(db(), "dune-flora-report");
        const result = await find('"Dune flora report"');
        assert.deepEqual(
          result.hits
            .filter((h) => h.recordId === documentId)
            .map((h) => h.page)
            .sort(),
          [1, 2, 3, 4],
        );
      });

      test("a long document without form feeds is cut into passages that cite no page", async () => {
        const documentId = await documentIdOf(db(), "long-unpaged-appendix");
        const passages = await db()
          .selectFrom("search_entries")
          .select(["page", "body"])
          .where("kind", "=", "document")
          .where("record_id", "=", documentId)
          .execute();
        assert.ok(passages.length > 1, "the long text is cut");
        assert.deepEqual(new Set(passages.map((p) => p.page)), new Set([null]));
        const result = await find("glasswort");
        assert.deepEqual(
          result.hits.map((h) => [h.recordId, h.page]),
          [[documentId, null]],
        );
      });
    });

    describe("nothing that is not public", () => {
      test("the Part II canary is not found publicly, but is found by officers", async () => {
        for (const query of [CANARY, "INVENTED", '"INVENTED TEST RECORD"', "canary"]) {
          assert.deepEqual(await find(query), { total: 0, hits: [] }, query);
        }
        const officers = await find(CANARY, { publicOnly: false });
        assert.deepEqual(new Set(officers.hits.map((h) => h.kind)), new Set(["minutes", "document"]));
        const invented = await find("INVENTED", { publicOnly: false });
        assert.ok(invented.hits.some((h) => h.kind === "item"));
        assert.ok(
          officers.hits.some((h) => h.snippet.includes("CANARY")),
          "officers see the canary quoted",
        );
      });

      test("no snippet or title of a public search quotes non-public text", async () => {
        for (const query of [
          "Torbay",
          "council",
          "commercial",
          "terms",
          "exempt",
          "partnership",
          "report",
          "test record",
        ]) {
          const result = await find(query);
          for (const hit of result.hits) {
            for (const text of [hit.snippet, hit.title]) {
              assert.doesNotMatch(text, /CANARY|9F4C2E|INVENTED/i, `${query} ${key(hit)}`);
            }
          }
          if (query === "commercial" || query === "exempt") {
            const officers = await find(query, { publicOnly: false });
            assert.ok(officers.total > result.total, `${query}: the exempt record is there to be hidden`);
          }
        }
      });

      test("no filter reaches the exempt record", async () => {
        const authorityId = await authorityIdOf(db(), "Plymouth City Council");
        const cabinet = await bodyIdOf(db(), "Plymouth City Council", "Cabinet");
        const variants: Partial<SearchOptions>[] = [
          { authorityId },
          { bodyId: cabinet },
          { kinds: ["minutes", "document", "item"] },
          { from: "2017-08-29", to: "2017-08-29" },
        ];
        for (const options of variants) {
          assert.equal((await find(CANARY, options)).total, 0, JSON.stringify(options));
          assert.ok(
            (await find(CANARY, { ...options, publicOnly: false })).total > 0,
            JSON.stringify(options),
          );
        }
      });

      test("publishing an agenda makes its items and papers findable; withdrawing it hides them", async () => {
        const meeting = await db()
          .selectFrom("meetings")
          .select("id")
          .where("date", "=", UNPUBLISHED_MEETING)
          .executeTakeFirstOrThrow();
        const item = await itemIdOf(db(), BODY, UNPUBLISHED_MEETING, "1");
        const document = await documentIdOf(db(), "seagrass-appraisal");
        const found = async (publicOnly: boolean) => keys((await find("zostera", { publicOnly })).hits);
        const expected = [`document:${document}:-`, `item:${item}:-`];
        const setPublished = async (value: boolean) => {
          await db()
            .updateTable("meetings")
            .set({ is_agenda_published: value })
            .where("id", "=", meeting.id)
            .execute();
          await reindex(db(), { meetings: new Set([meeting.id]), documents: new Set(), issues: new Set() });
        };

        assert.deepEqual(await found(true), []);
        assert.deepEqual(await found(false), expected);
        try {
          await setPublished(true);
          assert.deepEqual(await found(true), expected);
          await setPublished(false);
          assert.deepEqual(await found(true), []);
          assert.deepEqual(await found(false), expected);
        } finally {
          await setPublished(false);
        }
      });
    });
  });
}

const postgres = ENGINES.find((e) => e.name === "postgres");
const sqlite = ENGINES.find((e) => e.name === "sqlite");

describe(
  "both engines find the same records in the demo data",
  { skip: postgres ? await engineSkip(postgres) : "no PostgreSQL engine" },
  () => {
    const connections: Connection[] = [];
    before(async () => {
      if (!postgres || !sqlite) throw new Error("both engines are needed");
      connections.push(await openWithDemo(sqlite, false), await openWithDemo(postgres, false));
    });
    after(async () => {
      for (const c of connections) await c.close();
    });

    for (const query of [
      "Torbay",
      '"due diligence"',
      "scrutiny -Torbay",
      "acute OR homelessness",
      "partnership",
    ]) {
      test(query, async () => {
        const [onSqlite, onPostgres] = await Promise.all(
          connections.map((c) =>
            search(c.db, query, { engine: c.engine, publicOnly: true, limit: EVERYTHING }),
          ),
        );
        assert.ok(onSqlite && onPostgres);
        assert.ok(onSqlite.total > 0);
        assert.equal(onPostgres.total, onSqlite.total);
        assert.deepEqual(keys(onPostgres.hits), keys(onSqlite.hits));
      });
    }

    test("record ids mean the same records on both engines", async () => {
      const titles = await Promise.all(
        connections.map(
          async (c) =>
            (
              await sql<{
                id: number;
                title: string;
              }>`select id, title from agenda_items order by id`.execute(c.db)
            ).rows,
        ),
      );
      assert.deepEqual(titles[1], titles[0]);
    });
  },
);
