import type { Db } from "../../db/connect.js";
import { publicItem, publicMinutes } from "../visibility.js";
import type { ItemRef } from "./refs.js";

// Public agenda items with the names and slugs that link to them, as the start of a query:
// callers join what they need (resolutions, declarations, issues) and filter further. The
// visibility rule is applied here, once, for every query that starts from it.

export function publicItemRows(db: Db) {
  return db
    .selectFrom("agenda_items as i")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .innerJoin("bodies as b", "b.id", "m.body_id")
    .innerJoin("authorities as a", "a.id", "m.authority_id")
    .where(publicItem("i", "m"))
    .select([
      "i.id as item_id",
      "i.number as item_number",
      "i.title as item_title",
      "m.slug as meeting_slug",
      "m.date as meeting_date",
      "b.name as body_name",
      "b.slug as body_slug",
      "a.name as authority_name",
      "a.slug as authority_slug",
    ]);
}

/** Public items whose minutes are public too: the start of every query for what was recorded
 * under an item (declarations, resolutions and the actions they set). */
export function publicItemMinutesRows(db: Db) {
  return publicItemRows(db).where(publicMinutes("m"));
}

export type ItemRefRow = {
  item_number: string;
  item_title: string;
  meeting_slug: string;
  meeting_date: string;
  body_name: string;
  body_slug: string;
  authority_name: string;
  authority_slug: string;
};

export function itemRefOf(row: ItemRefRow): ItemRef {
  return {
    number: row.item_number,
    title: row.item_title,
    meeting: {
      slug: row.meeting_slug,
      date: row.meeting_date,
      body: { name: row.body_name, slug: row.body_slug },
      authority: { name: row.authority_name, slug: row.authority_slug },
    },
  };
}
