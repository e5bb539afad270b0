import fastifyView from "@fastify/view";
import type { FastifyInstance } from "fastify";
import nunjucks from "nunjucks";
import type { Config } from "../../config.js";
import { GOVUK_FRONTEND_DIST, VIEWS_DIR } from "../locations.js";
import type { AssetUrls } from "./assets.js";

// Nunjucks views on govuk-frontend's templates and macros. Autoescape stays on: every value
// reaches the page as text unless a template says otherwise.

export type ViewGlobals = { siteName: string; copyright: string; assets: AssetUrls };

export async function views(app: FastifyInstance, config: Config, assets: AssetUrls): Promise<void> {
  const globals: ViewGlobals = { siteName: config.siteName, copyright: config.copyright, assets };
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [VIEWS_DIR, GOVUK_FRONTEND_DIST],
    defaultContext: globals,
    // Nunjucks' own whitespace defaults, which govuk-frontend's templates are tested with.
    options: { autoescape: true },
  });
}
