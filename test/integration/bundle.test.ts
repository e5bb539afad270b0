import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import type { Connection } from "../../src/db/connect.js";
import type { TableName } from "../../src/db/schema.js";
import type { Bundle } from "../../src/domain/bundle.js";
import { bundleSchemaJson } from "../../src/domain/bundle-schema.js";
import { WitanError } from "../../src/errors.js";
import { backupStatements, restoreStatements } from "../../src/records/backup.js";
import { exportBundle } from "../../src/records/bundle-export.js";
import { flatten, loadBundle } from "../../src/records/bundle-load.js";
import { PART_II_CANARY, TEST_ACTOR, demoBundle } from "../support/demo.js";
import { ENGINES, engineSkip } from "../support/engines.js";

const CANARY = PART_II_CANARY;
const actor = TEST_ACTOR;
const demo = demoBundle;

const COUNTED: TableName[] = [
  "authorities",
  "bodies",
  "people",
  "memberships",
  "meetings",
  "attendances",
  "agenda_items",
  "documents",
  "resolutions",
  "conditions",
  "actions",
  "issues",
  "issue_items",
  "work_programme_entries",
  "audit_log",
  "search_entries",
];

async function counts(connection: Connection): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of COUNTED) {
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(
      connection.db,
    );
    out[table] = row.rows[0]?.n ?? -1;
  }
  return out;
}

async function backupText(connection: Connection): Promise<string> {
  const lines: string[] = [];
  for await (const line of backupStatements(connection.db, connection.engine)) lines.push(line);
  return lines.join("\n");
}

test("the committed JSON Schema is the one the code validates with", () => {
  const committed = readFileSync(new URL("../../schema/bundle.schema.json", import.meta.url), "utf8");
  assert.equal(committed, bundleSchemaJson(), "run `npm run schema` and commit schema/bundle.schema.json");
});

