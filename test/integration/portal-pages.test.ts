import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../../src/config.js";
import type { Connection } from "../../src/db/connect.js";
import { memoryFileStore } from "../../src/records/files.js";
import { createApp } from "../../src/web/app.js";
import { openSqlite } from "../support/engines.js";
import {
  CABINET_MEETING,
  CANARIES,
  COUNCIL_MEETING,
  EXEMPT_DOCUMENT,
  HIDDEN_PEOPLE,
  ISSUE,
  PLYMOUTH,
  REPORT,
  REPORT_BYTES,
  UNPUBLISHED_DOCUMENT,
  loadPortalFixtures,
  personIdOf,
} from "./portal-fixtures.js";

// The record pages through app.inject() on SQLite, with the security headers on. A crawl from
// the home page visits every page these pages link to and proves the rules that are never
// broken: no canary of exempt or unpublished business anywhere, every link resolving, and the
// page structure (title, one h1, headings in order, breadcrumbs, tables with captions and
// scoped headers) right on every record page.

const SITE = "Witan: council meetings and decisions";
const AUTHORITY = `/authorities/${PLYMOUTH}`;
const ITEM_27 = `${AUTHORITY}/meetings/${COUNCIL_MEETING}/items/27`;
const ITEM_36 = `${AUTHORITY}/meetings/${CABINET_MEETING}/items/36`;
const ISSUE_PAGE = `/issues/${ISSUE}`;
const SCRUTINY = `${AUTHORITY}/bodies/wellbeing-overview-and-scrutiny-committee`;

/** The record pages' own addresses: these are expanded by the crawl and checked for structure. */
const RECORD_PAGE =
  /^\/($|authorities($|\/)|issues($|\/|\?)|decisions($|\/|\?)|forward-plan$|actions($|\?)|people($|\?))/;
const NOT_HTML = /\.(ics|atom|rss|xml|pdf)(\?|$)|\/download$/;

const config = loadConfig({});
const at = (instant: string) => () => new Date(instant);

function hrefs(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*href="([^"]+)"/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&"));
}

