import { slugify } from "../domain/names.js";

// The public URL scheme, written once: readable, stable, built from slugs.

export function meetingUrl(authoritySlug: string, meetingSlug: string): string {
  return `/authorities/${encodeURIComponent(authoritySlug)}/meetings/${encodeURIComponent(meetingSlug)}`;
}

// The record pages (issue 3). src/web/portal-urls.ts defines some of these with the same names
// and signatures, for the search, feeds and sitemap; it can re-export these.

const seg = encodeURIComponent;

export const authoritiesUrl = () => "/authorities";

export const authorityUrl = (authority: string) => `/authorities/${seg(authority)}`;

export const bodyUrl = (authority: string, body: string) => `${authorityUrl(authority)}/bodies/${seg(body)}`;

/** 3B's feeds: the body's meetings as iCalendar and as Atom. */
export const bodyCalendarUrl = (authority: string, body: string) =>
  `${bodyUrl(authority, body)}/calendar.ics`;
export const bodyFeedUrl = (body: string) => `/feeds/meetings.atom?body=${seg(body)}`;

export const itemUrl = (authority: string, meeting: string, number: string) =>
  `${meetingUrl(authority, meeting)}/items/${seg(number)}`;

export const issuesUrl = () => "/issues";
export const issueUrl = (issue: string) => `/issues/${seg(issue)}`;
export const issueFeedUrl = (issue: string) => `${issueUrl(issue)}/feed.atom`;

export const decisionsUrl = () => "/decisions";
export const decisionUrl = (id: number) => `/decisions/${id}`;
export const forwardPlanUrl = () => "/forward-plan";
export const actionsUrl = () => "/actions";

export const peopleUrl = () => "/people";

/** `<id>-<slug of name>`: the id keeps it stable, the name keeps it readable. */
export const personSegment = (person: { id: number; name: string }) => `${person.id}-${slugify(person.name)}`;
export const personUrl = (authority: string, person: { id: number; name: string }) =>
  `${authorityUrl(authority)}/people/${personSegment(person)}`;

/** A document, at one of its pages when given (the document page marks them `page-N`). */
export const documentUrl = (authority: string, key: string, page: number | null = null) =>
  `${authorityUrl(authority)}/documents/${seg(key)}${page === null ? "" : `#page-${page}`}`;
export const documentDownloadUrl = (authority: string, key: string) =>
  `${documentUrl(authority, key)}/download`;

export const searchUrl = () => "/search";

/** The forward plan, at one entry (the forward plan page gives each entry this id). */
export const forwardPlanEntryId = (reference: string) => `entry-${slugify(reference)}`;
export const forwardPlanEntryUrl = (reference: string) =>
  `${forwardPlanUrl()}#${forwardPlanEntryId(reference)}`;
