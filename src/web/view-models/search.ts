import type { AuthorityWithBodies } from "../../records/directory.js";
import type { PersonHit } from "../../records/people-search.js";
import type { Place } from "../../records/search-places.js";
import type { SearchHit } from "../../records/search.js";
import { longDate, personLabel, sentenceCase } from "../format.js";
import { documentUrl, issueUrl, itemUrl, personUrl } from "../urls.js";
import { KINDS, searchHref, type FieldError, type FieldName, type SearchForm } from "./search-form.js";

// The search page's view model: the form's fields in govuk-frontend's macro shapes, and each
// result as a link, a line saying what and where it is, and its snippet. A snippet is HTML made
// by records/ (escaped text with <mark>), the one value the template prints unescaped.

type Text = { text: string };
type SelectItem = { value: string; text: string; selected: boolean };
type CheckboxItem = { value: string; text: string; checked: boolean };
type PaginationLink = { href: string };
type PaginationItem = { number?: number; href?: string; current?: boolean; ellipsis?: boolean };

export type HitView = { href: string; title: string; kind: string; meta: string[]; snippetHtml: string };

export type SearchResultsView = {
  count: string;
  /** "Showing 21 to 40" when there is more than one page */
  range: string | null;
  hits: HitView[];
  pagination: { previous?: PaginationLink; next?: PaginationLink; items: PaginationItem[] } | null;
};

export type SearchPage = {
  pageTitle: string;
  q: string;
  from: string;
  to: string;
  errorList: { text: string; href: string }[];
  errors: Partial<Record<FieldName, Text>>;
  authorities: SelectItem[];
  bodies: SelectItem[];
  kinds: CheckboxItem[];
  results: SearchResultsView | null;
};

export const RESULTS_PER_PAGE = 20;

export type SearchOutcome = {
  total: number;
  people: PersonHit[];
  passages: { hit: SearchHit; place: Place }[];
};

export function searchPage(
  form: SearchForm,
  errors: FieldError[],
  directory: AuthorityWithBodies[],
  outcome: SearchOutcome | null,
): SearchPage {
  const errorsByField: Partial<Record<FieldName, Text>> = {};
  for (const error of errors) errorsByField[error.field] ??= { text: error.text };
  const results = outcome === null ? null : resultsView(form, outcome);
  const titled = form.q === "" ? "Search" : `Search results for “${form.q}”`;
  const paged = results?.pagination ? `${titled} (page ${form.page})` : titled;
  return {
    pageTitle: errors.length > 0 ? `Error: ${paged}` : paged,
    q: form.q,
    from: form.from,
    to: form.to,
    errorList: errors.map((error) => ({ text: error.text, href: `#${fieldId(error.field)}` })),
    errors: errorsByField,
    authorities: [
      { value: "", text: "All councils", selected: form.authority === "" },
      ...directory.map((a) => ({ value: a.slug, text: a.name, selected: a.slug === form.authority })),
    ],
    bodies: [
      { value: "", text: "All committees and bodies", selected: form.body === "" },
      ...directory.flatMap((a) =>
        a.bodies.map((b) => {
          const value = `${a.slug}/${b.slug}`;
          return { value, text: `${b.name} (${a.name})`, selected: value === form.body };
        }),
      ),
    ],
    kinds: KINDS.map((kind) => ({ ...kind, checked: form.kinds.includes(kind.value) })),
    results,
  };
}

/** The id of the input an error message points at (the checkboxes' first box, for kinds). */
export function fieldId(field: FieldName): string {
  return field === "kind" ? "kind" : field;
}

function resultsView(form: SearchForm, outcome: SearchOutcome): SearchResultsView {
  const pages = Math.max(1, Math.ceil(outcome.total / RESULTS_PER_PAGE));
  const first = (form.page - 1) * RESULTS_PER_PAGE + 1;
  const shown = outcome.people.length + outcome.passages.length;
  return {
    count: outcome.total === 1 ? "1 result" : `${outcome.total.toLocaleString("en-GB")} results`,
    range: pages > 1 && shown > 0 ? `Showing ${first} to ${first + shown - 1}` : null,
    hits: [
      ...outcome.people.map(personView),
      ...outcome.passages.map(({ hit, place }) => passageView(hit, place)),
    ],
    pagination: pages > 1 ? pagination(form, pages) : null,
  };
}

const PERSON_KINDS: Record<string, string> = { councillor: "Councillor", officer: "Officer" };

function personView(person: PersonHit): HitView {
  return {
    href: personUrl(person.authority.slug, person),
    title: personLabel(person),
    kind: PERSON_KINDS[person.kind] ?? "Person",
    meta: [person.authority.name],
    snippetHtml: person.snippet,
  };
}

const KIND_LABELS: Record<string, string> = {
  item: "Agenda item",
  minutes: "Minutes",
  resolution: "Resolution",
  document: "Document",
  issue: "Issue",
};

function passageView(hit: SearchHit, place: Place): HitView {
  const view = {
    title: hit.title,
    kind: KIND_LABELS[hit.kind] ?? sentenceCase(hit.kind),
    snippetHtml: hit.snippet,
  };
  if (place.kind === "item") {
    const resolution = place.resolution === null ? [] : [`Resolution ${place.resolution}`];
    return {
      ...view,
      href: itemUrl(place.authority.slug, place.meetingSlug, place.number),
      meta: [...resolution, `${place.body.name}, ${longDate(place.date)}`, place.authority.name],
    };
  }
  if (place.kind === "document") {
    return {
      ...view,
      kind: `${view.kind}: ${sentenceCase(place.kindOfDocument).toLowerCase()}`,
      href: documentUrl(place.authority.slug, place.key, hit.page),
      meta: [
        ...(hit.page === null ? [] : [`Page ${hit.page}`]),
        ...(hit.date === null ? [] : [longDate(hit.date)]),
        place.authority.name,
      ],
    };
  }
  return { ...view, href: issueUrl(place.slug), meta: [place.authority.name] };
}

/** Numbered links around the current page, with the first and last, and ellipses between. */
function pagination(form: SearchForm, pages: number): NonNullable<SearchResultsView["pagination"]> {
  const current = Math.min(form.page, pages);
  const numbers = [...new Set([1, current - 1, current, current + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  for (const [index, number] of numbers.entries()) {
    const before = numbers[index - 1];
    if (before !== undefined && number - before > 1) items.push({ ellipsis: true });
    items.push({ number, href: searchHref(form, number), current: number === form.page });
  }
  return {
    ...(current > 1 ? { previous: { href: searchHref(form, current - 1) } } : {}),
    ...(form.page < pages ? { next: { href: searchHref(form, form.page + 1) } } : {}),
    items,
  };
}
