import type { BundleMeeting } from "../../domain/bundle.js";
import { addLeadMember, addPerson, type Context, sourceOf } from "./context.js";
import { findDates } from "./dates.js";
import type { Attendee } from "./enrich.js";
import { readItemBody } from "./item-body.js";
import { addProsePeople } from "./prose-people.js";
import { itemKind } from "./item-kinds.js";
import { isBlank, type Line } from "./lines.js";
import { bodyName } from "./meeting-header.js";
import { ISSUE_HISTORY_HEADING, MEETING_REF } from "./patterns.js";
import { addPresentingOfficers, addWebFiles, readWebItem } from "./web-item.js";

// An "Issue - meetings" page: the issue's title, then each meeting that considered it
// ("Meeting: 25/09/2017 - City Council (Item 27)") with the item, its papers and its minutes.
// Each becomes a meeting with that item, and the issue links them. ModernGov's page of one agenda
// item ("Agenda item") cites its meeting the same way, and is that meeting's item alone.

type MeetingRef = { index: number; m: RegExpExecArray };

/** ModernGov's "Agenda item" heading, above the item's title and the one meeting it was taken at. */
const AGENDA_ITEM_HEADING = /^agenda\s+item$/i;

/** A page of one agenda item: its heading first, and one meeting cited. An issue's page may cite
 * one meeting too, but under its own heading ("Issue - meetings"). */
export function isAgendaItemPage(lines: Line[]): boolean {
  const first = lines.find((l) => !isBlank(l));
  if (!first || !AGENDA_ITEM_HEADING.test(first.text)) return false;
  return meetingRefs(lines).length === 1;
}

export function parseIssueHistory(lines: Line[], ctx: Context): void {
  const refs = meetingRefs(lines);
  const firstRef = refs[0]?.index ?? lines.length;
  const title =
    lines.slice(0, firstRef).find((l) => l.text !== "" && !ISSUE_HISTORY_HEADING.test(l.text))?.text ??
    ctx.hints.issue ??
    ctx.doc.title;
  const issue = title ? ctx.out.issue(title, ctx.authority) : undefined;
  for (const [n, ref] of refs.entries()) {
    const block = lines.slice(ref.index + 1, refs[n + 1]?.index ?? lines.length);
    const read = readReferencedItem(ctx, lines[ref.index], ref.m, block);
    if (read) {
      const { meeting, date, number } = read;
      issue?.items.push({ authority: meeting.authority, body: meeting.body, date, number });
    }
  }
}

/** The page of one agenda item: the meeting it cites, with that item, and no issue. */
export function parseAgendaItemPage(lines: Line[], ctx: Context): void {
  const [ref] = meetingRefs(lines);
  if (ref) readReferencedItem(ctx, lines[ref.index], ref.m, lines.slice(ref.index + 1));
}

function meetingRefs(lines: Line[]): MeetingRef[] {
  return lines.flatMap((line, index) => {
    const m = MEETING_REF.exec(line.text);
    return m ? [{ index, m }] : [];
  });
}

/** The meeting a "Meeting: … (Item N)" line cites, and the item its block below shows. */
function readReferencedItem(
  ctx: Context,
  refLine: Line | undefined,
  ref: RegExpExecArray,
  block: Line[],
): { meeting: BundleMeeting; date: string; number: string } | undefined {
  const date = findDates(ref[1] ?? "")[0]?.iso;
  const number = (ref[3] ?? "").trim();
  if (!date || !number) return undefined;
  const meeting = ctx.out.meeting(ctx.authority, bodyName(ref[2] ?? ""), date);
  meeting.published = true;
  meeting.status = "held";
  // "27 Recommendations from Cabinet", "27.<tab>Recommendations …", or "27" alone above the title.
  const at = block.findIndex(
    (l) => l.text.startsWith(number) && /^[.)]?(?:\s|$)/.test(l.text.slice(number.length)),
  );
  const numberLine = block[at];
  if (!numberLine) return undefined;
  const inline = numberLine.text.slice(number.length).replace(/^[.)]?\s*/, "");
  const below = inline === "" ? block.slice(at + 1).findIndex((l) => l.text !== "") + at + 1 : at;
  const titleLine = block[below];
  if (!titleLine) return undefined;
  const titleText = inline === "" ? titleLine.text : inline;
  const web = readWebItem(titleLine, titleText, block.slice(below + 1));
  if (web.title === "") return undefined;
  const item = ctx.out.item(meeting, number, web.title, itemKind(web.title));
  if (web.description) item.description = web.description;
  if (web.leadMember) item.leadMember = addLeadMember(ctx, web.leadMember, web.leadLabel);
  const where = { authority: meeting.authority, body: meeting.body, date };
  for (const id of addWebFiles(ctx, web.files, where))
    if (!item.documents.includes(id)) item.documents.push(id);
  const attendees: Attendee[] = [];
  const body = readItemBody(web.minutes, {
    authority: ctx.authority,
    body: meeting.body,
    out: ctx.out,
    attendees,
  });
  if (body.minutes) {
    item.minutes = body.minutes;
    addProsePeople(body.minutes, ctx);
    addPresentingOfficers(body.minutes, ctx);
  }
  if (body.truncated) item.minutesTruncated = true;
  item.resolutions.push(...body.resolutions);
  for (const d of body.declarations) {
    const person = addPerson(ctx, d.person);
    if (!item.declarations.some((x) => x.person === person))
      item.declarations.push({ person, kind: d.kind, ...(d.nature ? { nature: d.nature } : {}) });
  }
  const source = sourceOf(ctx, block);
  if (source) item.source = { ...source, from: refLine?.from ?? source.from };
  return { meeting, date, number };
}
