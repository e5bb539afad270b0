import type { Db } from "../../db/connect.js";
import { publicMeeting } from "../visibility.js";
import { itemRefOf, publicItemMinutesRows } from "./item-refs.js";
import { personRef, type PersonRef, type ResolutionRef } from "./refs.js";

// The resolution tracker: every action asked for by a resolution of a public item whose minutes
// are published, with its owner and when it is due. Whether it is overdue is worked out against the clock by the caller
// (domain/actions.ts), not stored.

export type TrackedAction = {
  id: number;
  text: string;
  status: string;
  owner: string | null;
  ownerPerson: PersonRef | null;
  ownerBody: { name: string; slug: string; authority: string } | null;
  /** the due date, or the date of the published meeting it is due at */
  due: string | null;
  resolution: ResolutionRef;
};

export async function listTrackedActions(db: Db): Promise<TrackedAction[]> {
  const rows = await publicItemMinutesRows(db)
    .innerJoin("resolutions as r", "r.item_id", "i.id")
    .innerJoin("actions as ac", "ac.resolution_id", "r.id")
    .leftJoin("people as p", "p.id", "ac.owner_person_id")
    .leftJoin("authorities as pa", "pa.id", "p.authority_id")
    .leftJoin("bodies as ob", "ob.id", "ac.owner_body_id")
    .leftJoin("authorities as oba", "oba.id", "ob.authority_id")
    .leftJoin("meetings as dm", (join) =>
      join.onRef("dm.id", "=", "ac.due_meeting_id").on(publicMeeting("dm")),
    )
    .select([
      "ac.id",
      "ac.text",
      "ac.status",
      "ac.owner",
      "ac.owner_person_id",
      "ac.due_date",
      "r.number as resolution_number",
      "p.name as person_name",
      "p.honorific as person_honorific",
      "p.kind as person_kind",
      "pa.slug as person_authority",
      "ob.name as owner_body_name",
      "ob.slug as owner_body_slug",
      "oba.slug as owner_body_authority",
      "dm.date as due_meeting_date",
    ])
    .orderBy("m.date", "desc")
    .orderBy("i.position")
    .orderBy("r.position")
    .orderBy("ac.position")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    text: row.text,
    status: row.status,
    owner: row.owner,
    ownerPerson: personRef({
      id: row.owner_person_id,
      name: row.person_name,
      honorific: row.person_honorific,
      kind: row.person_kind,
      authority: row.person_authority,
    }),
    ownerBody:
      row.owner_body_name !== null && row.owner_body_slug !== null && row.owner_body_authority !== null
        ? { name: row.owner_body_name, slug: row.owner_body_slug, authority: row.owner_body_authority }
        : null,
    due: row.due_date ?? row.due_meeting_date,
    resolution: { ...itemRefOf(row), resolution: row.resolution_number },
  }));
}
