import type { Db } from "../../db/connect.js";
import type { Named } from "../meetings.js";
import { publicMinutes } from "../visibility.js";
import { itemRefOf, publicItemMinutesRows, publicItemRows } from "./item-refs.js";
import { count, type ItemRef } from "./refs.js";

// What a person's page shows beyond their name: the bodies they sit on, how often they attended
// each body's published meetings, the interests they declared and the items they led. Only
// published meetings and public items count, and attendance and declarations only once the
// minutes that record them are published, so an exempt item or unpublished minutes add nothing
// here, not even to a total.

export type PersonMembership = Named & {
  authority: Named;
  role: string;
  from: string | null;
  to: string | null;
};

export type AttendanceFigures = Named & {
  authority: string;
  attended: number;
  apologies: number;
  absent: number;
  /** attended without being a member: an officer, a cabinet member at scrutiny */
  inAttendance: number;
};

export type PersonDeclaration = { item: ItemRef; kind: string; nature: string | null };

export type ItemLed = { item: ItemRef; role: "lead-member" | "lead-officer" };

export async function listPersonMemberships(db: Db, personId: number): Promise<PersonMembership[]> {
  const rows = await db
    .selectFrom("memberships as ms")
    .innerJoin("bodies as b", "b.id", "ms.body_id")
    .innerJoin("authorities as a", "a.id", "b.authority_id")
    .select([
      "b.name",
      "b.slug",
      "a.name as authority_name",
      "a.slug as authority_slug",
      "ms.role",
      "ms.from_date",
      "ms.to_date",
    ])
    .where("ms.person_id", "=", personId)
    .orderBy("b.name")
    .orderBy("ms.role")
    .execute();
  return rows.map((row) => ({
    name: row.name,
    slug: row.slug,
    authority: { name: row.authority_name, slug: row.authority_slug },
    role: row.role,
    from: row.from_date,
    to: row.to_date,
  }));
}

/** Attendance recorded in published minutes, counted per body. A substitute attended. */
export async function listAttendanceFigures(db: Db, personId: number): Promise<AttendanceFigures[]> {
  const rows = await db
    .selectFrom("attendances as at")
    .innerJoin("meetings as m", "m.id", "at.meeting_id")
    .innerJoin("bodies as b", "b.id", "m.body_id")
    .innerJoin("authorities as a", "a.id", "b.authority_id")
    .select((eb) => ["b.name", "b.slug", "a.slug as authority", "at.status", eb.fn.countAll().as("n")])
    .where("at.person_id", "=", personId)
    .where(publicMinutes("m"))
    .groupBy(["b.name", "b.slug", "a.slug", "at.status"])
    .orderBy("b.name")
    .execute();
  const figures = new Map<string, AttendanceFigures>();
  for (const row of rows) {
    const key = `${row.authority}/${row.slug}`;
    const entry = figures.get(key) ?? {
      name: row.name,
      slug: row.slug,
      authority: row.authority,
      attended: 0,
      apologies: 0,
      absent: 0,
      inAttendance: 0,
    };
    const n = count(row.n);
    if (row.status === "present" || row.status === "substitute") entry.attended += n;
    else if (row.status === "apologies") entry.apologies += n;
    else if (row.status === "absent") entry.absent += n;
    else entry.inAttendance += n;
    figures.set(key, entry);
  }
  return [...figures.values()];
}

export async function listPersonDeclarations(db: Db, personId: number): Promise<PersonDeclaration[]> {
  const rows = await publicItemMinutesRows(db)
    .innerJoin("declarations as d", "d.item_id", "i.id")
    .select(["d.kind", "d.nature"])
    .where("d.person_id", "=", personId)
    .orderBy("m.date", "desc")
    .orderBy("i.position")
    .execute();
  return rows.map((row) => ({ item: itemRefOf(row), kind: row.kind, nature: row.nature }));
}

export async function listItemsLed(db: Db, personId: number): Promise<ItemLed[]> {
  const rows = await publicItemRows(db)
    .select(["i.lead_member_id"])
    .where((eb) => eb.or([eb("i.lead_member_id", "=", personId), eb("i.lead_officer_id", "=", personId)]))
    .orderBy("m.date", "desc")
    .orderBy("i.position")
    .execute();
  return rows.map((row) => ({
    item: itemRefOf(row),
    role: row.lead_member_id === personId ? "lead-member" : "lead-officer",
  }));
}
