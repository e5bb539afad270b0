import type { BodyRecord } from "../../../../records/admin/authorities.js";
import type { AdminPage, SectionsOf } from "../pages.js";
import { FORWARD_PLAN_PAGES } from "./forward-plan.js";
import { WORK_PROGRAMME_PAGES, workProgrammeSections } from "./work-programme.js";

// The forward plan and work programmes: this part's pages, and the sections it adds to a body's page.

export const PLANS_PAGES: AdminPage[] = [...FORWARD_PLAN_PAGES, ...WORK_PROGRAMME_PAGES];

export const planSectionsOfBody: SectionsOf<BodyRecord> = workProgrammeSections;
