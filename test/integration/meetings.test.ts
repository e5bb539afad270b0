import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection, Db } from "../../src/db/connect.js";
import type { Part } from "../../src/domain/bundle.js";
import { loadBundle } from "../../src/records/bundle-load.js";
import {
  findPublicMeeting,
  listPublicMeetings,
  type PublicItem,
  type PublicMeeting,
} from "../../src/records/meetings.js";
import { PART_II_CANARY, TEST_ACTOR, demoBundle } from "../support/demo.js";
import { ENGINES, engineSkip } from "../support/engines.js";

// The public meeting queries on both engines, against the demo bundle plus a few records that
// must never be shown: an unpublished meeting, and exempt or unpublished material attached to
// public meetings. Each carries a canary string that no public result may contain.

const UNPUBLISHED_CANARY = "WITAN-CANARY-UNPUBLISHED-51B7";
const ACTOR = TEST_ACTOR;
const PLYMOUTH = "plymouth-city-council";

const demo = demoBundle();

/** A Cabinet meeting whose agenda is not yet published. */
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
      start: "14:00",
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

async function itemId(db: Db, meetingSlug: string, number: string): Promise<number> {
  const row = await db
    .selectFrom("agenda_items as i")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .select("i.id")
    .where("m.slug", "=", meetingSlug)
    .where("i.number", "=", number)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function personId(db: Db, name: string): Promise<number> {
  const row = await db.selectFrom("people").select("id").where("name", "=", name).executeTakeFirstOrThrow();
  return row.id;
}

async function authorityId(db: Db, slug: string): Promise<number> {
  const row = await db
    .selectFrom("authorities")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Declarations on a public and on an exempt item, and an exempt and an unpublished paper
 * attached to a public item. */
async function addFixtures(db: Db): Promise<void> {
  const authority = await authorityId(db, PLYMOUTH);
  const tuffin = await personId(db, "Tuffin");
  const acuteServices = await itemId(db, "2017-08-09-wellbeing-overview-and-scrutiny-committee", "23");
  const exemptItem = await itemId(db, "2017-08-29-cabinet", "37");
  const declarations: [item: number, nature: string][] = [
    [acuteServices, "Employed by University Hospitals Plymouth"],
    [exemptItem, `Director of a bidder ${PART_II_CANARY}`],
  ];
  for (const [item, nature] of declarations) {
    await db
      .insertInto("declarations")
      .values({
        authority_id: authority,
        item_id: item,
        person_id: tuffin,
        kind: "other-registrable",
        nature,
      })
      .execute();
  }
  const partnership = await itemId(db, "2017-09-20-wellbeing-overview-and-scrutiny-committee", "5");
  const papers: [key: string, part: Part, isPublished: boolean][] = [
    ["fixture-exempt-appendix", "II", true],
    ["fixture-unpublished-appendix", "I", false],
  ];
  for (const [key, part, isPublished] of papers) {
    const document = await db
      .insertInto("documents")
      .values({
        authority_id: authority,
        key,
        title: `Appendix ${PART_II_CANARY}`,
        kind: "appendix",
        part,
        is_published: isPublished,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("item_documents")
      .values({ item_id: partnership, document_id: document.id, position: 99 })
      .execute();
  }
}

function publicItem(meeting: PublicMeeting, number: string): PublicItem {
  const item = meeting.items.find((candidate) => candidate.number === number);
  assert.ok(item, `item ${number} is on the agenda`);
  assert.equal(item.part, "I", `item ${number} is Part I`);
  return item;
}

for (const engine of ENGINES) {
  describe(`public meeting records on ${engine.name}`, { skip: await engineSkip(engine) }, () => {
    let connection: Connection;
    let db: Db;

    before(async () => {
      connection = await engine.open();
      db = connection.db;
      await loadBundle(db, demo, ACTOR);
      await loadBundle(db, unpublished, ACTOR);
      await addFixtures(db);
    });

    after(async () => {
      await connection.close();
    });

    async function find(meetingSlug: string, authoritySlug = PLYMOUTH): Promise<PublicMeeting> {
      const meeting = await findPublicMeeting(db, authoritySlug, meetingSlug);
      assert.ok(meeting, `${authoritySlug}/${meetingSlug} is public`);
      return meeting;
    }

    test("lists every published meeting, latest first, and no unpublished one", async () => {
      const meetings = await listPublicMeetings(db, { order: "latest-first", limit: 20 });
      assert.deepEqual(
        meetings.map((m) => `${m.date} ${m.authority.name}: ${m.body.name}`),
        [
          "2017-09-27 Torbay Council: Council",
          "2017-09-25 Plymouth City Council: City Council",
          "2017-09-20 Plymouth City Council: Wellbeing Overview and Scrutiny Committee",
          "2017-08-29 Plymouth City Council: Cabinet",
          "2017-08-09 Plymouth City Council: Wellbeing Overview and Scrutiny Committee",
        ],
      );
    });

    test("lists by date window, in either order, up to the limit", async () => {
      const upcoming = await listPublicMeetings(db, {
        from: "2017-09-21",
        order: "earliest-first",
        limit: 20,
      });
      assert.deepEqual(
        upcoming.map((m) => m.date),
        ["2017-09-25", "2017-09-27"],
      );
      const recent = await listPublicMeetings(db, { before: "2017-09-21", order: "latest-first", limit: 2 });
      assert.deepEqual(
        recent.map((m) => m.date),
        ["2017-09-20", "2017-08-29"],
      );
      const [scrutiny] = recent;
      assert.deepEqual(scrutiny, {
        slug: "2017-09-20-wellbeing-overview-and-scrutiny-committee",
        date: "2017-09-20",
        startTime: "10:00",
        endTime: null,
        status: "held",
        authority: { name: "Plymouth City Council", slug: PLYMOUTH },
        body: {
          name: "Wellbeing Overview and Scrutiny Committee",
          slug: "wellbeing-overview-and-scrutiny-committee",
        },
      });
    });

    test("the 20 September 2017 scrutiny meeting has its agenda, pages and papers", async () => {
      const meeting = await find("2017-09-20-wellbeing-overview-and-scrutiny-committee");
      assert.equal(meeting.venue, "Warspite Room, Council House");
      assert.equal(meeting.contact, "Amelia Boulter");
      assert.equal(meeting.agendaPublishedOn, "2017-09-12");
      assert.deepEqual(
        meeting.items.map((item) => item.number),
        ["1", "2", "3", "4", "5", "6"],
      );
      const partnership = publicItem(meeting, "5");
      assert.equal(
        partnership.title,
        "Establishing a Strategic Partnership with Torbay Council to deliver children's services",
      );
      assert.deepEqual(partnership.pages, { from: 7, to: 28 });
      assert.deepEqual(
        partnership.documents.map((d) => d.kind),
        ["report", "appendix", "letter", "assessment"],
      );
      assert.deepEqual(partnership.documents[0], {
        key: "plymouth-cabinet-2017-08-29-torbay-partnership-report",
        title: "Establishing a strategic partnership with Torbay Council to deliver Children's Services",
        kind: "report",
        mediaType: "application/pdf",
        sizeBytes: 668672,
      });
      assert.equal(publicItem(meeting, "1").pages, null);
    });

    test("exempt and unpublished papers attached to a public item are left out", async () => {
      const meeting = await find("2017-09-20-wellbeing-overview-and-scrutiny-committee");
      const keys = publicItem(meeting, "5").documents.map((d) => d.key);
      assert.equal(keys.includes("fixture-exempt-appendix"), false);
      assert.equal(keys.includes("fixture-unpublished-appendix"), false);
      assert.equal(JSON.stringify(meeting).includes(PART_II_CANARY), false);
    });

    test("the 9 August 2017 meeting's attendance, draft minutes and recorded votes", async () => {
      const meeting = await find("2017-08-09-wellbeing-overview-and-scrutiny-committee");
      assert.equal(meeting.minutesStatus, "draft");
      assert.equal(meeting.endTime, "17:10");
      const byName = new Map(meeting.attendance.map((a) => [a.person.name, a]));
      assert.deepEqual(byName.get("Aspinall"), {
        person: { name: "Aspinall", honorific: "Mrs", kind: "councillor" },
        status: "present",
        role: "chair",
        substituteFor: null,
      });
      assert.equal(byName.get("Cook")?.status, "apologies");
      assert.equal(byName.get("Ross Jago")?.status, "in-attendance");
      assert.equal(byName.get("Ross Jago")?.role, "lead-officer");
      assert.equal(meeting.attendance.length, 17);

      const sarc = publicItem(meeting, "25");
      assert.deepEqual(
        sarc.resolutions.map((r) => [r.number, r.votes.isUnanimous]),
        [
          ["I", false],
          ["2", true],
          ["3", true],
        ],
      );
      assert.match(sarc.minutes ?? "", /^Jan Fowler/);
    });

    test("declarations on public items are shown, those on exempt items are not", async () => {
      const meeting = await find("2017-08-09-wellbeing-overview-and-scrutiny-committee");
      assert.deepEqual(publicItem(meeting, "23").declarations, [
        {
          person: { name: "Tuffin", honorific: null, kind: "councillor" },
          kind: "other-registrable",
          nature: "Employed by University Hospitals Plymouth",
        },
      ]);
      const cabinet = await find("2017-08-29-cabinet");
      assert.equal(JSON.stringify(cabinet).includes("Director of a bidder"), false);
    });

    test("City Council item 27: resolutions nest with their printed numbers", async () => {
      const meeting = await find("2017-09-25-city-council");
      const recommendations = publicItem(meeting, "27");
      assert.deepEqual(
        recommendations.resolutions.map((r) => r.number),
        ["1", "2", "3", "4", "5", "6", "7"],
      );
      const [first] = recommendations.resolutions;
      assert.ok(first);
      assert.deepEqual(
        first.children.map((child) => child.number),
        ["(i)", "(ii)"],
      );
      assert.match(first.children[0]?.text ?? "", /^Should Torbay Council decide/);
      assert.deepEqual(first.children[0]?.children, []);
      assert.deepEqual(first.proposer, { name: "Ian Bowyer", honorific: null, kind: "councillor" });
      assert.equal(first.seconder?.name, "Evans");
      assert.equal(first.isInPrinciple, true);
      assert.equal(recommendations.isMinutesTruncated, true);
    });

    test("Cabinet item 37 (Part II) is only its number: no title, minutes, papers or canary", async () => {
      const meeting = await find("2017-08-29-cabinet");
      assert.deepEqual(
        meeting.items.map((item) => [item.number, item.part]),
        [
          ["36", "I"],
          ["37", "II"],
        ],
      );
      assert.deepEqual(meeting.items[1], { part: "II", number: "37" });
      const keys = meeting.items.flatMap((item) =>
        item.part === "I" ? item.documents.map((d) => d.key) : [],
      );
      assert.equal(keys.includes("invented-part-ii-commercial-terms"), false);
      assert.equal(keys.length, 4);
    });

    test("no public result anywhere contains a canary", async () => {
      const listed = await listPublicMeetings(db, { order: "earliest-first", limit: 100 });
      const found = await Promise.all(listed.map((m) => findPublicMeeting(db, m.authority.slug, m.slug)));
      assert.equal(found.length, 5);
      const everything = JSON.stringify([listed, found]);
      assert.ok(everything.includes("Establishing a Strategic Partnership"), "the check reads real content");
      assert.equal(everything.includes(PART_II_CANARY), false);
      assert.equal(everything.includes(UNPUBLISHED_CANARY), false);
      assert.equal(everything.includes("INVENTED TEST RECORD"), false);
    });

    test("an unpublished meeting cannot be found, even by its exact slug", async () => {
      const row = await db
        .selectFrom("meetings")
        .select(["slug", "is_agenda_published"])
        .where("date", "=", "2017-10-30")
        .executeTakeFirstOrThrow();
      assert.equal(row.is_agenda_published, false);
      assert.equal(await findPublicMeeting(db, PLYMOUTH, row.slug), undefined);
      const listed = await listPublicMeetings(db, { from: "2017-10-01", order: "earliest-first", limit: 20 });
      assert.deepEqual(listed, []);
    });

    test("unknown slugs, and a meeting asked for under another authority, are not found", async () => {
      assert.equal(await findPublicMeeting(db, PLYMOUTH, "2017-09-20-no-such-committee"), undefined);
      assert.equal(await findPublicMeeting(db, "no-such-council", "2017-09-25-city-council"), undefined);
      assert.equal(await findPublicMeeting(db, "torbay-council", "2017-09-25-city-council"), undefined);
      assert.ok(await findPublicMeeting(db, "torbay-council", "2017-09-27-council"));
    });
  });
}
