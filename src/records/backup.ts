import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import type { Engine } from "../db/engine.js";
import type { TableName } from "../db/schema.js";
import { WitanError } from "../errors.js";
import { reindexAll } from "./search.js";

// Backups as plain SQL that both engines read: one INSERT with column names per row, in the
// order the foreign keys need, like `pg_dump --data-only --column-inserts`, so psql can restore
// a backup into a migrated PostgreSQL schema and `witan restore` can load it into either engine.
// The search index is derived data: it is rebuilt after a restore, not backed up.

const TABLES: readonly TableName[] = [
  "authorities",
  "bodies",
  "body_authorities",
  "people",
  "memberships",
  "meetings",
  "agenda_items",
  "attendances",
  "declarations",
  "documents",
  "item_documents",
  "resolutions",
  "conditions",
  "condition_evidence",
  "actions",
  "action_updates",
  "decisions",
  "issues",
  "issue_items",
  "issue_documents",
  "issue_events",
  "forward_plan_entries",
  "work_programme_entries",
  "impact_assessments",
  "provenance",
  "accounts",
  "account_roles",
  "sessions",
  "audit_log",
  "record_versions",
];

const WITHOUT_IDENTITY = new Set<TableName>([
  "body_authorities",
  "item_documents",
  "condition_evidence",
  "issue_items",
  "issue_documents",
  "account_roles",
  "sessions",
]);

/** Columns that may point forward to a row written later; they are set by UPDATEs at the end. */
const FORWARD_REFERENCES: Partial<Record<TableName, string[]>> = {
  resolutions: ["responds_to_resolution_id"],
};

export async function* backupStatements(db: Db, engine: Engine): AsyncGenerator<string> {
  yield `-- Witan backup, ${new Date().toISOString()}, from ${engine}`;
  yield "-- Plain SQL (INSERTs with column names); restore with `witan restore FILE` or psql into a migrated schema.";
  yield "BEGIN;";
  const deferred: string[] = [];
  for (const table of TABLES) {
    const forward = FORWARD_REFERENCES[table] ?? [];
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by 1`.execute(db);
    for (const row of rows.rows) {
      const columns = Object.keys(row);
      const values = columns.map((c) => (forward.includes(c) ? "NULL" : literal(row[c])));
      yield `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${values.join(", ")});`;
      for (const column of forward) {
        if (row[column] !== null) {
          deferred.push(
            `UPDATE ${table} SET ${column} = ${literal(row[column])} WHERE id = ${literal(row.id)};`,
          );
        }
      }
    }
  }
  yield* deferred;
  yield "COMMIT;";
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** Splits a backup into statements: semicolons end statements only outside quoted strings. */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = "";
  let quoted = false;
  for (const line of script.split("\n")) {
    if (!quoted && (line.startsWith("--") || line.trim() === "")) continue;
    for (const char of line) {
      current += char;
      if (char === "'") quoted = !quoted;
      else if (char === ";" && !quoted) {
        statements.push(current.trim());
        current = "";
      }
    }
    current += "\n";
  }
  if (current.trim() !== "")
    throw new WitanError("BAD_INPUT", "The backup ends in the middle of a statement");
  return statements;
}

export async function restoreStatements(db: Db, engine: Engine, script: string): Promise<number> {
  const statements = splitStatements(script).filter((s) => !/^(BEGIN|COMMIT);$/i.test(s));
  const existing = await db.selectFrom("authorities").select("id").limit(1).execute();
  if (existing.length > 0) {
    throw new WitanError("BAD_INPUT", "The database already holds records: restore into an empty database");
  }
  await db.transaction().execute(async (trx) => {
    for (const statement of statements) {
      if (!/^(INSERT INTO|UPDATE) [a-z_]+ /.test(statement)) {
        throw new WitanError(
          "BAD_INPUT",
          `A backup holds only INSERT and UPDATE statements, not: ${statement.slice(0, 60)}`,
        );
      }
      await sql.raw(statement).execute(trx);
    }
    if (engine === "postgres") {
      // Rows arrive with their ids, so each identity must continue after the largest one.
      for (const table of TABLES.filter((t) => !WITHOUT_IDENTITY.has(t))) {
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce(max(id), 0) + 1, false)
          from ${sql.table(table)}`.execute(trx);
      }
    }
    await reindexAll(trx);
  });
  return statements.length;
}
