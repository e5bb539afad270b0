import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import { XMLParser } from "fast-xml-parser";
import ical, { type VEvent } from "node-ical";
import { loadConfig } from "../../src/config.js";
import type { Connection } from "../../src/db/connect.js";
import type { Bundle } from "../../src/domain/bundle.js";
import { loadBundle } from "../../src/records/bundle-load.js";
import { createApp } from "../../src/web/app.js";
import { PART_II_CANARY, TEST_ACTOR, demoBundle } from "../support/demo.js";
import { ENGINES, engineSkip } from "../support/engines.js";

// Calendars, feeds and the sitemap on both engines, read back by parsers that share no code with
// what wrote them (node-ical; fast-xml-parser), and checked against the demo data: titles, dates
// and times in London, UIDs, links; nothing exempt or unpublished.

const NOW = new Date("2017-09-21T09:00:00Z");
const HOST = "witan.example";
const ORIGIN = `http://${HOST}`;
const PLYMOUTH = "/authorities/plymouth-city-council";
const SCRUTINY_20_SEPT = `${PLYMOUTH}/meetings/2017-09-20-wellbeing-overview-and-scrutiny-committee`;
const SCRUTINY_9_AUG = `${PLYMOUTH}/meetings/2017-08-09-wellbeing-overview-and-scrutiny-committee`;
const CABINET = `${PLYMOUTH}/meetings/2017-08-29-cabinet`;
const CANCELLED = `${PLYMOUTH}/meetings/2017-09-28-cabinet`;
const CITY_COUNCIL = `${PLYMOUTH}/meetings/2017-09-25-city-council`;
const TORBAY_COUNCIL = "/authorities/torbay-council/meetings/2017-09-27-council";
const UNPUBLISHED_CANARY = "WITAN-CANARY-UNPUBLISHED-FEEDS";
const ISSUE = "/issues/torbay-childrens-services-partnership-arrangement-with-pcc";

