import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { can, type Action, type Resource, type Role } from "../../../src/domain/policy.js";
import { fieldAnchor, type Field } from "../../../src/web/forms/fields.js";
import { ADMIN_PAGES } from "../../../src/web/routes/admin/index.js";
import { CLOCK, OWN, errorSummaryText, openBackOffice, type BackOffice } from "../../support/back-office.js";
import {
  databaseState,
  postForm,
  resolvePage,
  validValues,
  type RawFields,
  type UploadFile,
} from "./params.js";

// Bad input on every form of the back office (issue 5, "Done means"): for each field, the wrong
// things a person can type for its kind (nothing where something is required, too much text,
// words for a number, a number out of range, a date that does not exist or lacks its year, a
// choice not offered, a "PDF" that is not one) → 400, the GOV.UK error summary with a link to
// that field, and nothing saved. The forms come from ADMIN_PAGES, so a new form is covered as
// soon as it is registered.

const TODAY = CLOCK.toISOString().slice(0, 10);

type BadCase = { name: string; change: RawFields; remove?: string[]; file?: UploadFile | null };

function dateParts(field: Field, day: string, month: string, year: string): RawFields {
  return { [`${field.name}-day`]: day, [`${field.name}-month`]: month, [`${field.name}-year`]: year };
}

/** The wrong values for one field, each applied to otherwise valid values. */
function badCases(field: Field): BadCase[] {
  const cases: BadCase[] = [];
  const required = field.isRequired === true;
  switch (field.kind) {
    case "text":
    case "textarea":
      if (required) cases.push({ name: "left empty", change: { [field.name]: "" } });
      cases.push({ name: "too long", change: { [field.name]: "x".repeat(field.maxLength + 1) } });
      break;
    case "number":
      if (required) cases.push({ name: "left empty", change: { [field.name]: "" } });
      cases.push({ name: "not a number", change: { [field.name]: "abc" } });
      cases.push({ name: "too big", change: { [field.name]: String(field.max + 1) } });
      cases.push({ name: "too small", change: { [field.name]: String(field.min - 1) } });
      break;
    case "date":
      if (required) cases.push({ name: "left empty", change: dateParts(field, "", "", "") });
      cases.push({ name: "31 2 2026", change: dateParts(field, "31", "2", "2026") });
      cases.push({ name: "no year", change: dateParts(field, "2", "3", "") });
      break;
    case "time":
      if (required) cases.push({ name: "left empty", change: { [field.name]: "" } });
      cases.push({ name: "not a time", change: { [field.name]: "25:61" } });
      break;
    case "select":
    case "radios":
      if (required) cases.push({ name: "none chosen", change: {}, remove: [field.name] });
      cases.push({ name: "not an option", change: { [field.name]: "not-an-option" } });
      break;
    case "checkboxes":
      if (required) cases.push({ name: "none chosen", change: {}, remove: [field.name] });
      cases.push({ name: "not an option", change: { [field.name]: ["not-an-option"] } });
      break;
    case "checkbox":
      // A single box is yes or no: anything else reads as no, which is a valid answer.
      break;
    case "file":
      if (required) cases.push({ name: "no file", change: {}, file: null });
      cases.push({
        name: "text that claims to be a PDF",
        change: {},
        file: {
          field: field.name,
          name: "report.pdf",
          type: "application/pdf",
          bytes: new TextEncoder().encode("This is not a PDF at all, only words.\n"),
        },
      });
      break;
  }
  return cases;
}

const ROLE_ORDER: readonly Role[] = ["officer", "admin", "author", "member"];

/** The role that may use the page in the record's own authority: an officer, unless the page is
 * an administrator's (the matrix test checks who else may). */
function roleFor(action: Action, resource: Resource): Role {
  const role = ROLE_ORDER.find((candidate) =>
    can(
      {
        isDisabled: false,
        grants: [{ role: candidate, authorityId: resource.authorityId }],
        bodyIds: resource.bodyId === undefined ? [] : [resource.bodyId],
      },
      action,
      resource,
    ),
  );
  assert.ok(role, `some role may ${action}`);
  return role;
}

describe("bad input on every form of the back office", () => {
  let office: BackOffice;
  let own: number;
  before(async () => {
    office = await openBackOffice();
    own = await office.authorityId(OWN);
  });
  after(() => office.close());

  for (const page of ADMIN_PAGES.filter((p) => p.method === "POST")) {
    test(`${page.path}: each field's bad values → 400, an error summary linking to the field, nothing saved`, async (t) => {
      const found = await resolvePage(office.connection.db, page, own, TODAY);
      const role = roleFor(page.action, found.resource);
      const user = await office.userFor(role, OWN);
      let tried = 0;
      for (const field of found.fields) {
        for (const bad of badCases(field)) {
          const removed = new Set(bad.remove ?? []);
          const raw: RawFields = Object.fromEntries(
            Object.entries({ ...validValues(found.fields, TODAY), ...bad.change }).filter(
              ([name]) => !removed.has(name),
            ),
          );
          const before = await databaseState(office.connection.db);
          const response = await postForm(office, user, found.url, found.fields, raw, {
            ...(bad.file === undefined ? {} : { file: bad.file }),
          });
          const what = `${found.url} ${field.name} ${bad.name}`;
          assert.equal(response.statusCode, 400, what);
          assert.ok(errorSummaryText(response.body).trim().length > 0, what);
          assert.match(
            response.body,
            new RegExp(`govuk-error-summary[\\s\\S]*href="#${fieldAnchor(field)}"`),
            what,
          );
          assert.deepEqual(await databaseState(office.connection.db), before, `${what}: nothing saved`);
          tried += 1;
        }
      }
      t.diagnostic(`${found.url}: ${found.fields.length} fields, ${tried} bad values`);
    });
  }
});
