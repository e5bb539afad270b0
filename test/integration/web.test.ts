import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../../src/config.js";
import { connect, type Connection } from "../../src/db/connect.js";
import { loadBundle } from "../../src/records/bundle-load.js";
import { createApp } from "../../src/web/app.js";
import { PART_II_CANARY, demoBundle } from "../support/demo.js";
import { openSqlite } from "../support/engines.js";

// The public portal through app.inject(), on SQLite with the demo loaded and the security
// headers on, as in production. The clock is fixed, so "upcoming" and "recent" are known.

const UNPUBLISHED_CANARY = "WITAN-CANARY-UNPUBLISHED-51B7";
const SITE = "Witan: council meetings and decisions";
const SCRUTINY_20_SEPT =
  "/authorities/plymouth-city-council/meetings/2017-09-20-wellbeing-overview-and-scrutiny-committee";
const SCRUTINY_9_AUG =
  "/authorities/plymouth-city-council/meetings/2017-08-09-wellbeing-overview-and-scrutiny-committee";
const CABINET = "/authorities/plymouth-city-council/meetings/2017-08-29-cabinet";
const CITY_COUNCIL = "/authorities/plymouth-city-council/meetings/2017-09-25-city-council";
const UNPUBLISHED = "/authorities/plymouth-city-council/meetings/2017-10-30-cabinet";

const demo = demoBundle();

const unpublished = {
  format: "witan-bundle/1",
  authorities: [{ name: "Plymouth City Council" }],
  bodies: [{ name: "Cabinet", authority: "Plymouth City Council", kind: "executive" }],
  people: [],
  memberships: [],
  meetings: [
    {
      authority: "Plymouth City Council",
      body: "Cabinet",
      date: "2017-10-30",
      attendance: [],
      items: [
        {
          number: "40",
          title: `Draft budget ${UNPUBLISHED_CANARY}`,
          kind: "report",
          part: "I",
          resolutions: [],
          declarations: [],
          documents: [],
        },
      ],
    },
  ],
  documents: [],
  issues: [],
  workProgramme: [],
};

const config = loadConfig({});
const at = (instant: string) => () => new Date(instant);

function links(html: string): string[] {
  return [...html.matchAll(/<a [^>]*href="([^"]+)"/g)].map((match) => match[1] ?? "");
}