for (const engine of ENGINES) {
  describe(`bundles on ${engine.name}`, { skip: await engineSkip(engine) }, () => {
    let connection: Connection;
    before(async () => {
      connection = await engine.open();
      await loadBundle(connection.db, demo(), actor);
    });
    after(async () => connection.close());

    test("the demo bundle's records are all stored", async () => {
      const bundle = demo();
      const n = await counts(connection);
      assert.equal(n.authorities, bundle.authorities.length);
      assert.equal(n.bodies, bundle.bodies.length);
      assert.equal(n.people, bundle.people.length);
      assert.equal(n.meetings, bundle.meetings.length);
      assert.equal(n.agenda_items, bundle.meetings.flatMap((m) => m.items).length);
      const resolutions = bundle.meetings.flatMap((m) => m.items.flatMap((i) => flatten(i.resolutions)));
      assert.equal(n.resolutions, resolutions.length);
      assert.equal(n.conditions, resolutions.flatMap((r) => r.conditions ?? []).length);
      assert.equal(n.actions, resolutions.flatMap((r) => r.actions ?? []).length);
      assert.equal(n.work_programme_entries, bundle.workProgramme.length);
      assert.equal(n.documents, bundle.documents.length);
      assert.ok((n.search_entries ?? 0) > 0, "loading indexes the records for search");
    });

    test("every written row is in the audit log with who made it", async () => {
      const entries = await connection.db
        .selectFrom("audit_log")
        .select(["actor", "action", "record_table"])
        .where("record_table", "=", "meetings")
        .execute();
      assert.equal(entries.length, demo().meetings.length);
      assert.ok(entries.every((e) => e.actor === "test" && e.action === "insert"));
    });

    test("loading the same bundle again changes nothing, not even the audit log", async () => {
      const before = await counts(connection);
      const summary = await loadBundle(connection.db, demo(), actor);
      assert.equal(summary.changes, 0);
      assert.deepEqual(await counts(connection), before);
    });

    test("a bundle merges by natural keys: it corrects, adds, and never erases", async () => {
      const before = await counts(connection);
      const correction: Bundle = {
        format: "witan-bundle/1",
        authorities: [],
        bodies: [],
        people: [],
        memberships: [],
        documents: [],
        issues: [],
        workProgramme: [],
        meetings: [
          {
            authority: "Plymouth City Council",
            body: "Wellbeing Overview and Scrutiny Committee",
            date: "2017-09-20",
            venue: "Council House, Plymouth",
            attendance: [],
            items: [
              {
                number: "7",
                title: "Any other business",
                kind: "other",
                part: "I",
                resolutions: [],
                declarations: [],
                documents: [],
              },
            ],
          },
        ],
      };
      const summary = await loadBundle(connection.db, correction, actor);
      assert.equal(summary.changes, 2, "one meeting updated, one item added");
      const meeting = await connection.db
        .selectFrom("meetings")
        .selectAll()
        .where("date", "=", "2017-09-20")
        .executeTakeFirstOrThrow();
      assert.equal(meeting.venue, "Council House, Plymouth");
      assert.equal(meeting.start_time, "10:00", "a field the bundle leaves out keeps its value");
      assert.equal(meeting.agenda_published_on, "2017-09-12");
      const items = await connection.db
        .selectFrom("agenda_items")
        .select("number")
        .where("meeting_id", "=", meeting.id)
        .orderBy("position")
        .execute();
      assert.deepEqual(
        items.map((i) => i.number),
        ["1", "2", "3", "4", "5", "6", "7"],
      );
      const update = await connection.db
        .selectFrom("audit_log")
        .selectAll()
        .where("record_table", "=", "meetings")
        .where("action", "=", "update")
        .executeTakeFirstOrThrow();
      assert.match(update.before ?? "", /Warspite Room, Council House/);
      assert.match(update.after ?? "", /Council House, Plymouth/);
      const afterCounts = await counts(connection);
      assert.equal(afterCounts.agenda_items, (before.agenda_items ?? 0) + 1);
      assert.equal(afterCounts.meetings, before.meetings);
    });

    test("a bundle with a broken reference writes nothing at all", async () => {
      const before = await counts(connection);
      const broken = demo();
      broken.authorities.push({ name: "Newtown District Council", nation: "england" });
      broken.bodies.push({
        name: "Planning Committee",
        authority: "Newtown District Council",
        kind: "committee",
      });
      broken.meetings.push({
        authority: "Newtown District Council",
        body: "Planning Committee",
        date: "2024-03-05",
        published: true,
        attendance: [{ person: "Nobody Known", status: "present" }],
        items: [],
      });
      await assert.rejects(
        loadBundle(connection.db, broken, actor),
        (error: unknown) =>
          error instanceof WitanError &&
          error.code === "BUNDLE_REFERENCE" &&
          /Nobody Known/.test(error.message),
      );
      assert.deepEqual(await counts(connection), before);
      const newtown = await connection.db
        .selectFrom("authorities")
        .select("id")
        .where("name", "=", "Newtown District Council")
        .execute();
      assert.equal(newtown.length, 0);
    });

    test("a bundle that breaks the schema is refused with the path of the problem", async () => {
      const invalid = { ...demo(), meetings: [{ authority: "Plymouth City Council", date: "20/09/2017" }] };
      await assert.rejects(loadBundle(connection.db, invalid, actor), (error: unknown) => {
        return (
          error instanceof WitanError &&
          error.code === "BUNDLE_INVALID" &&
          error.details.some((d) => d.startsWith("/meetings/0"))
        );
      });
    });

    test("export, load into a fresh database, export again: the same bundle", async () => {
      const first = await exportBundle(connection.db, { publicOnly: false });
      const fresh = await engine.open();
      try {
        await loadBundle(fresh.db, first, actor);
        const second = await exportBundle(fresh.db, { publicOnly: false });
        assert.deepEqual(second, first);
        assert.equal(JSON.stringify(second), JSON.stringify(first));
      } finally {
        await fresh.close();
      }
    });

    test("the export keeps the demo's facts: recommendation chain, nesting, conditions, work programme", async () => {
      const exported = await exportBundle(connection.db, { publicOnly: false });
      const council = exported.meetings.find((m) => m.body === "City Council" && m.date === "2017-09-25");
      const item27 = council?.items.find((i) => i.number === "27");
      assert.ok(item27, "City Council item 27 is exported");
      assert.equal(item27.minutesTruncated, true);
      const first = item27.resolutions.find((r) => r.number === "1");
      assert.deepEqual(
        first?.children.map((c) => c.number),
        ["(i)", "(ii)"],
      );
      assert.deepEqual(first?.respondsTo, {
        authority: "Plymouth City Council",
        body: "Cabinet",
        date: "2017-08-29",
        item: "36",
        number: "4",
      });
      const schedule = item27.resolutions.find((r) => r.number === "7");
      assert.ok(
        (schedule?.conditions ?? []).length >= 5,
        "the due-diligence schedule's bullets are conditions",
      );
      const cabinet4 = exported.meetings
        .find((m) => m.body === "Cabinet")
        ?.items.find((i) => i.number === "36")
        ?.resolutions.find((r) => r.number === "4");
      assert.deepEqual(cabinet4?.recommendsTo, {
        authority: "Plymouth City Council",
        body: "City Council",
        date: "2017-09-25",
      });
      const scheduled = exported.workProgramme.find((w) => w.title === "Torbay Children's Services");
      assert.equal(scheduled?.meetingDate, null);
      assert.equal(scheduled?.priorityScore, 5);
    });

    test("the full export carries the Part II record, flagged; the public export has no trace of it", async () => {
      const full = await exportBundle(connection.db, { publicOnly: false });
      const exempt = full.meetings.flatMap((m) => m.items).find((i) => i.part === "II");
      assert.ok(exempt, "the administrator's export includes the Part II item");
      assert.ok(JSON.stringify(full).includes(CANARY));
      const exemptDocument = full.documents.find((d) => d.part === "II");
      assert.ok(exemptDocument?.text?.includes(CANARY));

      const open = await exportBundle(connection.db, { publicOnly: true });
      const text = JSON.stringify(open);
      assert.ok(!text.includes(CANARY), "the canary never reaches the public export");
      assert.ok(!text.includes("INVENTED TEST RECORD"));
      assert.ok(open.meetings.flatMap((m) => m.items).every((i) => i.part === "I"));
      assert.ok(open.documents.every((d) => d.part === "I"));
      assert.ok(open.meetings.length > 0 && open.documents.length > 0, "the public export is not empty");
    });

    test("an unpublished meeting is left out of the public export", async () => {
      await connection.db
        .updateTable("meetings")
        .set({ is_agenda_published: false })
        .where("date", "=", "2017-08-09")
        .execute();
      try {
        const open = await exportBundle(connection.db, { publicOnly: true });
        assert.ok(!open.meetings.some((m) => m.date === "2017-08-09"));
        const full = await exportBundle(connection.db, { publicOnly: false });
        assert.ok(full.meetings.some((m) => m.date === "2017-08-09" && m.published === false));
      } finally {
        await connection.db
          .updateTable("meetings")
          .set({ is_agenda_published: true })
          .where("date", "=", "2017-08-09")
          .execute();
      }
    });

    test("a SQL backup restores to the same records on either engine", async () => {
      const script = await backupText(connection);
      assert.match(script, /^INSERT INTO authorities \(id, name, slug/m);
      for (const target of ENGINES) {
        if (await engineSkip(target)) continue;
        const restored = await target.open();
        try {
          await restoreStatements(restored.db, restored.engine, script);
          assert.deepEqual(
            await exportBundle(restored.db, { publicOnly: false }),
            await exportBundle(connection.db, { publicOnly: false }),
          );
          const search = await restored.db.selectFrom("search_entries").select("id").execute();
          assert.ok(search.length > 0, "the search index is rebuilt");
          await assert.rejects(restoreStatements(restored.db, restored.engine, script), /empty database/);
        } finally {
          await restored.close();
        }
      }
    });
  });
}
