import type { BodyRecord } from "../../../../records/admin/authorities.js";
import type { AdminPage, SectionsOf } from "../pages.js";

// The forward plan and work programmes: this part's pages, and the sections it adds to a body's page.

export const PLANS_PAGES: AdminPage[] = [];

export const planSectionsOfBody: SectionsOf<BodyRecord> = async () => [];
