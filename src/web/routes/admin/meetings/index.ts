import type { BodyRecord } from "../../../../records/admin/authorities.js";
import type { AdminPage, SectionsOf } from "../pages.js";

// Meetings, agenda items, documents and publishing agendas: this part's pages, and the sections it adds to a body's page.

export const MEETINGS_PAGES: AdminPage[] = [];

export const meetingSectionsOfBody: SectionsOf<BodyRecord> = async () => [];
