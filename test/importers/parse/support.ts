import { readdirSync, readFileSync } from "node:fs";
import type { Bundle, BundleDocument, BundleMeeting, Resolution } from "../../../src/domain/bundle.js";
import { readHtml } from "../../../src/importers/extract/html.js";
import type { ExtractedText, ImportHints } from "../../../src/importers/types.js";
import type { FactSource } from "./facts.js";

// Reading the samples (../shared/samples beside the repository), the fixtures and the
// expectation files, and checking that a bundle's references all resolve.

export const SAMPLES: readonly string[] = [
  "plymouth-issue-history-torbay-partnership.txt",
  "plymouth-wellbeing-scrutiny-2017-09-20-agenda-pack.txt",
  "torbay-schools-forum-2018-01-report.txt",
];

/** Documents in other councils' styles, written for the tests (./fixtures): text, and web pages
 * as councils' committee systems publish them. */
export const FIXTURES = readdirSync(new URL("./fixtures/", import.meta.url))
  .filter((f) => f.endsWith(".txt") || f.endsWith(".html"))
  .sort();

/** Documents written blind (after the parsers were tuned) that the parsers do not yet read in
 * full: the tests report them as TODO rather than hide them, and bench/import-accuracy.ts scores
 * them with the rest. Each leaves this list when its facts are all found. */
export const NOT_YET_READ: ReadonlySet<string> = new Set<string>([
  "glanrhyd-communities-scrutiny-committee-minutes.txt",
  "stanmere-full-council-minutes-recorded-vote.txt",
  "wrenhurst-licensing-committee-minutes.txt",
  "fenwold-county-council-cabinet-minutes.txt",
  "nether-fallowby-parish-council-agenda.txt",
  "brankholm-tiddesley-parish-council-minutes.txt",
  "brindleford-overview-scrutiny-call-in-minutes.txt",
]);

export function extracted(file: string, raw: string): ExtractedText {
  const text = raw.replace(/\r\n?/g, "\n").normalize("NFC").replace(/\0/g, "");
  return { file, format: "text", text, pageStarts: [0] };
}

export function sample(name: string): ExtractedText {
  return extracted(
    name,
    readFileSync(new URL(`../../../../shared/samples/${name}`, import.meta.url), "utf8"),
  );
}

/** A fixture as the extractor gives it: web pages through the HTML reader (synchronous, so the
 * tests need no worker), text as it is. */
export function fixture(name: string): ExtractedText {
  const bytes = readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
  if (name.endsWith(".html")) return readHtml(new Uint8Array(bytes), name);
  return extracted(name, bytes.toString("utf8"));
}

type ExpectedDocument = Partial<BundleDocument> & { id: string; at?: string };

export type Expected = {
  sample: string;
  hints: ImportHints;
  parts: string[];
  source: FactSource;
};

/** An expectation file: what a reader finds in a sample, in the bundle's own shape. A document
 * names the text it begins with ("at"), which becomes its source span in the sample. */
export function expected(name: string, doc: ExtractedText): Expected {
  const json: Omit<FactSource, "documents"> & {
    sample: string;
    hints: ImportHints;
    parts: string[];
    documents?: ExpectedDocument[];
  } = JSON.parse(
    readFileSync(new URL(`../expected/${name.replace(/\.(txt|html)$/, ".json")}`, import.meta.url), "utf8"),
  );
  const documents = (json.documents ?? []).map((d) => {
    const { at, ...rest } = d;
    if (at === undefined) return rest;
    const from = doc.text.indexOf(at);
    if (from < 0) throw new Error(`${name}: no text "${at}" for document ${d.id}`);
    return { ...rest, source: { file: doc.file, from, to: from + at.length } };
  });
  return { sample: json.sample, hints: json.hints, parts: json.parts, source: { ...json, documents } };
}

