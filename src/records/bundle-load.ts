import type { Db } from "../db/connect.js";
import type { Row } from "../db/schema.js";
import type {
  Bundle,
  BundleDocument,
  BundleItem,
  BundleMeeting,
  BundlePerson,
  Resolution,
  ResolutionRef,
} from "../domain/bundle.js";
import { parseBundle } from "../domain/bundle-validate.js";
import { personNameKey, slugify } from "../domain/names.js";
import { WitanError } from "../errors.js";
import { reindex, type Touched } from "./search.js";
import { write, type Actor, type Writer } from "./writer.js";

// The one loader (DESIGN.md section 4): validates a bundle and writes it in one transaction,
// merging with what exists by natural keys, so loading the same bundle twice changes nothing.
// A field the bundle leaves out keeps its stored value: a bundle adds and corrects, never erases.

export type LoadSummary = { changes: number; meetings: number; items: number; documents: number };

export async function loadBundle(db: Db, input: unknown, actor: Actor): Promise<LoadSummary> {
  const bundle = parseBundle(input);
  return write(db, actor, async (writer) => {
    const loader = new BundleLoader(writer, bundle);
    await loader.load();
    return {
      changes: writer.changes,
      meetings: bundle.meetings.length,
      items: bundle.meetings.reduce((n, m) => n + m.items.length, 0),
      documents: bundle.documents.length,
    };
  });
}

type PendingResponse = { resolutionId: number; ref: ResolutionRef };

class BundleLoader {
  readonly #w: Writer;
  readonly #bundle: Bundle;
  readonly #authorityIds = new Map<string, number>();
  readonly #bodyIds = new Map<string, number>();
  readonly #documentIds = new Map<string, number>();
  readonly #personAuthority = new Map<string, string>();
  readonly #pendingResponses: PendingResponse[] = [];
  readonly #touched: Touched = { meetings: new Set(), documents: new Set(), issues: new Set() };

  constructor(writer: Writer, bundle: Bundle) {
    this.#w = writer;
    this.#bundle = bundle;
  }

