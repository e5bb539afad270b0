import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../../src/config.js";
import type { Connection } from "../../src/db/connect.js";
import { loadBundle } from "../../src/records/bundle-load.js";
import { createApp } from "../../src/web/app.js";
import { PART_II_CANARY, TEST_ACTOR, demoBundle } from "../support/demo.js";
import { ENGINES, engineSkip } from "../support/engines.js";

// A crawl of the whole public portal on both engines: every internal link from the home page,
// every feed, calendar and the sitemap, and every URL they name, searches included. No response
// may carry the invented Part II record (its canary, or its "INVENTED TEST RECORD" marker), and
// no public response may set a cookie (signing in to the back office may: its CSRF cookie).

const HOST = "witan.example";
const ORIGIN = `http://${HOST}`;
const LIMIT = 3000;
const BACK_OFFICE = /^\/(sign-in|sign-out|admin)(\/|\?|$)/;

const SEEDS = [
  "/",
  "/sitemap.xml",
  "/robots.txt",
  "/calendar.ics",
  "/calendar?month=2017-08",
  "/calendar?month=2017-09",
  "/feeds/meetings.atom",
  "/feeds/meetings.rss",
  "/feeds/decisions.atom",
  "/issues/torbay-childrens-services-partnership-arrangement-with-pcc/feed.atom",
  "/authorities/plymouth-city-council/bodies/cabinet/calendar.ics",
  "/authorities/plymouth-city-council/meetings/2017-08-29-cabinet/calendar.ics",
  "/no/such/page",
  ...["Torbay", "commercial", "exempt", "terms", "test record", "partnership", "Cabinet", "Aspinall"].flatMap(
    (q) => [
      `/search?q=${encodeURIComponent(q)}`,
      `/search?q=${encodeURIComponent(q)}&authority=plymouth-city-council&body=plymouth-city-council%2Fcabinet`,
      `/search?q=${encodeURIComponent(q)}&from=2017-08-29&to=2017-08-29&kind=minutes&kind=document&kind=item`,
    ],
  ),
];

/** The site's own URLs in a response: links and sources, and absolute URLs on this host. */
function urlsIn(text: string): string[] {
  // iCalendar folds long lines (RFC 5545, 3.1): unfold them so no URL is read cut in two.
  const body = text.replace(/\r\n[ \t]/g, "");
  const relative = [...body.matchAll(/(?:href|src)="(\/[^"#]*)/g)].map((m) => m[1] ?? "");
  const absolute = [...body.matchAll(new RegExp(`${ORIGIN.replaceAll(".", "\\.")}(/[^"<\\s#]*)`, "g"))].map(
    (m) => m[1] ?? "",
  );
  return [...relative, ...absolute].map((url) => url.replaceAll("&amp;", "&"));
}

// Every engine's availability is settled before any suite starts: a suite's synchronous SQLite
// work would otherwise hold the event loop while PostgreSQL's connection check waits to time out.
const skips = await Promise.all(ENGINES.map((engine) => engineSkip(engine)));

for (const [index, engine] of ENGINES.entries()) {
  describe(`a crawl of the public portal (${engine.name})`, { skip: skips[index] ?? false }, () => {
    let connection: Connection | undefined;
    let app: FastifyInstance | undefined;
    const visited = new Map<string, { status: number; type: string }>();

    before(async () => {
      connection = await engine.open();
      await loadBundle(connection.db, demoBundle(), TEST_ACTOR);
      app = await createApp({
        db: connection.db,
        engine: engine.name,
        config: loadConfig({}),
        now: () => new Date("2017-09-21T09:00:00Z"),
      });
    });
    after(async () => {
      await app?.close();
      await connection?.close();
    });

    test("no page, result, snippet, feed, calendar or sitemap shows the Part II record, and none sets a cookie", async (t) => {
      const queue = [...SEEDS];
      while (queue.length > 0 && visited.size < LIMIT) {
        const url = queue.shift() ?? "/";
        if (visited.has(url)) continue;
        const response = await app?.inject({ url, headers: { host: HOST } });
        assert.ok(response);
        visited.set(url, { status: response.statusCode, type: String(response.headers["content-type"]) });
        assert.ok(response.statusCode < 500, `${url} answers ${response.statusCode}`);
        if (!BACK_OFFICE.test(url)) {
          assert.equal(response.headers["set-cookie"], undefined, `${url} sets no cookie`);
        }
        assert.equal(response.body.includes(PART_II_CANARY), false, `${url} shows the canary`);
        assert.equal(/INVENTED TEST RECORD/i.test(response.body), false, `${url} shows the invented record`);
        assert.equal(
          /Commercial terms \(exempt\)/i.test(response.body),
          false,
          `${url} names the exempt paper`,
        );
        if (url.startsWith("/assets/")) continue;
        // Month after month has a page: the crawl reads the months it was given, no more.
        for (const found of urlsIn(response.body)) {
          if (!visited.has(found) && !found.startsWith("/calendar?")) queue.push(found);
        }
      }
      assert.ok(visited.size < LIMIT, "the crawl finished");
      const kinds = [...visited.values()].map((v) => v.type.split(";")[0]);
      for (const type of [
        "text/html",
        "text/calendar",
        "application/atom+xml",
        "application/rss+xml",
        "application/xml",
      ]) {
        assert.ok(kinds.includes(type), `the crawl read ${type}`);
      }
      assert.ok(visited.size > 60, `only ${visited.size} URLs crawled`);
      t.diagnostic(`${visited.size} URLs crawled`);
    });

    test("every page the crawl found answers (the record pages answer 200 once they are built)", async (t) => {
      const missing = [...visited.entries()].filter(
        ([url, v]) => v.status !== 200 && url !== "/no/such/page" && !BACK_OFFICE.test(url),
      );
      // The record pages (items, issues, people, documents…) are built beside this work; until
      // their routes exist, links to them are reported here rather than failed.
      const recordPages = app?.hasRoute({ method: "GET", url: "/issues/:issue" }) ?? false;
      if (!recordPages)
        t.todo(`${missing.length} linked pages not built yet, e.g. ${missing[0]?.[0] ?? "none"}`);
      assert.deepEqual(
        missing.map(([url, v]) => `${v.status} ${url}`),
        [],
      );
    });
  });
}
