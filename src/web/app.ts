import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import type { Config } from "../config.js";
import type { Db } from "../db/connect.js";
import type { Engine } from "../db/engine.js";
import { assetUrls, assets } from "./plugins/assets.js";
import { csrf } from "./plugins/csrf.js";
import { badUrl, errorPages } from "./plugins/error-pages.js";
import { securityHeaders } from "./plugins/security-headers.js";
import { views } from "./plugins/views.js";
import { memoryFileStore, type FileStore } from "../records/files.js";
import { backOffice } from "./routes/admin/back-office.js";
import { packRoutes } from "./routes/pack.js";
import { canReadExemptPapers } from "./routes/restricted-access.js";
import { healthRoutes } from "./routes/health.js";
import { homeRoutes } from "./routes/public/home.js";
import { meetingRoutes } from "./routes/public/meeting.js";
import { actionRoutes } from "./routes/public/actions.js";
import { authorityRoutes } from "./routes/public/authorities.js";
import { bodyRoutes } from "./routes/public/bodies.js";
import { decisionRoutes } from "./routes/public/decisions.js";
import { documentRoutes } from "./routes/public/documents.js";
import { issueRoutes } from "./routes/public/issues.js";
import { itemRoutes } from "./routes/public/items.js";
import { peopleRoutes } from "./routes/public/people.js";
import { planRoutes } from "./routes/public/plans.js";
import { calendarRoutes } from "./routes/public/calendar.js";
import { feedRoutes } from "./routes/public/feeds.js";
import { pageRoutes } from "./routes/public/pages.js";
import { searchRoutes } from "./routes/public/search.js";
import { sitemapRoutes } from "./routes/public/sitemap.js";

export type AppDeps = {
  db: Db;
  engine: Engine;
  config: Config;
  logger?: boolean;
  /** the clock, so that "upcoming" and "recent" can be tested on fixed dates */
  now?: () => Date;
  /** documents' original files; without it, documents are shown without a download */
  files?: FileStore;
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
  const files = deps.files ?? memoryFileStore();

  await securityHeaders(app);
  await assets(app);
  await views(app, deps.config, assetUrls());
  errorPages(app);
  await csrf(app);

  healthRoutes(app, deps);
  homeRoutes(app, { db: deps.db, now });
  meetingRoutes(app, deps);
  itemRoutes(app, { db: deps.db, now });
  authorityRoutes(app, { db: deps.db, now });
  bodyRoutes(app, { db: deps.db, now });
  issueRoutes(app, { db: deps.db, now });
  decisionRoutes(app, { db: deps.db, now });
  planRoutes(app, { db: deps.db });
  actionRoutes(app, { db: deps.db, now });
  peopleRoutes(app, { db: deps.db, now });
  documentRoutes(app, { db: deps.db, files: deps.files });
  searchRoutes(app, deps);
  calendarRoutes(app, { db: deps.db, now, siteName: deps.config.siteName });
  feedRoutes(app, { db: deps.db, now, siteName: deps.config.siteName, copyright: deps.config.copyright });
  sitemapRoutes(app, deps);
  pageRoutes(app);
  await app.register(
    packRoutes({
      db: deps.db,
      files,
      canSeeRestricted: canReadExemptPapers({ db: deps.db, config: deps.config, now }),
    }),
  );
  await app.register(backOffice({ db: deps.db, engine: deps.engine, config: deps.config, now, files }));

  await app.ready();
  return app;
}
