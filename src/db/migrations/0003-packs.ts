import type { Kysely } from "kysely";
import type { Engine } from "../engine.js";

// The agenda-pack cache (issue 6): one row per pack built, naming its bytes in the file store.
// A pack is found by what went into it (input_hash), so a pack whose inputs have not changed is
// served again without being rebuilt. It is derived data: not audited, not backed up.
export function packsMigration(engine: Engine) {
  async function up(db: Kysely<unknown>): Promise<void> {
    const table = db.schema.createTable("pack_builds");
    await (
      engine === "postgres"
        ? table.addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
        : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    )
      .addColumn("authority_id", "integer", (c) =>
        c.notNull().references("authorities.id").onDelete("cascade"),
      )
      .addColumn("meeting_id", "integer", (c) => c.notNull().references("meetings.id").onDelete("cascade"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("audience", "text", (c) => c.notNull())
      .addColumn("input_hash", "text", (c) => c.notNull())
      .addColumn("file_key", "text", (c) => c.notNull())
      .addColumn("page_count", "integer", (c) => c.notNull())
      .addColumn("size_bytes", "integer", (c) => c.notNull())
      .addColumn("built_at", "text", (c) => c.notNull())
      .addUniqueConstraint("pack_builds_inputs_unique", ["meeting_id", "kind", "audience", "input_hash"])
      .execute();
  }
  return { up };
}
