import { sql, type Kysely } from "kysely";
import type { Engine } from "../engine.js";

// The search index (DESIGN.md section 5): one table of passages on both engines, with the
// engine's own full-text machinery beside it. is_public is computed by the visibility rule
// when a passage is indexed, so a public search filters on one column.
export function searchMigration(engine: Engine) {
  async function up(db: Kysely<unknown>): Promise<void> {
    let table = db.schema
      .createTable("search_entries")
      .addColumn("authority_id", "integer", (c) =>
        c.notNull().references("authorities.id").onDelete("cascade"),
      )
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("record_id", "integer", (c) => c.notNull())
      .addColumn("page", "integer")
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("date", "text")
      .addColumn("body_id", "integer")
      .addColumn("is_public", "boolean", (c) => c.notNull().defaultTo(false));
    if (engine === "postgres") {
      table = table
        .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
        .addColumn("document", sql`tsvector`, (c) =>
          c
            .generatedAlwaysAs(
              sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(body, '')), 'B')`,
            )
            .stored(),
        );
    } else {
      table = table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
    }
    await table.execute();
    await db.schema
      .createIndex("search_entries_record")
      .on("search_entries")
      .columns(["kind", "record_id"])
      .execute();

    if (engine === "postgres") {
      await sql`create index search_entries_document on search_entries using gin (document)`.execute(db);
      return;
    }
    await sql`create virtual table search_fts using fts5(
      title, body, content='search_entries', content_rowid='id',
      tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
    // External-content FTS5 tables are kept in step by triggers (SQLite FTS5 documentation, 4.4.3).
    await sql`create trigger search_entries_ai after insert on search_entries begin
      insert into search_fts(rowid, title, body) values (new.id, new.title, new.body); end`.execute(db);
    await sql`create trigger search_entries_ad after delete on search_entries begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body); end`.execute(
      db,
    );
    await sql`create trigger search_entries_au after update on search_entries begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
      insert into search_fts(rowid, title, body) values (new.id, new.title, new.body); end`.execute(db);
  }
  return { up };
}
