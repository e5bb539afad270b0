import type { Db } from "../db/connect.js";
import type { Row } from "../db/schema.js";
import {
  BUNDLE_FORMAT,
  asNation,
  type AttendanceStatus,
  type Bundle,
  type BundleDecision,
  type BundleDocument,
  type CallInStatus,
  type BundleItem,
  type BundleMeeting,
  type MinutesStatus,
  type Part,
  type PersonKind,
  type PriorityBand,
  type Resolution,
} from "../domain/bundle.js";
import {
  decisionIsPublic,
  documentIsPublic,
  itemIsPublic,
  meetingIsPublic,
  minutesArePublic,
} from "../domain/visibility.js";

// `witan export`: the database written back as a bundle, in a stable order so that two exports
// of the same records are byte for byte the same. The full export is an administrator's tool and
// carries Part II records, flagged `part: "II"`; the public export holds only what the visibility
// rules let the public see: minutes, attendance, declarations and resolutions only of meetings
// whose minutes are published.

export type ExportOptions = { publicOnly: boolean };

export async function exportBundle(db: Db, options: ExportOptions): Promise<Bundle> {
  const t = await readTables(db);
  const authorityName = byId(t.authorities, (a) => a.name);
  const bodyById = new Map(t.bodies.map((b) => [b.id, b]));
  const personName = byId(t.people, (p) => p.name);
  const meetingById = new Map(t.meetings.map((m) => [m.id, m]));
  const itemById = new Map(t.items.map((i) => [i.id, i]));
  const documentById = new Map(t.documents.map((d) => [d.id, d]));

  const meetingVisible = (m: Row<"meetings">) =>
    !options.publicOnly || meetingIsPublic({ isAgendaPublished: m.is_agenda_published });
  // Minutes, attendance, declarations and resolutions: items are already filtered by itemVisible,
  // so with this they follow itemMinutesArePublic.
  const minutesVisible = (m: Row<"meetings">) =>
    !options.publicOnly ||
    minutesArePublic({
      isAgendaPublished: m.is_agenda_published,
      minutesStatus: minutesStatus(m.minutes_status),
    });
  const itemVisible = (i: Row<"agenda_items">) => {
    const meeting = meetingById.get(i.meeting_id);
    if (!meeting) return false;
    return (
      !options.publicOnly ||
      itemIsPublic({ part: part(i.part), meeting: { isAgendaPublished: meeting.is_agenda_published } })
    );
  };
  const documentVisible = (d: Row<"documents">) => {
    if (!options.publicOnly) return true;
    const items = t.itemDocuments.flatMap((link) => {
      const item = link.document_id === d.id ? itemById.get(link.item_id) : undefined;
      const meeting = item ? meetingById.get(item.meeting_id) : undefined;
      return item && meeting
        ? [{ part: part(item.part), meeting: { isAgendaPublished: meeting.is_agenda_published } }]
        : [];
    });
    return documentIsPublic({ part: part(d.part), isPublished: d.is_published, items });
  };

  const bodyName = (id: number) => bodyById.get(id)?.name ?? "";
  const bodyAuthorities = (id: number) =>
    t.bodyAuthorities.filter((l) => l.body_id === id).map((l) => authorityName(l.authority_id));

  const resolutionsOf = (itemId: number, parentId: number | null): Resolution[] =>
    t.resolutions
      .filter((r) => r.item_id === itemId && r.parent_id === parentId)
      .map((r) => {
        const respondsTo =
          r.responds_to_resolution_id === null ? undefined : resolutionRef(r.responds_to_resolution_id);
        const conditions = t.conditions.filter((c) => c.resolution_id === r.id);
        const actions = t.actions.filter((a) => a.resolution_id === r.id);
        const votes = compact({
          for: r.votes_for ?? undefined,
          against: r.votes_against ?? undefined,
          abstain: r.votes_abstain ?? undefined,
          unanimous: r.is_unanimous || undefined,
        });
        const recommendsBody =
          r.recommends_to_body_id === null ? undefined : bodyById.get(r.recommends_to_body_id);
        return compact({
          number: r.number,
          text: r.text,
          verb: r.verb ?? undefined,
          inPrinciple: r.is_in_principle || undefined,
          proposer: r.proposer_id === null ? undefined : personName(r.proposer_id),
          seconder: r.seconder_id === null ? undefined : personName(r.seconder_id),
          votes: Object.keys(votes).length ? votes : undefined,
          recommendsTo: recommendsBody
            ? compact({
                authority: authorityName(recommendsBody.authority_id),
                body: recommendsBody.name,
                date: r.recommends_to_date ?? undefined,
              })
            : undefined,
          respondsTo,
          delegatedTo: r.delegated_to ?? undefined,
          conditions: conditions.length
            ? conditions.map((c) =>
                compact({
                  group: c.group_title,
                  text: c.text,
                  status: c.status,
                  owner: c.owner ?? undefined,
                }),
              )
            : undefined,
          actions: actions.length
            ? actions.map((a) =>
                compact({
                  text: a.text,
                  owner: a.owner ?? undefined,
                  due: a.due_date ?? undefined,
                  status: a.status,
                }),
              )
            : undefined,
          children: resolutionsOf(itemId, r.id),
        });
      });

  function resolutionRef(id: number) {
    const r = t.resolutions.find((x) => x.id === id);
    const item = r ? itemById.get(r.item_id) : undefined;
    const meeting = item ? meetingById.get(item.meeting_id) : undefined;
    if (!r || !item || !meeting || !itemVisible(item) || !minutesVisible(meeting)) return undefined;
    return {
      authority: authorityName(meeting.authority_id),
      body: bodyName(meeting.body_id),
      date: meeting.date,
      item: item.number,
      number: r.number,
    };
  }

  const meetingOrder = (m: Row<"meetings">) =>
    `${m.date}\u0000${m.start_time ?? ""}\u0000${authorityName(m.authority_id)}\u0000${bodyName(m.body_id)}`;
  const meetings: BundleMeeting[] = sortBy(t.meetings.filter(meetingVisible), meetingOrder).map((m) => {
    const authority = authorityName(m.authority_id);
    const isMinuted = minutesVisible(m);
    const items: BundleItem[] = t.items
      .filter((i) => i.meeting_id === m.id && itemVisible(i))
      .map((i) => {
        const recorded = isMinuted
          ? {
              minutes: i.minutes ?? undefined,
              minutesTruncated: i.is_minutes_truncated || undefined,
              resolutions: resolutionsOf(i.id, null),
              declarations: t.declarations
                .filter((d) => d.item_id === i.id)
                .map((d) =>
                  compact({ person: personName(d.person_id), kind: d.kind, nature: d.nature ?? undefined }),
                ),
            }
          : { resolutions: [], declarations: [] };
        return compact({
          number: i.number,
          title: i.title,
          kind: i.kind,
          part: part(i.part),
          pages: i.page_from !== null && i.page_to !== null ? pair(i.page_from, i.page_to) : undefined,
          ...recorded,
          documents: t.itemDocuments
            .filter((l) => l.item_id === i.id)
            .flatMap((l) => {
              const doc = documentById.get(l.document_id);
              return doc && documentVisible(doc) ? [doc.key] : [];
            }),
          description: i.description ?? undefined,
          exemptParagraph: i.exempt_paragraph ?? undefined,
          late: i.is_late || undefined,
          urgencyReason: i.urgency_reason ?? undefined,
          keyDecision: i.is_key_decision || undefined,
          forwardPlanRef: i.forward_plan_ref ?? undefined,
          leadMember: i.lead_member_id === null ? undefined : personName(i.lead_member_id),
          leadOfficer: i.lead_officer_id === null ? undefined : personName(i.lead_officer_id),
        });
      });
    return compact({
      authority,
      body: bodyName(m.body_id),
      date: m.date,
      start: m.start_time ?? undefined,
      end: m.end_time ?? undefined,
      venue: m.venue ?? undefined,
      contact: m.contact ?? undefined,
      agendaPublished: m.agenda_published_on ?? undefined,
      published: m.is_agenda_published,
      minutesStatus: minutesStatus(m.minutes_status),
      status: m.status,
      webcast: m.webcast_url ?? undefined,
      attendance: t.attendances
        .filter((a) => isMinuted && a.meeting_id === m.id)
        .map((a) =>
          compact({
            person: personName(a.person_id),
            status: attendanceStatus(a.status),
            role: a.role ?? undefined,
            substituteFor:
              a.substitute_for_person_id === null ? undefined : personName(a.substitute_for_person_id),
          }),
        ),
      items,
    });
  });

  const documents: BundleDocument[] = t.documents.filter(documentVisible).map((d) =>
    compact({
      id: d.key,
      title: d.title,
      kind: d.kind,
      mediaType: d.media_type ?? undefined,
      sizeBytes: d.size_bytes ?? undefined,
      published: d.published_on ?? undefined,
      author: d.author ?? undefined,
      publisher: d.publisher ?? undefined,
      text: d.text ?? undefined,
      source:
        d.source_file !== null && d.source_from !== null && d.source_to !== null
          ? { file: d.source_file, from: d.source_from, to: d.source_to }
          : undefined,
      authority: authorityName(d.authority_id),
      part: part(d.part),
      exemptParagraph: d.exempt_paragraph ?? undefined,
      url: d.url ?? undefined,
      body: d.body_id === null ? undefined : bodyName(d.body_id),
      sha256: d.sha256 ?? undefined,
    }),
  );
  const exportedDocuments = new Set(documents.map((d) => d.id));

  const issues = t.issues.map((issue) => {
    const items = t.issueItems.flatMap((link) => {
      const item = link.issue_id === issue.id ? itemById.get(link.item_id) : undefined;
      const meeting = item ? meetingById.get(item.meeting_id) : undefined;
      if (!item || !meeting || !itemVisible(item)) return [];
      return [
        {
          authority: authorityName(meeting.authority_id),
          body: bodyName(meeting.body_id),
          date: meeting.date,
          number: item.number,
        },
      ];
    });
    const docs = t.issueDocuments
      .filter((l) => l.issue_id === issue.id)
      .map((l) => documentById.get(l.document_id)?.key ?? "")
      .filter((key) => exportedDocuments.has(key));
    const events = t.issueEvents
      .filter((e) => e.issue_id === issue.id)
      .map((e) => {
        const body = e.body_id === null ? undefined : bodyById.get(e.body_id);
        const doc = e.document_id === null ? undefined : documentById.get(e.document_id)?.key;
        return compact({
          date: e.date,
          text: e.text,
          authority: e.event_authority_id === null ? undefined : authorityName(e.event_authority_id),
          body: body?.name,
          document: doc !== undefined && exportedDocuments.has(doc) ? doc : undefined,
        });
      });
    return compact({
      title: issue.title,
      items: sortBy(items, (i) => `${i.date} ${i.authority} ${i.body} ${i.number}`),
      documents: docs.length ? docs.sort() : undefined,
      authority: authorityName(issue.authority_id),
      status: issue.status ?? undefined,
      summary: issue.summary ?? undefined,
      events: events.length ? sortBy(events, (e) => `${e.date} ${e.text}`) : undefined,
    });
  });

  const decisions: BundleDecision[] = sortBy(
    t.decisions,
    (d) => `${authorityName(d.authority_id)}\u0000${d.decided_on}\u0000${d.title}`,
  ).flatMap((d) => {
    const item = d.item_id === null ? undefined : itemById.get(d.item_id);
    const meeting = item ? meetingById.get(item.meeting_id) : undefined;
    const itemFacts =
      item && meeting
        ? { part: part(item.part), meeting: { isAgendaPublished: meeting.is_agenda_published } }
        : null;
    if (options.publicOnly && !decisionIsPublic({ isPublished: d.is_published, item: itemFacts })) return [];
    return [
      compact({
        authority: authorityName(d.authority_id),
        decisionMaker: d.decision_maker,
        date: d.decided_on,
        title: d.title,
        item:
          item && meeting
            ? { body: bodyName(meeting.body_id), date: meeting.date, number: item.number }
            : undefined,
        keyDecision: d.is_key_decision || undefined,
        published: d.published_on ?? undefined,
        callInExpires: d.call_in_expires_on ?? undefined,
        callInStatus: callInStatus(d.call_in_status),
        implementation: d.implementation_on ?? undefined,
        urgencyReason: d.urgency_reason ?? undefined,
        reasons: d.reasons ?? undefined,
        optionsRejected: d.options_rejected ?? undefined,
      }),
    ];
  });

  const publicPeople = options.publicOnly
    ? referencedPeople(
        meetings,
        t.memberships.map((m) => personName(m.person_id)),
      )
    : null;

  return {
    format: BUNDLE_FORMAT,
    authorities: t.authorities.map((a) =>
      compact({ name: a.name, nation: asNation(a.nation), governance: a.governance ?? undefined }),
    ),
    bodies: sortBy(t.bodies, (b) => `${authorityName(b.authority_id)}\u0000${b.name}`).map((b) => {
      const names = bodyAuthorities(b.id);
      return compact({
        name: b.name,
        authority: b.is_joint ? null : authorityName(b.authority_id),
        authorities: b.is_joint
          ? [authorityName(b.authority_id), ...names.filter((n) => n !== authorityName(b.authority_id))]
          : undefined,
        kind: b.kind,
        purpose: b.purpose ?? undefined,
      });
    }),
    people: sortBy(t.people, (p) => `${authorityName(p.authority_id)}\u0000${p.name_key}`)
      .filter((p) => publicPeople === null || publicPeople.has(p.name))
      .map((p) =>
        compact({
          name: p.name,
          honorific: p.honorific ?? undefined,
          kind: personKind(p.kind),
          authority: authorityName(p.authority_id),
          organisation: p.organisation ?? undefined,
          jobTitle: p.job_title ?? undefined,
          party: p.party ?? undefined,
          ward: p.ward ?? undefined,
        }),
      ),
    memberships: sortBy(
      t.memberships,
      (m) =>
        `${authorityName(m.authority_id)}\u0000${bodyName(m.body_id)}\u0000${m.role}\u0000${personName(m.person_id)}`,
    ).map((m) =>
      compact({
        person: personName(m.person_id),
        body: bodyName(m.body_id),
        authority: authorityName(m.authority_id),
        role: m.role,
        from: m.from_date ?? undefined,
        to: m.to_date ?? undefined,
      }),
    ),
    meetings,
    documents,
    issues,
    workProgramme: sortBy(
      t.workProgramme,
      (w) =>
        `${authorityName(w.authority_id)}\u0000${bodyName(w.body_id)}\u0000${String(w.position).padStart(6, "0")}`,
    ).map((w) =>
      compact({
        authority: authorityName(w.authority_id),
        body: bodyName(w.body_id),
        meetingDate: w.meeting_date,
        title: w.title,
        priorityScore: w.priority_score ?? undefined,
        priorityBand: priorityBand(w.priority_band),
        reason: w.reason ?? undefined,
        responsible: w.responsible ?? undefined,
        kind: w.kind ?? undefined,
        municipalYear: w.municipal_year ?? undefined,
      }),
    ),
    forwardPlan: sortBy(t.forwardPlan, (f) => `${authorityName(f.authority_id)}\u0000${f.reference}`)
      .filter((f) => !options.publicOnly || !f.is_exempt)
      .map((f) =>
        compact({
          authority: authorityName(f.authority_id),
          reference: f.reference,
          title: f.title,
          decisionMaker: f.decision_maker,
          expectedDate: f.expected_date ?? undefined,
          firstPublished: f.first_published ?? undefined,
          exempt: f.is_exempt || undefined,
          consultees: f.consultees ?? undefined,
        }),
      ),
    decisions,
  };
}

