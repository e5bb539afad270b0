import type { Db } from "../../db/connect.js";
import type { MinutesStatus } from "../../domain/bundle.js";
import type { MeetingSummary } from "../meetings.js";
import { amendmentsOf, type Amendment } from "../versions.js";
import { publicItem, publicItemMinutes } from "../visibility.js";
import { listPublicDecisionsOfItem, type DecisionSummary } from "./decisions.js";
import { listItemDocuments } from "./documents.js";
import { itemRefOf, publicItemRows } from "./item-refs.js";
import { personRef, type DocumentRef, type ItemRef, type PersonRef } from "./refs.js";
import { loadResolutions, type ResolutionRecord } from "./resolutions.js";

// One agenda item's whole public record: the report's metadata, papers, declarations, minutes,
// resolutions, decisions, and its place in each issue that follows it. A Part II item, or one
// whose meeting is unpublished, is not found; its minutes, declarations and resolutions are
// there only once the meeting's minutes are published.

export type IssuePlace = {
  slug: string;
  title: string;
  /** 1-based place of this item among the issue's public items, in date order */
  position: number;
  total: number;
  previous: ItemRef | null;
  next: ItemRef | null;
};

export type ItemRecord = {
  meeting: MeetingSummary & { minutesStatus: MinutesStatus };
  number: string;
  title: string;
  kind: string;
  description: string | null;
  isLate: boolean;
  urgencyReason: string | null;
  isKeyDecision: boolean;
  forwardPlan: { reference: string; title: string | null } | null;
  leadMember: PersonRef | null;
  leadOfficer: (PersonRef & { jobTitle: string | null }) | null;
  pages: { from: number; to: number } | null;
  minutes: string | null;
  isMinutesTruncated: boolean;
  documents: DocumentRef[];
  declarations: { person: PersonRef; kind: string; nature: string | null }[];
  resolutions: ResolutionRecord[];
  decisions: DecisionSummary[];
  issues: IssuePlace[];
  /** changes made since it was published, each with its reason, oldest first */
  amendments: Amendment[];
};

