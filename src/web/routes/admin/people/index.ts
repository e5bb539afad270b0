import type { BodyRecord } from "../../../../records/admin/authorities.js";
import type { AdminPage, SectionsOf } from "../pages.js";

// People, memberships, accounts and the audit log: this part's pages, and the sections it adds to a body's page.

export const PEOPLE_PAGES: AdminPage[] = [];

export const memberSectionsOfBody: SectionsOf<BodyRecord> = async () => [];
