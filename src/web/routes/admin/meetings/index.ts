import type { AdminPage } from "../pages.js";
import { AGENDA_ORDER_PAGES } from "./agenda-order.js";
import { DOCUMENT_PAGES } from "./documents.js";
import { ITEM_PAGES } from "./items.js";
import { MEETING_FORM_PAGES } from "./meeting-forms.js";
import { MEETING_VIEW_PAGES } from "./meeting-page.js";
import { PUBLISH_PAGES } from "./publish.js";

// Meetings, agenda items, documents and publishing agendas: this part's pages, and the sections
// it adds to a body's page.

export { meetingSectionsOfBody } from "./meeting-page.js";

export const MEETINGS_PAGES: AdminPage[] = [
  ...MEETING_FORM_PAGES,
  ...MEETING_VIEW_PAGES,
  ...ITEM_PAGES,
  ...AGENDA_ORDER_PAGES,
  ...DOCUMENT_PAGES,
  ...PUBLISH_PAGES,
];