async function readTables(db: Db) {
  // Natural-key order, so exports are stable whatever order the rows were written in.
  return {
    authorities: await db.selectFrom("authorities").selectAll().orderBy("name").execute(),
    bodies: await db.selectFrom("bodies").selectAll().orderBy("authority_id").orderBy("name").execute(),
    bodyAuthorities: await db
      .selectFrom("body_authorities")
      .selectAll()
      .orderBy("body_id")
      .orderBy("authority_id")
      .execute(),
    people: await db.selectFrom("people").selectAll().orderBy("authority_id").orderBy("name_key").execute(),
    memberships: await db
      .selectFrom("memberships")
      .selectAll()
      .orderBy("body_id")
      .orderBy("role")
      .orderBy("person_id")
      .execute(),
    meetings: await db
      .selectFrom("meetings")
      .selectAll()
      .orderBy("date")
      .orderBy("start_time")
      .orderBy("slug")
      .execute(),
    attendances: await db.selectFrom("attendances").selectAll().orderBy("meeting_id").orderBy("id").execute(),
    items: await db
      .selectFrom("agenda_items")
      .selectAll()
      .orderBy("meeting_id")
      .orderBy("position")
      .execute(),
    declarations: await db.selectFrom("declarations").selectAll().orderBy("item_id").orderBy("id").execute(),
    itemDocuments: await db
      .selectFrom("item_documents")
      .selectAll()
      .orderBy("item_id")
      .orderBy("position")
      .execute(),
    resolutions: await db
      .selectFrom("resolutions")
      .selectAll()
      .orderBy("item_id")
      .orderBy("position")
      .execute(),
    conditions: await db
      .selectFrom("conditions")
      .selectAll()
      .orderBy("resolution_id")
      .orderBy("position")
      .execute(),
    actions: await db
      .selectFrom("actions")
      .selectAll()
      .orderBy("resolution_id")
      .orderBy("position")
      .execute(),
    documents: await db.selectFrom("documents").selectAll().orderBy("key").execute(),
    issues: await db.selectFrom("issues").selectAll().orderBy("title").execute(),
    issueItems: await db.selectFrom("issue_items").selectAll().execute(),
    issueDocuments: await db.selectFrom("issue_documents").selectAll().execute(),
    issueEvents: await db.selectFrom("issue_events").selectAll().execute(),
    workProgramme: await db
      .selectFrom("work_programme_entries")
      .selectAll()
      .orderBy("authority_id")
      .orderBy("body_id")
      .orderBy("position")
      .execute(),
    forwardPlan: await db
      .selectFrom("forward_plan_entries")
      .selectAll()
      .orderBy("authority_id")
      .orderBy("reference")
      .execute(),
    decisions: await db
      .selectFrom("decisions")
      .selectAll()
      .orderBy("authority_id")
      .orderBy("decided_on")
      .orderBy("title")
      .execute(),
  };
}

