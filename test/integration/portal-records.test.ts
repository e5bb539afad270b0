import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Connection, Db } from "../../src/db/connect.js";
import { memoryFileStore } from "../../src/records/files.js";
import { sitemapRecords } from "../../src/records/sitemap.js";
import { findAuthority, listAuthorities, listAuthorityBodies } from "../../src/records/public/authorities.js";
import { findBody, listCurrentMembers, listWorkProgramme } from "../../src/records/public/bodies.js";
import { findDocument, findDocumentFile } from "../../src/records/public/documents.js";
import { findItemRecord } from "../../src/records/public/items.js";
import {
  listMeetings,
  listRecentAgendas,
  listRecentMinutes,
} from "../../src/records/public/meeting-lists.js";
import { councillorOptions, findPerson, listCouncillors } from "../../src/records/public/people.js";
import {
  listAttendanceFigures,
  listItemsLed,
  listPersonDeclarations,
  listPersonMemberships,
} from "../../src/records/public/person-record.js";
import { ENGINES, engineSkip } from "../support/engines.js";
import {
  CABINET_MEETING,
  CANARIES,
  COUNCIL_MEETING,
  EXEMPT_DOCUMENT,
  HIDDEN_PEOPLE,
  PLYMOUTH,
  PUBLIC_PLAN,
  REPORT,
  SCRUTINY_AUGUST,
  UNPUBLISHED_DOCUMENT,
  loadPortalFixtures,
  personIdOf,
} from "./portal-fixtures.js";

// The record pages' read queries on both engines: authorities, bodies, items, people and
// documents, against the demo and the hidden fixtures. Whatever a query returns is checked for
// the canaries, so a hidden record leaking through any field fails here.

const TODAY = "2017-09-21";

function assertNoCanary(value: unknown): void {
  const text = JSON.stringify(value);
  for (const canary of CANARIES) assert.equal(text.includes(canary), false, `no "${canary}"`);
}