/** The words of a page: inline elements joined to their neighbours, blocks spaced apart. */
function text(html: string): string {
  return html
    .replace(/<\/?(a|span|strong|b|em)\b[^>]*>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

function between(html: string, from: string, to: string): string {
  const start = html.indexOf(from);
  const end = html.indexOf(to, start + from.length);
  assert.ok(start >= 0 && end > start, `the page has "${from}" followed by "${to}"`);
  return html.slice(start, end);
}

/** The accessibility basics every record page keeps. */
function checkStructure(url: string, html: string): void {
  assert.match(html, /<html lang="en-GB"/, `${url}: lang`);
  assert.match(html, new RegExp(`<title>[^<]+ – ${SITE}</title>`), `${url}: "Page – Site" title`);
  assert.equal([...html.matchAll(/<h1\b/g)].length, 1, `${url}: one h1`);
  const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
  levels.forEach((level, i) => {
    const previous = levels[i - 1];
    if (previous !== undefined) assert.ok(level <= previous + 1, `${url}: h${level} follows h${previous}`);
  });
  if (url !== "/") assert.match(html, /class="govuk-breadcrumbs/, `${url}: breadcrumbs`);
  const tables = [...html.matchAll(/<table\b[\s\S]*?<\/table>/g)].map((m) => m[0]);
  for (const table of tables) {
    assert.match(table, /<caption\b/, `${url}: every table has a caption`);
    for (const th of table.match(/<th\b[^>]*>/g) ?? [])
      assert.match(th, /scope="(col|row)"/, `${url}: ${th}`);
  }
  assert.doesNotMatch(html, /\sstyle="/, `${url}: no inline style, which the policy would refuse`);
}

describe("the record pages", () => {
  let connection: Connection;
  let app: FastifyInstance;

  before(async () => {
    connection = await openSqlite();
    const files = memoryFileStore();
    await loadPortalFixtures(connection.db, files);
    app = await createApp({
      db: connection.db,
      engine: "sqlite",
      config,
      files,
      now: at("2017-09-21T09:00:00Z"),
    });
  });

  after(async () => {
    await app.close();
    await connection.close();
  });

  async function page(url: string, server = app): Promise<string> {
    const response = await server.inject({ method: "GET", url });
    assert.equal(response.statusCode, 200, `${url} answers 200`);
    assert.match(String(response.headers["content-type"]), /^text\/html; charset=utf-8/);
    return response.body;
  }

  test("a breadth-first crawl from the home page finds no canary, no broken link, no broken structure", async () => {
    const seen = new Set<string>(["/"]);
    const queue = ["/"];
    const recordPages: string[] = [];
    while (queue.length > 0) {
      const url = queue.shift() ?? "/";
      const response = await app.inject({ method: "GET", url });
      assert.equal(response.statusCode, 200, `${url} answers 200`);
      for (const canary of CANARIES)
        assert.equal(response.body.includes(canary), false, `${url} has no "${canary}"`);
      const path = url.split("#")[0] ?? url;
      const isHtml = String(response.headers["content-type"]).startsWith("text/html");
      if (!isHtml || !RECORD_PAGE.test(path) || NOT_HTML.test(path)) continue;
      recordPages.push(path);
      checkStructure(path, response.body);
      for (const href of hrefs(response.body)) {
        if (!href.startsWith("/") || href.startsWith("//")) continue;
        const target = href.split("#")[0] ?? href;
        if (target === "" || seen.has(target)) continue;
        seen.add(target);
        queue.push(target);
      }
    }
    for (const url of [
      ITEM_27,
      ITEM_36,
      ISSUE_PAGE,
      SCRUTINY,
      "/decisions",
      "/forward-plan",
      "/actions",
      "/people",
    ]) {
      assert.ok(recordPages.includes(url), `the crawl reached ${url}`);
    }
    assert.ok(
      recordPages.some((url) => url.includes("/documents/")),
      "the crawl reached document pages",
    );
    assert.ok(
      recordPages.some((url) => url.includes("/people/")),
      "the crawl reached people's pages",
    );
    assert.ok(recordPages.length > 40, `${recordPages.length} record pages crawled`);
  });

  test("the home page has a search box, recent agendas, minutes and decisions, and ways to browse", async () => {
    const html = await page("/");
    assert.match(html, /<form method="get" action="\/search"[^>]*>[\s\S]*name="q"/);
    const agendas = between(html, "Recently published agendas", "Recently published minutes");
    assert.match(text(agendas), /Agenda published 12 September 2017/);
    const minutes = between(html, "Recently published minutes", "Recent decisions");
    assert.match(minutes, /govuk-tag--yellow">\s*Draft/);
    const decisions = between(html, "Recent decisions", "</main>");
    assert.match(text(decisions), /Officer decision on school places/);
    assert.match(text(decisions), /Establishing a Strategic Partnership with Torbay Council/);
    for (const href of [
      "/authorities",
      `${AUTHORITY}`,
      "/authorities/torbay-council",
      "/issues",
      "/people",
    ]) {
      assert.ok(hrefs(html).includes(href), `home links ${href}`);
    }
  });

  test("an authority lists its bodies, joint ones included, and its meetings to come", async () => {
    const html = text(await page("/authorities/torbay-council"));
    assert.match(html, /Schools Forum/);
    assert.match(
      html,
      /Joint Board \(Plymouth and Torbay Children's Services\) Partnership board Joint body, led by Plymouth City Council/,
    );
    assert.match(
      html,
      /Upcoming meetings Council, Wednesday 27 September 2017 Torbay Council Wednesday 27 September 2017/,
    );
  });

  test("a body page: purpose, members with roles, meetings by municipal year, work programme, feeds", async () => {
    const html = await page(SCRUTINY);
    const words = text(html);
    assert.match(words, /Councillor Mrs Aspinall Chair/);
    assert.match(words, /Councillor James Vice-Chair/);
    assert.match(words, /Meetings in 2017 to 2018/);
    assert.match(words, /Planned for meetings in 2017 to 2018/);
    assert.match(
      words,
      /To be scheduled in 2017 to 2018 .*Torbay Children's Services Member request 5 \(High\)/,
    );
    assert.ok(hrefs(html).includes(`${SCRUTINY}/calendar.ics`));
    assert.ok(hrefs(html).includes("/feeds/meetings.atom?body=wellbeing-overview-and-scrutiny-committee"));
    assert.match(
      words,
      /Name Role Party Councillor Mrs Aspinall Chair Labour/,
      "a party column when some member has one",
    );
    const joint = text(await page(`${AUTHORITY}/bodies/joint-board-plymouth-and-torbay-childrens-services`));
    assert.match(joint, /Led by the Plymouth and Torbay DCS/);
    assert.match(joint, /Authorities Plymouth City Council, Torbay Council/);
  });

  test("the meeting page links each public item's page and its papers' pages, never the exempt item", async () => {
    const html = await page(`${AUTHORITY}/meetings/${CABINET_MEETING}`);
    const links = hrefs(html);
    assert.ok(links.includes(ITEM_36));
    assert.ok(links.includes(`${AUTHORITY}/documents/${REPORT}`));
    assert.equal(
      links.some((href) => href.endsWith("/items/37")),
      false,
    );
    assert.match(html, /class="govuk-breadcrumbs/);
  });

  test("City Council item 27: metadata, nested resolutions, chain, conditions, actions, place in its issue", async () => {
    const html = await page(ITEM_27);
    const words = text(html);
    assert.match(
      html,
      new RegExp(
        `<title>Item 27: Recommendations from Cabinet, City Council, Monday 25 September 2017 – ${SITE}</title>`,
      ),
    );
    assert.match(words, /Lead member Councillor Ian Bowyer/);
    assert.match(words, /Key decision No/);
    assert.match(words, /Proposed by Councillor Ian Bowyer and seconded by Councillor Evans\./);
    assert.match(words, /Responds to Cabinet, 29 August 2017, item 36, resolution 4\./);
    assert.match(
      between(html, '"app-resolutions__number">1.<', '"app-resolutions__number">2.<'),
      /\(i\)[\s\S]*\(ii\)/,
    );
    assert.match(words, /Conditions a\) Leadership, Capacity and Maintaining Focus Ensures that Plymouth/);
    assert.match(words, /Evidence submitted Evidence: Establishing a strategic partnership/);
    assert.match(
      words,
      /Receive a further report following the due diligence exercise Open Due: 29 January 2018/,
    );
    assert.match(words, /Owner: Wellbeing Overview and Scrutiny Committee/);
    assert.match(
      words,
      /Item 4 of 4 in this issue\. Before: Wellbeing Overview and Scrutiny Committee, 20 September 2017, item 5/,
    );
    assert.match(words, /This is an extract/);
  });

  test("Cabinet item 36: lead officer, forward-plan reference, recommendation answered, decision record", async () => {
    const html = await page(ITEM_36);
    const words = text(html);
    assert.match(words, /Lead officer Tracey Lee, Chief Executive/);
    assert.match(words, /Forward plan reference FP-2017-036: Children's services partnership with Torbay/);
    assert.ok(hrefs(html).includes("/forward-plan#entry-fp-2017-036"));
    assert.match(
      words,
      /Recommended to City Council, Plymouth City Council, for its meeting on 25 September 2017\./,
    );
    assert.match(words, /Answered by City Council, 25 September 2017, item 27, resolution 1\./);
    assert.match(words, /Examine and debate the proposal .* Done/);
    assert.match(words, /Decision records Establishing a Strategic Partnership/);
    assert.match(words, /In principle/);
  });

  test("the issue page: the timeline picture with its text equivalent, every entry in date order", async () => {
    const html = await page(ISSUE_PAGE);
    const svg = between(html, "<svg", "</svg>");
    assert.match(svg, /role="img" aria-labelledby="issue-timeline-title issue-timeline-desc"/);
    assert.match(
      svg,
      /<title id="issue-timeline-title">Timeline of Torbay Children&#39;s Services Partnership Arrangement with PCC<\/title>/,
    );
    assert.match(
      svg,
      /<desc id="issue-timeline-desc">14 entries from 5 April 2017 to 1 April 2018, across 5 bodies of 3 authorities\./,
    );
    for (const lane of [
      "Cabinet",
      "City Council",
      "Schools Forum",
      "Council",
      "Department for Education",
      "Other events",
    ]) {
      assert.ok(svg.includes(`>${lane}</tspan>`), `a lane for ${lane}`);
    }
    assert.equal(
      [...svg.matchAll(/marker-end=/g)].length,
      2,
      "the legend's arrow and the Cabinet-to-Council chain",
    );
    const entries = [...html.matchAll(/<li class="app-history__entry" id="entry-(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    assert.deepEqual(
      entries,
      Array.from({ length: 14 }, (_, i) => i + 1),
      "the list has an entry for every mark",
    );
    const marks = [...svg.matchAll(/font-weight="bold" text-anchor="middle"[^>]*>(\d+)<\/text>/g)].map((m) =>
      Number(m[1]),
    );
    assert.deepEqual(
      marks.sort((a, b) => a - b),
      entries,
      "the picture has a mark for every entry",
    );
    const words = text(html);
    assert.match(
      words,
      /6\. 29 August 2017: Cabinet, Plymouth City Council Meeting item Item 36: Establishing a Strategic Partnership/,
    );
    assert.match(words, /The commercial terms were considered in private\./);
    assert.doesNotMatch(svg, /\sstyle=|<script|<foreignObject/);
    assert.ok(hrefs(html).includes(`${ISSUE_PAGE}/feed.atom`));
  });

  test("decisions: the list filters by a GET form, and each decision has its page", async () => {
    const all = text(await page("/decisions"));
    assert.match(all, /2 decisions/);
    const key = text(await page("/decisions?key=yes"));
    assert.match(key, /1 decision Decision Taken by Key decision Call-in Officer decision on school places/);
    const dated = text(await page("/decisions?from-day=1&from-month=9&from-year=2017&callIn=not-called-in"));
    assert.match(dated, /1 decision .* Not called in/);
    const none = text(await page("/decisions?authority=torbay-council"));
    assert.match(none, /No decisions found/);
    const html = await page("/decisions?body=cabinet");
    const link = hrefs(html).find((href) => /^\/decisions\/\d+$/.test(href));
    assert.ok(link, "the list links the decision's page");
    const decision = text(await page(link));
    assert.match(
      decision,
      /Decision maker Cabinet Decided on 29 August 2017 Key decision No Call-in Not recorded/,
    );
    assert.match(decision, /Reasons for the decision Torbay Council are required to act/);
    assert.match(decision, /Options considered and rejected Not to proceed/);
    assert.match(decision, /What was resolved 1\. In principle Agrees ‘in principle’/);
  });

  test("a filter that is not a real date is refused with a GOV.UK error summary", async () => {
    const response = await app.inject("/decisions?from-day=31&from-month=2&from-year=2017");
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Error: Decisions – /);
    assert.match(response.body, /govuk-error-summary/);
    assert.match(response.body, /href="#from-day">Decided from must be a real date/);
    assert.match(text(response.body), /2 decisions/, "the other filters still apply");
  });

  test("the action tracker works out overdue against the clock it is given", async () => {
    const now = text(await page("/actions"));
    assert.match(now, /All actions \(9\) Open \(8\) Overdue \(0\) Done \(1\)/);
    const later = await createApp({
      db: connection.db,
      engine: "sqlite",
      config,
      now: at("2018-02-01T12:00:00Z"),
    });
    try {
      const overdue = text(await page("/actions?status=overdue", later));
      assert.match(overdue, /Overdue \(1\)/);
      assert.match(
        overdue,
        /Receive a further report following the due diligence exercise Overdue .* 29 January 2018/,
      );
    } finally {
      await later.close();
    }
    const done = text(await page("/actions?status=done"));
    assert.match(done, /Done: 1 action Action/);
    assert.equal((await app.inject("/actions?status=everything")).statusCode, 400);
  });

  test("the forward plan lists announced key decisions, each with its own address", async () => {
    const html = await page("/forward-plan");
    assert.match(html, /id="entry-fp-2017-036"/);
    assert.match(text(html), /Decision maker Cabinet Expected 29 August 2017 First published 28 July 2017/);
  });

  test("people: councillors by ward, party and body, and filters", async () => {
    const all = text(await page("/people"));
    assert.match(
      all,
      /Councillor Mrs Aspinall Plymouth City Council Budshead Labour Wellbeing Overview and Scrutiny Committee \(Chair\)/,
    );
    const labour = text(await page("/people?party=Labour"));
    assert.match(labour, /1 councillor/);
    assert.match(text(await page("/people?body=cabinet")), /1 councillor .*Ian Bowyer/);
    assert.match(text(await page("/people?ward=Nowhere")), /No councillors found/);
  });

  test("a person's page: memberships, the attendance chart with its figures in text, declarations", async () => {
    const tuffin = await personIdOf(connection.db, "Tuffin");
    const html = await page(`${AUTHORITY}/people/${tuffin}-tuffin`);
    const svg = between(html, "<svg", "</svg>");
    assert.match(svg, /role="img"/);
    assert.match(
      svg,
      /<desc id="attendance-chart-desc">Wellbeing Overview and Scrutiny Committee: attended 1, apologies 0, absent 0, of 1 meeting\.<\/desc>/,
    );
    const words = text(html);
    assert.match(
      words,
      /Attendance by body Body Attended Apologies Absent In attendance Wellbeing Overview and Scrutiny Committee 1 0 0 0/,
    );
    assert.match(words, /Employed by University Hospitals Plymouth/);
    const bowyer = await personIdOf(connection.db, "Ian Bowyer");
    assert.match(
      text(await page(`${AUTHORITY}/people/${bowyer}-ian-bowyer`)),
      /Items led .*Recommendations from Cabinet .*Lead member/,
    );
  });

  test("a person's address with an old or wrong name redirects to the right one", async () => {
    const tuffin = await personIdOf(connection.db, "Tuffin");
    const response = await app.inject(`${AUTHORITY}/people/${tuffin}-someone-else`);
    assert.equal(response.statusCode, 301);
    assert.equal(response.headers.location, `${AUTHORITY}/people/${tuffin}-tuffin`);
  });

  test("a document page shows its text as structure, its provenance and its download", async () => {
    const html = await page(`${AUTHORITY}/documents/${REPORT}`);
    const words = text(html);
    assert.match(html, /<h3 class="govuk-heading-m">PLYMOUTH CITY COUNCIL<\/h3>/);
    assert.match(
      words,
      /Source file plymouth-wellbeing-scrutiny-2017-09-20-agenda-pack\.txt Where in the file Characters 10,231 to 35,465/,
    );
    assert.match(
      words,
      /Imported from Wellbeing Overview and Scrutiny Committee, Wednesday 20 September 2017: agenda pack/,
    );
    assert.match(words, /Published with Cabinet, 29 August 2017, item 36/);
    assert.ok(hrefs(html).includes(`${AUTHORITY}/documents/${REPORT}/download`));
    const table = text(await page(`${AUTHORITY}/documents/plymouth-wellbeing-osc-2017-18-work-programme`));
    assert.match(table, /Date of meeting Agenda item Prioritisation Score/);
    const download = await app.inject(`${AUTHORITY}/documents/${REPORT}/download`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers["content-type"], "application/pdf");
    assert.match(String(download.headers["content-security-policy"]), /sandbox/);
    assert.deepEqual(new Uint8Array(download.rawPayload), REPORT_BYTES);
    const prospectus = await page(
      `${AUTHORITY}/documents/plymouth-cabinet-2017-08-29-torbay-partnership-appendix-1-prospectus`,
    );
    assert.equal(
      hrefs(prospectus).some((href) => href.endsWith("/download")),
      false,
      "no file, no download link",
    );
  });

  const hidden: [what: string, url: string][] = [
    ["a Part II item", `${AUTHORITY}/meetings/${CABINET_MEETING}/items/37`],
    ["an unpublished meeting's item", `${AUTHORITY}/meetings/2017-10-30-cabinet/items/40`],
    ["a Part II document", `${AUTHORITY}/documents/${EXEMPT_DOCUMENT}`],
    ["a Part II document's download", `${AUTHORITY}/documents/${EXEMPT_DOCUMENT}/download`],
    ["an unpublished document", `${AUTHORITY}/documents/${UNPUBLISHED_DOCUMENT}`],
    [
      "a file the store does not hold",
      `${AUTHORITY}/documents/plymouth-cabinet-2017-08-29-torbay-partnership-appendix-1-prospectus/download`,
    ],
    ["an unknown authority", "/authorities/nowhere"],
    ["an unknown body", `${AUTHORITY}/bodies/no-such-body`],
    ["a body under another authority", "/authorities/torbay-council/bodies/cabinet"],
    ["an unknown issue", "/issues/no-such-issue"],
    ["an unknown decision", "/decisions/999999"],
    ["a malformed decision id", "/decisions/first"],
    ["a malformed item number", `${AUTHORITY}/meetings/${CABINET_MEETING}/items/..%2F36`],
    ["a malformed person", `${AUTHORITY}/people/tuffin`],
    ["an unknown person", `${AUTHORITY}/people/999999-nobody`],
  ];
  for (const [what, url] of hidden) {
    test(`${what} is not found`, async () => {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 404);
      assert.match(response.body, /Page not found/);
      for (const canary of CANARIES) assert.equal(response.body.includes(canary), false);
    });
  }

  test("people named only in exempt or unpublished business have no page", async () => {
    for (const name of HIDDEN_PEOPLE) {
      const id = await personIdOf(connection.db, name);
      const response = await app.inject(`${AUTHORITY}/people/${id}-x`);
      assert.equal(response.statusCode, 404, `${name} has no page`);
    }
  });

  test("without a file store, documents are shown without a download", async () => {
    const bare = await createApp({ db: connection.db, engine: "sqlite", config });
    try {
      const html = await page(`${AUTHORITY}/documents/${REPORT}`, bare);
      assert.equal(
        hrefs(html).some((href) => href.endsWith("/download")),
        false,
      );
      assert.equal((await bare.inject(`${AUTHORITY}/documents/${REPORT}/download`)).statusCode, 404);
    } finally {
      await bare.close();
    }
  });
});
