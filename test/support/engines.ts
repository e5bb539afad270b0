import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { connect, migrate, type Connection } from "../../src/db/connect.js";

// Every records, loader and search test runs on both engines. PostgreSQL is the machine's
// server at 127.0.0.1:5432 (or TEST_DATABASE_URL), with a fresh schema per connection that is
// dropped afterwards. Under CI a missing PostgreSQL fails the run; elsewhere its tests are
// reported as skipped, with the reason, never as passes.

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** upTo: leave the schema at this migration, for a test of the migrations after it */
export type OpenOptions = { upTo?: string };

export type EngineUnderTest = {
  name: "sqlite" | "postgres";
  open(options?: OpenOptions): Promise<Connection>;
};

let postgresAvailable: Promise<string | null> | undefined;

/** null when PostgreSQL answers, else why not. */
export function postgresProblem(): Promise<string | null> {
  postgresAvailable ??= (async () => {
    // A busy machine (or a synchronous SQLite load in the same process) can delay the answer,
    // so wait generously and try again before calling PostgreSQL missing.
    let problem = "";
    for (let attempt = 1; attempt <= 3; attempt++) {
      const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 15_000 });
      try {
        await client.connect();
        await client.query("select 1");
        return null;
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    return `PostgreSQL at ${POSTGRES_URL} is not available: ${problem}`;
  })();
  return postgresAvailable;
}

export async function openSqlite(options: OpenOptions = {}): Promise<Connection> {
  const connection = connect({ engine: "sqlite", file: ":memory:" });
  await migrate(connection, options);
  return connection;
}

export async function openPostgres(options: OpenOptions = {}): Promise<Connection> {
  const schema = `witan_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const connection = connect({ engine: "postgres", url: POSTGRES_URL, schema, maxConnections: 4 });
  await migrate(connection, options);
  return {
    ...connection,
    close: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(connection.db);
      await connection.close();
    },
  };
}

export const ENGINES: EngineUnderTest[] = [
  { name: "sqlite", open: openSqlite },
  { name: "postgres", open: openPostgres },
];

/** The skip option for a PostgreSQL suite: a failure under CI, a stated skip elsewhere. */
export async function engineSkip(engine: EngineUnderTest): Promise<string | false> {
  if (engine.name !== "postgres") return false;
  const problem = await postgresProblem();
  if (problem === null) return false;
  if (process.env.CI === "true") throw new Error(`${problem} (CI requires it)`);
  return problem;
}
