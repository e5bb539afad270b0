import type { Councillor, CouncillorFilter, CouncillorOptions } from "../../records/public/people.js";
import { personLabel, roleLabel } from "../format.js";
import { bodyUrl, peopleUrl, personUrl } from "../urls.js";
import { home } from "./breadcrumbs.js";
import { counted, type Breadcrumb, type Phrase } from "./labels.js";

// Councillors by ward, party and body, with a GET form to narrow the list.

type Cell = { text?: string; parts?: Phrase; secondary?: string };
type Option = { value: string; text: string; selected?: boolean };

export type PeopleQuery = Partial<Record<"authority" | "party" | "ward" | "body", string | string[]>>;

export type PeoplePage = {
  pageTitle: string;
  breadcrumbs: Breadcrumb[];
  authorities: Option[];
  parties: Option[];
  wards: Option[];
  bodies: Option[];
  caption: string;
  rows: Cell[][];
  isFiltered: boolean;
  clearHref: string;
};

function one(value: string | string[] | undefined): string {
  const text = Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
  return text.trim().slice(0, 200);
}

/** The filters as given; values not among the options simply match no one. */
export function readPeopleFilter(query: PeopleQuery): CouncillorFilter {
  const filter: CouncillorFilter = {};
  for (const name of ["authority", "party", "ward", "body"] as const) {
    const value = one(query[name]);
    if (value !== "") filter[name] = value;
  }
  return filter;
}

function options(
  values: { value: string; text: string }[],
  selected: string | undefined,
  any: string,
): Option[] {
  return [{ value: "", text: any }, ...values].map((o) => ({ ...o, selected: o.value === (selected ?? "") }));
}

function bodiesCell(c: Councillor): Cell {
  if (c.bodies.length === 0) return { text: "None recorded" };
  const parts: Phrase = [];
  c.bodies.forEach((b, index) => {
    if (index > 0) parts.push({ text: "; " });
    parts.push({ text: b.name, href: bodyUrl(b.authority, b.slug) });
    if (b.role !== "member") parts.push({ text: ` (${roleLabel(b.role)})` });
  });
  return { parts };
}

export function peoplePage(
  people: Councillor[],
  filter: CouncillorFilter,
  choices: CouncillorOptions,
): PeoplePage {
  const isFiltered = Object.keys(filter).length > 0;
  return {
    pageTitle: "Councillors",
    breadcrumbs: [home],
    authorities: options(
      choices.authorities.map((a) => ({ value: a.slug, text: a.name })),
      filter.authority,
      "Any authority",
    ),
    parties: options(
      choices.parties.map((p) => ({ value: p, text: p })),
      filter.party,
      "Any party",
    ),
    wards: options(
      choices.wards.map((w) => ({ value: w, text: w })),
      filter.ward,
      "Any ward",
    ),
    bodies: options(
      choices.bodies.map((b) => ({ value: b.slug, text: `${b.name} (${b.authority})` })),
      filter.body,
      "Any body",
    ),
    caption: counted(people.length, "councillor"),
    rows: people.map((c) => [
      { parts: [{ text: personLabel(c), href: personUrl(c.authority, c) }], secondary: c.authorityName },
      { text: c.ward ?? "Not recorded" },
      { text: c.party ?? "Not recorded" },
      bodiesCell(c),
    ]),
    isFiltered,
    clearHref: peopleUrl(),
  };
}
