import { isIsoDate } from "../../domain/calendar.js";
import type { SearchKind } from "../../records/search.js";

// The search page's GET form: read from the query string, checked, and written back into links
// (pagination keeps the filters). Every value arrives as text; nothing here touches the database.

export type PortalKind = SearchKind | "person";

export const KINDS: { value: PortalKind; text: string }[] = [
  { value: "item", text: "Agenda items" },
  { value: "minutes", text: "Minutes" },
  { value: "resolution", text: "Resolutions" },
  { value: "document", text: "Documents" },
  { value: "issue", text: "Issues" },
  { value: "person", text: "People" },
];

export type SearchQueryString = {
  q?: string;
  authority?: string;
  body?: string;
  from?: string;
  to?: string;
  kind?: string[];
  page?: string;
};

export type SearchForm = {
  q: string;
  authority: string;
  /** "authority-slug/body-slug" as the form's list gives it, or a bare body slug */
  body: string;
  from: string;
  to: string;
  kinds: PortalKind[];
  page: number;
};

export type FieldName = "q" | "authority" | "body" | "from" | "to" | "kind";
export type FieldError = { field: FieldName; text: string };

function isKind(value: string): value is PortalKind {
  return KINDS.some((kind) => kind.value === value);
}

export function readSearchForm(query: SearchQueryString): { form: SearchForm; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = (value: string | undefined) => (value ?? "").trim();
  const form: SearchForm = {
    q: text(query.q),
    authority: text(query.authority),
    body: text(query.body),
    from: text(query.from),
    to: text(query.to),
    kinds: [],
    page: 1,
  };
  for (const value of query.kind ?? []) {
    if (isKind(value) && !form.kinds.includes(value)) form.kinds.push(value);
    else if (!isKind(value)) errors.push({ field: "kind", text: "Choose what to search from the list" });
  }
  const page = Number(query.page ?? "1");
  form.page = Number.isInteger(page) && page >= 1 ? page : 1;
  if (form.from !== "" && !isIsoDate(form.from)) {
    errors.push({ field: "from", text: "Date from must be a real date, like 2017-09-20" });
  }
  if (form.to !== "" && !isIsoDate(form.to)) {
    errors.push({ field: "to", text: "Date to must be a real date, like 2017-09-30" });
  }
  if (isIsoDate(form.from) && isIsoDate(form.to) && form.to < form.from) {
    errors.push({ field: "to", text: "Date to must be the same as or after date from" });
  }
  return { form, errors };
}

/** The query string of the same search at another page. */
export function searchHref(form: SearchForm, page: number): string {
  const params = new URLSearchParams();
  params.set("q", form.q);
  for (const name of ["authority", "body", "from", "to"] as const) {
    if (form[name] !== "") params.set(name, form[name]);
  }
  for (const kind of form.kinds) params.append("kind", kind);
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}`;
}
