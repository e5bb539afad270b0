import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as cheerio from "cheerio";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../../src/config.js";
import type { Connection } from "../../src/db/connect.js";
import { loadBundle } from "../../src/records/bundle-load.js";
import { search } from "../../src/records/search.js";
import { createApp } from "../../src/web/app.js";
import { PART_II_CANARY, TEST_ACTOR, demoBundle } from "../support/demo.js";
import { ENGINES, engineSkip } from "../support/engines.js";

// The search page (/search) on both engines with the demo loaded: the GET form, results that
// link to their pages, counts, pagination, filters, the web-search syntax, people, and never
// anything that is not public.

const config = loadConfig({});

type Result = { href: string; title: string; kind: string; meta: string; snippet: string };
type Page = { status: number; $: cheerio.CheerioAPI; count: string | null; results: Result[]; html: string };

function read(status: number, html: string): Page {
  const $ = cheerio.load(html);
  const results = $(".app-search-results__item")
    .toArray()
    .map((element) => {
      const item = $(element);
      const link = item.find("h3 a");
      return {
        href: link.attr("href") ?? "",
        title: link.text().trim(),
        kind: item.find("strong").first().text().trim(),
        meta: item.find("p").first().text().replace(/\s+/g, " ").trim(),
        snippet: item.find(".app-search-results__snippet").html() ?? "",
      };
    });
  const count = $("#results-heading").text().trim() || null;
  return { status, $, count, results, html };
}

const totalOf = (page: Page) => Number((page.count ?? "0").replace(/[^0-9]/g, ""));

// Every engine's availability is settled before any suite starts: a suite's synchronous SQLite
// work would otherwise hold the event loop while PostgreSQL's connection check waits to time out.
const skips = await Promise.all(ENGINES.map((engine) => engineSkip(engine)));

