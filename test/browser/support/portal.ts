import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { chromium, type Browser } from "playwright-core";
import { loadConfig } from "../../../src/config.js";
import { connect, migrate, type Connection } from "../../../src/db/connect.js";
import { loadBundle } from "../../../src/records/bundle-load.js";
import { createApp } from "../../../src/web/app.js";
import { TEST_ACTOR, demoBundle } from "../../support/demo.js";

// What every browser test needs: the portal served on 127.0.0.1 (port 0) with the demo loaded
// into SQLite in a temporary folder, and Debian's Chromium driven by playwright-core.
// Under CI a missing Chromium fails the run (.ci/run installs it); elsewhere the suites are
// reported as skipped, with the reason.

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The browser suites' skip option: a failure under CI, a stated skip elsewhere. */
export function browserSkip(): string | false {
  if (existsSync(CHROMIUM)) return false;
  const problem = `${CHROMIUM} is missing (apt-get install chromium)`;
  if (process.env.CI === "true") throw new Error(`${problem}; CI requires it`);
  return problem;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export type Portal = {
  origin: string;
  app: FastifyInstance;
  connection: Connection;
  /** ids the URLs of some pages are made from */
  ids: { aspinall: number; decision: number | null };
  close(): Promise<void>;
};

/** The clock the portal is served with: the demo's September 2017, so every page has content. */
export const PORTAL_NOW = new Date("2017-09-21T09:00:00Z");

export async function startPortal(): Promise<Portal> {
  const folder = mkdtempSync(join(tmpdir(), "witan-browser-"));
  const connection = connect({ engine: "sqlite", file: join(folder, "witan.db") });
  await migrate(connection);
  await loadBundle(connection.db, demoBundle(), TEST_ACTOR);
  const app = await createApp({
    db: connection.db,
    engine: "sqlite",
    config: loadConfig({ WITAN_DATA: folder }),
    now: () => PORTAL_NOW,
  });
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  const aspinall = await connection.db
    .selectFrom("people")
    .select("id")
    .where("name", "=", "Aspinall")
    .executeTakeFirstOrThrow();
  const decision = await connection.db.selectFrom("decisions").select("id").orderBy("id").executeTakeFirst();
  return {
    origin: address,
    app,
    connection,
    ids: { aspinall: aspinall.id, decision: decision?.id ?? null },
    close: async () => {
      await app.close();
      await connection.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
