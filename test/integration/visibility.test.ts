import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import type { Connection, Db } from "../../src/db/connect.js";
import type { MinutesStatus, Part } from "../../src/domain/bundle.js";
import {
  documentIsPublic,
  itemIsPublic,
  itemMinutesArePublic,
  meetingIsPublic,
  minutesArePublic,
  type DocumentFacts,
  type ItemMinutesFacts,
  type MinutesFacts,
} from "../../src/domain/visibility.js";
import {
  publicDocument,
  publicItem,
  publicItemMinutes,
  publicMeeting,
  publicMinutes,
} from "../../src/records/visibility.js";
import { ENGINES, engineSkip } from "../support/engines.js";

// The visibility rule is stated twice: as pure functions (src/domain/visibility.ts) and as SQL
// fragments (src/records/visibility.ts). Every combination of the facts they read is built in
// the database, and both statements must call exactly the same rows public.

const PARTS: Part[] = ["I", "II"];
const MINUTES_STATUSES: MinutesStatus[] = ["none", "draft", "approved"];

type Built = {
  meetings: Map<number, MinutesFacts>;
  items: Map<number, ItemMinutesFacts>;
  documents: Map<number, { part: Part; isPublished: boolean; items: number[] }>;
};

async function insertAuthority(db: Db): Promise<number> {
  const row = await db
    .insertInto("authorities")
    .values({ name: "Visibility Borough Council", slug: "visibility", nation: "england" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertBody(db: Db, authorityId: number): Promise<number> {
  const row = await db
    .insertInto("bodies")
    .values({ authority_id: authorityId, name: "Cabinet", slug: "cabinet", kind: "executive" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertMeeting(db: Db, authorityId: number, bodyId: number, facts: MinutesFacts, day: number) {
  const row = await db
    .insertInto("meetings")
    .values({
      authority_id: authorityId,
      body_id: bodyId,
      slug: `meeting-${facts.isAgendaPublished ? "published" : "unpublished"}-minutes-${facts.minutesStatus}`,
      date: `2024-01-${String(day).padStart(2, "0")}`,
      status: "scheduled",
      minutes_status: facts.minutesStatus,
      is_agenda_published: facts.isAgendaPublished,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertItem(db: Db, authorityId: number, meetingId: number, part: Part, position: number) {
  const row = await db
    .insertInto("agenda_items")
    .values({
      authority_id: authorityId,
      meeting_id: meetingId,
      position,
      number: String(position),
      title: `Part ${part} item`,
      kind: "report",
      part,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertDocument(db: Db, authorityId: number, key: string, part: Part, isPublished: boolean) {
  const row = await db
    .insertInto("documents")
    .values({ authority_id: authorityId, key, title: key, kind: "report", part, is_published: isPublished })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every link set of 0, 1 or 2 items drawn from the given items. */
function linkSets(items: number[]): number[][] {
  const pairs = items.flatMap((a, i) => items.slice(i + 1).map((b) => [a, b]));
  return [[], ...items.map((i) => [i]), ...pairs];
}

async function buildEveryCombination(db: Db): Promise<Built> {
  const authorityId = await insertAuthority(db);
  const bodyId = await insertBody(db, authorityId);
  const built: Built = { meetings: new Map(), items: new Map(), documents: new Map() };
  let position = 0;
  for (const isAgendaPublished of [true, false]) {
    for (const minutesStatus of MINUTES_STATUSES) {
      const meeting = { isAgendaPublished, minutesStatus };
      const meetingId = await insertMeeting(db, authorityId, bodyId, meeting, built.meetings.size + 1);
      built.meetings.set(meetingId, meeting);
      for (const part of PARTS) {
        const itemId = await insertItem(db, authorityId, meetingId, part, ++position);
        built.items.set(itemId, { part, meeting });
      }
    }
  }
  const sets = linkSets([...built.items.keys()]);
  for (const part of PARTS) {
    for (const isPublished of [true, false]) {
      for (const [index, items] of sets.entries()) {
        const key = `part-${part}-${isPublished ? "published" : "unpublished"}-${index}`;
        const documentId = await insertDocument(db, authorityId, key, part, isPublished);
        for (const [n, itemId] of items.entries()) {
          await db
            .insertInto("item_documents")
            .values({ item_id: itemId, document_id: documentId, position: n + 1 })
            .execute();
        }
        built.documents.set(documentId, { part, isPublished, items });
      }
    }
  }
  return built;
}

function ids(rows: { id: number }[]): number[] {
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

function idsWhere<T>(facts: Map<number, T>, isPublic: (fact: T) => boolean, wanted: boolean): number[] {
  return [...facts.entries()]
    .filter(([, fact]) => isPublic(fact) === wanted)
    .map(([id]) => id)
    .sort((a, b) => a - b);
}

for (const engine of ENGINES) {
  describe(
    `visibility in SQL agrees with the pure rules (${engine.name})`,
    { skip: await engineSkip(engine) },
    () => {
      let connection: Connection | undefined;
      let built: Built = { meetings: new Map(), items: new Map(), documents: new Map() };
      const db = () => {
        if (!connection) throw new Error("the database is not open");
        return connection.db;
      };

      const documentFacts = new Map<number, DocumentFacts>();

      before(async () => {
        connection = await engine.open();
        built = await buildEveryCombination(connection.db);
        for (const [id, doc] of built.documents) {
          const items = doc.items.map((itemId) => {
            const facts = built.items.get(itemId);
            if (!facts) throw new Error(`item ${itemId} was not built`);
            return facts;
          });
          documentFacts.set(id, { ...doc, items });
        }
      });
      after(async () => {
        await connection?.close();
      });

      test("every combination was built", () => {
        // agenda published or not × minutes none, draft or approved
        assert.equal(built.meetings.size, 2 * 3);
        assert.equal(built.items.size, 2 * 3 * 2);
        // Part × published × (no item, each of 12 items, each of 66 pairs)
        assert.equal(built.documents.size, 2 * 2 * 79);
        for (const verdicts of [
          [...documentFacts.values()].map(documentIsPublic),
          [...built.meetings.values()].map(minutesArePublic),
          [...built.items.values()].map(itemMinutesArePublic),
        ])
          assert.deepEqual(new Set(verdicts), new Set([true, false]));
      });

      for (const wanted of [true, false]) {
        const which = wanted ? "public" : "not public";

        const meetingRules = [
          { name: "publicMeeting", fragment: publicMeeting("m"), rule: meetingIsPublic },
          { name: "publicMinutes", fragment: publicMinutes("m"), rule: minutesArePublic },
        ];
        for (const { name, fragment, rule } of meetingRules) {
          test(`meetings: the rows ${name} calls ${which}`, async () => {
            const rows = await db()
              .selectFrom("meetings as m")
              .select("m.id")
              .where(wanted ? fragment : sql<boolean>`not ${fragment}`)
              .execute();
            assert.deepEqual(ids(rows), idsWhere(built.meetings, rule, wanted));
          });
        }

        const itemRules = [
          { name: "publicItem", fragment: publicItem("i", "m"), rule: itemIsPublic },
          { name: "publicItemMinutes", fragment: publicItemMinutes("i", "m"), rule: itemMinutesArePublic },
        ];
        for (const { name, fragment, rule } of itemRules) {
          test(`items: the rows ${name} calls ${which}`, async () => {
            const rows = await db()
              .selectFrom("agenda_items as i")
              .innerJoin("meetings as m", "m.id", "i.meeting_id")
              .select("i.id")
              .where(wanted ? fragment : sql<boolean>`not ${fragment}`)
              .execute();
            assert.deepEqual(ids(rows), idsWhere(built.items, rule, wanted));
          });
        }

        test(`documents: the rows publicDocument calls ${which}`, async () => {
          const fragment = publicDocument("doc");
          const rows = await db()
            .selectFrom("documents as doc")
            .select("doc.id")
            .where(wanted ? fragment : sql<boolean>`not ${fragment}`)
            .execute();
          assert.deepEqual(ids(rows), idsWhere(documentFacts, documentIsPublic, wanted));
        });
      }

      test("the minutes fragments also work as selected values", async () => {
        const rows = await db()
          .selectFrom("agenda_items as i")
          .innerJoin("meetings as m", "m.id", "i.meeting_id")
          .select([
            "i.id",
            "m.id as meeting_id",
            publicMinutes("m").as("is_minutes"),
            publicItemMinutes("i", "m").as("is_item"),
          ])
          .execute();
        assert.equal(rows.length, built.items.size);
        for (const row of rows) {
          const item = built.items.get(row.id);
          assert.ok(item, `item ${row.id}`);
          assert.equal(row.is_minutes, minutesArePublic(item.meeting), `meeting ${row.meeting_id}`);
          assert.equal(row.is_item, itemMinutesArePublic(item), `item ${row.id}`);
        }
      });

      test("the fragments also work as selected values", async () => {
        const rows = await db()
          .selectFrom("documents as doc")
          .select(["doc.id", publicDocument("doc").as("is_visible")])
          .execute();
        assert.equal(rows.length, documentFacts.size);
        for (const row of rows) {
          const facts = documentFacts.get(row.id);
          assert.ok(facts, `document ${row.id}`);
          assert.equal(row.is_visible, documentIsPublic(facts), `document ${row.id}`);
        }
      });
    },
  );
}
