import type { MeetingSummary } from "../../records/meetings.js";
import type { Authority, AuthoritySummary, BodySummary } from "../../records/public/authorities.js";
import { sentenceCase } from "../format.js";
import { authorityUrl, bodyUrl, decisionsUrl, peopleUrl } from "../urls.js";
import { authoritiesCrumb, home } from "./breadcrumbs.js";
import { meetingLink, type MeetingLink } from "./home.js";
import { counted, type Breadcrumb, type Link } from "./labels.js";

// The list of authorities, and one authority's page: its bodies and its meetings to come.

type Cell = { text?: string; parts?: Link[]; secondary?: string; format?: string };

export type AuthoritiesPage = {
  pageTitle: string;
  breadcrumbs: Breadcrumb[];
  rows: Cell[][];
};

export type AuthorityPage = {
  pageTitle: string;
  breadcrumbs: Breadcrumb[];
  heading: string;
  facts: { key: { text: string }; value: { text: string } }[];
  bodies: Cell[][];
  upcoming: MeetingLink[];
  recent: MeetingLink[];
  links: Link[];
};

export function authoritiesPage(authorities: AuthoritySummary[]): AuthoritiesPage {
  return {
    pageTitle: "Authorities",
    breadcrumbs: [home],
    rows: authorities.map((a) => [
      { parts: [{ text: a.name, href: authorityUrl(a.slug) }] },
      { text: a.governance === null ? "Not recorded" : sentenceCase(a.governance) },
      { text: counted(a.bodies, "body", "bodies"), format: "numeric" },
    ]),
  };
}

export function authorityPage(
  authority: Authority,
  bodies: BodySummary[],
  upcoming: MeetingSummary[],
  recent: MeetingSummary[],
): AuthorityPage {
  const facts: [string, string | null][] = [
    ["Nation", sentenceCase(authority.nation)],
    ["Governance", authority.governance === null ? null : sentenceCase(authority.governance)],
  ];
  return {
    pageTitle: authority.name,
    breadcrumbs: [home, authoritiesCrumb],
    heading: authority.name,
    facts: facts.flatMap(([key, value]) =>
      value === null ? [] : [{ key: { text: key }, value: { text: value } }],
    ),
    bodies: bodies.map((body) => [
      { parts: [{ text: body.name, href: bodyUrl(body.authority.slug, body.slug) }] },
      {
        text: sentenceCase(body.kind),
        secondary: body.isJoint ? `Joint body, led by ${body.authority.name}` : undefined,
      },
    ]),
    upcoming: upcoming.map(meetingLink),
    recent: recent.map(meetingLink),
    links: [
      { text: `Councillors of ${authority.name}`, href: `${peopleUrl()}?authority=${authority.slug}` },
      { text: `Decisions of ${authority.name}`, href: `${decisionsUrl()}?authority=${authority.slug}` },
    ],
  };
}
