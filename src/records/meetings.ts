import { listCalendarMeetings } from "./calendar.js";
import type { Db } from "../db/connect.js";
import type { MinutesStatus } from "../domain/bundle.js";
import { groupBy, nestResolutions } from "./public/refs.js";
import { amendmentsOf, type Amendment } from "./versions.js";
import { publicDocument, publicItem, publicItemMinutes, publicMeeting, publicMinutes } from "./visibility.js";

// Read queries for the public meeting pages. Every query filters with the SQL form of the
// visibility rules (records/visibility.ts), so nothing exempt or unpublished leaves the database:
// a Part II item is returned only as its printed number, never its title, minutes or papers, and
// minutes, declarations, resolutions and attendance only once the minutes are published.

export type Named = { name: string; slug: string };

/** A person as the record names them: "Aspinall" with honorific "Mrs", a councillor. */
export type PersonName = { name: string; honorific: string | null; kind: string };

export type MeetingSummary = {
  slug: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  status: string;
  authority: Named;
  body: Named;
};

export type MeetingListOptions = {
  /** only meetings on or after this date (YYYY-MM-DD) */
  from?: string;
  /** only meetings before this date (YYYY-MM-DD) */
  before?: string;
  order: "earliest-first" | "latest-first";
  limit: number;
};

export type PublicDocumentSummary = {
  key: string;
  title: string;
  kind: string;
  mediaType: string | null;
  sizeBytes: number | null;
};

export type PublicDeclaration = { person: PersonName; kind: string; nature: string | null };

export type PublicResolution = {
  number: string;
  text: string;
  verb: string | null;
  isInPrinciple: boolean;
  proposer: PersonName | null;
  seconder: PersonName | null;
  votes: { for: number | null; against: number | null; abstain: number | null; isUnanimous: boolean };
  delegatedTo: string | null;
  children: PublicResolution[];
};

export type PublicItem = {
  part: "I";
  number: string;
  title: string;
  kind: string;
  description: string | null;
  isLate: boolean;
  urgencyReason: string | null;
  isKeyDecision: boolean;
  pages: { from: number; to: number } | null;
  leadMember: PersonName | null;
  minutes: string | null;
  isMinutesTruncated: boolean;
  documents: PublicDocumentSummary[];
  declarations: PublicDeclaration[];
  resolutions: PublicResolution[];
};

/** All the public may know of a Part II item: that the agenda has one, and its number. */
export type ExemptItem = { part: "II"; number: string };

export type PublicAttendance = {
  person: PersonName;
  status: string;
  role: string | null;
  substituteFor: PersonName | null;
};

export type PublicMeeting = MeetingSummary & {
  venue: string | null;
  contact: string | null;
  webcastUrl: string | null;
  agendaPublishedOn: string | null;
  minutesStatus: MinutesStatus;
  items: (PublicItem | ExemptItem)[];
  attendance: PublicAttendance[];
  /** changes made since the agenda was published, each with its reason, oldest first */
  amendments: Amendment[];
};

/** Public meetings in date order: the calendar's query, without its extra filters. */
export async function listPublicMeetings(db: Db, options: MeetingListOptions): Promise<MeetingSummary[]> {
  const meetings = await listCalendarMeetings(db, options);
  return meetings.map(({ slug, date, startTime, endTime, status, authority, body }) => ({
    slug,
    date,
    startTime,
    endTime,
    status,
    authority,
    body,
  }));
}

/** The meeting with its public agenda, papers, attendance and outcomes; undefined when there is
 * no such meeting or its agenda is not yet published. */
