import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

// The `witan` command run as a user runs it, on an embedded database in a folder of its own,
// and what that database and file store hold afterwards.

export const BIN = fileURLToPath(new URL("../../../bin/witan.js", import.meta.url));

export function witanEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, WITAN_DATA: dataDir };
  delete env.DATABASE_URL;
  delete env.WITAN_DEBUG;
  return env;
}

export function witan(args: string[], dataDir: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: witanEnv(dataDir),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Rows in every table of the embedded database (an empty object when there is none yet). */
export function tableCounts(dataDir: string): Record<string, number> {
  const file = join(dataDir, "witan.db");
  if (!existsSync(file)) return {};
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .pluck()
      .all();
    const counts: Record<string, number> = {};
    for (const table of tables) {
      if (typeof table !== "string") continue;
      const count: unknown = db.prepare(`select count(*) from "${table}"`).pluck().get();
      counts[table] = Number(count);
    }
    return counts;
  } finally {
    db.close();
  }
}

/** The keys held in the file store. */
export function storedFiles(dataDir: string): string[] {
  const root = join(dataDir, "files");
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
}
