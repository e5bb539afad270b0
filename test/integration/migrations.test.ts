import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "../../src/db/connect.js";
import { migrate } from "../../src/db/connect.js";
import { ENGINES, engineSkip } from "../support/engines.js";

// Migrations that change data, run on a database made before them, on both engines.

for (const engine of ENGINES) {
  describe(`0005-minutes-status on ${engine.name}`, { skip: await engineSkip(engine) }, () => {
    let connection: Connection;
    const ids: Record<string, number> = {};

    before(async () => {
      connection = await engine.open({ upTo: "0004-accounts" });
      const db = connection.db;
      const authority = await db
        .insertInto("authorities")
        .values({ name: "Anytown Council", slug: "anytown", nation: "england" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const body = await db
        .insertInto("bodies")
        .values({
          authority_id: authority.id,
          name: "Cabinet",
          slug: "cabinet",
          kind: "executive",
          is_joint: false,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const meeting = async (key: string, date: string, minutes: string | null, status = "none") => {
        const row = await db
          .insertInto("meetings")
          .values({
            authority_id: authority.id,
            body_id: body.id,
            slug: key,
            date,
            is_agenda_published: true,
            minutes_status: status,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await db
          .insertInto("agenda_items")
          .values({
            authority_id: authority.id,
            meeting_id: row.id,
            position: 1,
            number: "1",
            title: "Budget",
            kind: "report",
            part: "I",
            minutes,
            is_late: false,
            is_key_decision: false,
            is_minutes_truncated: false,
          })
          .execute();
        ids[key] = row.id;
      };
      await meeting("imported-minutes", "2017-08-29", "The Cabinet agreed the budget.");
      await meeting("agenda-only", "2017-09-26", null);
      await meeting("approved", "2017-07-11", "Noted.", "approved");
      await migrate(connection);
    });
    after(() => connection.close());

    async function statusOf(key: string): Promise<string | undefined> {
      const row = await connection.db
        .selectFrom("meetings")
        .select("minutes_status")
        .where("id", "=", ids[key] ?? -1)
        .executeTakeFirst();
      return row?.minutes_status;
    }

    test("a meeting that carries minutes with the status 'none' keeps them public, as draft", async () => {
      assert.equal(await statusOf("imported-minutes"), "draft");
    });

    test("a meeting with only its agenda, and approved minutes, are left as they were", async () => {
      assert.equal(await statusOf("agenda-only"), "none");
      assert.equal(await statusOf("approved"), "approved");
    });
  });
}
