import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Connection, Db } from "../../src/db/connect.js";
import { decisionIsPublic, type ItemFacts } from "../../src/domain/visibility.js";
import { listTrackedActions } from "../../src/records/public/actions.js";
import {
  findDecision,
  listDecisionBodies,
  listDecisions,
  publicDecision,
} from "../../src/records/public/decisions.js";
import { listForwardPlan } from "../../src/records/public/forward-plan.js";
import { findIssueHistory, listIssues } from "../../src/records/public/issues.js";
import { ENGINES, engineSkip } from "../support/engines.js";
import {
  CABINET_MEETING,
  CANARIES,
  COUNCIL_MEETING,
  ISSUE,
  PLYMOUTH,
  PUBLIC_PLAN,
  itemIdOf,
  loadPortalFixtures,
} from "./portal-fixtures.js";

// Issues, decisions, the action tracker and the forward plan on both engines, against the demo
// and the hidden fixtures; and the decision rule in SQL against the pure rule it restates.

function assertNoCanary(value: unknown): void {
  const text = JSON.stringify(value);
  for (const canary of CANARIES) assert.equal(text.includes(canary), false, `no "${canary}"`);
}

const ALL = { limit: 100, offset: 0 };

for (const engine of ENGINES) {
  describe(
    `issues, decisions, actions and plans on ${engine.name}`,
    { skip: await engineSkip(engine) },
    () => {
      let connection: Connection;
      let db: Db;

      before(async () => {
        connection = await engine.open();
        db = connection.db;
        await loadPortalFixtures(db);
      });
      after(async () => connection.close());

      test("issues are listed with their public items counted and their span of dates", async () => {
        const issues = await listIssues(db);
        assert.deepEqual(issues, [
          {
            slug: ISSUE,
            title: "Torbay Children's Services Partnership Arrangement with PCC",
            status: null,
            authority: { name: "Plymouth City Council", slug: PLYMOUTH },
            items: 4,
            first: "2017-04-05",
            last: "2018-04-01",
          },
        ]);
      });

      test("an issue's history: its public items in date order, with resolutions and papers, events and papers", async () => {
        const issue = await findIssueHistory(db, ISSUE);
        assert.ok(issue);
        assert.deepEqual(
          issue.items.map((i) => `${i.meeting.date} ${i.meeting.body.name} ${i.number}`),
          [
            "2017-08-09 Wellbeing Overview and Scrutiny Committee 29",
            "2017-08-29 Cabinet 36",
            "2017-09-20 Wellbeing Overview and Scrutiny Committee 5",
            "2017-09-25 City Council 27",
          ],
        );
        const cabinet = issue.items[1];
        assert.equal(cabinet?.resolutions.length, 5);
        assert.equal(cabinet?.documents.length, 4);
        assert.equal(issue.events.length, 10);
        const torbay = issue.events.find((e) => e.date === "2017-09-27");
        assert.equal(torbay?.body?.name, "Council");
        assert.equal(torbay?.body?.authority.slug, "torbay-council");
        const dfe = issue.events.find((e) => e.date === "2017-06-30");
        assert.equal(dfe?.authority?.name, "Department for Education");
        const inPrivate = issue.events.find((e) => e.date === "2017-08-30");
        assert.equal(inPrivate?.document, null, "an event's exempt paper is not linked");
        assert.deepEqual(issue.documents.map((d) => d.key).sort(), [
          "plymouth-cabinet-2017-08-29-torbay-partnership-appendix-2-ministerial-letter",
          "torbay-schools-forum-2018-01-10-plymouth-partnership-report",
        ]);
        assertNoCanary(issue);
      });

      test("an unknown issue is not found", async () => {
        assert.equal(await findIssueHistory(db, "no-such-issue"), undefined);
      });

      test("decisions: public ones only, latest first, with their item", async () => {
        const { total, decisions } = await listDecisions(db, ALL);
        assert.equal(total, 2);
        assert.deepEqual(
          decisions.map((d) => [d.decidedOn, d.decisionMaker, d.callInStatus]),
          [
            ["2017-09-15", "Cabinet Member for Children", "not-called-in"],
            ["2017-08-29", "Cabinet", "unknown"],
          ],
        );
        assert.equal(decisions[1]?.item?.meeting.slug, CABINET_MEETING);
        assertNoCanary(decisions);
      });

      test("decisions are filtered by body, authority, dates, key decision and call-in status", async () => {
        const titles = async (filter: Parameters<typeof listDecisions>[1]) =>
          (await listDecisions(db, filter)).decisions.map((d) => d.decisionMaker);
        assert.deepEqual(await titles({ ...ALL, body: "cabinet" }), ["Cabinet"]);
        assert.deepEqual(await titles({ ...ALL, authority: "torbay-council" }), []);
        assert.deepEqual(await titles({ ...ALL, authority: PLYMOUTH }), [
          "Cabinet Member for Children",
          "Cabinet",
        ]);
        assert.deepEqual(await titles({ ...ALL, from: "2017-09-01" }), ["Cabinet Member for Children"]);
        assert.deepEqual(await titles({ ...ALL, to: "2017-08-29" }), ["Cabinet"]);
        assert.deepEqual(await titles({ ...ALL, isKeyDecision: true }), ["Cabinet Member for Children"]);
        assert.deepEqual(await titles({ ...ALL, isKeyDecision: false }), ["Cabinet"]);
        assert.deepEqual(await titles({ ...ALL, callInStatus: "not-called-in" }), [
          "Cabinet Member for Children",
        ]);
        assert.deepEqual(await titles({ ...ALL, callInStatus: "open" }), [], "open ones are all hidden");
        const paged = await listDecisions(db, { limit: 1, offset: 1 });
        assert.deepEqual([paged.total, paged.decisions.length], [2, 1]);
        assert.deepEqual(
          (await listDecisionBodies(db)).map((b) => b.name),
          ["Cabinet"],
        );
      });

      test("a decision is found by id only when it is public", async () => {
        const rows = await db.selectFrom("decisions").select(["id", "title"]).orderBy("id").execute();
        for (const row of rows) {
          const found = await findDecision(db, row.id);
          const hidden = CANARIES.some((canary) => row.title.includes(canary));
          assert.equal(found === undefined, hidden, `${row.title} is ${hidden ? "hidden" : "shown"}`);
        }
        const cabinet = rows.find((r) => r.title.startsWith("Establishing"));
        const decision = cabinet && (await findDecision(db, cabinet.id));
        assert.match(decision?.reasons ?? "", /^Torbay Council are required to act/);
        assert.match(decision?.optionsRejected ?? "", /^Not to proceed/);
      });

      test("publicDecision in SQL agrees with decisionIsPublic on every combination", async () => {
        const authority = (
          await db
            .selectFrom("authorities")
            .select("id")
            .where("slug", "=", PLYMOUTH)
            .executeTakeFirstOrThrow()
        ).id;
        const places: [string, number | null, ItemFacts | null][] = [
          ["no item", null, null],
          [
            "a public item",
            await itemIdOf(db, CABINET_MEETING, "36"),
            { part: "I", meeting: { isAgendaPublished: true } },
          ],
          [
            "a Part II item",
            await itemIdOf(db, CABINET_MEETING, "37"),
            { part: "II", meeting: { isAgendaPublished: true } },
          ],
          [
            "an unpublished meeting",
            await itemIdOf(db, "2017-10-30-cabinet", "40"),
            { part: "I", meeting: { isAgendaPublished: false } },
          ],
        ];
        for (const [where, itemId, item] of places) {
          for (const isPublished of [true, false]) {
            const row = await db
              .insertInto("decisions")
              .values({
                authority_id: authority,
                item_id: itemId,
                decision_maker: "Agreement test",
                decided_on: "2000-01-01",
                title: `${where} ${isPublished}`,
                is_published: isPublished,
              })
              .returning("id")
              .executeTakeFirstOrThrow();
            const found = await db
              .selectFrom("decisions as d")
              .select("d.id")
              .where("d.id", "=", row.id)
              .where(publicDecision("d"))
              .executeTakeFirst();
            assert.equal(
              found !== undefined,
              decisionIsPublic({ isPublished, item }),
              `${where}, published ${isPublished}`,
            );
            await db.deleteFrom("decisions").where("id", "=", row.id).execute();
          }
        }
      });

      test("the action tracker: actions of public resolutions, with owners and due dates", async () => {
        const actions = await listTrackedActions(db);
        assert.equal(actions.length, 9, "the demo's nine actions, not the exempt item's");
        const examine = actions.find((a) => a.text.startsWith("Examine and debate"));
        assert.deepEqual(
          [examine?.status, examine?.due, examine?.ownerBody?.name, examine?.resolution.resolution],
          ["done", "2017-09-25", "Wellbeing Overview and Scrutiny Committee", "3"],
        );
        const convene = actions.find((a) => a.text.startsWith("Work with colleagues"));
        assert.equal(convene?.ownerPerson?.name, "Ross Jago");
        const further = actions.find((a) => a.resolution.meeting.slug === COUNCIL_MEETING && a.due !== null);
        assert.equal(further?.due, "2018-01-29");
        assertNoCanary(actions);
      });

      test("the forward plan: entries that are not exempt, with the public item they were taken at", async () => {
        const plan = await listForwardPlan(db);
        assert.deepEqual(
          plan.map((entry) => [entry.reference, entry.item?.number ?? null]),
          [[PUBLIC_PLAN, "36"]],
        );
        assertNoCanary(plan);
      });
    },
  );
}
