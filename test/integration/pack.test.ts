import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import Fastify, { type FastifyInstance } from "fastify";
import type { Connection } from "../../src/db/connect.js";
import { WitanError } from "../../src/errors.js";
import { getPack, type PackDeps } from "../../src/publishing/pack/service.js";
import { loadBundle } from "../../src/records/bundle-load.js";
import { memoryFileStore, sha256, type FileStore } from "../../src/records/files.js";
import { findPackMeeting, packItems, packMembers } from "../../src/records/packs.js";
import { packRoutes, packUrl, type PackRouteDeps } from "../../src/web/routes/pack.js";
import { PART_II_CANARY, TEST_ACTOR, demoBundle } from "../support/demo.js";
import { ENGINES, engineSkip } from "../support/engines.js";

// The pack's queries, its cache, its failure on a broken paper and its web routes, on both
// engines. The exempt item's title and paper carry the canary, which no public result may hold.

const CANARY = PART_II_CANARY;
const ACTOR = TEST_ACTOR;
const AUTHORITY = "plymouth-city-council";
const MEETING = "2017-09-20-wellbeing-overview-and-scrutiny-committee";
const UNPUBLISHED = "2017-10-11-wellbeing-overview-and-scrutiny-committee";
const BROKEN_PDF = new TextEncoder().encode(
  "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ngarbage\n%%EOF",
);

const demo = demoBundle();
const exemptPaper = demo.documents.find((d) => d.id === "invented-part-ii-commercial-terms");

const item = (number: string, title: string, documents: string[], extra: object = {}) => ({
  number,
  title,
  kind: "report",
  part: "I",
  resolutions: [],
  declarations: [],
  documents,
  ...extra,
});

/** An exempt item and a late item on the demo's published meeting, and an unpublished meeting
 * whose one paper is a corrupt PDF. */
const fixtures = {
  format: "witan-bundle/1",
  authorities: [{ name: "Plymouth City Council" }],
  bodies: [
    {
      name: "Wellbeing Overview and Scrutiny Committee",
      authority: "Plymouth City Council",
      kind: "scrutiny",
    },
  ],
  people: [],
  memberships: [],
  meetings: [
    {
      authority: "Plymouth City Council",
      body: "Wellbeing Overview and Scrutiny Committee",
      date: "2017-09-20",
      attendance: [],
      items: [
        item("7", `Exempt commercial terms ${CANARY}`, ["invented-part-ii-commercial-terms"], {
          part: "II",
          exemptParagraph: "3",
        }),
        item("8", "SARC consultation response", ["fixture-late-paper"], {
          late: true,
          urgencyReason: "The consultation closes before the next meeting.",
        }),
      ],
    },
    {
      authority: "Plymouth City Council",
      body: "Wellbeing Overview and Scrutiny Committee",
      date: "2017-10-11",
      attendance: [],
      items: [item("1", "Performance scorecard", ["fixture-broken-pdf"])],
    },
  ],
  documents: [
    exemptPaper,
    {
      id: "fixture-late-paper",
      title: "SARC consultation response",
      kind: "report",
      authority: "Plymouth City Council",
      text: "The committee is asked to agree a response to the consultation.",
    },
    {
      id: "fixture-broken-pdf",
      title: "Performance scorecard (corrupt file)",
      kind: "report",
      authority: "Plymouth City Council",
      mediaType: "application/pdf",
      sha256: sha256(BROKEN_PDF),
    },
  ],
  issues: [],
  workProgramme: [],
};

/** A file store that counts what is put into it. */
function countingStore(): FileStore & { puts: number } {
  const inner = memoryFileStore();
  const store = {
    puts: 0,
    put: async (bytes: Uint8Array) => {
      store.puts += 1;
      return inner.put(bytes);
    },
    get: (key: string) => inner.get(key),
    has: (key: string) => inner.has(key),
  };
  return store;
}

async function testApp(deps: PackRouteDeps): Promise<FastifyInstance> {
  const app = Fastify();
  // As the app's error handler does: "not found" is a 404 page, a bad address too.
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof WitanError && error.code === "NOT_FOUND") return reply.code(404).send("not found");
    const status =
      typeof error === "object" && error !== null && "statusCode" in error ? error.statusCode : 500;
    return reply.code(typeof status === "number" ? status : 500).send("error");
  });
  await app.register(packRoutes(deps));
  await app.ready();
  return app;
}

/** The public agenda pack's SHA-256 as each engine first built it: the same facts, the same bytes. */
const builtOn = new Map<string, string>();