export async function findPublicMeeting(
  db: Db,
  authoritySlug: string,
  meetingSlug: string,
): Promise<PublicMeeting | undefined> {
  const meeting = await db
    .selectFrom("meetings as m")
    .innerJoin("authorities as a", "a.id", "m.authority_id")
    .innerJoin("bodies as b", "b.id", "m.body_id")
    .selectAll("m")
    .select([
      "a.name as authority_name",
      "a.slug as authority_slug",
      "b.name as body_name",
      "b.slug as body_slug",
    ])
    .where("a.slug", "=", authoritySlug)
    .where("m.slug", "=", meetingSlug)
    .where(publicMeeting("m"))
    .executeTakeFirst();
  if (!meeting) return undefined;

  const items = await publicItems(db, meeting.id);
  const exempt = await exemptItems(db, meeting.id);
  const ids = items.map((item) => item.id);
  const documents = await publicItemDocuments(db, ids);
  const declarations = await publicDeclarations(db, ids);
  const resolutions = await publicResolutions(db, ids);

  const agenda = [
    ...items.map((item) => ({
      position: item.position,
      item: {
        ...item.facts,
        documents: documents.get(item.id) ?? [],
        declarations: declarations.get(item.id) ?? [],
        resolutions: resolutions.get(item.id) ?? [],
      },
    })),
    ...exempt,
  ].sort((a, b) => a.position - b.position);

  return {
    slug: meeting.slug,
    date: meeting.date,
    startTime: meeting.start_time,
    endTime: meeting.end_time,
    status: meeting.status,
    authority: { name: meeting.authority_name, slug: meeting.authority_slug },
    body: { name: meeting.body_name, slug: meeting.body_slug },
    venue: meeting.venue,
    contact: meeting.contact,
    webcastUrl: meeting.webcast_url,
    agendaPublishedOn: meeting.agenda_published_on,
    minutesStatus: minutesStatus(meeting.minutes_status),
    items: agenda.map((entry) => entry.item),
    attendance: await attendance(db, meeting.id),
    amendments: await amendmentsOf(db, "meetings", meeting.id),
  };
}

function minutesStatus(value: string): MinutesStatus {
  if (value === "draft" || value === "approved") return value;
  return "none";
}

function personName(name: string | null, honorific: string | null, kind: string | null): PersonName | null {
  if (name === null) return null;
  return { name, honorific, kind: kind ?? "external" };
}

type ItemRow = {
  id: number;
  position: number;
  facts: Omit<PublicItem, "documents" | "declarations" | "resolutions">;
};

async function publicItems(db: Db, meetingId: number): Promise<ItemRow[]> {
  const rows = await db
    .selectFrom("agenda_items as i")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .leftJoin("people as lm", "lm.id", "i.lead_member_id")
    .selectAll("i")
    .select(["lm.name as lead_name", "lm.honorific as lead_honorific", "lm.kind as lead_kind"])
    .select(publicItemMinutes("i", "m").as("is_minutes_public"))
    .where("i.meeting_id", "=", meetingId)
    .where(publicItem("i", "m"))
    .orderBy("i.position")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    position: row.position,
    facts: {
      part: "I",
      number: row.number,
      title: row.title,
      kind: row.kind,
      description: row.description,
      isLate: row.is_late,
      urgencyReason: row.urgency_reason,
      isKeyDecision: row.is_key_decision,
      pages: row.page_from === null ? null : { from: row.page_from, to: row.page_to ?? row.page_from },
      leadMember: personName(row.lead_name, row.lead_honorific, row.lead_kind),
      minutes: row.is_minutes_public ? row.minutes : null,
      isMinutesTruncated: row.is_minutes_public && row.is_minutes_truncated,
    },
  }));
}

async function exemptItems(db: Db, meetingId: number): Promise<{ position: number; item: ExemptItem }[]> {
  const rows = await db
    .selectFrom("agenda_items as i")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    // Only these two columns: the title of an exempt item may itself carry exempt information.
    .select(["i.position", "i.number"])
    .where("i.meeting_id", "=", meetingId)
    .where(publicMeeting("m"))
    .where((eb) => eb.not(publicItem("i", "m")))
    .execute();
  return rows.map((row) => ({ position: row.position, item: { part: "II", number: row.number } }));
}

