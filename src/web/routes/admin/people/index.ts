import type { AdminPage } from "../pages.js";
import { ACCOUNT_PAGES } from "./accounts.js";
import { AUDIT_PAGES } from "./audit.js";
import { MEMBERSHIP_PAGES } from "./memberships.js";
import { PERSON_PAGES } from "./people.js";

// People, memberships, accounts and the audit log: this part's pages, and the sections it adds
// to a body's page.

export const PEOPLE_PAGES: AdminPage[] = [
  ...PERSON_PAGES,
  ...MEMBERSHIP_PAGES,
  ...ACCOUNT_PAGES,
  ...AUDIT_PAGES,
];

export { memberSectionsOfBody } from "./memberships.js";
