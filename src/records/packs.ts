import type { Db } from "../db/connect.js";
import type { Part } from "../domain/bundle.js";
import { WitanError } from "../errors.js";
import { publicDocument, publicItem, publicMeeting } from "./visibility.js";

// The queries an agenda pack needs, and its cache. For a public pack every query filters with
// the SQL form of the visibility rules (records/visibility.ts): an exempt item comes back as its
// number and paragraph only, never its title or papers, and an unpublished meeting not at all.
// A restricted pack (members of the body and officers) reads every item and published paper.

export type PackAudience = "public" | "restricted";
export type PackKindName = "agenda" | "supplement";

export type PackMeetingRef = { authoritySlug?: string; meetingSlug: string };

export type PackMeetingRecord = {
  id: number;
  authorityId: number;
  authority: { name: string; slug: string; nation: string };
  body: { id: number; name: string };
  slug: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  venue: string | null;
  status: string;
  publishedOn: string | null;
  isPublished: boolean;
  contact: string | null;
  webcastUrl: string | null;
};

export type PackPaperRecord = {
  key: string;
  title: string;
  part: Part;
  exemptParagraph: string | null;
  mediaType: string | null;
  fileKey: string | null;
  sha256: string | null;
  text: string | null;
};

export type PackItemRecord =
  | {
      withheld: false;
      number: string;
      title: string;
      description: string | null;
      part: Part;
      exemptParagraph: string | null;
      isKeyDecision: boolean;
      isLate: boolean;
      urgencyReason: string | null;
      papers: PackPaperRecord[];
    }
  | { withheld: true; number: string; exemptParagraph: string | null };

export type PackMemberRecord = { name: string; honorific: string | null; kind: string; role: string };

const MEMBER_ROLES = ["chair", "vice-chair", "member", "co-opted", "substitute"];

/** The meeting a pack is asked for: by "authority/meeting" or, where it is unique, by its slug.
 * A public pack finds only meetings whose agenda is published. */
export async function findPackMeeting(
  db: Db,
  ref: PackMeetingRef,
  audience: PackAudience,
): Promise<PackMeetingRecord | undefined> {
  let query = db
    .selectFrom("meetings as m")
    .innerJoin("authorities as a", "a.id", "m.authority_id")
    .innerJoin("bodies as b", "b.id", "m.body_id")
    .selectAll("m")
    .select(["a.name as authority_name", "a.slug as authority_slug", "a.nation", "b.name as body_name"])
    .where("m.slug", "=", ref.meetingSlug);
  if (ref.authoritySlug !== undefined) query = query.where("a.slug", "=", ref.authoritySlug);
  if (audience === "public") query = query.where(publicMeeting("m"));
  const rows = await query.orderBy("a.slug").limit(2).execute();
  if (rows.length > 1) {
    throw new WitanError(
      "BAD_INPUT",
      `More than one authority has a meeting "${ref.meetingSlug}": name it as authority/meeting ` +
        `(for example ${rows.map((r) => `${r.authority_slug}/${r.slug}`).join(" or ")})`,
    );
  }
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    authorityId: row.authority_id,
    authority: { name: row.authority_name, slug: row.authority_slug, nation: row.nation },
    body: { id: row.body_id, name: row.body_name },
    slug: row.slug,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    venue: row.venue,
    status: row.status,
    publishedOn: row.agenda_published_on,
    isPublished: row.is_agenda_published,
    contact: row.contact,
    webcastUrl: row.webcast_url,
  };
}

/** The body's members on the day of the meeting, chair first, then vice-chair, then by name. */
export async function packMembers(db: Db, meeting: PackMeetingRecord): Promise<PackMemberRecord[]> {
  const rows = await db
    .selectFrom("memberships as ms")
    .innerJoin("people as p", "p.id", "ms.person_id")
    .select(["p.name", "p.honorific", "p.kind", "ms.role", "ms.id"])
    .where("ms.body_id", "=", meeting.body.id)
    .where("ms.role", "in", MEMBER_ROLES)
    .where((eb) => eb.or([eb("ms.from_date", "is", null), eb("ms.from_date", "<=", meeting.date)]))
    .where((eb) => eb.or([eb("ms.to_date", "is", null), eb("ms.to_date", ">=", meeting.date)]))
    .orderBy("ms.id")
    .execute();
  const rank = (role: string) => (role === "chair" ? 0 : role === "vice-chair" ? 1 : 2);
  return rows
    .sort((a, b) => rank(a.role) - rank(b.role) || a.id - b.id)
    .map((row) => ({ name: row.name, honorific: row.honorific, kind: row.kind, role: row.role }));
}

/** The items of the agenda pack (late items excluded) or of the supplement (late items only),
 * in agenda order, with their papers in the order the item lists them. */
