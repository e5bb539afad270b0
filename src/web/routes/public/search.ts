import type { FastifyInstance } from "fastify";
import type { Db } from "../../../db/connect.js";
import type { Engine } from "../../../db/engine.js";
import {
  findAuthorityBySlug,
  findBodiesBySlug,
  listAuthoritiesWithBodies,
} from "../../../records/directory.js";
import { searchPeople } from "../../../records/people-search.js";
import { placeKey, placesOf } from "../../../records/search-places.js";
import { search, type SearchKind } from "../../../records/search.js";
import { sendPage } from "../../render.js";
import {
  readSearchForm,
  type FieldError,
  type SearchForm,
  type SearchQueryString,
} from "../../view-models/search-form.js";
import { RESULTS_PER_PAGE, searchPage, type SearchOutcome } from "../../view-models/search.js";

// GET /search: one box over items, minutes, resolutions, documents, issues and people, with
// filters, as a plain GET form that works without JavaScript. Public material only: this page
// serves everyone, so publicOnly is always true.

const TEXT = { type: "string", maxLength: 200 };

const querystring = {
  type: "object",
  properties: {
    q: { type: "string", maxLength: 500 },
    authority: TEXT,
    body: TEXT,
    from: TEXT,
    to: TEXT,
    kind: { type: "array", items: TEXT, maxItems: 10 },
    page: { type: "string", maxLength: 6 },
  },
};

type Filters = { authorityId?: number; bodyId?: number };

export function searchRoutes(app: FastifyInstance, deps: { db: Db; engine: Engine }): void {
  app.get<{ Querystring: SearchQueryString }>(
    "/search",
    { schema: { querystring } },
    async (request, reply) => {
      const { form, errors } = readSearchForm(request.query);
      const filters = await resolveFilters(deps.db, form, errors);
      const directory = await listAuthoritiesWithBodies(deps.db);
      const outcome =
        form.q === "" || errors.length > 0 || filters === null ? null : await runSearch(deps, form, filters);
      return sendPage(reply, "search.njk", {
        page: searchPage(form, errors, directory, outcome),
        section: "search",
      });
    },
  );
}

/** Slugs to ids; an unknown one is an error on its field (the lists only offer known ones). */
async function resolveFilters(db: Db, form: SearchForm, errors: FieldError[]): Promise<Filters | null> {
  const filters: Filters = {};
  if (form.authority !== "") {
    const authority = await findAuthorityBySlug(db, form.authority);
    if (authority) filters.authorityId = authority.id;
    else errors.push({ field: "authority", text: "Choose a council from the list" });
  }
  if (form.body !== "") {
    const [first, second] = form.body.split("/");
    const bodies =
      second === undefined
        ? await findBodiesBySlug(db, form.body)
        : await findBodiesBySlug(db, second, first);
    const [body] = bodies;
    if (body && bodies.length === 1) filters.bodyId = body.id;
    else errors.push({ field: "body", text: "Choose a committee or body from the list" });
  }
  return errors.length > 0 ? null : filters;
}

const INDEXED: SearchKind[] = ["item", "minutes", "resolution", "document", "issue"];

/** People come first (few, and named exactly), then passages in rank order; one page of
 * RESULTS_PER_PAGE is cut from that combined list. People have no date, so a date range leaves
 * them out, as it leaves out every undated passage. */
async function runSearch(
  deps: { db: Db; engine: Engine },
  form: SearchForm,
  filters: Filters,
): Promise<SearchOutcome> {
  const offset = (form.page - 1) * RESULTS_PER_PAGE;
  const wantsPeople =
    (form.kinds.length === 0 || form.kinds.includes("person")) && form.from === "" && form.to === "";
  const people = wantsPeople
    ? await searchPeople(deps.db, form.q, { ...filters, limit: RESULTS_PER_PAGE, offset })
    : { total: 0, hits: [] };
  const kinds = INDEXED.filter((kind) => form.kinds.includes(kind));
  const wantsPassages = form.kinds.length === 0 || kinds.length > 0;
  const passages = wantsPassages
    ? await search(deps.db, form.q, {
        engine: deps.engine,
        publicOnly: true,
        ...filters,
        kinds,
        ...(form.from === "" ? {} : { from: form.from }),
        ...(form.to === "" ? {} : { to: form.to }),
        limit: RESULTS_PER_PAGE - people.hits.length,
        offset: Math.max(0, offset - people.total),
      })
    : { total: 0, hits: [] };
  const places = await placesOf(deps.db, passages.hits);
  return {
    total: people.total + passages.total,
    people: people.hits,
    passages: passages.hits.flatMap((hit) => {
      const place = places.get(placeKey(hit));
      return place ? [{ hit, place }] : [];
    }),
  };
}
