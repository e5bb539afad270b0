import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { GOVUK_DIR, PUBLIC_DIR } from "../locations.js";

// Static assets under /assets/: our stylesheet, script and icon, and govuk-frontend's JavaScript
// bundle (its fonts and images are GOV.UK's brand, which Witan does not use).
// Pages link our files with a hash of their content in the query string, so they can be cached
// for a year and still change the moment a new release changes them.

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type AssetUrls = { css: string; js: string; icon: string };

function versioned(file: string): string {
  const hash = createHash("sha256")
    .update(readFileSync(join(PUBLIC_DIR, file)))
    .digest("hex")
    .slice(0, 12);
  return `/assets/${file}?v=${hash}`;
}

export function assetUrls(): AssetUrls {
  return { css: versioned("witan.css"), js: versioned("witan.js"), icon: versioned("favicon.svg") };
}

export async function assets(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: "/assets/",
    index: false,
    maxAge: YEAR_MS,
    immutable: true,
  });
  // witan.js imports this by a fixed URL, so it is cached for a day rather than a year.
  for (const file of ["govuk-frontend.min.js", "govuk-frontend.min.js.map"]) {
    app.get(`/assets/govuk/${file}`, (_request, reply) =>
      reply.sendFile(file, GOVUK_DIR, { maxAge: DAY_MS, immutable: false }),
    );
  }
}
