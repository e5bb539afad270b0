import { findItemRecord, findMeetingRecord } from "../../../../records/admin/recording.js";
import type { Section } from "../overview.js";
import type { AdminPage, SectionsOf } from "../pages.js";
import { ATTENDANCE_PAGES, attendanceSection } from "./attendance.js";
import { CONDITION_AND_ACTION_PAGES } from "./conditions-actions.js";
import { DECISION_PAGES, decisionSection } from "./decisions.js";
import { DECLARATION_PAGES, declarationsSection } from "./declarations.js";
import { approvalSection, MINUTES_PUBLISHING_PAGES, minutesPublishingSection } from "./minutes-publishing.js";
import { minutesSections, RESOLUTION_PAGES } from "./resolutions.js";

// Recording meetings: attendance, declarations, minutes, resolutions and votes, conditions,
// actions, decisions and call-in, and publishing minutes: this part's pages, and the sections it
// adds to a meeting's page and an item's page.

export const RECORDING_PAGES: AdminPage[] = [
  ...ATTENDANCE_PAGES,
  ...DECLARATION_PAGES,
  ...RESOLUTION_PAGES,
  ...CONDITION_AND_ACTION_PAGES,
  ...MINUTES_PUBLISHING_PAGES,
  ...DECISION_PAGES,
];

export const recordingSectionsOfMeeting: SectionsOf<number> = async (meetingId, request) => {
  const record = await findMeetingRecord(request.deps.db, meetingId);
  if (record === null) return [];
  return [await attendanceSection(record, request), await minutesPublishingSection(record, request)];
};

export const recordingSectionsOfItem: SectionsOf<number> = async (itemId, request) => {
  const record = await findItemRecord(request.deps.db, itemId);
  if (record === null) return [];
  const approval = await approvalSection(record, request);
  const sections: Section[] = [
    await declarationsSection(record, request),
    ...(await minutesSections(record, request)),
    ...(approval === null ? [] : [approval]),
    await decisionSection(record, request),
  ];
  return sections;
};