async function publicItemDocuments(db: Db, itemIds: number[]): Promise<Map<number, PublicDocumentSummary[]>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("item_documents as link")
    .innerJoin("documents as d", "d.id", "link.document_id")
    .select(["link.item_id", "d.key", "d.title", "d.kind", "d.media_type", "d.size_bytes"])
    .where("link.item_id", "in", itemIds)
    .where(publicDocument("d"))
    .orderBy("link.item_id")
    .orderBy("link.position")
    .execute();
  return groupBy(
    rows,
    (row) => row.item_id,
    (row): PublicDocumentSummary => ({
      key: row.key,
      title: row.title,
      kind: row.kind,
      mediaType: row.media_type,
      sizeBytes: row.size_bytes,
    }),
  );
}

async function publicDeclarations(db: Db, itemIds: number[]): Promise<Map<number, PublicDeclaration[]>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("declarations as d")
    .innerJoin("agenda_items as i", "i.id", "d.item_id")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .innerJoin("people as p", "p.id", "d.person_id")
    .select(["d.item_id", "d.kind", "d.nature", "p.name", "p.honorific", "p.kind as person_kind"])
    .where("d.item_id", "in", itemIds)
    .where(publicItemMinutes("i", "m"))
    .orderBy("d.item_id")
    .orderBy("d.id")
    .execute();
  return groupBy(
    rows,
    (row) => row.item_id,
    (row): PublicDeclaration => ({
      person: { name: row.name, honorific: row.honorific, kind: row.person_kind },
      kind: row.kind,
      nature: row.nature,
    }),
  );
}

async function publicResolutions(db: Db, itemIds: number[]): Promise<Map<number, PublicResolution[]>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("resolutions as r")
    .innerJoin("agenda_items as i", "i.id", "r.item_id")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .leftJoin("people as pp", "pp.id", "r.proposer_id")
    .leftJoin("people as sp", "sp.id", "r.seconder_id")
    .selectAll("r")
    .select([
      "pp.name as proposer_name",
      "pp.honorific as proposer_honorific",
      "pp.kind as proposer_kind",
      "sp.name as seconder_name",
      "sp.honorific as seconder_honorific",
      "sp.kind as seconder_kind",
    ])
    .where("r.item_id", "in", itemIds)
    .where(publicItemMinutes("i", "m"))
    .orderBy("r.item_id")
    .orderBy("r.position")
    .orderBy("r.id")
    .execute();

  return nestResolutions(rows, (row): PublicResolution => ({
    number: row.number,
    text: row.text,
    verb: row.verb,
    isInPrinciple: row.is_in_principle,
    proposer: personName(row.proposer_name, row.proposer_honorific, row.proposer_kind),
    seconder: personName(row.seconder_name, row.seconder_honorific, row.seconder_kind),
    votes: {
      for: row.votes_for,
      against: row.votes_against,
      abstain: row.votes_abstain,
      isUnanimous: row.is_unanimous,
    },
    delegatedTo: row.delegated_to,
    children: [],
  }));
}

async function attendance(db: Db, meetingId: number): Promise<PublicAttendance[]> {
  const rows = await db
    .selectFrom("attendances as at")
    .innerJoin("meetings as m", "m.id", "at.meeting_id")
    .innerJoin("people as p", "p.id", "at.person_id")
    .leftJoin("people as sf", "sf.id", "at.substitute_for_person_id")
    .select([
      "at.status",
      "at.role",
      "p.name",
      "p.honorific",
      "p.kind",
      "sf.name as substitute_for_name",
      "sf.honorific as substitute_for_honorific",
      "sf.kind as substitute_for_kind",
    ])
    .where("at.meeting_id", "=", meetingId)
    .where(publicMinutes("m"))
    .orderBy("at.id")
    .execute();
  return rows.map((row) => ({
    person: { name: row.name, honorific: row.honorific, kind: row.kind },
    status: row.status,
    role: row.role,
    substituteFor: personName(row.substitute_for_name, row.substitute_for_honorific, row.substitute_for_kind),
  }));
}