  get #db() {
    return this.#w.trx;
  }

  async load(): Promise<void> {
    const b = this.#bundle;
    for (const authority of b.authorities) await this.#authority(authority.name, authority);
    for (const body of b.bodies) await this.#body(body);
    this.#assignPeopleToAuthorities();
    for (const person of b.people) await this.#person(person);
    for (const membership of b.memberships) await this.#membership(membership);
    for (const document of b.documents) await this.#document(document);
    for (const meeting of b.meetings) await this.#meeting(meeting);
    for (const pending of this.#pendingResponses) await this.#linkResponse(pending);
    for (const issue of b.issues) await this.#issue(issue);
    await this.#workProgramme();
    for (const entry of b.forwardPlan ?? []) await this.#forwardPlanEntry(entry);
    await reindex(this.#db, this.#touched);
  }

  // ---- authorities, bodies, people -------------------------------------------------------

  async #authority(name: string, facts?: Bundle["authorities"][number]): Promise<number> {
    const cached = this.#authorityIds.get(name);
    if (cached !== undefined && !facts) return cached;
    const existing = await this.#db
      .selectFrom("authorities")
      .selectAll()
      .where("name", "=", name)
      .executeTakeFirst();
    const values = { nation: facts?.nation, governance: facts?.governance };
    let id: number;
    if (existing) {
      await this.#w.update("authorities", existing, values);
      id = existing.id;
    } else if (facts) {
      id = await this.#w.insert("authorities", {
        name,
        slug: await this.#uniqueSlug("authorities", slugify(name)),
        nation: facts.nation ?? "england",
        governance: facts.governance ?? null,
      });
    } else {
      throw this.#missing("authority", name);
    }
    this.#authorityIds.set(name, id);
    return id;
  }

  async #body(body: Bundle["bodies"][number]): Promise<void> {
    const names =
      body.authority !== null ? [body.authority, ...(body.authorities ?? [])] : (body.authorities ?? []);
    const lead = names[0];
    if (lead === undefined)
      throw new WitanError("BUNDLE_REFERENCE", `Body "${body.name}" names no authority`);
    const authorityId = await this.#authority(lead);
    const existing = await this.#findBody(authorityId, body.name);
    const isJoint = new Set(names).size > 1;
    let id: number;
    if (existing) {
      await this.#w.update("bodies", existing, { kind: body.kind, purpose: body.purpose, is_joint: isJoint });
      id = existing.id;
    } else {
      const slug = await this.#uniqueSlug("bodies", slugify(body.name), authorityId);
      id = await this.#w.insert("bodies", {
        authority_id: authorityId,
        name: body.name,
        slug,
        kind: body.kind,
        purpose: body.purpose ?? null,
        is_joint: isJoint,
      });
    }
    for (const name of new Set(names)) {
      await this.#w.link("body_authorities", { body_id: id, authority_id: await this.#authority(name) });
    }
  }

  async #findBody(authorityId: number, name: string): Promise<Row<"bodies"> | undefined> {
    return this.#db
      .selectFrom("bodies")
      .selectAll()
      .where("name", "=", name)
      .where((eb) =>
        eb.or([
          eb("authority_id", "=", authorityId),
          eb(
            "id",
            "in",
            eb
              .selectFrom("body_authorities")
              .select("body_id")
              .where("body_authorities.authority_id", "=", authorityId),
          ),
        ]),
      )
      .orderBy("id")
      .executeTakeFirst();
  }

  async #bodyId(authority: string, name: string): Promise<number> {
    const key = `${authority}\u0000${name}`;
    const cached = this.#bodyIds.get(key);
    if (cached !== undefined) return cached;
    const body = await this.#findBody(await this.#authority(authority), name);
    if (!body) throw this.#missing("body", `${name} (${authority})`);
    this.#bodyIds.set(key, body.id);
    return body.id;
  }

  /** A person listed without an authority belongs to the authority of the first record naming them. */
  #assignPeopleToAuthorities(): void {
    const claim = (name: string | undefined, authority: string) => {
      if (name === undefined) return;
      const key = personNameKey(name);
      if (!this.#personAuthority.has(key)) this.#personAuthority.set(key, authority);
    };
    for (const m of this.#bundle.memberships) claim(m.person, m.authority);
    for (const meeting of this.#bundle.meetings) {
      for (const a of meeting.attendance) claim(a.person, meeting.authority);
      for (const item of meeting.items) {
        claim(item.leadMember, meeting.authority);
        claim(item.leadOfficer, meeting.authority);
        for (const d of item.declarations) claim(d.person, meeting.authority);
        for (const r of flatten(item.resolutions)) {
          claim(r.proposer, meeting.authority);
          claim(r.seconder, meeting.authority);
        }
      }
    }
  }

  async #person(person: BundlePerson): Promise<void> {
    const key = personNameKey(person.name);
    const authority = person.authority ?? this.#personAuthority.get(key) ?? this.#bundle.authorities[0]?.name;
    if (authority === undefined) throw this.#missing("authority for person", person.name);
    const authorityId = await this.#authority(authority);
    const values = {
      name: person.name,
      honorific: person.honorific,
      kind: person.kind,
      organisation: person.organisation,
      job_title: person.jobTitle,
      party: person.party,
      ward: person.ward,
    };
    const existing = await this.#db
      .selectFrom("people")
      .selectAll()
      .where("authority_id", "=", authorityId)
      .where("name_key", "=", key)
      .executeTakeFirst();
    if (existing) {
      await this.#w.update("people", existing, values);
      return;
    }
    await this.#w.insert("people", {
      ...values,
      authority_id: authorityId,
      name_key: key,
      honorific: person.honorific ?? null,
      organisation: person.organisation ?? null,
      job_title: person.jobTitle ?? null,
      party: person.party ?? null,
      ward: person.ward ?? null,
    });
  }

  /** People are found by normalised name in the authority first, then anywhere if the name is unique. */
  async #personId(authority: string, name: string): Promise<number> {
    const key = personNameKey(name);
    const authorityId = await this.#authority(authority);
    const people = await this.#db
      .selectFrom("people")
      .select(["id", "authority_id"])
      .where("name_key", "=", key)
      .execute();
    const local = people.find((p) => p.authority_id === authorityId);
    if (local) return local.id;
    const only = people.length === 1 ? people[0] : undefined;
    if (only) return only.id;
    throw this.#missing("person", `${name} (${authority})`);
  }

  async #optionalPersonId(authority: string, name: string | undefined): Promise<number | null> {
    return name === undefined ? null : this.#personId(authority, name);
  }

  async #membership(m: Bundle["memberships"][number]): Promise<void> {
    const authorityId = await this.#authority(m.authority);
    const personId = await this.#personId(m.authority, m.person);
    const bodyId = await this.#bodyId(m.authority, m.body);
    const existing = await this.#db
      .selectFrom("memberships")
      .selectAll()
      .where("person_id", "=", personId)
      .where("body_id", "=", bodyId)
      .where("role", "=", m.role)
      .executeTakeFirst();
    if (existing) {
      await this.#w.update("memberships", existing, { from_date: m.from, to_date: m.to });
      return;
    }
    await this.#w.insert("memberships", {
      authority_id: authorityId,
      person_id: personId,
      body_id: bodyId,
      role: m.role,
      from_date: m.from ?? null,
      to_date: m.to ?? null,
    });
  }

  // ---- documents --------------------------------------------------------------------------

  #documentAuthority(doc: BundleDocument): string {
    if (doc.authority !== undefined) return doc.authority;
    const meeting = this.#bundle.meetings.find((m) => m.items.some((i) => i.documents.includes(doc.id)));
    const issue = this.#bundle.issues.find((i) => i.documents?.includes(doc.id));
    const authority = meeting?.authority ?? issue?.authority ?? issue?.items[0]?.authority;
    return authority ?? this.#bundle.authorities[0]?.name ?? "";
  }

  async #document(doc: BundleDocument): Promise<void> {
    const authority = this.#documentAuthority(doc);
    const authorityId = await this.#authority(authority);
    const values = {
      title: doc.title,
      kind: doc.kind,
      media_type: doc.mediaType,
      size_bytes: doc.sizeBytes,
      text: doc.text,
      part: doc.part ?? "I",
      exempt_paragraph: doc.exemptParagraph,
      published_on: doc.published,
      author: doc.author,
      publisher: doc.publisher,
      url: doc.url,
      body_id: doc.body === undefined ? undefined : await this.#bodyId(authority, doc.body),
      source_file: doc.source?.file,
      source_from: doc.source?.from,
      source_to: doc.source?.to,
    };
    const existing = await this.#db
      .selectFrom("documents")
      .selectAll()
      .where("authority_id", "=", authorityId)
      .where("key", "=", doc.id)
      .executeTakeFirst();
    let id: number;
    if (existing) {
      if (await this.#w.update("documents", existing, values)) this.#touched.documents.add(existing.id);
      id = existing.id;
    } else {
      id = await this.#w.insert("documents", {
        ...values,
        authority_id: authorityId,
        key: doc.id,
        is_published: true,
        media_type: values.media_type ?? null,
        size_bytes: values.size_bytes ?? null,
        text: values.text ?? null,
        exempt_paragraph: values.exempt_paragraph ?? null,
        published_on: values.published_on ?? null,
        author: values.author ?? null,
        publisher: values.publisher ?? null,
        url: values.url ?? null,
        body_id: values.body_id ?? null,
        source_file: values.source_file ?? null,
        source_from: values.source_from ?? null,
        source_to: values.source_to ?? null,
      });
      this.#touched.documents.add(id);
    }
    this.#documentIds.set(doc.id, id);
  }

  #documentId(key: string): number {
    const id = this.#documentIds.get(key);
    if (id === undefined) throw this.#missing("document", key);
    return id;
  }

  // ---- meetings and what happened at them -------------------------------------------------

  async #findMeeting(bodyId: number, date: string, start: string | undefined) {
    const sameDay = await this.#db
      .selectFrom("meetings")
      .selectAll()
      .where("body_id", "=", bodyId)
      .where("date", "=", date)
      .orderBy("id")
      .execute();
    return sameDay.find((m) => start === undefined || m.start_time === null || m.start_time === start);
  }

  async #meeting(meeting: BundleMeeting): Promise<void> {
    const authorityId = await this.#authority(meeting.authority);
    const bodyId = await this.#bodyId(meeting.authority, meeting.body);
    const isPublished = meeting.published ?? meeting.agendaPublished !== undefined;
    const values = {
      start_time: meeting.start,
      end_time: meeting.end,
      venue: meeting.venue,
      contact: meeting.contact,
      status: meeting.status,
      webcast_url: meeting.webcast,
      agenda_published_on: meeting.agendaPublished,
      minutes_status: meeting.minutesStatus,
      is_agenda_published:
        meeting.published === undefined && !meeting.agendaPublished ? undefined : isPublished,
    };
    const existing = await this.#findMeeting(bodyId, meeting.date, meeting.start);
    let meetingId: number;
    if (existing) {
      if (await this.#w.update("meetings", existing, values)) this.#touched.meetings.add(existing.id);
      meetingId = existing.id;
    } else {
      const body = await this.#db
        .selectFrom("bodies")
        .select("slug")
        .where("id", "=", bodyId)
        .executeTakeFirstOrThrow();
      const base = `${meeting.date}-${body.slug}`;
      const slug = await this.#uniqueSlug(
        "meetings",
        meeting.start ? `${base}` : base,
        authorityId,
        meeting.start,
      );
      meetingId = await this.#w.insert("meetings", {
        authority_id: authorityId,
        body_id: bodyId,
        slug,
        date: meeting.date,
        start_time: meeting.start ?? null,
        end_time: meeting.end ?? null,
        venue: meeting.venue ?? null,
        status: meeting.status ?? "scheduled",
        contact: meeting.contact ?? null,
        webcast_url: meeting.webcast ?? null,
        is_agenda_published: isPublished,
        agenda_published_on: meeting.agendaPublished ?? null,
        minutes_status: meeting.minutesStatus ?? "none",
        minutes_approved_item_id: null,
      });
      this.#touched.meetings.add(meetingId);
    }
    const context = { authority: meeting.authority, authorityId, meetingId };
    for (const attendance of meeting.attendance) await this.#attendance(context, attendance);
    const positions = await this.#itemPositions(meetingId, meeting.items);
    for (const [index, item] of meeting.items.entries()) await this.#item(context, item, positions[index]);
  }

  /** A bundle that lists the whole agenda sets its order; one that lists only some items keeps
   * the stored order and adds its new items at the end. */
  async #itemPositions(meetingId: number, items: BundleItem[]): Promise<(number | undefined)[]> {
    const stored = await this.#db
      .selectFrom("agenda_items")
      .select(["number", "position"])
      .where("meeting_id", "=", meetingId)
      .execute();
    const listed = new Set(items.map((i) => i.number));
    if (stored.every((s) => listed.has(s.number))) return items.map((_, index) => index + 1);
    let next = Math.max(0, ...stored.map((s) => s.position));
    return items.map((item) => (stored.some((s) => s.number === item.number) ? undefined : ++next));
  }

  async #attendance(ctx: MeetingContext, a: BundleMeeting["attendance"][number]): Promise<void> {
    const personId = await this.#personId(ctx.authority, a.person);
    const values = {
      status: a.status,
      role: a.role,
      substitute_for_person_id: await this.#optionalPersonId(ctx.authority, a.substituteFor),
    };
    const existing = await this.#db
      .selectFrom("attendances")
      .selectAll()
      .where("meeting_id", "=", ctx.meetingId)
      .where("person_id", "=", personId)
      .executeTakeFirst();
    if (existing) {
      if (
        await this.#w.update("attendances", existing, {
          ...values,
          substitute_for_person_id: values.substitute_for_person_id ?? undefined,
        })
      )
        this.#touched.meetings.add(ctx.meetingId);
      return;
    }
    await this.#w.insert("attendances", {
      ...values,
      role: a.role ?? null,
      authority_id: ctx.authorityId,
      meeting_id: ctx.meetingId,
      person_id: personId,
    });
    this.#touched.meetings.add(ctx.meetingId);
  }

  async #item(ctx: MeetingContext, item: BundleItem, position: number | undefined): Promise<void> {
    const values = {
      position,
      title: item.title,
      kind: item.kind,
      description: item.description,
      part: item.part,
      exempt_paragraph: item.exemptParagraph,
      is_late: item.late,
      urgency_reason: item.urgencyReason,
      is_key_decision: item.keyDecision,
      forward_plan_ref: item.forwardPlanRef,
      lead_member_id: (await this.#optionalPersonId(ctx.authority, item.leadMember)) ?? undefined,
      lead_officer_id: (await this.#optionalPersonId(ctx.authority, item.leadOfficer)) ?? undefined,
      page_from: item.pages?.[0],
      page_to: item.pages?.[1],
      minutes: item.minutes,
      is_minutes_truncated: item.minutesTruncated,
    };
    const existing = await this.#db
      .selectFrom("agenda_items")
      .selectAll()
      .where("meeting_id", "=", ctx.meetingId)
      .where("number", "=", item.number)
      .executeTakeFirst();
    let itemId: number;
    if (existing) {
      if (await this.#w.update("agenda_items", existing, values)) this.#touched.meetings.add(ctx.meetingId);
      itemId = existing.id;
    } else {
      itemId = await this.#w.insert("agenda_items", {
        ...values,
        authority_id: ctx.authorityId,
        meeting_id: ctx.meetingId,
        number: item.number,
        position: position ?? 1,
        description: item.description ?? null,
        exempt_paragraph: item.exemptParagraph ?? null,
        urgency_reason: item.urgencyReason ?? null,
        forward_plan_ref: item.forwardPlanRef ?? null,
        lead_member_id: values.lead_member_id ?? null,
        lead_officer_id: values.lead_officer_id ?? null,
        page_from: item.pages?.[0] ?? null,
        page_to: item.pages?.[1] ?? null,
        minutes: item.minutes ?? null,
      });
      this.#touched.meetings.add(ctx.meetingId);
    }
    for (const [index, key] of item.documents.entries()) {
      const documentId = this.#documentId(key);
      if (
        await this.#w.link("item_documents", {
          item_id: itemId,
          document_id: documentId,
          position: index + 1,
        })
      ) {
        this.#touched.documents.add(documentId);
        this.#touched.meetings.add(ctx.meetingId);
      }
    }
    for (const declaration of item.declarations) {
      const personId = await this.#personId(ctx.authority, declaration.person);
      const found = await this.#db
        .selectFrom("declarations")
        .selectAll()
        .where("item_id", "=", itemId)
        .where("person_id", "=", personId)
        .where("kind", "=", declaration.kind)
        .executeTakeFirst();
      if (found) await this.#w.update("declarations", found, { nature: declaration.nature });
      else
        await this.#w.insert("declarations", {
          authority_id: ctx.authorityId,
          item_id: itemId,
          person_id: personId,
          kind: declaration.kind,
          nature: declaration.nature ?? null,
        });
    }
    const itemCtx = { ...ctx, itemId };
    for (const [index, resolution] of item.resolutions.entries()) {
      await this.#resolution(itemCtx, resolution, null, index + 1);
    }
    if (item.source) await this.#provenance(ctx.authorityId, "agenda_items", itemId, item.source);
  }

  async #resolution(
    ctx: ItemContext,
    r: Resolution,
    parentId: number | null,
    position: number,
  ): Promise<void> {
    const values = {
      position,
      text: r.text,
      verb: r.verb,
      is_in_principle: r.inPrinciple,
      proposer_id: (await this.#optionalPersonId(ctx.authority, r.proposer)) ?? undefined,
      seconder_id: (await this.#optionalPersonId(ctx.authority, r.seconder)) ?? undefined,
      votes_for: r.votes?.for,
      votes_against: r.votes?.against,
      votes_abstain: r.votes?.abstain,
      is_unanimous: r.votes?.unanimous,
      delegated_to: r.delegatedTo,
      recommends_to_body_id: r.recommendsTo
        ? await this.#bodyId(r.recommendsTo.authority, r.recommendsTo.body)
        : undefined,
      recommends_to_date: r.recommendsTo?.date,
    };
    let query = this.#db
      .selectFrom("resolutions")
      .selectAll()
      .where("item_id", "=", ctx.itemId)
      .where("number", "=", r.number);
    query =
      parentId === null ? query.where("parent_id", "is", null) : query.where("parent_id", "=", parentId);
    // Unnumbered resolutions ("Agreed that …") are told apart by their place in the item.
    if (r.number === "") query = query.where("position", "=", position);
    const existing = await query.executeTakeFirst();
    let id: number;
    if (existing) {
      if (await this.#w.update("resolutions", existing, values)) this.#touched.meetings.add(ctx.meetingId);
      id = existing.id;
    } else {
      id = await this.#w.insert("resolutions", {
        ...values,
        authority_id: ctx.authorityId,
        item_id: ctx.itemId,
        parent_id: parentId,
        number: r.number,
        verb: r.verb ?? null,
        proposer_id: values.proposer_id ?? null,
        seconder_id: values.seconder_id ?? null,
        votes_for: values.votes_for ?? null,
        votes_against: values.votes_against ?? null,
        votes_abstain: values.votes_abstain ?? null,
        delegated_to: r.delegatedTo ?? null,
        recommends_to_body_id: values.recommends_to_body_id ?? null,
        recommends_to_date: r.recommendsTo?.date ?? null,
        responds_to_resolution_id: null,
      });
      this.#touched.meetings.add(ctx.meetingId);
    }
    if (r.respondsTo) this.#pendingResponses.push({ resolutionId: id, ref: r.respondsTo });
    for (const [index, condition] of (r.conditions ?? []).entries()) {
      const found = await this.#db
        .selectFrom("conditions")
        .selectAll()
        .where("resolution_id", "=", id)
        .where("position", "=", index + 1)
        .executeTakeFirst();
      const values = {
        group_title: condition.group,
        text: condition.text,
        status: condition.status,
        owner: condition.owner,
      };
      if (found) await this.#w.update("conditions", found, values);
      else
        await this.#w.insert("conditions", {
          ...values,
          authority_id: ctx.authorityId,
          resolution_id: id,
          position: index + 1,
          status: condition.status ?? "open",
          owner: condition.owner ?? null,
        });
    }
    for (const [index, action] of (r.actions ?? []).entries()) await this.#action(ctx, id, action, index + 1);
    for (const [index, child] of r.children.entries()) await this.#resolution(ctx, child, id, index + 1);
  }

  async #action(
    ctx: ItemContext,
    resolutionId: number,
    action: NonNullable<Resolution["actions"]>[number],
    position: number,
  ) {
    const ownerBody =
      action.owner === undefined ? undefined : await this.#findBody(ctx.authorityId, action.owner);
    const values = {
      text: action.text,
      owner: action.owner,
      owner_body_id: ownerBody?.id,
      due_date: action.due,
      status: action.status,
    };
    const found = await this.#db
      .selectFrom("actions")
      .selectAll()
      .where("resolution_id", "=", resolutionId)
      .where("position", "=", position)
      .executeTakeFirst();
    if (found) {
      await this.#w.update("actions", found, values);
      return;
    }
    await this.#w.insert("actions", {
      authority_id: ctx.authorityId,
      resolution_id: resolutionId,
      position,
      text: action.text,
      owner: action.owner ?? null,
      owner_person_id: null,
      owner_body_id: ownerBody?.id ?? null,
      due_date: action.due ?? null,
      due_meeting_id: null,
      status: action.status ?? "open",
    });
  }

  async #linkResponse({ resolutionId, ref }: PendingResponse): Promise<void> {
    const bodyId = await this.#bodyId(ref.authority, ref.body);
    const target = await this.#db
      .selectFrom("resolutions as r")
      .innerJoin("agenda_items as i", "i.id", "r.item_id")
      .innerJoin("meetings as m", "m.id", "i.meeting_id")
      .select(["r.id"])
      .where("m.body_id", "=", bodyId)
      .where("m.date", "=", ref.date)
      .where("i.number", "=", ref.item)
      .where("r.number", "=", ref.number)
      .orderBy("r.parent_id", "desc")
      .executeTakeFirst();
    if (!target)
      throw this.#missing("resolution", `${ref.number} of item ${ref.item}, ${ref.body} ${ref.date}`);
    const row = await this.#db
      .selectFrom("resolutions")
      .selectAll()
      .where("id", "=", resolutionId)
      .executeTakeFirstOrThrow();
    await this.#w.update("resolutions", row, { responds_to_resolution_id: target.id });
  }

  async #provenance(
    authorityId: number,
    table: string,
    recordId: number,
    source: { file: string; from: number; to: number },
  ) {
    const found = await this.#db
      .selectFrom("provenance")
      .select("id")
      .where("record_table", "=", table)
      .where("record_id", "=", recordId)
      .where("source_file", "=", source.file)
      .where("source_from", "=", source.from)
      .where("source_to", "=", source.to)
      .executeTakeFirst();
    if (found) return;
    await this.#w.insert("provenance", {
      authority_id: authorityId,
      record_table: table,
      record_id: recordId,
      source_file: source.file,
      source_from: source.from,
      source_to: source.to,
      document_id: null,
      imported_at: new Date().toISOString(),
    });
  }

  // ---- issues, work programmes, forward plans ---------------------------------------------

  async #itemId(ref: { authority: string; body: string; date: string; number: string }): Promise<number> {
    const bodyId = await this.#bodyId(ref.authority, ref.body);
    const item = await this.#db
      .selectFrom("agenda_items as i")
      .innerJoin("meetings as m", "m.id", "i.meeting_id")
      .select("i.id")
      .where("m.body_id", "=", bodyId)
      .where("m.date", "=", ref.date)
      .where("i.number", "=", ref.number)
      .executeTakeFirst();
    if (!item) throw this.#missing("agenda item", `${ref.number}, ${ref.body} ${ref.date}`);
    return item.id;
  }

  async #issue(issue: Bundle["issues"][number]): Promise<void> {
    const authority = issue.authority ?? issue.items[0]?.authority ?? this.#bundle.authorities[0]?.name;
    if (authority === undefined) throw this.#missing("authority for issue", issue.title);
    const authorityId = await this.#authority(authority);
    const existing = await this.#db
      .selectFrom("issues")
      .selectAll()
      .where("authority_id", "=", authorityId)
      .where("title", "=", issue.title)
      .executeTakeFirst();
    let issueId: number;
    if (existing) {
      if (await this.#w.update("issues", existing, { status: issue.status, summary: issue.summary }))
        this.#touched.issues.add(existing.id);
      issueId = existing.id;
    } else {
      issueId = await this.#w.insert("issues", {
        authority_id: authorityId,
        title: issue.title,
        slug: await this.#uniqueSlug("issues", slugify(issue.title)),
        status: issue.status ?? null,
        summary: issue.summary ?? null,
      });
      this.#touched.issues.add(issueId);
    }
    for (const ref of issue.items) {
      if (await this.#w.link("issue_items", { issue_id: issueId, item_id: await this.#itemId(ref) }))
        this.#touched.issues.add(issueId);
    }
    for (const key of issue.documents ?? []) {
      if (await this.#w.link("issue_documents", { issue_id: issueId, document_id: this.#documentId(key) }))
        this.#touched.issues.add(issueId);
    }
    for (const event of issue.events ?? []) {
      const found = await this.#db
        .selectFrom("issue_events")
        .selectAll()
        .where("issue_id", "=", issueId)
        .where("date", "=", event.date)
        .where("text", "=", event.text)
        .executeTakeFirst();
      const eventAuthority = event.authority ?? authority;
      const values = {
        event_authority_id:
          event.authority === undefined ? undefined : await this.#authority(event.authority),
        body_id: event.body === undefined ? undefined : await this.#bodyId(eventAuthority, event.body),
        document_id: event.document === undefined ? undefined : this.#documentId(event.document),
      };
      if (found) {
        await this.#w.update("issue_events", found, values);
        continue;
      }
      await this.#w.insert("issue_events", {
        authority_id: authorityId,
        issue_id: issueId,
        date: event.date,
        text: event.text,
        event_authority_id: values.event_authority_id ?? null,
        body_id: values.body_id ?? null,
        document_id: values.document_id ?? null,
      });
      this.#touched.issues.add(issueId);
    }
  }

  async #workProgramme(): Promise<void> {
    const positions = new Map<number, number>();
    for (const entry of this.#bundle.workProgramme) {
      const authorityId = await this.#authority(entry.authority);
      const bodyId = await this.#bodyId(entry.authority, entry.body);
      const position = (positions.get(bodyId) ?? 0) + 1;
      positions.set(bodyId, position);
      let query = this.#db
        .selectFrom("work_programme_entries")
        .selectAll()
        .where("body_id", "=", bodyId)
        .where("title", "=", entry.title);
      query =
        entry.meetingDate === null
          ? query.where("meeting_date", "is", null)
          : query.where("meeting_date", "=", entry.meetingDate);
      query =
        entry.municipalYear === undefined ? query : query.where("municipal_year", "=", entry.municipalYear);
      const found = await query.executeTakeFirst();
      const values = {
        position,
        priority_score: entry.priorityScore,
        priority_band: entry.priorityBand,
        reason: entry.reason,
        responsible: entry.responsible,
        kind: entry.kind,
      };
      if (found) {
        await this.#w.update("work_programme_entries", found, values);
        continue;
      }
      await this.#w.insert("work_programme_entries", {
        authority_id: authorityId,
        body_id: bodyId,
        municipal_year: entry.municipalYear ?? null,
        position,
        meeting_date: entry.meetingDate,
        meeting_id: null,
        title: entry.title,
        priority_score: entry.priorityScore ?? null,
        priority_band: entry.priorityBand ?? null,
        reason: entry.reason ?? null,
        responsible: entry.responsible ?? null,
        kind: entry.kind ?? null,
      });
    }
  }

  async #forwardPlanEntry(entry: NonNullable<Bundle["forwardPlan"]>[number]): Promise<void> {
    const authorityId = await this.#authority(entry.authority);
    const found = await this.#db
      .selectFrom("forward_plan_entries")
      .selectAll()
      .where("authority_id", "=", authorityId)
      .where("reference", "=", entry.reference)
      .executeTakeFirst();
    const values = {
      title: entry.title,
      decision_maker: entry.decisionMaker,
      expected_date: entry.expectedDate,
      first_published: entry.firstPublished,
      is_exempt: entry.exempt,
      consultees: entry.consultees,
    };
    if (found) {
      await this.#w.update("forward_plan_entries", found, values);
      return;
    }
    await this.#w.insert("forward_plan_entries", {
      ...values,
      authority_id: authorityId,
      reference: entry.reference,
      expected_date: entry.expectedDate ?? null,
      first_published: entry.firstPublished ?? null,
      consultees: entry.consultees ?? null,
      item_id: null,
    });
  }

  // ---- helpers ----------------------------------------------------------------------------

  async #uniqueSlug(
    table: "authorities" | "bodies" | "meetings" | "issues",
    base: string,
    authorityId?: number,
    start?: string,
  ): Promise<string> {
    const candidates = [base, ...(start ? [`${base}-${start.replace(":", "")}`] : [])];
    for (let n = 2; candidates.length < 50; n++) candidates.push(`${base}-${n}`);
    for (const slug of candidates) {
      let query = this.#db.selectFrom(table).select("id").where("slug", "=", slug);
      if (authorityId !== undefined && table !== "authorities" && table !== "issues") {
        query = query.where("authority_id", "=", authorityId);
      }
      if (!(await query.executeTakeFirst())) return slug;
    }
    throw new WitanError("BUNDLE_INVALID", `Too many records share the name "${base}"`);
  }

  #missing(what: string, name: string): WitanError {
    return new WitanError(
      "BUNDLE_REFERENCE",
      `The bundle refers to ${what} "${name}", which it does not define`,
    );
  }
}

type MeetingContext = { authority: string; authorityId: number; meetingId: number };
type ItemContext = MeetingContext & { itemId: number };

export function flatten(resolutions: Resolution[]): Resolution[] {
  return resolutions.flatMap((r) => [r, ...flatten(r.children)]);
}
