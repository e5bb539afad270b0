import type { AdminPage, SectionsOf } from "../pages.js";

// Recording meetings: attendance, declarations, minutes, resolutions and votes, conditions,
// actions, decisions and call-in, and publishing minutes: this part's pages, and the sections it
// adds to a meeting's page and an item's page.

export const RECORDING_PAGES: AdminPage[] = [];

export const recordingSectionsOfMeeting: SectionsOf<number> = async () => [];

export const recordingSectionsOfItem: SectionsOf<number> = async () => [];
