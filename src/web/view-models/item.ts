import { minutesLabel } from "../../domain/visibility.js";
import type { ItemRecord } from "../../records/public/items.js";
import {
  longDate,
  pageRange,
  paragraphs,
  personLabel,
  sentenceCase,
  textBlocks,
  type TextBlock,
} from "../format.js";
import { decisionUrl, forwardPlanEntryUrl, issueUrl, meetingUrl, personUrl } from "../urls.js";
import { meetingTrail } from "./breadcrumbs.js";
import { amendmentNotes } from "./meeting.js";
import {
  documentView,
  itemLink,
  type Breadcrumb,
  type DocumentView,
  type Phrase,
  type Tag,
} from "./labels.js";
import { resolutionRecordView, type ResolutionRecordView } from "./resolution-view.js";

// An agenda item's page: the report's metadata, its papers, minutes, resolutions and decisions,
// and where it sits in each issue that follows it.

type Row = { key: { text: string }; value: { text: string } | { parts: Phrase } };

export type IssuePlaceView = {
  title: string;
  href: string;
  position: string;
  previous: Phrase | null;
  next: Phrase | null;
};

export type ItemPage = {
  pageTitle: string;
  breadcrumbs: Breadcrumb[];
  caption: string;
  heading: string;
  tags: Tag[];
  facts: Row[];
  urgencyReason: string | null;
  /** "Amended on 2 March 2026: …" for each change since publication */
  amendments: string[];
  description: string[];
  documents: DocumentView[];
  declarations: Phrase[];
  minutes: { text: TextBlock[]; isDraft: boolean; draftNotice: string | null; isExtract: boolean } | null;
  resolutions: ResolutionRecordView[];
  decisions: { text: string; href: string }[];
  issues: IssuePlaceView[];
};

function facts(item: ItemRecord): Row[] {
  const m = item.meeting;
  const rows: Row[] = [
    {
      key: { text: "Meeting" },
      value: {
        parts: [{ text: `${m.body.name}, ${longDate(m.date)}`, href: meetingUrl(m.authority.slug, m.slug) }],
      },
    },
  ];
  if (item.leadMember) {
    const p = item.leadMember;
    rows.push({
      key: { text: "Lead member" },
      value: { parts: [{ text: personLabel(p), href: personUrl(p.authority, p) }] },
    });
  }
  if (item.leadOfficer) {
    const p = item.leadOfficer;
    rows.push({
      key: { text: "Lead officer" },
      value: {
        parts: [
          { text: personLabel(p), href: personUrl(p.authority, p) },
          ...(p.jobTitle ? [{ text: `, ${p.jobTitle}` }] : []),
        ],
      },
    });
  }
  rows.push({ key: { text: "Key decision" }, value: { text: item.isKeyDecision ? "Yes" : "No" } });
  if (item.forwardPlan) {
    const { reference, title } = item.forwardPlan;
    rows.push({
      key: { text: "Forward plan reference" },
      value:
        title === null
          ? { text: reference }
          : { parts: [{ text: reference, href: forwardPlanEntryUrl(reference) }, { text: `: ${title}` }] },
    });
  }
  const pages = pageRange(item.pages);
  if (pages) rows.push({ key: { text: "In the agenda pack" }, value: { text: pages } });
  rows.push({ key: { text: "Kind of item" }, value: { text: sentenceCase(item.kind) } });
  return rows;
}

export function itemPage(item: ItemRecord, today: string): ItemPage {
  const m = item.meeting;
  const draftNotice = minutesLabel(m.minutesStatus);
  return {
    pageTitle: `Item ${item.number}: ${item.title}, ${m.body.name}, ${longDate(m.date)}`,
    breadcrumbs: meetingTrail(m.authority, m.body, m),
    caption: `${m.body.name}, ${longDate(m.date)}`,
    heading: `${item.number}. ${item.title}`,
    tags: [
      ...(item.isLate ? [{ text: "Late item", classes: "govuk-tag--orange" }] : []),
      ...(item.isKeyDecision ? [{ text: "Key decision", classes: "govuk-tag--blue" }] : []),
    ],
    facts: facts(item),
    amendments: amendmentNotes(item.amendments),
    urgencyReason: item.urgencyReason,
    description: item.description === null ? [] : paragraphs(item.description),
    documents: item.documents.map(documentView),
    declarations: item.declarations.map((d) => [
      { text: personLabel(d.person), href: personUrl(d.person.authority, d.person) },
      { text: `: ${sentenceCase(d.kind)}${d.nature ? `, ${d.nature}` : ""}` },
    ]),
    minutes:
      item.minutes === null
        ? null
        : {
            text: textBlocks(item.minutes),
            isDraft: draftNotice !== null,
            draftNotice,
            isExtract: item.isMinutesTruncated,
          },
    resolutions: item.resolutions.map((r) => resolutionRecordView(r, today)),
    decisions: item.decisions.map((d) => ({ text: d.title, href: decisionUrl(d.id) })),
    issues: item.issues.map((place) => ({
      title: place.title,
      href: issueUrl(place.slug),
      position: `Item ${place.position} of ${place.total} in this issue.`,
      previous: place.previous ? [{ text: "Before: " }, itemLink(place.previous)] : null,
      next: place.next ? [{ text: "After: " }, itemLink(place.next)] : null,
    })),
  };
}
