import type { Portal } from "./portal.js";

// Every page type of the public portal, with a URL on the demo data and the route that serves
// it. A page type whose route is not registered yet is reported as "to do", not failed; once the
// route exists, its page is held to every check.

export type PageType = { name: string; url: string; route: string; status?: number };

const PLYMOUTH = "/authorities/plymouth-city-council";
const CABINET = `${PLYMOUTH}/meetings/2017-08-29-cabinet`;
export const ISSUE = "/issues/torbay-childrens-services-partnership-arrangement-with-pcc";

export function pageTypes(portal: Portal): PageType[] {
  return [
    { name: "home", url: "/", route: "/" },
    { name: "authorities", url: "/authorities", route: "/authorities" },
    { name: "authority", url: PLYMOUTH, route: "/authorities/:authority" },
    {
      name: "body",
      url: `${PLYMOUTH}/bodies/wellbeing-overview-and-scrutiny-committee`,
      route: "/authorities/:authority/bodies/:body",
    },
    {
      name: "meeting",
      url: `${PLYMOUTH}/meetings/2017-09-20-wellbeing-overview-and-scrutiny-committee`,
      route: "/authorities/:authority/meetings/:meeting",
    },
    {
      name: "item",
      url: `${CABINET}/items/36`,
      route: "/authorities/:authority/meetings/:meeting/items/:number",
    },
    { name: "issue", url: ISSUE, route: "/issues/:issue" },
    { name: "decisions", url: "/decisions", route: "/decisions" },
    {
      name: "decision",
      url: portal.ids.decision === null ? "/decisions/1" : `/decisions/${portal.ids.decision}`,
      route: "/decisions/:id",
    },
    { name: "forward plan", url: "/forward-plan", route: "/forward-plan" },
    { name: "actions", url: "/actions", route: "/actions" },
    { name: "people", url: "/people", route: "/people" },
    {
      name: "person",
      url: `${PLYMOUTH}/people/${portal.ids.aspinall}-aspinall`,
      route: "/authorities/:authority/people/:person",
    },
    {
      name: "document",
      url: `${PLYMOUTH}/documents/plymouth-cabinet-2017-08-29-torbay-partnership-report`,
      route: "/authorities/:authority/documents/:key",
    },
    { name: "search with results", url: "/search?q=Torbay", route: "/search" },
    { name: "search with no results", url: "/search?q=quillwort+zostera", route: "/search" },
    { name: "search with an error", url: "/search?q=Torbay&from=2017-02-30", route: "/search" },
    { name: "calendar", url: "/calendar?month=2017-09", route: "/calendar" },
    { name: "accessibility statement", url: "/accessibility", route: "/accessibility" },
    { name: "privacy notice", url: "/privacy", route: "/privacy" },
    { name: "404", url: "/no/such/page", route: "/", status: 404 },
  ];
}

export function isBuilt(portal: Portal, type: PageType): boolean {
  return portal.app.hasRoute({ method: "GET", url: type.route });
}