/** A cancelled Cabinet meeting (published, so listed, and marked cancelled) and an unpublished one. */
const EXTRAS: Bundle = {
  format: "witan-bundle/1",
  authorities: [{ name: "Plymouth City Council" }],
  bodies: [{ name: "Cabinet", authority: "Plymouth City Council", kind: "executive" }],
  people: [],
  memberships: [],
  meetings: [
    {
      authority: "Plymouth City Council",
      body: "Cabinet",
      date: "2017-09-28",
      start: "14:00",
      end: "16:30",
      venue: "Council House, Plymouth",
      status: "cancelled",
      published: true,
      attendance: [],
      items: [],
    },
    {
      authority: "Plymouth City Council",
      body: "Cabinet",
      date: "2017-10-31",
      start: "14:00",
      attendance: [],
      items: [
        {
          number: "50",
          title: `Budget ${UNPUBLISHED_CANARY}`,
          kind: "report",
          part: "I",
          resolutions: [{ number: "1", text: `Agreed ${UNPUBLISHED_CANARY}`, children: [] }],
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

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["entry", "item", "url", "link"].includes(name),
});

/** node-ical gives a property with parameters as { params, val }. */
function value(property: unknown): string {
  if (typeof property === "string") return property;
  if (
    typeof property === "object" &&
    property !== null &&
    "val" in property &&
    typeof property.val === "string"
  ) {
    return property.val;
  }
  return "";
}

function events(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).flatMap((c) => (c?.type === "VEVENT" ? [c] : []));
}

type Entry = { id: string; title: string; link: string; updated: string; summary: string };

function decode(html: string): string {
  return html.replace(
    /&(lt|gt|quot|#39|amp);/g,
    (_m, e: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" })[e] ?? "",
  );
}

function atomEntries(text: string): { feed: Record<string, unknown>; entries: Entry[] } {
  const parsed: unknown = xml.parse(text);
  assert.ok(typeof parsed === "object" && parsed !== null && "feed" in parsed);
  const feed = parsed.feed;
  assert.ok(typeof feed === "object" && feed !== null);
  const raw: unknown[] = "entry" in feed && Array.isArray(feed.entry) ? feed.entry : [];
  const entries = raw.map((entry) => {
    assert.ok(typeof entry === "object" && entry !== null);
    const record = new Map(Object.entries(entry));
    const links: unknown = record.get("link");
    const first: unknown = Array.isArray(links) ? links[0] : undefined;
    const href =
      typeof first === "object" && first !== null && "@href" in first ? String(first["@href"]) : "";
    const text = (name: string) => {
      const v: unknown = record.get(name);
      if (typeof v === "string") return v;
      if (typeof v === "object" && v !== null && "#text" in v) return String(v["#text"]);
      return "";
    };
    return {
      id: text("id"),
      title: decode(text("title")),
      link: href,
      updated: text("updated"),
      summary: decode(text("summary")),
    };
  });
  return { feed: Object.fromEntries(Object.entries(feed)), entries };
}

// Every engine's availability is settled before any suite starts: a suite's synchronous SQLite
// work would otherwise hold the event loop while PostgreSQL's connection check waits to time out.
const skips = await Promise.all(ENGINES.map((engine) => engineSkip(engine)));

for (const [index, engine] of ENGINES.entries()) {
  describe(`calendars, feeds and the sitemap (${engine.name})`, { skip: skips[index] ?? false }, () => {
    let connection: Connection | undefined;
    let app: FastifyInstance | undefined;
    let aspinall = 0;

    before(async () => {
      connection = await engine.open();
      await loadBundle(connection.db, demoBundle(), TEST_ACTOR);
      await loadBundle(connection.db, EXTRAS, TEST_ACTOR);
      app = await createApp({
        db: connection.db,
        engine: engine.name,
        config: loadConfig({}),
        now: () => NOW,
      });
      const person = (name: string) =>
        connection?.db.selectFrom("people").select("id").where("name", "=", name).executeTakeFirstOrThrow();
      aspinall = (await person("Aspinall"))?.id ?? 0;
    });
    after(async () => {
      await app?.close();
      await connection?.close();
    });

    async function get(url: string, type: RegExp) {
      if (!app) throw new Error("the app is not running");
      const response = await app.inject({ url, headers: { host: HOST } });
      assert.equal(response.statusCode, 200, url);
      assert.match(String(response.headers["content-type"]), type, url);
      assert.equal(response.headers["set-cookie"], undefined, `${url} sets no cookie`);
      assert.equal(response.body.includes(PART_II_CANARY), false, url);
      assert.equal(response.body.includes(UNPUBLISHED_CANARY), false, url);
      assert.equal(/INVENTED TEST RECORD/.test(response.body), false, url);
      return response.body;
    }
    const ics = (url: string) => get(url, /^text\/calendar; charset=utf-8/);
    const atom = (url: string) => get(url, /^application\/atom\+xml; charset=utf-8/);

    async function status(url: string): Promise<number> {
      const response = await app?.inject({ url, headers: { host: HOST } });
      return response?.statusCode ?? 0;
    }

    test("/calendar.ics: every public meeting, in London time, with stable UIDs", async () => {
      const text = await ics("/calendar.ics");
      const all = events(text);
      const byUrl = new Map(all.map((e) => [value(e.url), e]));
      assert.deepEqual(
        [...byUrl.keys()].sort(),
        [SCRUTINY_9_AUG, CABINET, SCRUTINY_20_SEPT, CITY_COUNCIL, TORBAY_COUNCIL, CANCELLED]
          .map((u) => `${ORIGIN}${u}`)
          .sort(),
      );
      assert.equal(new Set(all.map((e) => e.uid)).size, all.length, "UIDs are unique");
      const scrutiny = byUrl.get(`${ORIGIN}${SCRUTINY_20_SEPT}`);
      assert.ok(scrutiny);
      assert.equal(
        scrutiny.uid,
        "meeting/plymouth-city-council/2017-09-20-wellbeing-overview-and-scrutiny-committee@witan",
      );
      assert.equal(value(scrutiny.summary), "Wellbeing Overview and Scrutiny Committee");
      assert.equal(scrutiny.start.toISOString(), "2017-09-20T09:00:00.000Z", "10am BST");
      assert.equal(scrutiny.datetype, "date-time");
      assert.equal(value(scrutiny.location), "Warspite Room, Council House");
      assert.match(
        value(scrutiny.description),
        /5\. Establishing a Strategic Partnership with Torbay Council/,
      );
      assert.equal(scrutiny.status, "CONFIRMED");
      assert.equal(scrutiny.dtstamp?.toISOString(), NOW.toISOString());
      assert.match(text, /DTSTART;TZID=Europe\/London:20170920T100000/);
      assert.match(text, /BEGIN:VTIMEZONE\r\nTZID:Europe\/London/);

      const cancelled = byUrl.get(`${ORIGIN}${CANCELLED}`);
      assert.ok(cancelled);
      assert.equal(cancelled.status, "CANCELLED");
      assert.equal(cancelled.start.toISOString(), "2017-09-28T13:00:00.000Z");
      assert.equal(cancelled.end?.toISOString(), "2017-09-28T15:30:00.000Z");
      const cabinet = byUrl.get(`${ORIGIN}${CABINET}`);
      assert.equal(cabinet?.datetype, "date", "a meeting without a time is an all-day event");
      assert.doesNotMatch(value(cabinet?.description), /37\./, "no Part II item on the agenda");

      const again = events(await ics("/calendar.ics"));
      assert.deepEqual(
        again.map((e) => e.uid),
        all.map((e) => e.uid),
        "the same UIDs each time",
      );
    });

    test("a body's, a person's and one meeting's calendars", async () => {
      const cabinet = events(await ics(`${PLYMOUTH}/bodies/cabinet/calendar.ics`));
      assert.deepEqual(cabinet.map((e) => value(e.url)).sort(), [
        `${ORIGIN}${CABINET}`,
        `${ORIGIN}${CANCELLED}`,
      ]);
      const person = events(await ics(`${PLYMOUTH}/people/${aspinall}-aspinall/calendar.ics`));
      assert.deepEqual(
        person.map((e) => value(e.url)),
        [`${ORIGIN}${SCRUTINY_9_AUG}`, `${ORIGIN}${SCRUTINY_20_SEPT}`],
      );
      const all = events(await ics("/calendar.ics"));
      const uidOf = (url: string) => all.find((e) => value(e.url) === url)?.uid;
      assert.equal(
        person[1]?.uid,
        uidOf(`${ORIGIN}${SCRUTINY_20_SEPT}`),
        "one UID for one meeting everywhere",
      );
      const one = events(await ics(`${SCRUTINY_20_SEPT}/calendar.ics`));
      assert.equal(one.length, 1);
      assert.equal(one[0]?.uid, uidOf(`${ORIGIN}${SCRUTINY_20_SEPT}`));
      const response = await app?.inject(`${SCRUTINY_20_SEPT}/calendar.ics`);
      assert.match(
        String(response?.headers["content-disposition"]),
        /^attachment; filename="2017-09-20-wellbeing/,
      );
    });

    test("calendars of what does not exist or is not public are not found", async () => {
      for (const url of [
        `${PLYMOUTH}/bodies/no-such-body/calendar.ics`,
        `/authorities/torbay-council/bodies/cabinet/calendar.ics`,
        `/authorities/torbay-council/people/${aspinall}-aspinall/calendar.ics`,
        `${PLYMOUTH}/people/999999-nobody/calendar.ics`,
        `${PLYMOUTH}/people/not-a-person/calendar.ics`,
        `${PLYMOUTH}/meetings/2017-10-31-cabinet/calendar.ics`,
      ]) {
        assert.equal(await status(url), 404, url);
      }
    });

    test("the meetings feeds, Atom and RSS, latest first, and filtered by body or council", async () => {
      const { feed, entries } = atomEntries(await atom("/feeds/meetings.atom"));
      assert.match(String(feed.title), /^Meetings: Witan/);
      assert.deepEqual(
        entries.map((e) => e.link),
        [CANCELLED, TORBAY_COUNCIL, CITY_COUNCIL, SCRUTINY_20_SEPT, CABINET, SCRUTINY_9_AUG].map(
          (u) => `${ORIGIN}${u}`,
        ),
      );
      assert.deepEqual(
        entries.map((e) => e.id),
        entries.map((e) => e.link),
      );
      const scrutiny = entries[3];
      assert.equal(scrutiny?.title, "Wellbeing Overview and Scrutiny Committee, Wednesday 20 September 2017");
      assert.equal(scrutiny?.updated, "2017-09-20T09:00:00.000Z");
      assert.match(scrutiny?.summary ?? "", /Warspite Room, Council House/);
      assert.equal(entries[0]?.title, "Cancelled: Cabinet, Thursday 28 September 2017");
      assert.equal(feed.updated, "2017-09-28T13:00:00.000Z", "the feed is as new as its newest entry");

      const rss: unknown = xml.parse(
        await get("/feeds/meetings.rss", /^application\/rss\+xml; charset=utf-8/),
      );
      assert.ok(typeof rss === "object" && rss !== null && "rss" in rss);
      const channel = new Map(Object.entries(Object(Object(rss.rss).channel)));
      const items: unknown = channel.get("item");
      assert.ok(Array.isArray(items));
      assert.deepEqual(
        items.map((item: unknown) => String(Object(item).link)),
        entries.map((e) => e.link),
      );
      assert.equal(String(Object(items[3]).pubDate), "Wed, 20 Sep 2017 09:00:00 GMT");
      assert.equal(String(Object(Object(items[3]).guid)["#text"]), scrutiny?.id);

      const cabinet = atomEntries(
        await atom("/feeds/meetings.atom?authority=plymouth-city-council&body=cabinet"),
      );
      assert.deepEqual(
        cabinet.entries.map((e) => e.link),
        [CANCELLED, CABINET].map((u) => `${ORIGIN}${u}`),
      );
      const torbay = atomEntries(await atom("/feeds/meetings.atom?authority=torbay-council"));
      assert.deepEqual(
        torbay.entries.map((e) => e.link),
        [`${ORIGIN}${TORBAY_COUNCIL}`],
      );
      assert.equal(await status("/feeds/meetings.atom?authority=atlantis"), 404);
      assert.equal(await status("/feeds/meetings.rss?body=no-such-body"), 404);
    });

    test("the decisions feed: resolutions of public items, latest meeting first", async () => {
      const { entries } = atomEntries(await atom("/feeds/decisions.atom"));
      assert.ok(entries.length >= 5);
      const dates = entries.map((e) => e.updated);
      assert.deepEqual(dates, [...dates].sort().reverse());
      const item36 = entries.find((e) => e.link === `${ORIGIN}${CABINET}/items/36`);
      assert.ok(item36);
      assert.match(
        item36.title,
        /^Cabinet, Tuesday 29 August 2017: 36\. Establishing a Strategic Partnership/,
      );
      assert.match(item36.summary, /Agrees ‘in principle’ to progress the development of a partnership/);
      assert.ok(!entries.some((e) => e.link.endsWith("/items/37")), "no Part II item");
      assert.ok(!entries.some((e) => e.link.includes("2017-10-31")), "no unpublished meeting");
      assert.equal(new Set(entries.map((e) => e.id)).size, entries.length);
    });

    test("an issue's feed: its items, documents and events, newest first", async () => {
      const { feed, entries } = atomEntries(await atom(`${ISSUE}/feed.atom`));
      assert.match(String(feed.title), /^Torbay Children's Services Partnership Arrangement with PCC/);
      const links = entries.map((e) => e.link);
      for (const item of [`${CABINET}/items/36`, `${SCRUTINY_20_SEPT}/items/5`, `${CITY_COUNCIL}/items/27`]) {
        assert.ok(links.includes(`${ORIGIN}${item}`), item);
      }
      assert.ok(
        links.includes(
          `${ORIGIN}${PLYMOUTH}/documents/plymouth-cabinet-2017-08-29-torbay-partnership-appendix-2-ministerial-letter`,
        ),
      );
      const event = entries.find((e) =>
        e.summary.startsWith("The Commissioner for Children's Services, John Coughlan"),
      );
      assert.ok(event, "the first event is there");
      assert.equal(event.updated, "2017-04-04T23:00:00.000Z", "5 April 2017, midnight in London");
      const dates = entries.map((e) => e.updated);
      assert.deepEqual(dates, [...dates].sort().reverse());
      assert.equal(new Set(entries.map((e) => e.id)).size, entries.length, "ids are unique");
      assert.equal(await status("/issues/no-such-issue/feed.atom"), 404);
    });

    test("the sitemap lists every public page and nothing else", async () => {
      const parsed: unknown = xml.parse(await get("/sitemap.xml", /^application\/xml; charset=utf-8/));
      assert.ok(typeof parsed === "object" && parsed !== null && "urlset" in parsed);
      const urls: unknown = Object(parsed.urlset).url;
      assert.ok(Array.isArray(urls));
      const locs = urls.map((u: unknown) => String(Object(u).loc));
      assert.equal(new Set(locs).size, locs.length, "no URL twice");
      for (const loc of locs) assert.ok(loc.startsWith(`${ORIGIN}/`), loc);
      const paths = new Set(locs.map((loc) => loc.slice(ORIGIN.length)));
      for (const path of [
        "/",
        "/accessibility",
        "/privacy",
        "/calendar",
        PLYMOUTH,
        `${PLYMOUTH}/bodies/cabinet`,
        CABINET,
        CANCELLED,
        `${CABINET}/items/36`,
        `${SCRUTINY_20_SEPT}/items/5`,
        `${PLYMOUTH}/people/${aspinall}-aspinall`,
        ISSUE,
        `${PLYMOUTH}/documents/plymouth-cabinet-2017-08-29-torbay-partnership-report`,
      ]) {
        assert.ok(paths.has(path), path);
      }
      assert.ok(!paths.has(`${CABINET}/items/37`), "no Part II item");
      assert.ok(![...paths].some((p) => p.includes("invented-part-ii")), "no Part II document");
      assert.ok(![...paths].some((p) => p.includes("2017-10-31")), "no unpublished meeting");
      const robots = await get("/robots.txt", /^text\/plain/);
      assert.match(robots, new RegExp(`Sitemap: ${ORIGIN}/sitemap.xml`));
    });
  });
}
