import type { Named } from "../../records/meetings.js";
import { authoritiesUrl, authorityUrl, bodyUrl, meetingUrl } from "../urls.js";
import { dateText, type Breadcrumb } from "./labels.js";

// The trails above each record page: where the record sits among authorities, bodies and
// meetings. The current page is not in its own trail.

export const home: Breadcrumb = { text: "Home", href: "/" };

export const authoritiesCrumb: Breadcrumb = { text: "Authorities", href: authoritiesUrl() };

export function authorityTrail(authority: Named): Breadcrumb[] {
  return [home, authoritiesCrumb, { text: authority.name, href: authorityUrl(authority.slug) }];
}

export function bodyTrail(authority: Named, body: Named): Breadcrumb[] {
  return [...authorityTrail(authority), { text: body.name, href: bodyUrl(authority.slug, body.slug) }];
}

export function meetingTrail(
  authority: Named,
  body: Named,
  meeting: { slug: string; date: string },
): Breadcrumb[] {
  return [
    ...bodyTrail(authority, body),
    { text: dateText(meeting.date), href: meetingUrl(authority.slug, meeting.slug) },
  ];
}
