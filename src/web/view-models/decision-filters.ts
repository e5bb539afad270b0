import { isIsoDate } from "../../domain/calendar.js";
import type { DecisionFilter } from "../../records/public/decisions.js";
import { CALL_IN_STATUSES } from "./labels.js";

// The decisions list's GET form: read from the query string and checked. A field in error is
// left out of the search and shown with its message, as GOV.UK forms do; the rest still apply.

export type DecisionQuery = Partial<Record<string, string | string[]>>;

export type DateParts = { day: string; month: string; year: string };

export type DecisionForm = {
  authority: string;
  body: string;
  from: DateParts;
  to: DateParts;
  key: "" | "yes" | "no";
  callIn: string;
  page: number;
};

export type DecisionFieldError = {
  field: "from" | "to" | "authority" | "body" | "key" | "callIn";
  text: string;
};

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function one(query: DecisionQuery, name: string): string {
  const value = query[name];
  const text = Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
  return text.trim().slice(0, 120);
}

function dateParts(query: DecisionQuery, prefix: string): DateParts {
  return {
    day: one(query, `${prefix}-day`),
    month: one(query, `${prefix}-month`),
    year: one(query, `${prefix}-year`),
  };
}

/** "" when no part is given, an ISO date when all make a real date, else null. */
function isoDate(parts: DateParts): string | null {
  if (parts.day === "" && parts.month === "" && parts.year === "") return "";
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year))
    return null;
  const iso = `${parts.year}-${parts.month.padStart(2, "0")}-${parts.day.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : null;
}

export type DecisionFormResult = {
  form: DecisionForm;
  filter: Omit<DecisionFilter, "limit" | "offset">;
  errors: DecisionFieldError[];
};

export function readDecisionForm(query: DecisionQuery): DecisionFormResult {
  const errors: DecisionFieldError[] = [];
  const key = one(query, "key");
  const page = Number(one(query, "page") || "1");
  const form: DecisionForm = {
    authority: one(query, "authority"),
    body: one(query, "body"),
    from: dateParts(query, "from"),
    to: dateParts(query, "to"),
    key: key === "yes" || key === "no" ? key : "",
    callIn: one(query, "callIn"),
    page: Number.isInteger(page) && page >= 1 && page <= 10000 ? page : 1,
  };
  const filter: DecisionFormResult["filter"] = {};
  if (form.authority !== "") {
    if (SLUG.test(form.authority)) filter.authority = form.authority;
    else errors.push({ field: "authority", text: "Choose an authority from the list" });
  }
  if (form.body !== "") {
    if (SLUG.test(form.body)) filter.body = form.body;
    else errors.push({ field: "body", text: "Choose a body from the list" });
  }
  if (key !== "" && form.key === "")
    errors.push({ field: "key", text: "Choose whether to show key decisions" });
  if (form.key !== "") filter.isKeyDecision = form.key === "yes";
  if (form.callIn !== "") {
    if (CALL_IN_STATUSES.includes(form.callIn)) filter.callInStatus = form.callIn;
    else errors.push({ field: "callIn", text: "Choose a call-in status from the list" });
  }
  const from = isoDate(form.from);
  const to = isoDate(form.to);
  if (from === null) errors.push({ field: "from", text: "Decided from must be a real date, like 29 8 2017" });
  if (to === null) errors.push({ field: "to", text: "Decided to must be a real date, like 30 9 2017" });
  if (from && to && to < from)
    errors.push({ field: "to", text: "Decided to must be the same as or after decided from" });
  else {
    if (from) filter.from = from;
    if (to) filter.to = to;
  }
  return { form, filter, errors };
}

/** The query string of the same filters at another page of results. */
export function decisionsHref(form: DecisionForm, page: number): string {
  const params = new URLSearchParams();
  if (form.authority !== "") params.set("authority", form.authority);
  if (form.body !== "") params.set("body", form.body);
  for (const prefix of ["from", "to"] as const) {
    const parts = form[prefix];
    if (parts.day !== "" || parts.month !== "" || parts.year !== "") {
      params.set(`${prefix}-day`, parts.day);
      params.set(`${prefix}-month`, parts.month);
      params.set(`${prefix}-year`, parts.year);
    }
  }
  if (form.key !== "") params.set("key", form.key);
  if (form.callIn !== "") params.set("callIn", form.callIn);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query === "" ? "/decisions" : `/decisions?${query}`;
}
