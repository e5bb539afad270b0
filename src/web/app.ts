import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import type { Config } from "../config.js";
import type { Db } from "../db/connect.js";
import type { Engine } from "../db/engine.js";
import { assetUrls, assets } from "./plugins/assets.js";
import { badUrl, errorPages } from "./plugins/error-pages.js";
import { securityHeaders } from "./plugins/security-headers.js";
import { views } from "./plugins/views.js";
import { healthRoutes } from "./routes/health.js";
import { homeRoutes } from "./routes/public/home.js";
import { meetingRoutes } from "./routes/public/meeting.js";

export type AppDeps = {
  db: Db;
  engine: Engine;
  config: Config;
  logger?: boolean;
  /** the clock, so that "upcoming" and "recent" can be tested on fixed dates */
  now?: () => Date;
};

/** Builds the app without listening: `witan serve` listens, tests call `app.inject()`.
 * One registration per concern, in the order a request meets them. */
export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    // Unique across processes and restarts, so a reference on an error page finds one log line.
    genReqId: () => randomUUID(),
    frameworkErrors: badUrl,
  });
  const now = deps.now ?? (() => new Date());

  await securityHeaders(app);
  await assets(app);
  await views(app, deps.config, assetUrls());
  errorPages(app);

  healthRoutes(app, deps);
  homeRoutes(app, { db: deps.db, now });
  meetingRoutes(app, deps);

  await app.ready();
  return app;
}