for (const engine of ENGINES) {
  describe(`record pages' queries on ${engine.name}`, { skip: await engineSkip(engine) }, () => {
    let connection: Connection;
    let db: Db;

    before(async () => {
      connection = await engine.open();
      db = connection.db;
      await loadPortalFixtures(db, memoryFileStore());
    });
    after(async () => connection.close());

    test("authorities, with the count of their bodies, joint bodies under each of their authorities", async () => {
      const authorities = await listAuthorities(db);
      assert.deepEqual(
        authorities.map((a) => [a.name, a.bodies]),
        [
          ["Department for Education", 0],
          ["Plymouth City Council", 4],
          ["Torbay Council", 3],
        ],
      );
      const torbay = await findAuthority(db, "torbay-council");
      assert.ok(torbay);
      const bodies = await listAuthorityBodies(db, torbay.id);
      const joint = bodies.find((b) => b.isJoint);
      assert.equal(joint?.name, "Joint Board (Plymouth and Torbay Children's Services)");
      assert.equal(joint?.authority.slug, PLYMOUTH, "a joint body is found under its lead authority");
      assert.equal(await findAuthority(db, "nowhere"), undefined);
    });

    test("a body: its current members with roles, and its published meetings only", async () => {
      const body = await findBody(db, PLYMOUTH, "wellbeing-overview-and-scrutiny-committee");
      assert.ok(body);
      assert.equal(body.kind, "overview-and-scrutiny");
      const members = await listCurrentMembers(db, body.id, TODAY);
      assert.equal(members.length, 13);
      assert.deepEqual(
        members
          .filter((m) => m.role === "chair" || m.role === "vice-chair")
          .map((m) => [m.person.name, m.role]),
        [
          ["Aspinall", "chair"],
          ["James", "vice-chair"],
        ],
      );
      const meetings = await listMeetings(db, { bodyId: body.id, order: "earliest-first" });
      assert.deepEqual(
        meetings.map((m) => m.date),
        ["2017-08-09", "2017-09-20"],
      );
      const cabinet = await findBody(db, PLYMOUTH, "cabinet");
      assert.ok(cabinet);
      const cabinetMeetings = await listMeetings(db, { bodyId: cabinet.id, order: "earliest-first" });
      assert.deepEqual(
        cabinetMeetings.map((m) => m.date),
        ["2017-08-29"],
        "the unpublished 30 October meeting is not listed",
      );
      assert.equal(await findBody(db, "torbay-council", "cabinet"), undefined);
    });

    test("memberships ended, or not yet begun, are not current", async () => {
      const body = await findBody(db, PLYMOUTH, "cabinet");
      assert.ok(body);
      assert.equal((await listCurrentMembers(db, body.id, TODAY)).length, 1);
      await db
        .updateTable("memberships")
        .set({ to_date: "2017-05-01" })
        .where("body_id", "=", body.id)
        .execute();
      try {
        assert.deepEqual(await listCurrentMembers(db, body.id, TODAY), []);
      } finally {
        await db.updateTable("memberships").set({ to_date: null }).where("body_id", "=", body.id).execute();
      }
    });

    test("the work programme: priorities, planned meetings linked when published, and items to be scheduled", async () => {
      const body = await findBody(db, PLYMOUTH, "wellbeing-overview-and-scrutiny-committee");
      assert.ok(body);
      const entries = await listWorkProgramme(db, body.id);
      assert.equal(entries.length, 20);
      const sarc = entries[0];
      assert.equal(sarc?.priorityScore, 5);
      assert.equal(sarc?.priorityBand, "high");
      assert.equal(sarc?.meeting, SCRUTINY_AUGUST, "9 August is a published meeting of the body");
      assert.equal(
        entries.find((e) => e.meetingDate === "2017-10-11")?.meeting,
        null,
        "no such meeting is published",
      );
      const waiting = entries.filter((e) => e.meetingDate === null).map((e) => e.title);
      assert.ok(waiting.includes("Torbay Children's Services"));
    });

    test("home lists: recent agendas by publication date, recent minutes held by today", async () => {
      const agendas = await listRecentAgendas(db, TODAY, 10);
      assert.deepEqual(
        agendas.map((m) => m.date),
        ["2017-09-20", "2017-08-29", "2017-08-09"],
      );
      assert.equal(agendas[0]?.agendaPublishedOn, "2017-09-12");
      // The demo states no status for the Cabinet's minutes, so they were loaded as draft.
      const minutes = await listRecentMinutes(db, TODAY, 10);
      assert.deepEqual(
        minutes.map((m) => [m.date, m.minutesStatus]),
        [
          ["2017-08-29", "draft"],
          ["2017-08-09", "draft"],
        ],
      );
      assertNoCanary([agendas, minutes]);
    });

    test("City Council item 27: metadata, nested resolutions, chain links, conditions with evidence, actions", async () => {
      const item = await findItemRecord(db, PLYMOUTH, COUNCIL_MEETING, "27");
      assert.ok(item);
      assert.equal(item.leadMember?.name, "Ian Bowyer");
      assert.deepEqual(
        item.documents.map((d) => d.key),
        ["plymouth-city-council-2017-09-25-recommendations-from-cabinet"],
      );
      const [first] = item.resolutions;
      assert.deepEqual(
        first?.children.map((c) => c.number),
        ["(i)", "(ii)"],
      );
      assert.deepEqual(
        [first?.respondsTo?.meeting.slug, first?.respondsTo?.number, first?.respondsTo?.resolution],
        [CABINET_MEETING, "36", "4"],
      );
      assert.equal(first?.proposer?.name, "Ian Bowyer");
      const schedule = item.resolutions.find((r) => r.number === "7");
      const condition = schedule?.conditions[0];
      assert.equal(condition?.status, "evidence-submitted");
      assert.deepEqual(
        condition?.evidence.map((d) => d.key),
        [REPORT],
        "exempt and unpublished evidence is left out",
      );
      const further = item.resolutions.find((r) => r.number === "6")?.actions[0];
      assert.equal(further?.due, "2018-01-29");
      assert.equal(
        item.resolutions.find((r) => r.number === "5")?.actions[0]?.ownerBody?.name,
        "Wellbeing Overview and Scrutiny Committee",
      );
      const [place] = item.issues;
      assert.deepEqual(
        [place?.position, place?.total, place?.next],
        [4, 4, null],
        "the exempt and unpublished items are not counted",
      );
      assert.equal(place?.previous?.meeting.date, "2017-09-20");
      assertNoCanary(item);
    });

    test("Cabinet item 36: report metadata, the answer to its recommendation, its decision record", async () => {
      const item = await findItemRecord(db, PLYMOUTH, CABINET_MEETING, "36");
      assert.ok(item);
      assert.equal(item.leadOfficer?.name, "Tracey Lee");
      assert.equal(item.leadOfficer?.jobTitle, "Chief Executive");
      assert.equal(item.isKeyDecision, false);
      assert.deepEqual(item.forwardPlan, {
        reference: PUBLIC_PLAN,
        title: "Children's services partnership with Torbay",
      });
      const recommendation = item.resolutions.find((r) => r.number === "4");
      assert.equal(recommendation?.recommendsTo?.body.name, "City Council");
      assert.equal(recommendation?.recommendsTo?.date, "2017-09-25");
      assert.deepEqual(
        recommendation?.respondedToBy.map((r) => [r.meeting.slug, r.number, r.resolution]),
        [[COUNCIL_MEETING, "27", "1"]],
      );
      assert.deepEqual(
        item.decisions.map((d) => d.decisionMaker),
        ["Cabinet"],
      );
      assert.equal(item.documents.length, 4);
      assertNoCanary(item);
    });

    test("the sitemap lists public decisions only, not one recorded on an exempt resolution", async () => {
      const listed = new Set((await sitemapRecords(db)).decisions.map((d) => d.id));
      const decisions = await db.selectFrom("decisions").select(["id", "title"]).execute();
      const hidden = decisions.filter((d) => CANARIES.some((canary) => d.title.includes(canary)));
      assert.equal(hidden.length, 4);
      for (const d of hidden) assert.equal(listed.has(d.id), false, d.title);
      const school = decisions.find((d) => d.title === "Officer decision on school places");
      assert.ok(school && listed.has(school.id), "a published decision at no meeting is listed");
    });

    test("a Part II item, an unpublished meeting's item and an unknown number are not found", async () => {
      assert.equal(await findItemRecord(db, PLYMOUTH, CABINET_MEETING, "37"), undefined);
      assert.equal(await findItemRecord(db, PLYMOUTH, "2017-10-30-cabinet", "40"), undefined);
      assert.equal(await findItemRecord(db, PLYMOUTH, CABINET_MEETING, "99"), undefined);
      assert.equal(await findItemRecord(db, "torbay-council", CABINET_MEETING, "36"), undefined);
    });

    test("councillors: public ones only, with filters by party, ward, body and authority", async () => {
      const all = await listCouncillors(db, {}, TODAY);
      const names = all.map((p) => p.name);
      assert.ok(
        names.includes("Aspinall") &&
          names.includes("Ian Bowyer") &&
          names.includes("Gordon Oliver") === false,
      );
      for (const hidden of HIDDEN_PEOPLE)
        assert.equal(names.includes(hidden), false, `${hidden} is not listed`);
      assert.deepEqual(
        (await listCouncillors(db, { party: "Labour" }, TODAY)).map((p) => p.name),
        ["Aspinall"],
      );
      assert.deepEqual(
        (await listCouncillors(db, { ward: "Plympton St Mary" }, TODAY)).map((p) => p.name),
        ["James"],
      );
      assert.deepEqual(
        (await listCouncillors(db, { body: "cabinet" }, TODAY)).map((p) => p.name),
        ["Ian Bowyer"],
      );
      assert.deepEqual(await listCouncillors(db, { authority: "torbay-council" }, TODAY), []);
      const aspinall = all.find((p) => p.name === "Aspinall");
      assert.deepEqual(
        aspinall?.bodies.map((b) => [b.name, b.role]),
        [["Wellbeing Overview and Scrutiny Committee", "chair"]],
      );
      const options = await councillorOptions(db);
      assert.deepEqual(options.parties, ["Conservative", "Labour"]);
      assert.deepEqual(options.wards, ["Budshead", "Plympton St Mary"]);
      assertNoCanary([all, options]);
    });

    test("a person's record: memberships, attendance per body, declarations and items led, public ones only", async () => {
      const tuffin = await findPerson(db, PLYMOUTH, await personIdOf(db, "Tuffin"));
      assert.ok(tuffin);
      assert.deepEqual(await listAttendanceFigures(db, tuffin.id), [
        {
          name: "Wellbeing Overview and Scrutiny Committee",
          slug: "wellbeing-overview-and-scrutiny-committee",
          authority: PLYMOUTH,
          attended: 1,
          apologies: 0,
          absent: 0,
          inAttendance: 0,
        },
      ]);
      assert.deepEqual(
        (await listPersonDeclarations(db, tuffin.id)).map((d) => [d.item.number, d.nature]),
        [["23", "Employed by University Hospitals Plymouth"]],
      );
      const cook = await personIdOf(db, "Cook");
      assert.equal((await listAttendanceFigures(db, cook))[0]?.apologies, 1);
      const dann = await personIdOf(db, "Dann");
      assert.deepEqual(
        await listPersonDeclarations(db, dann),
        [],
        "a declaration on a Part II item is not shown",
      );
      const bowyer = await personIdOf(db, "Ian Bowyer");
      assert.deepEqual(
        (await listItemsLed(db, bowyer)).map((led) => [led.item.number, led.role]),
        [
          ["27", "lead-member"],
          ["36", "lead-member"],
        ],
      );
      const jago = await personIdOf(db, "Ross Jago");
      assert.equal((await listAttendanceFigures(db, jago))[0]?.inAttendance, 1);
      assert.deepEqual(
        (await listPersonMemberships(db, jago)).map((m) => m.role),
        ["lead-officer"],
      );
    });

    test("people named only in exempt or unpublished business are not found", async () => {
      for (const name of HIDDEN_PEOPLE) {
        const id = await personIdOf(db, name);
        assert.equal(await findPerson(db, PLYMOUTH, id), undefined, `${name} is not found`);
        assert.deepEqual(await listItemsLed(db, id), []);
      }
      const aspinall = await personIdOf(db, "Aspinall");
      assert.equal(
        await findPerson(db, "torbay-council", aspinall),
        undefined,
        "only under their own authority",
      );
    });

    test("a document: its text and provenance, the items it was published with, its file", async () => {
      const report = await findDocument(db, PLYMOUTH, REPORT);
      assert.ok(report);
      assert.equal(report.sizeBytes, 668672);
      assert.equal(report.hasFile, true);
      assert.deepEqual(report.source, {
        file: "plymouth-wellbeing-scrutiny-2017-09-20-agenda-pack.txt",
        from: 10231,
        to: 35465,
      });
      assert.equal(report.sourceDocument?.key, "plymouth-wellbeing-osc-2017-09-20-agenda-pack");
      assert.deepEqual(
        report.items.map((i) => [i.meeting.slug, i.number]),
        [
          [CABINET_MEETING, "36"],
          ["2017-09-20-wellbeing-overview-and-scrutiny-committee", "5"],
        ],
      );
      assert.match(report.text ?? "", /^PLYMOUTH CITY COUNCIL/);
      const file = await findDocumentFile(db, PLYMOUTH, REPORT);
      assert.equal(file?.mediaType, "application/pdf");
      assertNoCanary(report);
    });

    test("an exempt or unpublished document, and its file, are not found", async () => {
      for (const key of [EXEMPT_DOCUMENT, UNPUBLISHED_DOCUMENT]) {
        assert.equal(await findDocument(db, PLYMOUTH, key), undefined, `${key} is not found`);
        assert.equal(await findDocumentFile(db, PLYMOUTH, key), undefined, `${key}'s file is not found`);
      }
      assert.equal(await findDocument(db, "torbay-council", REPORT), undefined);
      assert.equal(
        await findDocumentFile(
          db,
          PLYMOUTH,
          "plymouth-cabinet-2017-08-29-torbay-partnership-appendix-1-prospectus",
        ),
        undefined,
        "no file held, no download",
      );
    });
  });
}
