import type { FastifyInstance } from "fastify";
import type { Db } from "../../../db/connect.js";
import { sitemapXml } from "../../../publishing/sitemap.js";
import { sitemapRecords, type SitemapRecords } from "../../../records/sitemap.js";
import { siteOrigin } from "../../portal-urls.js";
import {
  authorityUrl,
  bodyUrl,
  decisionUrl,
  documentUrl,
  issueUrl,
  itemUrl,
  meetingUrl,
  personUrl,
} from "../../urls.js";

// /sitemap.xml lists every public page; /robots.txt points crawlers at it.

/** Pages that are there whatever the records hold. */
export const STATIC_PAGES = [
  "/",
  "/authorities",
  "/issues",
  "/decisions",
  "/forward-plan",
  "/actions",
  "/people",
  "/calendar",
  "/accessibility",
  "/privacy",
];

export function sitemapPaths(records: SitemapRecords): { path: string; lastmod?: string }[] {
  return [
    ...STATIC_PAGES.map((path) => ({ path })),
    ...records.authorities.map((a) => ({ path: authorityUrl(a.slug) })),
    ...records.bodies.map((b) => ({ path: bodyUrl(b.authority, b.slug) })),
    ...records.meetings.map((m) => ({ path: meetingUrl(m.authority, m.slug), lastmod: m.date })),
    ...records.items.map((i) => ({ path: itemUrl(i.authority, i.meeting, i.number), lastmod: i.date })),
    ...records.people.map((p) => ({ path: personUrl(p.authority, p) })),
    ...records.issues.map((i) => ({ path: issueUrl(i.slug) })),
    ...records.documents.map((d) => ({ path: documentUrl(d.authority, d.key) })),
    ...records.decisions.map((d) => ({ path: decisionUrl(d.id) })),
  ];
}

export function sitemapRoutes(app: FastifyInstance, deps: { db: Db }): void {
  app.get("/sitemap.xml", async (request, reply) => {
    const origin = siteOrigin(request);
    const paths = sitemapPaths(await sitemapRecords(deps.db));
    const xml = sitemapXml(paths.map(({ path, lastmod }) => ({ loc: `${origin}${path}`, lastmod })));
    return reply.type("application/xml; charset=utf-8").send(xml);
  });

  app.get("/robots.txt", async (request, reply) => {
    const text = `User-agent: *\nDisallow: /search\n\nSitemap: ${siteOrigin(request)}/sitemap.xml\n`;
    return reply.type("text/plain; charset=utf-8").send(text);
  });
}
