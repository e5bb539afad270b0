import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { isEmailAddress, normaliseEmail } from "../../../../domain/passwords.js";
import type { Row } from "../../../../db/schema.js";
import { findAuthorityRow } from "../../../../records/admin/authorities.js";
import { AUDIT_PAGE_SIZE, auditedTables, readAuthorityAudit } from "../../../../records/admin/audit.js";
import { escapeHtml } from "../../../../domain/html.js";
import { formView } from "../../../forms/form-view.js";
import { optionalText, readForm, type Field, type FieldErrors } from "../../../forms/fields.js";
import { clockTime, longDate, sentenceCase } from "../../../format.js";
import { adminUrls } from "../admin-urls.js";
import type { TableCell } from "../overview.js";
import { viewPage, type AdminPage, type Params } from "../pages.js";

// The audit log of an authority, for its administrators: every change to its records, newest
// first, fifty to a page, filtered by record and by who made it. The filters are a GET form, so
// a filtered page has an address that can be shared; a filter that makes no sense is an error
// on the form (400), not an empty list.

const LONDON = tz("Europe/London");
const SHORT = 40;
const MOST_FIELDS = 6;

const WHAT: Record<string, string> = { insert: "Added", update: "Changed", delete: "Removed" };

/** "2 March 2026, 9:05am", in London whatever the server's zone. */
function when(at: string): string {
  const instant = new Date(at);
  const date = longDate(format(instant, "yyyy-MM-dd", { in: LONDON })).replace(/^\S+ /, "");
  return `${date}, ${clockTime(format(instant, "HH:mm", { in: LONDON }))}`;
}

function shortValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "empty";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return [...text].length > SHORT ? `${[...text].slice(0, SHORT - 1).join("")}…` : text;
}

function parsed(json: string | null): Record<string, unknown> {
  if (json === null) return {};
  const value: unknown = JSON.parse(json);
  return typeof value === "object" && value !== null ? { ...value } : {};
}

/** What changed, a line a field: "name: Old → New" for a change, "name: New" for an addition. */
export function changedFields(entry: Pick<Row<"audit_log">, "action" | "before" | "after">): string[] {
  const before = parsed(entry.before);
  const after = parsed(entry.after);
  if (entry.action === "delete") return [];
  // Every row of an authority's log is that authority's: its id would only repeat itself.
  const keys = Object.keys(after).filter((key) => key !== "id" && key !== "authority_id");
  const lines =
    entry.action === "update"
      ? keys
          .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
          .map((key) => `${key}: ${shortValue(before[key])} → ${shortValue(after[key])}`)
      : keys.filter((key) => after[key] !== null).map((key) => `${key}: ${shortValue(after[key])}`);
  return lines.length > MOST_FIELDS
    ? [...lines.slice(0, MOST_FIELDS), `and ${lines.length - MOST_FIELDS} more`]
    : lines;
}

function recordName(entry: Row<"audit_log">): string {
  const id = entry.record_id.startsWith("{")
    ? Object.entries(parsed(entry.record_id))
        .map(([key, value]) => `${key} ${shortValue(value)}`)
        .join(", ")
    : entry.record_id;
  return `${sentenceCase(entry.record_table)} ${id}`;
}

function linesHtml(lines: string[]): TableCell {
  return { html: lines.map((line) => escapeHtml(line)).join("<br>") };
}

function filterFields(tables: string[]): Field[] {
  return [
    {
      kind: "select",
      name: "table",
      label: "Kind of record",
      hint: "None shows every kind",
      options: tables.map((table) => ({ value: table, text: sentenceCase(table) })),
    },
    {
      kind: "text",
      name: "record",
      label: "Record number",
      hint: "The number at the end of the record's back-office address",
      maxLength: 12,
      width: "short",
    },
    {
      kind: "text",
      name: "person",
      label: "Changed by",
      hint: "Their email address",
      maxLength: 254,
      width: "short",
    },
  ];
}

