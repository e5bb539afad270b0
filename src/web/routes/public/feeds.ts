import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../../db/connect.js";
import { WitanError } from "../../../errors.js";
import { atomFeed, rssFeed, type FeedEntry } from "../../../publishing/feeds.js";
import { listCalendarMeetings, publicAgendaTitles, type CalendarQuery } from "../../../records/calendar.js";
import { findAuthorityBySlug, findBodiesBySlug } from "../../../records/directory.js";
import { issueFeedRecords, recentDecidedItems } from "../../../records/feed-entries.js";
import { siteOrigin } from "../../portal-urls.js";
import { issueUrl } from "../../urls.js";
import { decisionEntries, issueEntries, meetingEntries } from "../../view-models/feed-entries.js";

// Atom and RSS feeds of meetings (all, or one authority's, or one body's), decisions (the
// resolutions of public items) and each issue.

const ENTRIES = 50;
const SLUG = { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength: 120 };
const ATOM = "application/atom+xml; charset=utf-8";
const RSS = "application/rss+xml; charset=utf-8";

type Deps = { db: Db; siteName: string; copyright: string; now: () => Date };
type Format = "atom" | "rss";
type FeedFilter = { authority?: string; body?: string };

export function feedRoutes(app: FastifyInstance, deps: Deps): void {
  const filter = {
    querystring: { type: "object", properties: { authority: SLUG, body: SLUG } },
  };
  for (const format of ["atom", "rss"] satisfies Format[]) {
    app.get<{ Querystring: FeedFilter }>(
      `/feeds/meetings.${format}`,
      { schema: filter },
      async (request, reply) => {
        const { query, scope } = await meetingScope(deps.db, request.query);
        const meetings = await listCalendarMeetings(deps.db, {
          ...query,
          order: "latest-first",
          limit: ENTRIES,
        });
        const agendas = await publicAgendaTitles(
          deps.db,
          meetings.map((m) => m.id),
        );
        const origin = siteOrigin(request);
        const params = new URLSearchParams(Object.entries(request.query)).toString();
        return sendFeed(request, reply, deps, format, {
          path: `/feeds/meetings.${format}${params ? `?${params}` : ""}`,
          title: `Meetings${scope}: ${deps.siteName}`,
          description: `Public meetings${scope}, latest first`,
          page: "/calendar",
          entries: meetingEntries(meetings, origin, agendas),
        });
      },
    );
  }

  app.get("/feeds/decisions.atom", async (request, reply) => {
    const items = await recentDecidedItems(deps.db, ENTRIES);
    return sendFeed(request, reply, deps, "atom", {
      path: "/feeds/decisions.atom",
      title: `Decisions: ${deps.siteName}`,
      description: "Resolutions of public agenda items, latest meeting first",
      page: "/decisions",
      entries: decisionEntries(items, siteOrigin(request)),
    });
  });

  app.get<{ Params: { issue: string } }>(
    "/issues/:issue/feed.atom",
    { schema: { params: { type: "object", properties: { issue: SLUG }, required: ["issue"] } } },
    async (request, reply) => {
      const issue = await issueFeedRecords(deps.db, request.params.issue);
      if (!issue) throw new WitanError("NOT_FOUND");
      return sendFeed(request, reply, deps, "atom", {
        path: `${issueUrl(issue.slug)}/feed.atom`,
        title: `${issue.title}: ${deps.siteName}`,
        description: issue.summary ?? `Everything published on ${issue.title}`,
        page: issueUrl(issue.slug),
        entries: issueEntries(issue, siteOrigin(request)),
      });
    },
  );
}

/** The filter as a query, and words for the feed's title; an unknown slug names nothing. */
async function meetingScope(
  db: Db,
  filter: FeedFilter,
): Promise<{ query: Omit<CalendarQuery, "order">; scope: string }> {
  if (filter.body !== undefined) {
    const bodies = await findBodiesBySlug(db, filter.body, filter.authority);
    const [first] = bodies;
    if (!first) throw new WitanError("NOT_FOUND");
    const scope = bodies.length === 1 ? ` of ${first.name}, ${first.authority.name}` : ` of ${first.name}`;
    return { query: { bodyIds: bodies.map((b) => b.id) }, scope };
  }
  if (filter.authority !== undefined) {
    const authority = await findAuthorityBySlug(db, filter.authority);
    if (!authority) throw new WitanError("NOT_FOUND");
    return { query: { authorityId: authority.id }, scope: `, ${authority.name}` };
  }
  return { query: {}, scope: "" };
}

/** path: this feed's own address, rebuilt from the checked parameters, never echoed from the request */
type FeedRequest = { path: string; title: string; description: string; page: string; entries: FeedEntry[] };

function sendFeed(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Deps,
  format: Format,
  feed: FeedRequest,
): FastifyReply {
  const origin = siteOrigin(request);
  const self = `${origin}${feed.path}`;
  const spec = {
    id: self,
    title: feed.title,
    description: feed.description,
    link: `${origin}${feed.page}`,
    self: format === "atom" ? { atom: self } : { rss: self },
    author: deps.siteName,
    copyright: deps.copyright,
    entries: feed.entries,
    fallbackUpdated: deps.now(),
  };
  return format === "atom" ? reply.type(ATOM).send(atomFeed(spec)) : reply.type(RSS).send(rssFeed(spec));
}
