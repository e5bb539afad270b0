import type { Db } from "../../../../db/connect.js";
import { agendaOfMeeting, type AgendaEntry, type ItemRecord } from "../../../../records/admin/meetings.js";
import { adminUrls } from "../admin-urls.js";
import type { Button } from "../overview.js";
import { formPage, type AdminPage, type Params } from "../pages.js";
import { placeItem } from "./items.js";
import { itemName, loadItem, meetingName, meetingResource, reindexMeeting } from "./shared.js";

// Moving an agenda item one place up or down, by a button on the meeting's page. The item's
// printed number stays as it is (the item form changes it, and places an item anywhere); every
// place of the agenda is numbered again in the same transaction, each change audited.

type Direction = "up" | "down";

type MoveContext = ItemRecord & { agenda: AgendaEntry[]; place: number };

/** The item with its agenda, when it can move that way: the first item cannot go up, nor the
 * last down, so there is no such page for them. */
async function loadMove(db: Db, params: Params, direction: Direction): Promise<MoveContext | null> {
  const record = await loadItem(db, params);
  if (record === null) return null;
  const agenda = await agendaOfMeeting(db, record.meeting.id);
  const place = agenda.findIndex((entry) => entry.id === record.item.id) + 1;
  const canMove = direction === "up" ? place > 1 : place > 0 && place < agenda.length;
  return canMove ? { ...record, agenda, place } : null;
}

function movePage(direction: Direction): AdminPage {
  const word = direction === "up" ? "up" : "down";
  return formPage<MoveContext>({
    path: `/admin/items/:item/move-${direction}`,
    action: "edit-meeting",
    load: (db, params) => loadMove(db, params, direction),
    resource: meetingResource,
    title: (record) => `Move ${itemName(record)} ${word}`,
    caption: meetingName,
    back: ({ meeting }) => adminUrls.meeting(meeting.id),
    submit: `Move ${word}`,
    fields: () => [],
    async save(w, { agenda, item, meeting, place }) {
      await placeItem(w, agenda, item, direction === "up" ? place - 1 : place + 1);
      await reindexMeeting(w, meeting.id);
      return { location: adminUrls.meeting(meeting.id), notice: "moved" };
    },
  });
}

export const AGENDA_ORDER_PAGES: AdminPage[] = [movePage("up"), movePage("down")];

/** The buttons on an agenda line that move it, those that can. */
export function moveButtons(entry: AgendaEntry, place: number, places: number): Button[] {
  const name = entry.number === "" ? entry.title : `item ${entry.number}`;
  const button = (direction: Direction, text: string): Button => ({
    action: adminUrls.itemMove(entry.id, direction),
    text,
    visuallyHiddenText: name,
    classes: "govuk-button--secondary govuk-!-margin-bottom-1 govuk-!-font-size-16",
  });
  return [
    ...(place > 1 ? [button("up", "Move up")] : []),
    ...(place < places ? [button("down", "Move down")] : []),
  ];
}