type Filter = { table?: string; recordId?: string; actor?: string };

/** The filters from the query string, or what is wrong with them. */
function readFilter(fields: Field[], query: Params): { filter: Filter; errors: FieldErrors } {
  const { values, errors } = readForm(fields, query);
  const table = optionalText(values, "table");
  const recordId = optionalText(values, "record");
  const person = optionalText(values, "person");
  if (recordId !== null && !/^\d+$/.test(recordId)) errors.record = "Record number must be a whole number";
  if (recordId !== null && table === null && errors.table === undefined) {
    errors.table = "Select the kind of record the number is for";
  }
  const actor = person === null ? null : normaliseEmail(person);
  if (actor !== null && !isEmailAddress(actor)) {
    errors.person = "Enter an email address in the correct format, like name@example.com";
  }
  return {
    filter: {
      ...(table === null ? {} : { table }),
      ...(recordId === null ? {} : { recordId }),
      ...(actor === null ? {} : { actor }),
    },
    errors,
  };
}

function pageNumber(text: string | undefined): number {
  return text !== undefined && /^\d{1,6}$/.test(text) && Number(text) > 0 ? Number(text) : 1;
}

function pageHref(base: string, query: Params, page: number): string {
  const params = new URLSearchParams();
  for (const name of ["table", "record", "person"]) {
    const value = query[name];
    if (value !== undefined && value !== "") params.set(name, value);
  }
  params.set("page", String(page));
  return `${base}?${params.toString()}`;
}

const auditPage = viewPage<{ authority: Row<"authorities"> }>({
  path: "/admin/authorities/:authority/audit",
  action: "read-audit-log",
  async load(db, params) {
    const authority = await findAuthorityRow(db, Number(params.authority));
    return authority === null ? null : { authority };
  },
  resource: ({ authority }) => ({ authorityId: authority.id }),
  async render({ authority }, request) {
    const { db } = request.deps;
    const base = adminUrls.audit(authority.id);
    const fields = filterFields(await auditedTables(db, authority.id));
    const { filter, errors } = readFilter(fields, request.query);
    const form = formView(fields, request.query, errors);
    const isBad = form.errorList.length > 0;
    const page = pageNumber(request.query.page);
    const { rows, total } = isBad
      ? { rows: [], total: 0 }
      : await readAuthorityAudit(db, authority.id, filter, page);
    const lastPage = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
    const title = "Audit log";
    return {
      status: isBad ? 400 : 200,
      template: "admin/people/audit.njk",
      page: {
        pageTitle: `${isBad ? "Error: " : ""}${title}, ${authority.name}`,
        title,
        caption: authority.name,
        back: adminUrls.authority(authority.id),
        action: base,
        form,
        isBad,
        showing:
          total === 0
            ? "No changes match."
            : page > lastPage
              ? `There ${lastPage === 1 ? "is only 1 page" : `are only ${lastPage} pages`} of changes.`
              : `Showing ${(page - 1) * AUDIT_PAGE_SIZE + 1} to ${Math.min(page * AUDIT_PAGE_SIZE, total)} of ${total} changes, newest first.`,
        head: [{ text: "When" }, { text: "Who" }, { text: "What" }, { text: "Record" }, { text: "Changes" }],
        rows: rows.map((entry) => [
          { text: when(entry.at) },
          { text: entry.actor },
          { text: WHAT[entry.action] ?? entry.action },
          { text: recordName(entry) },
          linesHtml([...changedFields(entry), ...(entry.reason ? [`Reason: ${entry.reason}`] : [])]),
        ]),
        pagination: {
          ...(page > 1
            ? { previous: { href: pageHref(base, request.query, Math.min(page - 1, lastPage)) } }
            : {}),
          ...(page < lastPage ? { next: { href: pageHref(base, request.query, page + 1) } } : {}),
        },
      },
    };
  },
});

export const AUDIT_PAGES: AdminPage[] = [auditPage];