export async function findItemRecord(
  db: Db,
  authoritySlug: string,
  meetingSlug: string,
  number: string,
): Promise<ItemRecord | undefined> {
  const row = await db
    .selectFrom("agenda_items as i")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .innerJoin("authorities as a", "a.id", "m.authority_id")
    .innerJoin("bodies as b", "b.id", "m.body_id")
    .leftJoin("people as lm", "lm.id", "i.lead_member_id")
    .leftJoin("authorities as lma", "lma.id", "lm.authority_id")
    .leftJoin("people as lo", "lo.id", "i.lead_officer_id")
    .leftJoin("authorities as loa", "loa.id", "lo.authority_id")
    .leftJoin("forward_plan_entries as fp", (join) =>
      join
        .onRef("fp.authority_id", "=", "i.authority_id")
        .onRef("fp.reference", "=", "i.forward_plan_ref")
        .on("fp.is_exempt", "=", false),
    )
    .selectAll("i")
    .select([
      "m.slug as meeting_slug",
      "m.date",
      "m.start_time",
      "m.end_time",
      "m.status",
      "m.minutes_status",
      "a.name as authority_name",
      "a.slug as authority_slug",
      "b.name as body_name",
      "b.slug as body_slug",
      "lm.name as lm_name",
      "lm.honorific as lm_honorific",
      "lm.kind as lm_kind",
      "lma.slug as lm_authority",
      "lo.name as lo_name",
      "lo.honorific as lo_honorific",
      "lo.kind as lo_kind",
      "lo.job_title as lo_job_title",
      "loa.slug as lo_authority",
      "fp.title as forward_plan_title",
    ])
    .select(publicItemMinutes("i", "m").as("is_minutes_public"))
    .where("a.slug", "=", authoritySlug)
    .where("m.slug", "=", meetingSlug)
    .where("i.number", "=", number)
    .where(publicItem("i", "m"))
    .executeTakeFirst();
  if (!row) return undefined;

  const leadOfficer = personRef({
    id: row.lead_officer_id,
    name: row.lo_name,
    honorific: row.lo_honorific,
    kind: row.lo_kind,
    authority: row.lo_authority,
  });
  return {
    meeting: {
      slug: row.meeting_slug,
      date: row.date,
      startTime: row.start_time,
      endTime: row.end_time,
      status: row.status,
      authority: { name: row.authority_name, slug: row.authority_slug },
      body: { name: row.body_name, slug: row.body_slug },
      minutesStatus:
        row.minutes_status === "draft" || row.minutes_status === "approved" ? row.minutes_status : "none",
    },
    number: row.number,
    title: row.title,
    kind: row.kind,
    description: row.description,
    isLate: row.is_late,
    urgencyReason: row.urgency_reason,
    isKeyDecision: row.is_key_decision,
    forwardPlan:
      row.forward_plan_ref === null
        ? null
        : { reference: row.forward_plan_ref, title: row.forward_plan_title ?? null },
    leadMember: personRef({
      id: row.lead_member_id,
      name: row.lm_name,
      honorific: row.lm_honorific,
      kind: row.lm_kind,
      authority: row.lm_authority,
    }),
    leadOfficer: leadOfficer ? { ...leadOfficer, jobTitle: row.lo_job_title } : null,
    pages: row.page_from === null ? null : { from: row.page_from, to: row.page_to ?? row.page_from },
    minutes: row.is_minutes_public ? row.minutes : null,
    isMinutesTruncated: row.is_minutes_public && row.is_minutes_truncated,
    amendments: await amendmentsOf(db, "agenda_items", row.id),
    documents: (await listItemDocuments(db, [row.id])).get(row.id) ?? [],
    declarations: await itemDeclarations(db, row.id),
    resolutions: (await loadResolutions(db, [row.id])).get(row.id) ?? [],
    decisions: await listPublicDecisionsOfItem(db, row.id),
    issues: await issuePlaces(db, row.id),
  };
}

async function itemDeclarations(db: Db, itemId: number): Promise<ItemRecord["declarations"]> {
  const rows = await db
    .selectFrom("declarations as d")
    .innerJoin("agenda_items as i", "i.id", "d.item_id")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .innerJoin("people as p", "p.id", "d.person_id")
    .innerJoin("authorities as a", "a.id", "p.authority_id")
    .select([
      "d.kind as declaration_kind",
      "d.nature",
      "p.id",
      "p.name",
      "p.honorific",
      "p.kind",
      "a.slug as authority",
    ])
    .where("d.item_id", "=", itemId)
    .where(publicItemMinutes("i", "m"))
    .orderBy("d.id")
    .execute();
  return rows.flatMap((row) => {
    const person = personRef(row);
    return person ? [{ person, kind: row.declaration_kind, nature: row.nature }] : [];
  });
}

/** Where the item sits in each issue: its place among the issue's public items by date. */
async function issuePlaces(db: Db, itemId: number): Promise<IssuePlace[]> {
  const issues = await db
    .selectFrom("issue_items as link")
    .innerJoin("issues as s", "s.id", "link.issue_id")
    .select(["s.id", "s.slug", "s.title"])
    .where("link.item_id", "=", itemId)
    .orderBy("s.title")
    .execute();
  const places: IssuePlace[] = [];
  for (const issue of issues) {
    const items = await publicItemRows(db)
      .innerJoin("issue_items as link", "link.item_id", "i.id")
      .where("link.issue_id", "=", issue.id)
      .orderBy("m.date")
      .orderBy("i.position")
      .orderBy("i.id")
      .execute();
    const index = items.findIndex((item) => item.item_id === itemId);
    if (index < 0) continue;
    const before = items[index - 1];
    const after = items[index + 1];
    places.push({
      slug: issue.slug,
      title: issue.title,
      position: index + 1,
      total: items.length,
      previous: before ? itemRefOf(before) : null,
      next: after ? itemRefOf(after) : null,
    });
  }
  return places;
}
