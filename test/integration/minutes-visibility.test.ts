import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "../../src/db/connect.js";
import type { Bundle, BundleMeeting, MinutesStatus } from "../../src/domain/bundle.js";
import { exportBundle } from "../../src/records/bundle-export.js";
import { loadBundle } from "../../src/records/bundle-load.js";
import { listRecentMinutes } from "../../src/records/public/meeting-lists.js";
import { search } from "../../src/records/search.js";
import {
  actionsUrl,
  decisionUrl,
  issueUrl,
  itemUrl,
  meetingUrl,
  peopleUrl,
  personUrl,
} from "../../src/web/urls.js";
import { CLOCK, OWN, openBackOffice, type BackOffice } from "../support/back-office.js";
import { TEST_ACTOR, demoBundle } from "../support/demo.js";
import { ENGINES, engineSkip } from "../support/engines.js";

// Minutes typed in the back office are the officer's working copy until "Publish draft minutes":
// on a meeting whose agenda is published, its minutes, resolutions (with their conditions and
// actions), declarations and attendance reach no public page, search, feed, list or export until
// then; afterwards they do, labelled as draft.

const BODY = "Cabinet";
const DATE = "2026-02-16";
const ITEM_TITLE = "Coastal habitats strategy";
const ATTENDEE = "Fenwick Quillfeather";
/** One unmistakable word per kind of recorded text, each found by search once public. */
const WORDS = {
  minutes: "quillwort",
  resolution: "marramgrass",
  condition: "glasswort",
  action: "samphire",
  declaration: "saltmarsh",
};
const RECORDED = [...Object.values(WORDS), ATTENDEE];
const DRAFT_LABEL = "Draft minutes: not yet approved by the committee";
const TODAY = CLOCK.toISOString().slice(0, 10);

function meeting(minutesStatus: MinutesStatus | undefined, date = DATE): BundleMeeting {
  return {
    authority: OWN,
    body: BODY,
    date,
    start: "10:00",
    agendaPublished: "2026-02-06",
    ...(minutesStatus === undefined ? {} : { minutesStatus }),
    attendance: [{ person: ATTENDEE, status: "present" }],
    items: [
      {
        number: "1",
        title: ITEM_TITLE,
        kind: "report",
        part: "I",
        minutes: `Members discussed the ${WORDS.minutes} survey.`,
        resolutions: [
          {
            number: "1",
            text: `that the ${WORDS.resolution} strategy be adopted`,
            proposer: ATTENDEE,
            votes: { for: 6, against: 1 },
            conditions: [
              { group: "Before planting", text: `A ${WORDS.condition} survey is done`, status: "open" },
            ],
            actions: [{ text: `Publish the ${WORDS.action} plan`, due: "2026-04-01" }],
            children: [],
          },
        ],
        declarations: [
          {
            person: ATTENDEE,
            kind: "other-registrable",
            nature: `Trustee of the ${WORDS.declaration} trust`,
          },
        ],
        documents: [],
      },
    ],
  };
}

function bundle(meetings: BundleMeeting[], extra: Partial<Bundle> = {}): Bundle {
  return {
    format: "witan-bundle/1",
    authorities: [{ name: OWN }],
    bodies: [{ name: BODY, authority: OWN, kind: "executive" }],
    people: [{ name: ATTENDEE, kind: "councillor", authority: OWN }],
    memberships: [],
    meetings,
    documents: [],
    issues: [],
    workProgramme: [],
    ...extra,
  };
}

/** The meeting as the back office leaves it once minutes are typed: agenda published, minutes not. */
const typedButUnpublished = bundle([meeting("none")], {
  issues: [
    {
      title: "Coastal habitats",
      authority: OWN,
      items: [{ authority: OWN, body: BODY, date: DATE, number: "1" }],
    },
  ],
  decisions: [
    {
      authority: OWN,
      decisionMaker: BODY,
      date: DATE,
      title: "Coastal habitats strategy adopted",
      item: { body: BODY, date: DATE, number: "1" },
      published: "2026-02-18",
    },
  ],
});

function includesNone(text: string, where: string): void {
  for (const word of RECORDED) assert.equal(text.includes(word), false, `${where} has no "${word}"`);
}

function includesAll(text: string, where: string): void {
  for (const word of RECORDED) assert.ok(text.includes(word), `${where} has "${word}"`);
}