for (const engine of ENGINES) {
  describe(`agenda packs on ${engine.name}`, { skip: await engineSkip(engine) }, () => {
    let connection: Connection;
    let files: FileStore & { puts: number };
    let deps: PackDeps;

    before(async () => {
      connection = await engine.open();
      files = countingStore();
      await files.put(BROKEN_PDF);
      files.puts = 0;
      await loadBundle(connection.db, demo, ACTOR);
      await loadBundle(connection.db, fixtures, ACTOR);
      deps = { db: connection.db, files };
    });
    after(async () => connection?.close());

    test("a meeting is found by slug or authority/slug; an unpublished one only for the restricted pack", async () => {
      const db = connection.db;
      assert.equal((await findPackMeeting(db, { meetingSlug: MEETING }, "public"))?.slug, MEETING);
      const both = await findPackMeeting(db, { authoritySlug: AUTHORITY, meetingSlug: MEETING }, "public");
      assert.equal(both?.authority.name, "Plymouth City Council");
      assert.equal(both?.publishedOn, "2017-09-12");
      assert.equal(
        await findPackMeeting(db, { authoritySlug: "torbay-council", meetingSlug: MEETING }, "public"),
        undefined,
      );
      assert.equal(await findPackMeeting(db, { meetingSlug: "no-such-meeting" }, "restricted"), undefined);
      assert.equal(await findPackMeeting(db, { meetingSlug: UNPUBLISHED }, "public"), undefined);
      assert.equal(
        (await findPackMeeting(db, { meetingSlug: UNPUBLISHED }, "restricted"))?.isPublished,
        false,
      );
    });

    test("the public agenda names an exempt item by number only; late items wait for the supplement", async () => {
      const meeting = await findPackMeeting(connection.db, { meetingSlug: MEETING }, "public");
      assert.ok(meeting);
      const agenda = await packItems(connection.db, meeting, "agenda", "public");
      assert.deepEqual(
        agenda.map((i) => i.number),
        ["1", "2", "3", "4", "5", "6", "7"],
      );
      assert.deepEqual(agenda.at(-1), { withheld: true, number: "7", exemptParagraph: "3" });
      assert.ok(!JSON.stringify(agenda).includes(CANARY));
      const five = agenda.find((i) => i.number === "5");
      assert.equal(five?.withheld === false ? five.papers.length : -1, 4);

      const supplement = await packItems(connection.db, meeting, "supplement", "public");
      assert.deepEqual(
        supplement.map((i) => [i.number, i.withheld ? null : i.urgencyReason]),
        [["8", "The consultation closes before the next meeting."]],
      );

      const restricted = await packItems(connection.db, meeting, "agenda", "restricted");
      const exempt = restricted.find((i) => i.number === "7");
      assert.ok(exempt && !exempt.withheld);
      assert.equal(exempt.part, "II");
      assert.ok(exempt.title.includes(CANARY));
      assert.ok(exempt.papers[0]?.text?.includes(CANARY), "the restricted pack has the exempt paper");
    });

    test("the front sheet's members: chair, vice-chair, then members; officers are not members", async () => {
      const meeting = await findPackMeeting(connection.db, { meetingSlug: MEETING }, "public");
      assert.ok(meeting);
      const members = await packMembers(connection.db, meeting);
      assert.deepEqual(
        members.slice(0, 2).map((m) => [m.name, m.role]),
        [
          ["Aspinall", "chair"],
          ["James", "vice-chair"],
        ],
      );
      assert.equal(members.length, 11);
      assert.ok(!members.some((m) => m.name === "Ross Jago" || m.name === "Helen Rickman"));
    });

    test("a pack is built once, then served from the cache until one of its papers changes", async () => {
      const request = { meeting: { meetingSlug: MEETING }, kind: "agenda", audience: "public" } as const;
      const first = await getPack(deps, request);
      assert.equal(first.fromCache, false);
      builtOn.set(engine.name, first.sha256);
      assert.equal(first.filename, `${AUTHORITY}-${MEETING}-agenda-pack.pdf`);
      const second = await getPack(deps, request);
      assert.equal(second.fromCache, true);
      assert.equal(second.sha256, first.sha256);
      assert.deepEqual(await second.bytes(), await first.bytes());
      assert.equal(sha256(await second.bytes()), second.sha256, "the ETag is the bytes' SHA-256");

      const supplement = { ...request, kind: "supplement" } as const;
      const before = await getPack(deps, supplement);
      await connection.db
        .updateTable("documents")
        .set({ text: "The committee is asked to agree a revised response." })
        .where("key", "=", "fixture-late-paper")
        .execute();
      const after = await getPack(deps, supplement);
      assert.equal(after.fromCache, false, "the changed paper's pack is rebuilt");
      assert.notEqual(after.sha256, before.sha256);
      assert.equal(
        (await getPack(deps, request)).fromCache,
        true,
        "the agenda pack, without that paper, is not",
      );

      await connection.db
        .updateTable("documents")
        .set({ text: "Revised minutes." })
        .where("key", "=", "plymouth-wellbeing-osc-2017-08-09-draft-minutes")
        .execute();
      const rebuilt = await getPack(deps, request);
      assert.equal(rebuilt.fromCache, false);
      assert.notEqual(rebuilt.sha256, first.sha256);
      const records = await connection.db
        .selectFrom("pack_builds")
        .select(["kind", "audience", "file_key"])
        .where("kind", "=", "agenda")
        .where("audience", "=", "public")
        .execute();
      assert.deepEqual(
        records.map((r) => r.file_key),
        [rebuilt.sha256],
        "one cache record per pack",
      );
    });

    test("a corrupt paper is named in the error, and nothing is built: no file, no cache record", async () => {
      const puts = files.puts;
      const request = {
        meeting: { meetingSlug: UNPUBLISHED },
        kind: "agenda",
        audience: "restricted",
      } as const;
      await assert.rejects(getPack(deps, request), (error: unknown) => {
        assert.ok(error instanceof WitanError);
        assert.equal(error.code, "FILE_UNREADABLE");
        assert.match(
          error.message,
          /"Performance scorecard \(corrupt file\)" \(document fixture-broken-pdf, item 1\)/,
        );
        assert.match(error.message, /is not a readable PDF/);
        return true;
      });
      assert.equal(files.puts, puts, "nothing was put in the file store");
      const meeting = await findPackMeeting(connection.db, { meetingSlug: UNPUBLISHED }, "restricted");
      const records = await connection.db
        .selectFrom("pack_builds")
        .select("id")
        .where("meeting_id", "=", meeting?.id ?? -1)
        .execute();
      assert.equal(records.length, 0);
      await assert.rejects(getPack(deps, { ...request, audience: "public" }), { code: "NOT_FOUND" });
      await assert.rejects(getPack(deps, { ...request, kind: "supplement", audience: "restricted" }), {
        code: "NOT_FOUND",
        message: /has no late items/,
      });
    });

    test("the routes: a PDF with a strong ETag, 304 when unchanged, restricted packs refused by default", async () => {
      const app = await testApp({ db: connection.db, files });
      const members = await testApp({ db: connection.db, files, canSeeRestricted: () => true });
      try {
        const url = packUrl(AUTHORITY, MEETING, "agenda", "public");
        assert.equal(url, `/authorities/${AUTHORITY}/meetings/${MEETING}/pack.pdf`);
        const response = await app.inject({ method: "GET", url });
        assert.equal(response.statusCode, 200);
        assert.equal(response.headers["content-type"], "application/pdf");
        assert.equal(
          response.headers["content-disposition"],
          `inline; filename="${AUTHORITY}-${MEETING}-agenda-pack.pdf"`,
        );
        const etag = String(response.headers.etag);
        assert.equal(etag, `"${sha256(response.rawPayload)}"`);
        assert.ok(response.rawPayload.subarray(0, 5).toString() === "%PDF-");

        const again = await app.inject({
          method: "GET",
          url,
          headers: { "if-none-match": `W/${etag}, "other"` },
        });
        assert.equal(again.statusCode, 304);
        assert.equal(again.rawPayload.length, 0);
        assert.equal(again.headers.etag, etag);
        const head = await app.inject({ method: "HEAD", url });
        assert.equal(head.statusCode, 200);

        const supplement = await app.inject({
          method: "GET",
          url: packUrl(AUTHORITY, MEETING, "supplement", "public"),
        });
        assert.equal(supplement.statusCode, 200);
        assert.match(String(supplement.headers["content-disposition"]), /-supplement\.pdf"$/);

        // Not allowed: the restricted pack is "not found" unless the app's hook admits the request.
        const restrictedUrl = packUrl(AUTHORITY, MEETING, "agenda", "restricted");
        assert.equal((await app.inject({ method: "GET", url: restrictedUrl })).statusCode, 404);
        const admitted = await members.inject({ method: "GET", url: restrictedUrl });
        assert.equal(admitted.statusCode, 200);
        assert.equal(admitted.headers["cache-control"], "private, no-store");
        assert.notEqual(admitted.headers.etag, etag);

        // An unpublished meeting's public pack does not exist; nor does a malformed address.
        const unpublished = await app.inject({
          method: "GET",
          url: packUrl(AUTHORITY, UNPUBLISHED, "agenda", "public"),
        });
        assert.equal(unpublished.statusCode, 404);
        const bad = await app.inject({
          method: "GET",
          url: `/authorities/${AUTHORITY}/meetings/Not_A_Slug/pack.pdf`,
        });
        assert.equal(bad.statusCode, 400);
      } finally {
        await app.close();
        await members.close();
      }
    });
  });
}

test("both engines give the same facts, and so byte for byte the same pack", (t) => {
  if (builtOn.size < 2) return t.skip("only one engine ran");
  assert.equal(builtOn.get("sqlite"), builtOn.get("postgres"));
});
