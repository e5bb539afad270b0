import type { Db } from "../db/connect.js";
import type {
  Bundle,
  BundleDecision,
  BundleDocument,
  BundleItem,
  BundleMeeting,
  Resolution,
  ResolutionRef,
} from "../domain/bundle.js";
import { parseBundle } from "../domain/bundle-validate.js";
import { personNameKey } from "../domain/names.js";
import { WitanError } from "../errors.js";
import { findAuthorityId, saveAuthority } from "./authorities.js";
import { findBody, saveBody } from "./bodies.js";
import {
  findResolution,
  linkResponse,
  saveAction,
  saveCondition,
  saveDecision,
  saveResolution,
} from "./decisions.js";
import { saveDocument } from "./documents.js";
import { linkIssueDocument, linkIssueItem, saveIssue, saveIssueEvent } from "./issues.js";
import { linkItemDocument, saveDeclaration, saveItem, saveProvenance } from "./items.js";
import { findMeetingItem, saveAttendance, saveMeeting } from "./meeting-writes.js";
import { findPeopleByName, saveMembership, savePerson } from "./people.js";
import { saveForwardPlanEntry } from "./plans.js";
import { saveWorkProgrammeEntry } from "./programmes.js";
import { reindex, type Touched } from "./search.js";
import { write, type Actor, type Writer } from "./writer.js";

// The one loader (DESIGN.md section 4): validates a bundle and writes it in one transaction,
// merging with what exists by natural keys, so loading the same bundle twice changes nothing.
// A field the bundle leaves out keeps its stored value: a bundle adds and corrects, never erases.
// This file resolves the bundle's references by name; each aggregate's module does its writes.

export type LoadSummary = { changes: number; meetings: number; items: number; documents: number };

export async function loadBundle(db: Db, input: unknown, actor: Actor): Promise<LoadSummary> {
  const bundle = parseBundle(input);
  return write(db, actor, async (writer) => {
    await new BundleLoader(writer, bundle).load();
    return {
      changes: writer.changes,
      meetings: bundle.meetings.length,
      items: bundle.meetings.reduce((n, m) => n + m.items.length, 0),
      documents: bundle.documents.length,
    };
  });
}

export function flatten(resolutions: Resolution[]): Resolution[] {
  return resolutions.flatMap((r) => [r, ...flatten(r.children)]);
}

type MeetingContext = { authority: string; authorityId: number; meetingId: number };
type ItemContext = MeetingContext & { itemId: number };

class BundleLoader {
  readonly #w: Writer;
  readonly #bundle: Bundle;
  readonly #authorityIds = new Map<string, number>();
  readonly #bodyIds = new Map<string, number>();
  readonly #documentIds = new Map<string, number>();
  readonly #personAuthority = new Map<string, string>();
  readonly #responses: { resolutionId: number; ref: ResolutionRef }[] = [];
  readonly #touched: Touched = { meetings: new Set(), documents: new Set(), issues: new Set() };

  constructor(writer: Writer, bundle: Bundle) {
    this.#w = writer;
    this.#bundle = bundle;
  }

  async load(): Promise<void> {
    const b = this.#bundle;
    for (const authority of b.authorities)
      this.#authorityIds.set(authority.name, await saveAuthority(this.#w, authority));
    for (const body of b.bodies) await this.#body(body);
    this.#claimPeople();
    for (const person of b.people) {
      const authority = person.authority ?? this.#personAuthority.get(personNameKey(person.name));
      await savePerson(
        this.#w,
        await this.#authority(authority ?? this.#firstAuthority(person.name)),
        person,
      );
    }
    for (const m of b.memberships) {
      await saveMembership(this.#w, {
        authorityId: await this.#authority(m.authority),
        personId: await this.#person(m.authority, m.person),
        bodyId: await this.#bodyId(m.authority, m.body),
        role: m.role,
        from: m.from,
        to: m.to,
      });
    }
    for (const doc of b.documents) await this.#document(doc);
    for (const meeting of b.meetings) await this.#meeting(meeting);
    for (const { resolutionId, ref } of this.#responses) await this.#respond(resolutionId, ref);
    for (const issue of b.issues) await this.#issue(issue);
    await this.#workProgramme();
    for (const entry of b.forwardPlan ?? []) {
      await saveForwardPlanEntry(this.#w, await this.#authority(entry.authority), entry);
    }
    for (const decision of b.decisions ?? []) await this.#decision(decision);
    await reindex(this.#w.trx, this.#touched);
  }

  // ---- references by name -----------------------------------------------------------------

  async #authority(name: string): Promise<number> {
    const cached = this.#authorityIds.get(name);
    if (cached !== undefined) return cached;
    const id = await findAuthorityId(this.#w.trx, name);
    if (id === undefined) throw missing("authority", name);
    this.#authorityIds.set(name, id);
    return id;
  }

  #firstAuthority(what: string): string {
    const first = this.#bundle.authorities[0]?.name;
    if (first === undefined) throw missing("authority for", what);
    return first;
  }

  async #bodyId(authority: string, name: string): Promise<number> {
    const key = `${authority}\u0000${name}`;
    const cached = this.#bodyIds.get(key);
    if (cached !== undefined) return cached;
    const body = await findBody(this.#w.trx, await this.#authority(authority), name);
    if (!body) throw missing("body", `${name} (${authority})`);
    this.#bodyIds.set(key, body.id);
    return body.id;
  }

  /** People are found by normalised name in the authority first, then anywhere if the name is unique. */
  async #person(authority: string, name: string): Promise<number> {
    const authorityId = await this.#authority(authority);
    const people = await findPeopleByName(this.#w.trx, name);
    const found =
      people.find((p) => p.authority_id === authorityId) ?? (people.length === 1 ? people[0] : undefined);
    if (!found) throw missing("person", `${name} (${authority})`);
    return found.id;
  }

  async #optionalPerson(authority: string, name: string | undefined): Promise<number | undefined> {
    return name === undefined ? undefined : this.#person(authority, name);
  }