for (const engine of ENGINES) {
  describe(
    `typed minutes stay private until published as draft (${engine.name})`,
    { skip: await engineSkip(engine) },
    () => {
      let office: BackOffice;
      let ids = { meeting: 0, person: 0, decision: 0 };
      let slugs = { authority: "", meeting: "", issue: "" };

      before(async () => {
        office = await openBackOffice({ connection: await engine.open() });
        const db = office.connection.db;
        await loadBundle(db, typedButUnpublished, TEST_ACTOR);
        const row = await db
          .selectFrom("meetings as m")
          .innerJoin("authorities as a", "a.id", "m.authority_id")
          .innerJoin("bodies as b", "b.id", "m.body_id")
          .select(["m.id", "m.slug", "m.minutes_status", "a.slug as authority"])
          .where("a.name", "=", OWN)
          .where("b.name", "=", BODY)
          .where("m.date", "=", DATE)
          .executeTakeFirstOrThrow();
        assert.equal(row.minutes_status, "none");
        const person = await db
          .selectFrom("people")
          .select("id")
          .where("name", "=", ATTENDEE)
          .executeTakeFirstOrThrow();
        const decision = await db
          .selectFrom("decisions")
          .select("id")
          .where("decided_on", "=", DATE)
          .executeTakeFirstOrThrow();
        const issue = await db
          .selectFrom("issues")
          .select("slug")
          .where("title", "=", "Coastal habitats")
          .executeTakeFirstOrThrow();
        ids = { meeting: row.id, person: person.id, decision: decision.id };
        slugs = { authority: row.authority, meeting: row.slug, issue: issue.slug };
      });
      after(() => office.close());

      const page = async (url: string, status = 200) => {
        const response = await office.get(null, url);
        assert.equal(response.statusCode, status, url);
        return response.body;
      };
      const publicSearch = async (word: string) =>
        (await search(office.connection.db, word, { engine: office.connection.engine, publicOnly: true }))
          .total;
      const publicExport = async () =>
        JSON.stringify(await exportBundle(office.connection.db, { publicOnly: true }));
      const person = () => personUrl(slugs.authority, { id: ids.person, name: ATTENDEE });

      test("before publishing: the agenda is public, nothing recorded under it is", async () => {
        const meetingPage = await page(meetingUrl(slugs.authority, slugs.meeting));
        assert.ok(meetingPage.includes(ITEM_TITLE), "the agenda item is listed");
        includesNone(meetingPage, "the meeting page");
        assert.equal(meetingPage.includes(DRAFT_LABEL), false);

        const itemPage = await page(itemUrl(slugs.authority, slugs.meeting, "1"));
        assert.ok(itemPage.includes(ITEM_TITLE));
        includesNone(itemPage, "the item page");

        for (const word of Object.values(WORDS))
          assert.equal(await publicSearch(word), 0, `search for ${word}`);
        includesNone(await page("/feeds/decisions.atom"), "the decisions feed");
        includesNone(await page(actionsUrl()), "the actions list");
        includesNone(await page(issueUrl(slugs.issue)), "the issue page");
        includesNone(await page(`${issueUrl(slugs.issue)}/feed.atom`), "the issue feed");
        includesNone(await page(decisionUrl(ids.decision)), "the decision page");

        // Named only in the unpublished minutes, the attendee has no public page and no listing.
        await page(person(), 404);
        includesNone(await page(`${peopleUrl()}?authority=${slugs.authority}`), "the people list");
        includesNone(await page("/sitemap.xml"), "the sitemap");

        const minutes = await listRecentMinutes(office.connection.db, TODAY, 50);
        assert.equal(
          minutes.some((m) => m.slug === slugs.meeting),
          false,
          "the home page's recent minutes",
        );

        const exported = await publicExport();
        assert.ok(exported.includes(ITEM_TITLE), "the public export has the agenda item");
        includesNone(exported, "the public export");
        // The administrator's export is the whole record.
        includesAll(
          JSON.stringify(await exportBundle(office.connection.db, { publicOnly: false })),
          "the full export",
        );
      });

      test("publishing draft minutes makes them public, labelled as draft", async () => {
        const officer = await office.userFor("officer", OWN);
        const published = await office.post(officer, `/admin/meetings/${ids.meeting}/publish-minutes`, {});
        assert.equal(published.statusCode, 303);

        // The meeting page shows resolutions without their conditions and actions.
        const meetingPage = await page(meetingUrl(slugs.authority, slugs.meeting));
        for (const word of [WORDS.minutes, WORDS.resolution, WORDS.declaration, ATTENDEE])
          assert.ok(meetingPage.includes(word), `the meeting page has "${word}"`);
        assert.ok(meetingPage.includes(DRAFT_LABEL), "the meeting page labels the minutes draft");
        const itemPage = await page(itemUrl(slugs.authority, slugs.meeting, "1"));
        for (const word of [
          WORDS.minutes,
          WORDS.resolution,
          WORDS.condition,
          WORDS.action,
          WORDS.declaration,
        ])
          assert.ok(itemPage.includes(word), `the item page has "${word}"`);
        assert.ok(itemPage.includes(DRAFT_LABEL), "the item page labels the minutes draft");

        for (const word of [WORDS.minutes, WORDS.resolution])
          assert.equal(await publicSearch(word), 1, `search for ${word}`);
        assert.ok((await page("/feeds/decisions.atom")).includes(WORDS.resolution), "the decisions feed");
        assert.ok((await page(actionsUrl())).includes(WORDS.action), "the actions list");
        assert.ok((await page(issueUrl(slugs.issue))).includes(WORDS.resolution), "the issue page");
        assert.ok((await page(decisionUrl(ids.decision))).includes(WORDS.resolution), "the decision page");

        const personPage = await page(person());
        assert.ok(personPage.includes(WORDS.declaration), "the person page has the declaration");
        assert.ok((await page("/sitemap.xml")).includes(person()), "the sitemap lists the person");

        const minutes = await listRecentMinutes(office.connection.db, TODAY, 50);
        assert.equal(minutes.find((m) => m.slug === slugs.meeting)?.minutesStatus, "draft");

        const exported = await publicExport();
        includesAll(exported, "the public export");
        assert.ok(exported.includes('"minutesStatus":"draft"'));
      });
    },
  );

  describe(
    `loading a bundle: minutes without a status are draft (${engine.name})`,
    { skip: await engineSkip(engine) },
    () => {
      let connection: Connection | undefined;
      const db = () => {
        if (!connection) throw new Error("the database is not open");
        return connection.db;
      };
      const statusOn = async (date: string) =>
        (
          await db()
            .selectFrom("meetings")
            .select("minutes_status")
            .where("date", "=", date)
            .executeTakeFirstOrThrow()
        ).minutes_status;

      before(async () => {
        connection = await engine.open();
      });
      after(async () => {
        await connection?.close();
      });

      test("a meeting that carries minutes and states no status is stored as draft, and is public", async () => {
        await loadBundle(db(), bundle([meeting(undefined, "2026-01-05")]), TEST_ACTOR);
        assert.equal(await statusOn("2026-01-05"), "draft");
        // Loading it again changes nothing.
        const again = await loadBundle(db(), bundle([meeting(undefined, "2026-01-05")]), TEST_ACTOR);
        assert.equal(again.changes, 0);
      });

      test("a stated status is stored as stated", async () => {
        await loadBundle(
          db(),
          bundle([meeting("approved", "2026-01-12"), meeting("none", "2026-01-19")]),
          TEST_ACTOR,
        );
        assert.equal(await statusOn("2026-01-12"), "approved");
        assert.equal(await statusOn("2026-01-19"), "none");
      });

      test("an agenda alone keeps no minutes; its minutes loaded later make them draft", async () => {
        const agenda = { ...meeting(undefined, "2026-01-26"), attendance: [] };
        agenda.items = agenda.items.map((i) => ({
          ...i,
          minutes: undefined,
          resolutions: [],
          declarations: [],
        }));
        await loadBundle(db(), bundle([agenda]), TEST_ACTOR);
        assert.equal(await statusOn("2026-01-26"), "none");
        await loadBundle(db(), bundle([meeting(undefined, "2026-01-26")]), TEST_ACTOR);
        assert.equal(await statusOn("2026-01-26"), "draft");
      });

      test("minutes loaded again without a status never demote approved minutes", async () => {
        await loadBundle(db(), bundle([meeting(undefined, "2026-01-12")]), TEST_ACTOR);
        assert.equal(await statusOn("2026-01-12"), "approved");
      });

      test("the demo's imported minutes stay public", async () => {
        await loadBundle(db(), demoBundle(), TEST_ACTOR);
        // Stated draft; unstated with minutes; stated none with none to show.
        assert.equal(await statusOn("2017-08-09"), "draft");
        assert.equal(await statusOn("2017-08-29"), "draft");
        assert.equal(await statusOn("2017-09-25"), "draft");
        assert.equal(await statusOn("2017-09-20"), "none");
      });
    },
  );
}