/** The names a bundle refers to that it does not define (the loader would refuse them). */
export function unresolved(bundle: Bundle): string[] {
  const problems: string[] = [];
  const key = (s: string) => s.toLowerCase();
  const authorities = new Set(bundle.authorities.map((a) => a.name));
  const bodies = new Set(bundle.bodies.map((b) => `${b.authority ?? ""}|${b.name}`));
  const people = new Set(bundle.people.map((p) => key(p.name)));
  const documents = new Set(bundle.documents.map((d) => d.id));
  const needBody = (authority: string, body: string, where: string) => {
    if (!bodies.has(`${authority}|${body}`)) problems.push(`${where}: body ${body} of ${authority}`);
  };
  const needPerson = (name: string | undefined, where: string) => {
    if (name !== undefined && !people.has(key(name))) problems.push(`${where}: person ${name}`);
  };
  for (const b of bundle.bodies)
    if (b.authority && !authorities.has(b.authority)) problems.push(`body ${b.name}: authority`);
  for (const p of bundle.people)
    if (p.authority && !authorities.has(p.authority)) problems.push(`person ${p.name}: authority`);
  for (const m of bundle.memberships) {
    needBody(m.authority, m.body, "membership");
    needPerson(m.person, "membership");
  }
  for (const d of bundle.documents)
    if (d.body && d.authority) needBody(d.authority, d.body, `document ${d.id}`);
  for (const m of bundle.meetings) meetingProblems(m, { needBody, needPerson, documents, problems });
  for (const i of bundle.issues) {
    for (const ref of i.items) {
      const meeting = bundle.meetings.find(
        (m) => m.authority === ref.authority && m.body === ref.body && m.date === ref.date,
      );
      if (!meeting?.items.some((it) => it.number === ref.number))
        problems.push(`issue ${i.title}: item ${ref.number}`);
    }
    for (const id of i.documents ?? [])
      if (!documents.has(id)) problems.push(`issue ${i.title}: document ${id}`);
    for (const e of i.events ?? [])
      if (e.authority && !authorities.has(e.authority)) problems.push(`event: ${e.authority}`);
  }
  for (const w of bundle.workProgramme) needBody(w.authority, w.body, "work programme");
  return problems;
}

type Needs = {
  needBody: (authority: string, body: string, where: string) => void;
  needPerson: (name: string | undefined, where: string) => void;
  documents: Set<string>;
  problems: string[];
};

function meetingProblems(m: BundleMeeting, needs: Needs): void {
  const where = `${m.body} ${m.date}`;
  needs.needBody(m.authority, m.body, where);
  needs.needPerson(m.contact, where);
  for (const a of m.attendance) {
    needs.needPerson(a.person, where);
    needs.needPerson(a.substituteFor, where);
  }
  for (const item of m.items) {
    needs.needPerson(item.leadMember, `${where} item ${item.number}`);
    needs.needPerson(item.leadOfficer, `${where} item ${item.number}`);
    for (const d of item.declarations) needs.needPerson(d.person, `${where} item ${item.number}`);
    for (const id of item.documents)
      if (!needs.documents.has(id)) needs.problems.push(`${where}: document ${id}`);
    const walk = (rs: Resolution[]) => {
      for (const r of rs) {
        needs.needPerson(r.proposer, `${where} resolution ${r.number}`);
        needs.needPerson(r.seconder, `${where} resolution ${r.number}`);
        if (r.recommendsTo)
          needs.needBody(r.recommendsTo.authority, r.recommendsTo.body, `${where} resolution ${r.number}`);
        walk(r.children);
      }
    };
    walk(item.resolutions);
  }
}

/** Several bundles as the loader would leave them after loading them in turn: records merge by
 * their natural keys, and a later bundle's fields replace an earlier one's. */
export function mergeBundles(bundles: Bundle[]): FactSource {
  const documents = new Map<string, BundleDocument>();
  const meetings = new Map<string, BundleMeeting>();
  const merged: Required<FactSource> = {
    authorities: [],
    bodies: [],
    people: [],
    memberships: [],
    meetings: [],
    documents: [],
    issues: [],
    workProgramme: [],
    decisions: [],
  };
  for (const b of bundles) {
    merged.authorities.push(...b.authorities);
    merged.bodies.push(...b.bodies);
    merged.people.push(...b.people);
    merged.memberships.push(...b.memberships);
    merged.issues.push(...b.issues);
    merged.workProgramme.push(...b.workProgramme);
    merged.decisions.push(...(b.decisions ?? []));
    for (const d of b.documents) documents.set(d.id, { ...documents.get(d.id), ...d });
    for (const m of b.meetings) {
      const key = `${m.authority}|${m.body}|${m.date}`;
      const known = meetings.get(key);
      if (!known) {
        meetings.set(key, { ...m, items: [...m.items], attendance: [...m.attendance] });
        continue;
      }
      const items = [...known.items];
      for (const item of m.items) {
        const at = items.findIndex((i) => i.number === item.number);
        if (at >= 0) items[at] = { ...items[at], ...item };
        else items.push(item);
      }
      meetings.set(key, { ...known, ...m, items, attendance: [...known.attendance, ...m.attendance] });
    }
  }
  merged.documents = [...documents.values()];
  merged.meetings = [...meetings.values()];
  return merged;
}
