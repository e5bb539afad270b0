import type { FastifyRequest } from "fastify";
import { meetingUrl } from "./urls.js";

// What the calendars, feeds and sitemap add to the URL scheme in urls.ts: the "add to calendar"
// file of a meeting, and the site's origin for the absolute URLs they must carry.

export const meetingCalendarUrl = (authority: string, meeting: string) =>
  `${meetingUrl(authority, meeting)}/calendar.ics`;

// A host name or bracketed IPv6 address with an optional port: anything else in a Host header is
// not trusted into a feed.
const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

/** The site's origin as the request reached it, for the absolute URLs that feeds, calendars and
 * sitemaps need. */
export function siteOrigin(request: FastifyRequest): string {
  const host = HOST.test(request.host) ? request.host : "localhost";
  return `${request.protocol}://${host}`;
}
