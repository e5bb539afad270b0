import type { Db } from "../../../../db/connect.js";
import {
  findItemRecord,
  findMeetingRecord,
  findResolutionRecord,
  meetingResource,
  type ItemRecord,
  type MeetingRecord,
  type PersonOption,
  type ResolutionRecord,
} from "../../../../records/admin/recording.js";
import { longDate } from "../../../../domain/wording.js";
import { reindex } from "../../../../records/search.js";
import type { Writer } from "../../../../records/writer.js";
import type { Option } from "../../../forms/fields.js";
import { can, type Action } from "../../../../domain/policy.js";
import type { Params, ViewRequest } from "../pages.js";

// What the recording pages share: loading their record from the address, the policy's resource,
// and how people and meetings are named on a form.

export const loadMeeting = (db: Db, params: Params) => findMeetingRecord(db, Number(params.meeting));
export const loadItem = (db: Db, params: Params) => findItemRecord(db, Number(params.item));
export const loadResolution = (db: Db, params: Params) => findResolutionRecord(db, Number(params.resolution));

export const resourceOf = (record: MeetingRecord) => meetingResource(record);

/** Whether the person viewing a page may do this to the meeting: a link to a page they could not
 * use is not shown to them. */
export function may(request: ViewRequest, action: Action, record: MeetingRecord): boolean {
  return can(request.account, action, meetingResource(record));
}

/** The links to show: those whose action the person viewing may do. */
export function linksFor<L>(request: ViewRequest, record: MeetingRecord, action: Action, links: L[]): L[] {
  return may(request, action, record) ? links : [];
}

export function personName(person: { name: string; honorific: string | null }): string {
  return person.honorific === null ? person.name : `${person.honorific} ${person.name}`;
}

export function personOptions(people: readonly PersonOption[]): Option[] {
  return people.map((person) => ({ value: String(person.id), text: personName(person) }));
}

export function meetingName(record: MeetingRecord): string {
  return `${record.body.name}, ${longDate(record.meeting.date)}`;
}

export function itemName(record: ItemRecord): string {
  return `${record.item.number}. ${record.item.title}`;
}

export function resolutionName(record: ResolutionRecord): string {
  const number = record.resolution.number === "" ? "" : `${record.resolution.number} `;
  return `Resolution ${number}of item ${record.item.number}`;
}

/** Search indexes a meeting's minutes and resolutions: a save that changes them reindexes it. */
export async function reindexMeeting(w: Writer, meetingId: number): Promise<void> {
  await reindex(w.trx, { meetings: new Set([meetingId]), documents: new Set(), issues: new Set() });
}
