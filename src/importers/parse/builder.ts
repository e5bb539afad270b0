import {
  BUNDLE_FORMAT,
  type Bundle,
  type BundleAuthority,
  type BundleBody,
  type BundleDecision,
  type BundleDocument,
  type BundleIssue,
  type BundleItem,
  type BundleMeeting,
  type BundleMembership,
  type BundlePerson,
  type BundleWorkProgrammeEntry,
  type Resolution,
} from "../../domain/bundle.js";
import { personNameKey } from "../../domain/names.js";
import { placeKey } from "./authorities.js";
import { bodyKind, looseKey } from "./bodies.js";

// Collects what the parsers find and hands back one bundle in which every reference resolves:
// each body, person and document a meeting or resolution names is defined once. Records merge by
// the bundle's natural keys, so two parts of one pack that name the same body or person agree.

type Keyed<T> = Map<string, T>;

const PERSON_FIELDS: ("honorific" | "authority" | "organisation" | "jobTitle" | "party" | "ward")[] = [
  "honorific",
  "authority",
  "organisation",
  "jobTitle",
  "party",
  "ward",
];

export class BundleBuilder {
  readonly #authorities: Keyed<BundleAuthority> = new Map();
  readonly #bodies: Keyed<BundleBody> = new Map();
  readonly #people: Keyed<BundlePerson> = new Map();
  readonly #memberships: Keyed<BundleMembership> = new Map();
  readonly #meetings: Keyed<BundleMeeting> = new Map();
  readonly #documents: Keyed<BundleDocument> = new Map();
  readonly #issues: Keyed<BundleIssue> = new Map();
  readonly #workProgramme: BundleWorkProgrammeEntry[] = [];
  readonly #decisions: Keyed<BundleDecision> = new Map();

