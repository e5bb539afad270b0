import { AUTHORITY_PAGES } from "./authorities.js";
import { MEETINGS_PAGES } from "./meetings/index.js";
import { PEOPLE_PAGES } from "./people/index.js";
import { PLANS_PAGES } from "./plans/index.js";
import type { AdminPage } from "./pages.js";
import { RECORDING_PAGES } from "./recording/index.js";

// Every page of the back office, each defined with formPage or viewPage (pages.ts). The
// authorisation matrix test and the accessibility test walk this list.

export const ADMIN_PAGES: readonly AdminPage[] = [
  ...AUTHORITY_PAGES,
  ...PEOPLE_PAGES,
  ...MEETINGS_PAGES,
  ...RECORDING_PAGES,
  ...PLANS_PAGES,
];
