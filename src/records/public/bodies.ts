import { sql } from "kysely";
import type { Db } from "../../db/connect.js";
import type { Named } from "../meetings.js";
import { publicMeeting } from "../visibility.js";
import { personRef, type PersonRef } from "./refs.js";

// A body's page: what it is, who sits on it now, and its work programme. A body is found under
// its lead authority's address (bodies.authority_id), the one its slug is unique within.

export type BodyRecord = Named & {
  id: number;
  kind: string;
  purpose: string | null;
  isJoint: boolean;
  authority: Named;
  /** every authority it belongs to, its lead authority first */
  authorities: Named[];
};

export type Member = {
  person: PersonRef & { party: string | null; ward: string | null };
  role: string;
  from: string | null;
  to: string | null;
};

export type WorkProgrammeEntry = {
  municipalYear: string | null;
  meetingDate: string | null;
  /** the planned meeting's slug, when it is a published meeting of this body */
  meeting: string | null;
  title: string;
  priorityScore: number | null;
  priorityBand: string | null;
  reason: string | null;
  responsible: string | null;
  kind: string | null;
};

export async function findBody(
  db: Db,
  authoritySlug: string,
  bodySlug: string,
): Promise<BodyRecord | undefined> {
  const row = await db
    .selectFrom("bodies as b")
    .innerJoin("authorities as a", "a.id", "b.authority_id")
    .select([
      "b.id",
      "b.name",
      "b.slug",
      "b.kind",
      "b.purpose",
      "b.is_joint",
      "a.name as a_name",
      "a.slug as a_slug",
    ])
    .where("a.slug", "=", authoritySlug)
    .where("b.slug", "=", bodySlug)
    .executeTakeFirst();
  if (!row) return undefined;
  const authorities = await db
    .selectFrom("body_authorities as ba")
    .innerJoin("authorities as a", "a.id", "ba.authority_id")
    .select(["a.name", "a.slug"])
    .where("ba.body_id", "=", row.id)
    .orderBy(sql`case when a.slug = ${row.a_slug} then 0 else 1 end`)
    .orderBy("a.name")
    .execute();
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    kind: row.kind,
    purpose: row.purpose,
    isJoint: row.is_joint,
    authority: { name: row.a_name, slug: row.a_slug },
    authorities,
  };
}

/** Memberships in force today: started (or with no start recorded) and not yet ended. */
export async function listCurrentMembers(db: Db, bodyId: number, today: string): Promise<Member[]> {
  const rows = await db
    .selectFrom("memberships as ms")
    .innerJoin("people as p", "p.id", "ms.person_id")
    .innerJoin("authorities as a", "a.id", "p.authority_id")
    .select([
      "ms.role",
      "ms.from_date",
      "ms.to_date",
      "p.id",
      "p.name",
      "p.honorific",
      "p.kind",
      "p.party",
      "p.ward",
      "a.slug as authority",
    ])
    .where("ms.body_id", "=", bodyId)
    .where((eb) => eb.or([eb("ms.from_date", "is", null), eb("ms.from_date", "<=", today)]))
    .where((eb) => eb.or([eb("ms.to_date", "is", null), eb("ms.to_date", ">=", today)]))
    .orderBy("p.name_key")
    .execute();
  return rows.flatMap((row) => {
    const person = personRef(row);
    if (!person) return [];
    return [
      {
        person: { ...person, party: row.party, ward: row.ward },
        role: row.role,
        from: row.from_date,
        to: row.to_date,
      },
    ];
  });
}

export async function listWorkProgramme(db: Db, bodyId: number): Promise<WorkProgrammeEntry[]> {
  const entries = await db
    .selectFrom("work_programme_entries")
    .selectAll()
    .where("body_id", "=", bodyId)
    .orderBy("position")
    .orderBy("id")
    .execute();
  // A planned meeting is linked only when it is published: by the entry's own link, else by date.
  const meetings = await db
    .selectFrom("meetings as m")
    .select(["m.id", "m.slug", "m.date"])
    .where("m.body_id", "=", bodyId)
    .where(publicMeeting("m"))
    .orderBy("m.date")
    .orderBy("m.id")
    .execute();
  const byId = new Map(meetings.map((m) => [m.id, m.slug]));
  const byDate = new Map<string, string>();
  for (const m of meetings) if (!byDate.has(m.date)) byDate.set(m.date, m.slug);
  return entries.map((e) => ({
    municipalYear: e.municipal_year,
    meetingDate: e.meeting_date,
    meeting:
      (e.meeting_id === null ? undefined : byId.get(e.meeting_id)) ??
      (e.meeting_date === null ? undefined : byDate.get(e.meeting_date)) ??
      null,
    title: e.title,
    priorityScore: e.priority_score,
    priorityBand: e.priority_band,
    reason: e.reason,
    responsible: e.responsible,
    kind: e.kind,
  }));
}