  /** Adds an authority; a shorter spelling of a known one ("Westford Council") becomes the known name. */
  authority(name: string): string {
    const key = placeKey(name);
    for (const a of this.#authorities.values()) if (placeKey(a.name) === key) return a.name;
    this.#authorities.set(name, { name });
    return name;
  }

  body(authority: string, name: string, kind = bodyKind(name)): string {
    const a = this.authority(authority);
    const key = `${a}\u0000${looseKey(name)}`;
    const known = this.#bodies.get(key);
    if (known) return known.name;
    this.#bodies.set(key, { name, authority: a, kind });
    return name;
  }

  findBody(authority: string, test: (body: BundleBody) => boolean): string | undefined {
    for (const b of this.#bodies.values()) if (b.authority === authority && test(b)) return b.name;
    return undefined;
  }

  person(person: BundlePerson): string {
    const key = personNameKey(person.name);
    const known = this.#people.get(key);
    if (!known) {
      const added = { ...person };
      if (added.authority !== undefined) added.authority = this.authority(added.authority);
      this.#people.set(key, dropUndefined(added));
      return person.name;
    }
    if (person.kind === "councillor") known.kind = "councillor";
    else if (person.kind === "officer" && known.kind === "external" && !known.organisation)
      known.kind = "officer";
    for (const field of PERSON_FIELDS) {
      const value = person[field];
      if (known[field] === undefined && value !== undefined)
        known[field] = field === "authority" ? this.authority(value) : value;
    }
    return known.name;
  }

  /** The people added so far, as they stand (for rules that read them all; build() merges them). */
  knownPeople(): readonly BundlePerson[] {
    return [...this.#people.values()];
  }

  /** A plain "member" adds nothing to a role the person holds on the body already ("Chair"),
   * and gives way to one found later. */
  membership(m: BundleMembership): void {
    const body = this.body(m.authority, m.body);
    const seat = `${m.authority}\u0000${body}\u0000${personNameKey(m.person)}\u0000`;
    const held = [...this.#memberships.keys()].filter((k) => k.startsWith(seat));
    if (m.role === "member" && held.length > 0) return;
    if (m.role !== "member") this.#memberships.delete(`${seat}member`);
    if (!this.#memberships.has(seat + m.role)) this.#memberships.set(seat + m.role, { ...m, body });
  }

  /** A meeting already read, without adding one. */
  findMeeting(authority: string, body: string, date: string): BundleMeeting | undefined {
    for (const m of this.#meetings.values())
      if (m.authority === authority && looseKey(m.body) === looseKey(body) && m.date === date) return m;
    return undefined;
  }

  meeting(authority: string, body: string, date: string): BundleMeeting {
    const a = this.authority(authority);
    const b = this.body(a, body);
    const key = `${a}\u0000${looseKey(b)}\u0000${date}`;
    const known = this.#meetings.get(key);
    if (known) return known;
    const meeting: BundleMeeting = { authority: a, body: b, date, attendance: [], items: [] };
    this.#meetings.set(key, meeting);
    return meeting;
  }

  item(meeting: BundleMeeting, number: string, title: string, kind: string): BundleItem {
    const known = meeting.items.find((i) => i.number === number);
    if (known) return known;
    const item: BundleItem = {
      number,
      title,
      kind,
      part: "I",
      resolutions: [],
      declarations: [],
      documents: [],
    };
    meeting.items.push(item);
    return item;
  }

  document(doc: BundleDocument): string {
    const known = this.#documents.get(doc.id);
    if (!known) {
      this.#documents.set(doc.id, dropUndefined({ ...doc }));
      return doc.id;
    }
    for (const [field, value] of Object.entries(doc)) {
      if (value !== undefined && !(field in known)) Object.assign(known, { [field]: value });
    }
    return doc.id;
  }

  hasDocument(id: string): boolean {
    return this.#documents.has(id);
  }

  issue(title: string, authority?: string): BundleIssue {
    const known = this.#issues.get(title);
    if (known) return known;
    const issue: BundleIssue = { title, items: [] };
    if (authority !== undefined) issue.authority = this.authority(authority);
    this.#issues.set(title, issue);
    return issue;
  }

  workProgrammeEntry(entry: BundleWorkProgrammeEntry): void {
    this.#workProgramme.push(dropUndefined({ ...entry, body: this.body(entry.authority, entry.body) }));
  }

  /** A decision record, known by its authority, date and title: a second notice of it adds what
   * the first left out. */
  decision(d: BundleDecision): void {
    const key = `${d.authority}\u0000${d.date}\u0000${looseKey(d.title)}`;
    const known = this.#decisions.get(key);
    if (!known) {
      this.#decisions.set(key, dropUndefined({ ...d }));
      return;
    }
    for (const [field, value] of Object.entries(d))
      if (value !== undefined && !(field in known)) Object.assign(known, { [field]: value });
  }

  build(): Bundle {
    const renames = this.#unifySurnames();
    const rename = (name: string): string => renames.get(personNameKey(name)) ?? name;
    const meetings = [...this.#meetings.values()].map((m) => renameInMeeting(m, rename));
    const memberships = dedupe(
      [...this.#memberships.values()].map((m) => ({ ...m, person: rename(m.person) })),
      (m) => `${m.authority}\u0000${m.body}\u0000${personNameKey(m.person)}\u0000${m.role}`,
    );
    return {
      format: BUNDLE_FORMAT,
      authorities: [...this.#authorities.values()],
      bodies: [...this.#bodies.values()],
      people: [...this.#people.values()],
      memberships,
      meetings,
      documents: [...this.#documents.values()],
      issues: [...this.#issues.values()],
      workProgramme: this.#workProgramme,
      ...(this.#decisions.size > 0 ? { decisions: [...this.#decisions.values()] } : {}),
    };
  }

  /** A councillor named by surname alone ("Councillor Greaves proposed") is the one councillor of
   * that surname the same document names in full ("Councillor Paul Greaves (Vice-Chairman)"). An
   * honorific ("Mrs Greaves") is a sign of someone else, unless the councillor named in full
   * bears it too ("Cllr Mrs J Taylor" … "Cllr Mrs Taylor"). */
  #unifySurnames(): Map<string, string> {
    const full = new Map<string, BundlePerson[]>();
    for (const p of this.#people.values()) {
      const words = p.name.split(" ");
      if (p.kind !== "councillor" || words.length < 2) continue;
      const surname = (words[words.length - 1] ?? "").toLowerCase();
      full.set(surname, [...(full.get(surname) ?? []), p]);
    }
    const renames = new Map<string, string>();
    for (const [key, p] of [...this.#people.entries()]) {
      if (p.kind !== "councillor" || p.name.includes(" ")) continue;
      const matches = (full.get(p.name.toLowerCase()) ?? []).filter(
        (f) =>
          (f.authority === undefined || p.authority === undefined || f.authority === p.authority) &&
          (p.honorific === undefined || p.honorific === f.honorific),
      );
      const target = matches.length === 1 ? matches[0] : undefined;
      if (!target) continue;
      for (const field of PERSON_FIELDS) {
        if (field === "honorific" || field === "authority") continue;
        if (target[field] === undefined && p[field] !== undefined) target[field] = p[field];
      }
      this.#people.delete(key);
      renames.set(key, target.name);
    }
    return renames;
  }
}

function renameInMeeting(m: BundleMeeting, rename: (name: string) => string): BundleMeeting {
  const attendance = dedupe(
    m.attendance.map((a) => ({ ...a, person: rename(a.person) })),
    (a) => personNameKey(a.person),
  );
  const items = m.items.map((item) => {
    const renamed: BundleItem = {
      ...item,
      declarations: item.declarations.map((d) => ({ ...d, person: rename(d.person) })),
      resolutions: item.resolutions.map((r) => renameInResolution(r, rename)),
    };
    if (item.leadMember !== undefined) renamed.leadMember = rename(item.leadMember);
    if (item.leadOfficer !== undefined) renamed.leadOfficer = rename(item.leadOfficer);
    return renamed;
  });
  return { ...m, attendance, items };
}

function renameInResolution(r: Resolution, rename: (name: string) => string): Resolution {
  const renamed: Resolution = { ...r, children: r.children.map((c) => renameInResolution(c, rename)) };
  if (r.proposer !== undefined) renamed.proposer = rename(r.proposer);
  if (r.seconder !== undefined) renamed.seconder = rename(r.seconder);
  return renamed;
}

function dedupe<T>(list: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function dropUndefined<T extends object>(value: T): T {
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) Reflect.deleteProperty(value, k);
  }
  return value;
}
