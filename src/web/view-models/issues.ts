import type { IssueHistory, IssueSummary } from "../../records/public/issues.js";
import { timelineSvg } from "../../publishing/svg/timeline.js";
import { sentenceCase } from "../format.js";
import { issueFeedUrl, issueUrl, issuesUrl } from "../urls.js";
import { home } from "./breadcrumbs.js";
import { counted, dateText, documentView, type Breadcrumb, type DocumentView, type Link } from "./labels.js";
import { issueTimeline, type HistoryEntry } from "./issue-history.js";

// The list of issues, and one issue's whole history with its timeline picture.

type Cell = { text?: string; parts?: Link[]; secondary?: string; format?: string };

export type IssuesPage = { pageTitle: string; breadcrumbs: Breadcrumb[]; rows: Cell[][] };

export type IssuePage = {
  pageTitle: string;
  breadcrumbs: Breadcrumb[];
  heading: string;
  status: string | null;
  summary: string | null;
  facts: { key: { text: string }; value: { text: string } }[];
  timeline: { svg: string; label: string } | null;
  entries: HistoryEntry[];
  papers: DocumentView[];
  feed: Link;
};

export function issuesPage(issues: IssueSummary[]): IssuesPage {
  return {
    pageTitle: "Issues",
    breadcrumbs: [home],
    rows: issues.map((issue) => [
      { parts: [{ text: issue.title, href: issueUrl(issue.slug) }], secondary: issue.authority.name },
      { text: issue.status === null ? "Not recorded" : sentenceCase(issue.status) },
      {
        text:
          issue.first === null || issue.last === null
            ? "No dates yet"
            : issue.first === issue.last
              ? dateText(issue.first)
              : `${dateText(issue.first)} to ${dateText(issue.last)}`,
      },
      { text: String(issue.items), format: "numeric" },
    ]),
  };
}

export function issuePage(issue: IssueHistory, today: string): IssuePage {
  const { entries, timeline } = issueTimeline(issue, today);
  const svg = timelineSvg(timeline);
  return {
    pageTitle: issue.title,
    breadcrumbs: [home, { text: "Issues", href: issuesUrl() }],
    heading: issue.title,
    status: issue.status === null ? null : sentenceCase(issue.status),
    summary: issue.summary,
    facts: [
      { key: { text: "Followed by" }, value: { text: issue.authority.name } },
      { key: { text: "Meeting items" }, value: { text: counted(issue.items.length, "item") } },
      ...(issue.status === null
        ? []
        : [{ key: { text: "Status" }, value: { text: sentenceCase(issue.status) } }]),
    ],
    timeline: svg === null ? null : { svg, label: `Timeline picture of ${issue.title}` },
    entries,
    papers: issue.documents.map(documentView),
    feed: { text: "Follow this issue (Atom feed)", href: issueFeedUrl(issue.slug) },
  };
}