/** Every page-relative URL the page loads or links to: links, stylesheets, icons, scripts. */
function localUrls(html: string): string[] {
  const urls = [...html.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((match) => match[1] ?? "");
  return [...new Set(urls.map((url) => url.replaceAll("&amp;", "&")))];
}

function section(html: string, from: string, to: string): string {
  const start = html.indexOf(from);
  const end = html.indexOf(to, start + from.length);
  assert.ok(start >= 0 && end > start, `the page has "${from}" followed by "${to}"`);
  return html.slice(start, end);
}

function scriptSrc(csp: string): string[] {
  const directive = csp.split(";").find((part) => part.trim().startsWith("script-src "));
  assert.ok(directive, "the policy has a script-src directive");
  return directive.trim().split(/\s+/).slice(1);
}

describe("the public portal", () => {
  let connection: Connection;
  let app: FastifyInstance;

  before(async () => {
    connection = await openSqlite();
    await loadBundle(connection.db, demo, { name: "test", accountId: null });
    await loadBundle(connection.db, unpublished, { name: "test", accountId: null });
    app = await createApp({ db: connection.db, engine: "sqlite", config, now: at("2017-09-21T09:00:00Z") });
  });

  after(async () => {
    await app.close();
    await connection.close();
  });

  async function get(url: string) {
    return app.inject({ method: "GET", url });
  }

  async function page(url: string): Promise<string> {
    const response = await get(url);
    assert.equal(response.statusCode, 200, `${url} answers 200`);
    assert.match(String(response.headers["content-type"]), /^text\/html; charset=utf-8/);
    return response.body;
  }

  test("the home page lists upcoming and recent meetings with links to them", async () => {
    const html = await page("/");
    assert.match(html, new RegExp(`<title>Council meetings – ${SITE}</title>`));
    const upcoming = section(html, "Upcoming meetings", "Recent meetings");
    const recent = section(html, "Recent meetings", "Recently published agendas");
    assert.deepEqual(links(upcoming), [
      "/authorities/plymouth-city-council/meetings/2017-09-25-city-council",
      "/authorities/torbay-council/meetings/2017-09-27-council",
    ]);
    assert.deepEqual(links(recent), [SCRUTINY_20_SEPT, CABINET, SCRUTINY_9_AUG]);
    assert.match(recent, /Wednesday 20 September 2017, 10am/);
    assert.match(upcoming, /Torbay Council/);
    assert.equal(html.includes(UNPUBLISHED), false);
  });

  test("with today's date every demo meeting is recent, the latest first", async () => {
    const today = await createApp({
      db: connection.db,
      engine: "sqlite",
      config,
      now: at("2026-01-15T12:00:00Z"),
    });
    try {
      const response = await today.inject("/");
      const upcoming = section(response.body, "Upcoming meetings", "Recent meetings");
      assert.match(upcoming, /No upcoming meetings have been published yet/);
      const recent = section(response.body, "Recent meetings", "Recently published agendas");
      assert.deepEqual(links(recent), [
        "/authorities/torbay-council/meetings/2017-09-27-council",
        CITY_COUNCIL,
        SCRUTINY_20_SEPT,
        CABINET,
        SCRUTINY_9_AUG,
      ]);
    } finally {
      await today.close();
    }
  });

  test("every link and asset on the home page and the meeting pages resolves", async () => {
    const home = await page("/");
    const pages = [...new Set(links(home).filter((url) => /^\/authorities\/[^/]+\/meetings\//.test(url)))];
    assert.equal(pages.length, 5);
    const urls = new Set(localUrls(home));
    for (const url of pages) for (const found of localUrls(await page(url))) urls.add(found);
    assert.ok(urls.size > 8);
    for (const url of urls) {
      const response = await get(url);
      assert.equal(response.statusCode, 200, `${url} answers 200`);
    }
  });

  test("the 20 September 2017 meeting page shows its agenda, pages and papers", async () => {
    const html = await page(SCRUTINY_20_SEPT);
    assert.match(
      html,
      new RegExp(
        `<title>Wellbeing Overview and Scrutiny Committee, Wednesday 20 September 2017, Plymouth City Council – ${SITE}</title>`,
      ),
    );
    const headings = [
      ...html.matchAll(/<h3 class="govuk-heading-m" id="item-\d+-heading">([^<]+)<\/h3>/g),
    ].map((match) => match[1]);
    assert.deepEqual(headings, [
      "1. Apologies",
      "2. Declarations of Interest",
      "3. Chairs Urgent Business",
      "4. Minutes",
      "5. Establishing a Strategic Partnership with Torbay Council to deliver children&#39;s services",
      "6. Work Programme",
    ]);
    const item5 = section(html, 'id="item-5"', "</section>");
    assert.match(item5, /Pages 7 to 28/);
    assert.match(item5, /Report, PDF, 653 KB/);
    assert.match(html, /Warspite Room, Council House/);
    assert.match(html, /10am/);
  });

  test("the 9 August 2017 page groups attendance and labels its draft minutes", async () => {
    const html = await page(SCRUTINY_9_AUG);
    const present = section(html, ">Present</h3>", "</ul>");
    assert.match(present, /<li>Councillor Mrs Aspinall \(Chair\)<\/li>/);
    assert.match(present, /<li>Councillor James \(Vice-Chair\)<\/li>/);
    assert.equal(present.includes("Cook"), false);
    assert.match(section(html, ">Apologies</h3>", "</ul>"), /<li>Councillor Cook<\/li>/);
    assert.match(section(html, ">Also in attendance</h3>", "</ul>"), /<li>Ross Jago \(Lead officer\)<\/li>/);
    assert.match(html, /Draft minutes: not yet approved by the committee/);
    assert.match(section(html, 'id="item-23"', "</section>"), /govuk-tag--yellow">\s*Draft\s*</);
    assert.match(section(html, 'id="item-25"', "</section>"), /Vote: unanimous\./);
  });

  test("City Council item 27 nests resolution 1's (i) and (ii) inside it", async () => {
    const html = await page(CITY_COUNCIL);
    const item = section(html, 'id="item-27"', "</section>");
    const first = section(
      item,
      '<span class="app-resolutions__number">1.</span>',
      '"app-resolutions__number">2.<',
    );
    assert.match(first, /<ol class="app-resolutions"[^>]*>[\s\S]*\(i\)[\s\S]*\(ii\)[\s\S]*<\/ol>/);
    assert.match(first, /Proposed by Councillor Ian Bowyer and seconded by Councillor Evans\./);
  });

  test("the Cabinet page shows item 37 as exempt and nothing of its content", async () => {
    const html = await page(CABINET);
    assert.match(html, /37\. Exempt item \(Part II\): not for publication/);
    assert.match(html, /36\. Establishing a Strategic Partnership/);
    assert.equal(html.includes(PART_II_CANARY), false);
    assert.equal(html.includes("INVENTED TEST RECORD"), false);
    assert.equal(html.includes("Commercial terms"), false);
  });

  test("an unpublished meeting is not found", async () => {
    const response = await get(UNPUBLISHED);
    assert.equal(response.statusCode, 404);
    assert.equal(response.body.includes(UNPUBLISHED_CANARY), false);
    assert.match(response.body, /Page not found/);
  });

  const missing: [what: string, url: string][] = [
    ["an unknown meeting", "/authorities/plymouth-city-council/meetings/2017-09-20-no-such-committee"],
    ["an unknown authority", "/authorities/nowhere/meetings/2017-09-25-city-council"],
    ["a malformed slug", "/authorities/Plymouth%20City/meetings/..%2F..%2Fetc"],
    ["an unknown route", "/no/such/page"],
    ["an unknown asset", "/assets/nothing.css"],
  ];
  for (const [what, url] of missing) {
    test(`${what} gets the GOV.UK-style 404 page`, async () => {
      const response = await get(url);
      assert.equal(response.statusCode, 404);
      assert.match(String(response.headers["content-type"]), /^text\/html/);
      assert.match(response.body, /^<!DOCTYPE html>\s*<html lang="en-GB"/);
      assert.match(response.body, new RegExp(`<title>Page not found – ${SITE}</title>`));
      assert.match(response.body, /<h1 class="govuk-heading-l">Page not found<\/h1>/);
      assert.match(response.body, /govuk-skip-link/);
    });
  }

  test("an address that cannot be decoded gets a plain 400 that echoes nothing back", async () => {
    const response = await get("/authorities/%E0%A4%A/meetings/x");
    assert.equal(response.statusCode, 400);
    assert.equal(response.body, "Sorry, that web address is not valid.");
    assert.equal(response.headers["x-content-type-options"], "nosniff");
  });

  test("a failing database gives the 500 page with a reference, never the error", async () => {
    const broken = connect({ engine: "sqlite", file: ":memory:" });
    await broken.close();
    const failing = await createApp({ db: broken.db, engine: "sqlite", config });
    try {
      const response = await failing.inject("/");
      assert.equal(response.statusCode, 500);
      assert.match(response.body, /Sorry, there is a problem with the service/);
      assert.match(response.body, /quote reference <span class="app-reference">[0-9a-f-]{36}<\/span>/);
      assert.equal(/destroyed|Error|\bat .*\.ts/.test(response.body), false);

      const health = await failing.inject("/healthz");
      assert.equal(health.statusCode, 503);
      assert.deepEqual(health.json(), { status: "unavailable" });
    } finally {
      await failing.close();
    }
  });

  test("/healthz answers ok after asking the database", async () => {
    const response = await get("/healthz");
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: "ok" });
  });

  test("pages carry the security headers, and the policy allows no inline script but govuk's", async () => {
    for (const url of ["/", SCRUTINY_20_SEPT, "/no/such/page"]) {
      const response = await get(url);
      const csp = String(response.headers["content-security-policy"]);
      const scripts = scriptSrc(csp);
      assert.equal(scripts.includes("'unsafe-inline'"), false, "no 'unsafe-inline' for scripts");
      assert.equal(csp.includes("'unsafe-eval'"), false);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /object-src 'none'/);
      assert.equal(response.headers["x-content-type-options"], "nosniff");
      assert.equal(response.headers["referrer-policy"], "no-referrer");
      assert.equal(response.headers["x-powered-by"], undefined);
      // The template's one inline script runs only because the policy lists its hash.
      const inline = [...response.body.matchAll(/<script\b([^>]*)>([^<]*)<\/script>/g)]
        .filter((match) => !/\bsrc=/.test(match[1] ?? ""))
        .map((match) => match[2] ?? "");
      assert.equal(inline.length, 1);
      for (const script of inline) {
        const hash = `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
        assert.ok(scripts.includes(hash), `script-src lists ${hash}`);
      }
      assert.doesNotMatch(response.body, /\son[a-z]+="/, "no inline event handlers");
    }
  });

  test("public pages set no cookies", async () => {
    for (const url of ["/", SCRUTINY_20_SEPT, CABINET, "/no/such/page", "/healthz", "/assets/witan.css"]) {
      const response = await get(url);
      assert.equal(response.headers["set-cookie"], undefined, `${url} sets no cookie`);
    }
  });

  test("the stylesheet and scripts are served with long cache lifetimes", async () => {
    const html = await page("/");
    const css = /<link rel="stylesheet" href="(\/assets\/witan\.css\?v=[0-9a-f]{12})">/.exec(html)?.[1];
    const js = /<script type="module" src="(\/assets\/witan\.js\?v=[0-9a-f]{12})"><\/script>/.exec(html)?.[1];
    assert.ok(css && js, "the layout links the versioned stylesheet and script");
    const stylesheet = await get(css);
    assert.equal(stylesheet.statusCode, 200);
    assert.match(String(stylesheet.headers["content-type"]), /^text\/css/);
    assert.match(String(stylesheet.headers["cache-control"]), /max-age=31536000/);
    assert.match(stylesheet.body, /\.govuk-service-navigation/);
    const script = await get(js);
    assert.match(String(script.headers["content-type"]), /javascript/);
    assert.match(script.body, /from "\.\/govuk\/govuk-frontend\.min\.js"/);
    const govuk = await get("/assets/govuk/govuk-frontend.min.js");
    assert.equal(govuk.statusCode, 200);
    assert.match(govuk.body, /initAll/);
    assert.match(String(govuk.headers["cache-control"]), /max-age=86400/);
    assert.equal((await get("/assets/govuk/index.scss")).statusCode, 404, "only the bundle is served");
  });

  test("no GOV.UK branding: no crown, no logotype, no GDS Transport, no Crown copyright", async () => {
    for (const url of ["/", SCRUTINY_9_AUG, "/no/such/page"]) {
      const html = (await get(url)).body;
      assert.match(html, new RegExp(`govuk-service-navigation__link">\\s*${SITE}\\s*</a>`));
      assert.match(html, new RegExp(config.copyright));
      assert.equal(html.includes("GOV.UK"), false);
      assert.equal(/crown/i.test(html), false);
      assert.equal(html.includes("govuk-header"), false);
      assert.equal(html.includes("govuk-logo"), false);
      assert.equal(/images\/(favicon|govuk-)/.test(html), false, "no GOV.UK icons");
    }
    const css = (await get("/assets/witan.css")).body;
    assert.equal(css.includes("GDS Transport"), false);
    assert.equal(css.includes("@font-face"), false);
    assert.match(css, /font-family:\s*system-ui/);
  });
});