for (const [index, engine] of ENGINES.entries()) {
  describe(`the search page (${engine.name})`, { skip: skips[index] ?? false }, () => {
    let connection: Connection | undefined;
    let app: FastifyInstance | undefined;

    before(async () => {
      connection = await engine.open();
      await loadBundle(connection.db, demoBundle(), TEST_ACTOR);
      app = await createApp({
        db: connection.db,
        engine: engine.name,
        config,
        now: () => new Date("2017-09-21T09:00:00Z"),
      });
    });
    after(async () => {
      await app?.close();
      await connection?.close();
    });

    async function get(url: string): Promise<Page> {
      if (!app) throw new Error("the app is not running");
      const response = await app.inject(url);
      return read(response.statusCode, response.body);
    }

    const q = (text: string, extra = "") => `/search?q=${encodeURIComponent(text)}${extra}`;

    test("an empty query shows the form and no results", async () => {
      for (const url of ["/search", "/search?q=", "/search?q=%20%20"]) {
        const page = await get(url);
        assert.equal(page.status, 200);
        assert.equal(page.count, null, url);
        assert.equal(page.results.length, 0);
        assert.equal(page.$("form[method=get][action='/search'] input#q[name=q]").length, 1);
        assert.match(page.$("title").text(), /^Search – /);
      }
    });

    test("Torbay: a count, ranked results linking to their pages, highlighted snippets", async () => {
      const page = await get(q("Torbay"));
      assert.equal(page.status, 200);
      assert.match(page.count ?? "", /^\d+ results$/);
      const expected = await search(connection?.db ?? assert.fail(), "Torbay", {
        engine: engine.name,
        publicOnly: true,
        limit: 0,
      });
      assert.equal(totalOf(page), expected.total, "people match Torbay in no name, ward or body");
      assert.equal(page.results.length, 20, "the first page is full");
      assert.match(page.$("title").text(), /^Search results for “Torbay” \(page 1\) – /);
      for (const result of page.results) {
        assert.match(
          result.href,
          /^\/authorities\/[a-z0-9-]+\/(meetings\/[a-z0-9-]+\/items\/[0-9]+|documents\/[a-z0-9-]+(#page-\d+)?)$|^\/issues\/[a-z0-9-]+$/,
          result.href,
        );
        assert.doesNotMatch(result.snippet.replaceAll(/<\/?mark>/g, ""), /<[a-z]/i, "only <mark> is markup");
      }
      assert.ok(new Set(page.results.map((r) => r.kind)).size >= 2, "results of several kinds");
      assert.ok(page.results.some((r) => /<mark>Torbay<\/mark>/i.test(r.snippet)));
      const items = await get(q("Torbay", "&kind=item"));
      const cabinet = items.results.find((r) => r.href.endsWith("/meetings/2017-08-29-cabinet/items/36"));
      assert.ok(cabinet, "the Cabinet's item 36 is found");
      assert.match(cabinet.meta, /Cabinet, Tuesday 29 August 2017 · Plymouth City Council/);
      const issue = (await get(q("Torbay", "&kind=issue"))).results;
      assert.deepEqual(
        issue.map((r) => r.href),
        ["/issues/torbay-childrens-services-partnership-arrangement-with-pcc"],
      );
    });

    test("pages of 20 keep the query and filters, cover the count, and never repeat a result", async () => {
      const first = await get(q("Torbay", "&authority=plymouth-city-council"));
      const total = totalOf(first);
      assert.ok(total > 20, `only ${total}`);
      const pagination = first.$("nav.govuk-pagination");
      assert.equal(pagination.length, 1);
      const next = pagination.find("a[rel=next]").attr("href");
      assert.equal(next, "/search?q=Torbay&authority=plymouth-city-council&page=2");
      const seen: string[] = [];
      const pages = Math.ceil(total / 20);
      for (let n = 1; n <= pages; n++) {
        const page = await get(q("Torbay", `&authority=plymouth-city-council&page=${n}`));
        assert.equal(totalOf(page), total);
        assert.equal(page.results.length, Math.min(20, total - (n - 1) * 20), `page ${n}`);
        for (const r of page.results) seen.push(`${r.kind}|${r.href}|${r.meta}|${r.snippet}`);
        assert.equal(page.$(".govuk-pagination [aria-current=page]").text().trim(), String(n));
      }
      assert.equal(seen.length, total);
      assert.equal(new Set(seen).size, total, "no result appears on two pages");
    });

    test("quotes, OR and -word mean what they mean on the search page", async () => {
      const phrase = await get(q('"due diligence"'));
      assert.ok(totalOf(phrase) >= 3);
      for (const r of phrase.results) {
        assert.doesNotMatch(r.snippet, /<mark>(?!due|diligence)/i);
      }
      const scrutiny = totalOf(await get(q("scrutiny")));
      const without = totalOf(await get(q("scrutiny -Torbay")));
      const withTorbay = totalOf(await get(q("scrutiny Torbay")));
      assert.ok(without > 0 && withTorbay > 0);
      assert.equal(without + withTorbay, scrutiny);
      const either = totalOf(await get(q("acute OR homelessness")));
      const acute = totalOf(await get(q("acute")));
      const homelessness = totalOf(await get(q("homelessness")));
      assert.ok(either >= Math.max(acute, homelessness) && either <= acute + homelessness);
      assert.ok(acute > 0 && homelessness > 0);
    });

    test("filters: council, body, dates and kinds narrow the results", async () => {
      const all = totalOf(await get(q("Torbay")));
      const torbay = await get(q("Torbay", "&authority=torbay-council"));
      assert.ok(totalOf(torbay) > 0 && totalOf(torbay) < all);
      for (const r of torbay.results) assert.match(r.meta, /Torbay Council/);
      const cabinet = await get(q("Torbay", "&body=plymouth-city-council%2Fcabinet"));
      assert.ok(totalOf(cabinet) > 0);
      for (const r of cabinet.results) assert.match(r.href, /2017-08-29-cabinet|\/documents\//);
      assert.equal(
        cabinet.$("select#body option[selected]").attr("value"),
        "plymouth-city-council/cabinet",
        "the form shows the filter chosen",
      );
      const september = await get(q("Torbay", "&from=2017-09-01&to=2017-09-30"));
      assert.ok(totalOf(september) > 0 && totalOf(september) < all);
      for (const r of september.results) assert.match(r.meta, /September 2017/);
      const documents = await get(q("Torbay", "&kind=document"));
      assert.ok(documents.results.length > 0);
      for (const r of documents.results) assert.match(r.kind, /^Document/);
      const two = await get(q("Torbay", "&kind=item&kind=resolution"));
      assert.deepEqual(new Set(two.results.map((r) => r.kind)), new Set(["Agenda item", "Resolution"]));
      assert.ok(two.$("input[name=kind][value=item]").is(":checked"));
      assert.ok(!two.$("input[name=kind][value=document]").is(":checked"));
    });

    test("a bad date or an unknown council is an error on the form, with no results", async () => {
      const page = await get(q("Torbay", "&from=2017-02-30&authority=atlantis"));
      assert.equal(page.status, 200);
      assert.equal(page.results.length, 0);
      assert.equal(page.count, null);
      assert.match(page.$("title").text(), /^Error: /);
      const summary = page.$(".govuk-error-summary");
      assert.deepEqual(
        summary
          .find("a")
          .toArray()
          .map((a) => page.$(a).attr("href")),
        ["#from", "#authority"],
      );
      assert.match(page.$("#from-error").text(), /real date/);
      const reversed = await get(q("Torbay", "&from=2017-09-30&to=2017-09-01"));
      assert.match(reversed.$("#to-error").text(), /same as or after/);
      const silly = await app?.inject(q("x".repeat(600)));
      assert.equal(silly?.statusCode, 400, "an absurdly long query is refused");
    });

    test("people are found by name, ward, party or body, and link to their pages", async () => {
      const page = await get(q("Aspinall"));
      const [first] = page.results;
      assert.ok(first, "Councillor Aspinall is found");
      assert.equal(first.title, "Councillor Mrs Aspinall");
      assert.equal(first.kind, "Councillor");
      assert.match(first.href, /^\/authorities\/plymouth-city-council\/people\/\d+-aspinall$/);
      assert.match(first.snippet, /Chair, Wellbeing Overview and Scrutiny Committee/);
      const members = await get(q('"Wellbeing Overview"', "&kind=person"));
      assert.ok(members.results.length >= 3);
      for (const r of members.results) assert.match(r.kind, /^(Councillor|Officer)$/);
      const dated = await get(q("Aspinall", "&from=2017-01-01"));
      assert.ok(!dated.results.some((r) => r.kind === "Councillor"), "people have no date to filter on");
      const external = await get(q("Coughlan", "&kind=person"));
      assert.equal(totalOf(external), 0, "external people are not listed as people");
    });

    test("nothing that is not public: the canary is not found, quoted or counted", async () => {
      for (const text of [
        PART_II_CANARY,
        "INVENTED",
        '"INVENTED TEST RECORD"',
        "canary",
        "commercial terms",
      ]) {
        const page = await get(q(text));
        // The page repeats the query in its title and search box; what follows the form is the answer.
        const answer = page.html.slice(page.html.indexOf("</form>"));
        assert.equal(answer.includes(PART_II_CANARY), false, text);
        assert.equal(/INVENTED TEST RECORD/i.test(answer), false, text);
        if (text !== "commercial terms") assert.equal(page.count, "0 results", text);
      }
      for (const filter of [
        "&authority=plymouth-city-council",
        "&body=plymouth-city-council%2Fcabinet",
        "&kind=minutes&kind=document&kind=item",
      ]) {
        assert.equal((await get(q(PART_II_CANARY, filter))).count, "0 results", filter);
      }
    });
  });
}