  #documentId(key: string): number {
    const id = this.#documentIds.get(key);
    if (id === undefined) throw missing("document", key);
    return id;
  }

  /** A person listed without an authority belongs to the authority of the first record naming them. */
  #claimPeople(): void {
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

  // ---- records ----------------------------------------------------------------------------

  async #body(body: Bundle["bodies"][number]): Promise<void> {
    const names = [...(body.authority !== null ? [body.authority] : []), ...(body.authorities ?? [])];
    if (names.length === 0)
      throw new WitanError("BUNDLE_REFERENCE", `Body "${body.name}" names no authority`);
    const authorityIds: number[] = [];
    for (const name of names) authorityIds.push(await this.#authority(name));
    await saveBody(this.#w, { name: body.name, kind: body.kind, purpose: body.purpose, authorityIds });
  }

  #documentAuthority(doc: BundleDocument): string {
    if (doc.authority !== undefined) return doc.authority;
    const meeting = this.#bundle.meetings.find((m) => m.items.some((i) => i.documents.includes(doc.id)));
    const issue = this.#bundle.issues.find((i) => i.documents?.includes(doc.id));
    return (
      meeting?.authority ?? issue?.authority ?? issue?.items[0]?.authority ?? this.#firstAuthority(doc.id)
    );
  }

  async #document(doc: BundleDocument): Promise<void> {
    const authority = this.#documentAuthority(doc);
    const bodyId = doc.body === undefined ? undefined : await this.#bodyId(authority, doc.body);
    const { id, changed } = await saveDocument(this.#w, await this.#authority(authority), doc, bodyId);
    if (changed) this.#touched.documents.add(id);
    this.#documentIds.set(doc.id, id);
  }

  async #meeting(meeting: BundleMeeting): Promise<void> {
    const authorityId = await this.#authority(meeting.authority);
    const bodyId = await this.#bodyId(meeting.authority, meeting.body);
    const { id: meetingId, changed } = await saveMeeting(this.#w, { authorityId, bodyId, meeting });
    if (changed) this.#touched.meetings.add(meetingId);
    const ctx: MeetingContext = { authority: meeting.authority, authorityId, meetingId };
    for (const a of meeting.attendance) {
      const saved = await saveAttendance(this.#w, {
        authorityId,
        meetingId,
        personId: await this.#person(meeting.authority, a.person),
        status: a.status,
        role: a.role,
        substituteForId: await this.#optionalPerson(meeting.authority, a.substituteFor),
      });
      if (saved.changed) this.#touched.meetings.add(meetingId);
    }
    const positions = await this.#itemPositions(meetingId, meeting.items);
    for (const [index, item] of meeting.items.entries()) await this.#item(ctx, item, positions[index]);
  }

  /** A bundle that lists the whole agenda sets its order; one that lists only some items keeps
   * the stored order and adds its new items at the end. */
  async #itemPositions(meetingId: number, items: BundleItem[]): Promise<(number | undefined)[]> {
    const stored = await this.#w.trx
      .selectFrom("agenda_items")
      .select(["number", "position"])
      .where("meeting_id", "=", meetingId)
      .execute();
    const listed = new Set(items.map((i) => i.number));
    if (stored.every((s) => listed.has(s.number))) return items.map((_, index) => index + 1);
    let next = Math.max(0, ...stored.map((s) => s.position));
    return items.map((item) => (stored.some((s) => s.number === item.number) ? undefined : ++next));
  }

  async #item(ctx: MeetingContext, item: BundleItem, position: number | undefined): Promise<void> {
    const { id: itemId, changed } = await saveItem(this.#w, {
      authorityId: ctx.authorityId,
      meetingId: ctx.meetingId,
      position,
      item,
      leadMemberId: await this.#optionalPerson(ctx.authority, item.leadMember),
      leadOfficerId: await this.#optionalPerson(ctx.authority, item.leadOfficer),
    });
    if (changed) this.#touched.meetings.add(ctx.meetingId);
    for (const [index, key] of item.documents.entries()) {
      const documentId = this.#documentId(key);
      if (await linkItemDocument(this.#w, itemId, documentId, index + 1)) {
        this.#touched.documents.add(documentId);
        this.#touched.meetings.add(ctx.meetingId);
      }
    }
    for (const d of item.declarations) {
      await saveDeclaration(this.#w, {
        authorityId: ctx.authorityId,
        itemId,
        personId: await this.#person(ctx.authority, d.person),
        kind: d.kind,
        nature: d.nature,
      });
    }
    for (const [index, r] of item.resolutions.entries())
      await this.#resolution({ ...ctx, itemId }, r, null, index + 1);
    if (item.source) await saveProvenance(this.#w, ctx.authorityId, "agenda_items", itemId, item.source);
  }

  async #resolution(
    ctx: ItemContext,
    r: Resolution,
    parentId: number | null,
    position: number,
  ): Promise<void> {
    const { id, changed } = await saveResolution(this.#w, {
      authorityId: ctx.authorityId,
      itemId: ctx.itemId,
      parentId,
      position,
      resolution: r,
      proposerId: await this.#optionalPerson(ctx.authority, r.proposer),
      seconderId: await this.#optionalPerson(ctx.authority, r.seconder),
      recommendsToBodyId: r.recommendsTo
        ? await this.#bodyId(r.recommendsTo.authority, r.recommendsTo.body)
        : undefined,
    });
    if (changed) this.#touched.meetings.add(ctx.meetingId);
    if (r.respondsTo) this.#responses.push({ resolutionId: id, ref: r.respondsTo });
    for (const [index, condition] of (r.conditions ?? []).entries()) {
      await saveCondition(this.#w, ctx.authorityId, id, index + 1, condition);
    }
    for (const [index, action] of (r.actions ?? []).entries()) {
      const ownerBody =
        action.owner === undefined ? undefined : await findBody(this.#w.trx, ctx.authorityId, action.owner);
      await saveAction(this.#w, {
        authorityId: ctx.authorityId,
        resolutionId: id,
        position: index + 1,
        action,
        ownerBodyId: ownerBody?.id,
      });
    }
    for (const [index, child] of r.children.entries()) await this.#resolution(ctx, child, id, index + 1);
  }

  async #respond(resolutionId: number, ref: ResolutionRef): Promise<void> {
    const bodyId = await this.#bodyId(ref.authority, ref.body);
    const target = await findResolution(this.#w, {
      bodyId,
      date: ref.date,
      item: ref.item,
      number: ref.number,
    });
    if (target === undefined)
      throw missing("resolution", `${ref.number} of item ${ref.item}, ${ref.body} ${ref.date}`);
    await linkResponse(this.#w, resolutionId, target);
  }

  async #issue(issue: Bundle["issues"][number]): Promise<void> {
    const authority = issue.authority ?? issue.items[0]?.authority ?? this.#firstAuthority(issue.title);
    const authorityId = await this.#authority(authority);
    const { id: issueId, changed } = await saveIssue(this.#w, authorityId, issue);
    let touched = changed;
    for (const ref of issue.items) {
      const itemId = await findMeetingItem(
        this.#w,
        await this.#bodyId(ref.authority, ref.body),
        ref.date,
        ref.number,
      );
      if (itemId === undefined) throw missing("agenda item", `${ref.number}, ${ref.body} ${ref.date}`);
      touched = (await linkIssueItem(this.#w, issueId, itemId)) || touched;
    }
    for (const key of issue.documents ?? []) {
      touched = (await linkIssueDocument(this.#w, issueId, this.#documentId(key))) || touched;
    }
    for (const event of issue.events ?? []) {
      const saved = await saveIssueEvent(this.#w, {
        authorityId,
        issueId,
        event,
        eventAuthorityId: event.authority === undefined ? undefined : await this.#authority(event.authority),
        bodyId:
          event.body === undefined ? undefined : await this.#bodyId(event.authority ?? authority, event.body),
        documentId: event.document === undefined ? undefined : this.#documentId(event.document),
      });
      touched = saved.changed || touched;
    }
    if (touched) this.#touched.issues.add(issueId);
  }

  async #decision(decision: BundleDecision): Promise<void> {
    const authorityId = await this.#authority(decision.authority);
    const at = decision.item;
    const itemId =
      at === undefined
        ? undefined
        : await findMeetingItem(this.#w, await this.#bodyId(decision.authority, at.body), at.date, at.number);
    if (at !== undefined && itemId === undefined)
      throw missing("agenda item", `${at.number}, ${at.body} ${at.date}`);
    await saveDecision(this.#w, { authorityId, itemId, decision });
  }

  async #workProgramme(): Promise<void> {
    const positions = new Map<number, number>();
    for (const entry of this.#bundle.workProgramme) {
      const bodyId = await this.#bodyId(entry.authority, entry.body);
      const position = (positions.get(bodyId) ?? 0) + 1;
      positions.set(bodyId, position);
      await saveWorkProgrammeEntry(this.#w, {
        authorityId: await this.#authority(entry.authority),
        bodyId,
        position,
        entry,
      });
    }
  }
}

function missing(what: string, name: string): WitanError {
  return new WitanError(
    "BUNDLE_REFERENCE",
    `The bundle refers to ${what} "${name}", which it does not define`,
  );
}
