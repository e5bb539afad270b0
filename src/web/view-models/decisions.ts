import type { AuthoritySummary } from "../../records/public/authorities.js";
import type { DecisionRecord, DecisionSummary } from "../../records/public/decisions.js";
import type { ResolutionRecord } from "../../records/public/resolutions.js";
import type { Amendment } from "../../records/versions.js";
import { paragraphs } from "../format.js";
import { decisionUrl, decisionsUrl } from "../urls.js";
import { decisionsHref, type DecisionFieldError, type DecisionForm } from "./decision-filters.js";
import { home } from "./breadcrumbs.js";
import { amendmentNotes } from "./meeting.js";
import {
  CALL_IN_STATUSES,
  callInText,
  counted,
  dateText,
  itemLink,
  type Breadcrumb,
  type Phrase,
  type Tag,
} from "./labels.js";
import { resolutionRecordView, type ResolutionRecordView } from "./resolution-view.js";

// The decisions list with its filters, and one decision's page.

type Cell = { text?: string; parts?: Phrase; secondary?: string; tag?: Tag };
type Option = { value: string; text: string; selected?: boolean };
type DateItem = { name: string; value: string; classes: string };

export const PAGE_SIZE = 20;

export type DecisionsPage = {
  pageTitle: string;
  breadcrumbs: Breadcrumb[];
  errorList: { text: string; href: string }[];
  errors: Partial<Record<DecisionFieldError["field"], { text: string }>>;
  authorities: Option[];
  bodies: Option[];
  keyOptions: Option[];
  callInOptions: Option[];
  from: DateItem[];
  to: DateItem[];
  caption: string;
  rows: Cell[][];
  pagination: {
    previous?: { href: string };
    next?: { href: string };
    items: { number: number; href: string; current: boolean }[];
  } | null;
  clearHref: string;
};

function options(values: { value: string; text: string }[], selected: string, any: string): Option[] {
  return [{ value: "", text: any }, ...values].map((o) => ({ ...o, selected: o.value === selected }));
}

function dateItems(parts: DecisionForm["from"], hasError: boolean): DateItem[] {
  const error = hasError ? " govuk-input--error" : "";
  return [
    { name: "day", value: parts.day, classes: `govuk-input--width-2${error}` },
    { name: "month", value: parts.month, classes: `govuk-input--width-2${error}` },
    { name: "year", value: parts.year, classes: `govuk-input--width-4${error}` },
  ];
}

function decisionRow(d: DecisionSummary): Cell[] {
  return [
    { parts: [{ text: d.title, href: decisionUrl(d.id) }], secondary: d.authority.name },
    { text: d.decisionMaker, secondary: dateText(d.decidedOn) },
    { text: d.isKeyDecision ? "Yes" : "No" },
    { text: callInText(d.callInStatus) },
  ];
}

export function decisionsPage(input: {
  form: DecisionForm;
  errors: DecisionFieldError[];
  total: number;
  decisions: DecisionSummary[];
  authorities: AuthoritySummary[];
  bodies: { name: string; slug: string; authority: string }[];
}): DecisionsPage {
  const { form, errors, total } = input;
  const errorFor = (field: DecisionFieldError["field"]) => errors.find((e) => e.field === field);
  const fieldErrors: DecisionsPage["errors"] = {};
  for (const e of errors) fieldErrors[e.field] ??= { text: e.text };
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(form.page, pages);
  return {
    pageTitle: errors.length > 0 ? "Error: Decisions" : "Decisions",
    breadcrumbs: [home],
    errorList: errors.map((e) => ({
      text: e.text,
      href: e.field === "from" || e.field === "to" ? `#${e.field}-day` : `#${e.field}`,
    })),
    errors: fieldErrors,
    authorities: options(
      input.authorities.map((a) => ({ value: a.slug, text: a.name })),
      form.authority,
      "Any authority",
    ),
    bodies: options(
      input.bodies.map((b) => ({ value: b.slug, text: `${b.name} (${b.authority})` })),
      form.body,
      "Any body",
    ),
    keyOptions: options(
      [
        { value: "yes", text: "Key decisions only" },
        { value: "no", text: "Other decisions only" },
      ],
      form.key,
      "Any decision",
    ),
    callInOptions: options(
      CALL_IN_STATUSES.map((status) => ({ value: status, text: callInText(status) })),
      form.callIn,
      "Any status",
    ),
    from: dateItems(form.from, errorFor("from") !== undefined),
    to: dateItems(form.to, errorFor("to") !== undefined),
    caption: counted(total, "decision"),
    rows: input.decisions.map(decisionRow),
    pagination:
      pages <= 1
        ? null
        : {
            ...(page > 1 ? { previous: { href: decisionsHref(form, page - 1) } } : {}),
            ...(page < pages ? { next: { href: decisionsHref(form, page + 1) } } : {}),
            items: Array.from({ length: pages }, (_, i) => ({
              number: i + 1,
              href: decisionsHref(form, i + 1),
              current: i + 1 === page,
            })),
          },
    clearHref: decisionsUrl(),
  };
}

export type DecisionPage = {
  pageTitle: string;
  breadcrumbs: Breadcrumb[];
  caption: string;
  heading: string;
  facts: { key: { text: string }; value: { text: string } | { parts: Phrase } }[];
  reasons: string[];
  optionsRejected: string[];
  urgencyReason: string | null;
  resolutions: ResolutionRecordView[];
  /** "Amended on 2 March 2026: …" for each change since publication */
  amendments: string[];
};

export function decisionPage(
  d: DecisionRecord & { amendments: readonly Amendment[] },
  resolutions: ResolutionRecord[],
  today: string,
): DecisionPage {
  const facts: DecisionPage["facts"] = [
    { key: { text: "Decision maker" }, value: { text: d.decisionMaker } },
    { key: { text: "Decided on" }, value: { text: dateText(d.decidedOn) } },
    { key: { text: "Key decision" }, value: { text: d.isKeyDecision ? "Yes" : "No" } },
  ];
  if (d.publishedOn)
    facts.push({ key: { text: "Decision notice published" }, value: { text: dateText(d.publishedOn) } });
  facts.push({ key: { text: "Call-in" }, value: { text: callInText(d.callInStatus) } });
  if (d.callInExpiresOn) {
    facts.push({ key: { text: "Call-in period ends" }, value: { text: dateText(d.callInExpiresOn) } });
  }
  if (d.implementationOn) {
    facts.push({ key: { text: "Can be implemented from" }, value: { text: dateText(d.implementationOn) } });
  }
  if (d.item) facts.push({ key: { text: "Taken at" }, value: { parts: [itemLink(d.item)] } });
  return {
    pageTitle: `${d.title}: decision of ${dateText(d.decidedOn)}`,
    breadcrumbs: [home, { text: "Decisions", href: decisionsUrl() }],
    caption: `Decision, ${d.authority.name}`,
    heading: d.title,
    facts,
    reasons: d.reasons === null ? [] : paragraphs(d.reasons),
    optionsRejected: d.optionsRejected === null ? [] : paragraphs(d.optionsRejected),
    urgencyReason: d.urgencyReason,
    resolutions: resolutions.map((r) => resolutionRecordView(r, today)),
    amendments: amendmentNotes(d.amendments),
  };
}
