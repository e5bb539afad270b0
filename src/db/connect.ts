import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import {
  sql,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type Migration,
  type MigrationProvider,
} from "kysely";
import pg from "pg";
import { SqliteBooleans } from "./booleans.js";
import type { Engine } from "./engine.js";
import { domainMigration } from "./migrations/0001-domain.js";
import { searchMigration } from "./migrations/0002-search.js";
import { packsMigration } from "./migrations/0003-packs.js";
import { accountsMigration } from "./migrations/0004-accounts.js";
import { minutesStatusMigration } from "./migrations/0005-minutes-status.js";
import type { Database } from "./schema.js";

export type Db = Kysely<Database>;

export type Connection = {
  db: Db;
  engine: Engine;
  /** the better-sqlite3 handle, for the online backup API; null on PostgreSQL */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
};

export type ConnectOptions =
  | { engine: "sqlite"; file: string }
  | { engine: "postgres"; url: string; schema?: string; maxConnections?: number };

// PostgreSQL returns bigint (COUNT(*), SUM) as strings; every count in Witan fits a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export function connect(options: ConnectOptions): Connection {
  if (options.engine === "sqlite") {
    if (options.file !== ":memory:") mkdirSync(dirname(options.file), { recursive: true });
    const sqlite = new SQLite(options.file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: sqlite }),
      plugins: [new SqliteBooleans()],
    });
    return { db, engine: "sqlite", sqlite, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: "postgres", sqlite: null, close: () => db.destroy() };
}

function migrations(engine: Engine): MigrationProvider {
  const all: Record<string, Migration> = {
    "0001-domain": domainMigration(engine),
    "0002-search": searchMigration(engine),
    "0003-packs": packsMigration(engine),
    "0004-accounts": accountsMigration(),
    "0005-minutes-status": minutesStatusMigration(),
  };
  return { getMigrations: async () => all };
}

/** Brings the schema up to date, or (for a migration's own test) up to the migration named. */
export async function migrate(connection: Connection, options: { upTo?: string } = {}): Promise<string[]> {
  // Kysely looks for its own tables in every schema unless told which one is ours.
  const schema =
    connection.engine === "postgres"
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(connection.db)).rows[0]
          ?.schema
      : undefined;
  const migrator = new Migrator({
    db: connection.db,
    provider: migrations(connection.engine),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } =
    options.upTo === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(options.upTo);
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