export async function packItems(
  db: Db,
  meeting: PackMeetingRecord,
  kind: PackKindName,
  audience: PackAudience,
): Promise<PackItemRecord[]> {
  const rows = await db
    .selectFrom("agenda_items as i")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .select([
      "i.id",
      "i.number",
      "i.position",
      "i.title",
      "i.description",
      "i.part",
      "i.exempt_paragraph",
      "i.is_key_decision",
      "i.is_late",
      "i.urgency_reason",
    ])
    .select(publicItem("i", "m").as("is_public"))
    .where("i.meeting_id", "=", meeting.id)
    .where("i.is_late", "=", kind === "supplement")
    .orderBy("i.position")
    .orderBy("i.id")
    .execute();
  const isOpen = (row: { is_public: boolean }) => audience === "restricted" || row.is_public;
  const openIds = rows.filter(isOpen).map((row) => row.id);
  const papers = await packPapers(db, openIds, audience);
  return rows.map((row): PackItemRecord => {
    // The title of an exempt item may itself carry exempt information: only its number and
    // paragraph leave this function for a public pack.
    if (!isOpen(row)) {
      return { withheld: true, number: row.number, exemptParagraph: row.exempt_paragraph };
    }
    return {
      withheld: false,
      number: row.number,
      title: row.title,
      description: row.description,
      part: row.part === "II" ? "II" : "I",
      exemptParagraph: row.exempt_paragraph,
      isKeyDecision: row.is_key_decision,
      isLate: row.is_late,
      urgencyReason: row.urgency_reason,
      papers: papers.get(row.id) ?? [],
    };
  });
}

async function packPapers(
  db: Db,
  itemIds: number[],
  audience: PackAudience,
): Promise<Map<number, PackPaperRecord[]>> {
  if (itemIds.length === 0) return new Map();
  let query = db
    .selectFrom("item_documents as link")
    .innerJoin("documents as d", "d.id", "link.document_id")
    .select([
      "link.item_id",
      "d.key",
      "d.title",
      "d.part",
      "d.exempt_paragraph",
      "d.media_type",
      "d.file_key",
      "d.sha256",
      "d.text",
    ])
    .where("link.item_id", "in", itemIds)
    // Drafts are in no pack: a paper is in a pack once it is published, to the public or to members.
    .where("d.is_published", "=", true);
  if (audience === "public") query = query.where(publicDocument("d"));
  const rows = await query.orderBy("link.item_id").orderBy("link.position").orderBy("d.id").execute();
  const papers = new Map<number, PackPaperRecord[]>();
  for (const row of rows) {
    const paper: PackPaperRecord = {
      key: row.key,
      title: row.title,
      part: row.part === "II" ? "II" : "I",
      exemptParagraph: row.exempt_paragraph,
      mediaType: row.media_type,
      fileKey: row.file_key,
      sha256: row.sha256,
      text: row.text,
    };
    const list = papers.get(row.item_id);
    if (list) list.push(paper);
    else papers.set(row.item_id, [paper]);
  }
  return papers;
}

// ---- the cache ------------------------------------------------------------------------------

export type PackBuildRecord = { fileKey: string; pageCount: number; sizeBytes: number; builtAt: string };

export type PackBuildKey = {
  meeting: PackMeetingRecord;
  kind: PackKindName;
  audience: PackAudience;
  inputHash: string;
};

export async function findPackBuild(db: Db, key: PackBuildKey): Promise<PackBuildRecord | undefined> {
  const row = await db
    .selectFrom("pack_builds")
    .select(["file_key", "page_count", "size_bytes", "built_at"])
    .where("meeting_id", "=", key.meeting.id)
    .where("kind", "=", key.kind)
    .where("audience", "=", key.audience)
    .where("input_hash", "=", key.inputHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    fileKey: row.file_key,
    pageCount: row.page_count,
    sizeBytes: row.size_bytes,
    builtAt: row.built_at,
  };
}

/** Records a built pack, replacing the meeting's earlier builds of the same pack: they were built
 * from inputs that have since changed. Two processes building the same pack at once both succeed. */
export async function savePackBuild(db: Db, key: PackBuildKey, build: PackBuildRecord): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("pack_builds")
      .where("meeting_id", "=", key.meeting.id)
      .where("kind", "=", key.kind)
      .where("audience", "=", key.audience)
      .where("input_hash", "<>", key.inputHash)
      .execute();
    await trx
      .insertInto("pack_builds")
      .values({
        authority_id: key.meeting.authorityId,
        meeting_id: key.meeting.id,
        kind: key.kind,
        audience: key.audience,
        input_hash: key.inputHash,
        file_key: build.fileKey,
        page_count: build.pageCount,
        size_bytes: build.sizeBytes,
        built_at: build.builtAt,
      })
      .onConflict((oc) => oc.columns(["meeting_id", "kind", "audience", "input_hash"]).doNothing())
      .execute();
  });
}
