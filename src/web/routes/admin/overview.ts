import { escapeHtml } from "../../../domain/html.js";

// The view model of views/admin/overview.njk, the one shape of every back-office record page:
// sections of summary lists, tables, task lists, links and one-button forms. Values are text;
// a cell or value that links is given as html built by `linkHtml`, which escapes its parts; a
// cell may hold one-button forms.

type Text = { text: string } | { html: string };

export type SummaryRow = { key: { text: string }; value: Text; actions?: { items: ActionLink[] } };
export type ActionLink = { href: string; text: string; visuallyHiddenText?: string };
export type TableCell = (Text | { buttons: Button[] }) & { format?: "numeric" };
export type Link = { href: string; text: string };
/** A one-button form; the hidden text names what it acts on, for a screen reader. */
export type Button = { action: string; text: string; visuallyHiddenText?: string; classes?: string };
export type TaskItem = {
  title: { text: string };
  href?: string;
  hint?: { text: string };
  status: { text: string } | { tag: { text: string; classes?: string } };
};

export type Section = {
  id?: string;
  heading?: string;
  warnings?: string[];
  paragraphs?: string[];
  inset?: string;
  summary?: SummaryRow[];
  table?: { caption: string; head: { text: string }[]; rows: TableCell[][]; empty: string };
  tasks?: TaskItem[];
  links?: Link[];
  buttons?: Button[];
};

export type OverviewPage = {
  pageTitle: string;
  title: string;
  caption?: string;
  back?: string;
  notice: string | null;
  csrfToken: string;
  sections: Section[];
};

export function linkHtml(href: string, text: string): { html: string } {
  return { html: `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}</a>` };
}

export function row(key: string, value: string | null | undefined, action?: ActionLink): SummaryRow {
  return {
    key: { text: key },
    value: { text: value === null || value === undefined || value === "" ? "Not given" : value },
    ...(action ? { actions: { items: [action] } } : {}),
  };
}