function referencedPeople(meetings: BundleMeeting[], members: string[]): Set<string> {
  const names = new Set(members);
  const add = (name: string | undefined) => name !== undefined && names.add(name);
  const walk = (resolutions: Resolution[]) => {
    for (const r of resolutions) {
      add(r.proposer);
      add(r.seconder);
      walk(r.children);
    }
  };
  for (const m of meetings) {
    m.attendance.forEach((a) => {
      add(a.person);
      add(a.substituteFor);
    });
    for (const i of m.items) {
      add(i.leadMember);
      add(i.leadOfficer);
      i.declarations.forEach((d) => add(d.person));
      walk(i.resolutions);
    }
  }
  return names;
}

/** Drops undefined fields, so the exported JSON carries only what is known. */
function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = field;
  return out as T;
}

function byId<T extends { id: number }>(rows: T[], name: (row: T) => string): (id: number) => string {
  const map = new Map(rows.map((r) => [r.id, name(r)]));
  return (id) => map.get(id) ?? "";
}

function sortBy<T>(rows: T[], key: (row: T) => string): T[] {
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const pair = (a: number, b: number): [number, number] => [a, b];
const part = (value: string): Part => (value === "II" ? "II" : "I");
const personKind = (value: string): PersonKind =>
  (["councillor", "officer", "external"] as const).find((k) => k === value) ?? "external";
const attendanceStatus = (value: string): AttendanceStatus =>
  (["present", "apologies", "absent", "substitute", "in-attendance"] as const).find((s) => s === value) ??
  "present";
const minutesStatus = (value: string): MinutesStatus =>
  (["none", "draft", "approved"] as const).find((s) => s === value) ?? "none";
const priorityBand = (value: string | null): PriorityBand | undefined =>
  (["low", "medium", "high"] as const).find((b) => b === value);
/** "unknown" is how the loader stores a status the bundle did not give; it is exported as absent. */
const callInStatus = (value: string): CallInStatus | undefined =>
  (["not-applicable", "open", "not-called-in", "called-in"] as const).find((s) => s === value);
