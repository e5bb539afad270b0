import type {
  BundleAction,
  BundleAttendance,
  BundleCondition,
  BundleDecision,
  BundleDeclaration,
  BundleDocument,
  BundleIssueEvent,
  BundleMembership,
  BundlePerson,
  BundleWorkProgrammeEntry,
  Resolution,
} from "../../../src/domain/bundle.js";
import { personNameKey } from "../../../src/domain/names.js";

// Facts: the normalised tuples a bundle states, used to compare what the importer found with
// what a reader finds in the same documents ("item|body|date|number|title",
// "attendance|body|date|person|status|role", "resolution|body|date|item|path", …). Text is
// compared lower-cased with quotes, dashes and spacing made plain; long text by its first words.

type Item = {
  number: string;
  title?: string;
  kind?: string;
  part?: string;
  pages?: [number, number];
  description?: string;
  minutes?: string;
  minutesTruncated?: boolean;
  keyDecision?: boolean;
  exemptParagraph?: string;
  leadMember?: string;
  leadOfficer?: string;
  resolutions?: Resolution[];
  declarations?: BundleDeclaration[];
  documents?: string[];
};

type Meeting = {
  authority?: string;
  body: string;
  date: string;
  start?: string;
  end?: string;
  venue?: string;
  contact?: string;
  agendaPublished?: string;
  published?: boolean;
  minutesStatus?: string;
  status?: string;
  attendance?: BundleAttendance[];
  items?: Item[];
};

type Issue = {
  title: string;
  items?: { authority: string; body: string; date: string; number: string }[];
  documents?: string[];
  events?: BundleIssueEvent[];
};

/** A bundle, or the part of one an expectation file states. */
export type FactSource = {
  authorities?: { name: string }[];
  bodies?: { name: string; authority: string | null; kind: string }[];
  people?: BundlePerson[];
  memberships?: BundleMembership[];
  meetings?: Meeting[];
  documents?: (Partial<BundleDocument> & { id?: string })[];
  issues?: Issue[];
  workProgramme?: BundleWorkProgrammeEntry[];
  decisions?: BundleDecision[];
};

export function norm(text: string | undefined | null): string {
  return (text ?? "")
    .normalize("NFKC")
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, "-")
    .replace(/…/g, "...")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.;:,]+$/, "");
}

/** Wording apart: lower case without punctuation and small words ("for", "and", "the"). */
export function loose(text: string | undefined): string {
  return norm(text)
    .replace(/'/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((w) => w !== "" && !["and", "of", "the", "for", "to", "a"].includes(w))
    .join(" ");
}

function head(text: string | undefined, words = 12): string {
  return norm(norm(text).split(" ").slice(0, words).join(" "));
}

const person = (name: string | undefined) => personNameKey(name ?? "");

export function bundleFacts(source: FactSource): string[] {
  const facts = new Set<string>();
  const add = (...parts: (string | number | undefined | null)[]) =>
    facts.add(parts.map((p) => p ?? "-").join("|"));
  for (const a of source.authorities ?? []) add("authority", norm(a.name));
  for (const b of source.bodies ?? []) add("body", norm(b.authority ?? "joint"), norm(b.name), b.kind);
  for (const p of source.people ?? []) {
    add("person", person(p.name), p.kind);
    if (p.jobTitle) add("person-job", person(p.name), loose(p.jobTitle));
    if (p.organisation) add("person-organisation", person(p.name), loose(p.organisation));
  }
  for (const m of source.memberships ?? []) add("membership", norm(m.body), person(m.person), m.role);
  for (const m of source.meetings ?? []) meetingFacts(m, source, add);
  for (const d of source.documents ?? []) documentFacts(d, add);
  for (const i of source.issues ?? []) {
    add("issue", norm(i.title));
    for (const ref of i.items ?? []) add("issue-item", norm(i.title), norm(ref.body), ref.date, ref.number);
    for (const id of i.documents ?? []) add("issue-document", norm(i.title), documentKey(source, id));
    for (const e of i.events ?? []) add("issue-event", norm(i.title), e.date);
  }
  for (const w of source.workProgramme ?? []) {
    add("workprogramme", norm(w.title), w.priorityScore);
    add(
      "workprogramme-row",
      norm(w.body),
      w.meetingDate ?? "to-be-scheduled",
      norm(w.title),
      w.priorityScore,
      w.priorityBand,
      w.kind,
    );
    if (w.reason)
      add("workprogramme-reason", w.meetingDate ?? "to-be-scheduled", norm(w.title), head(w.reason, 8));
    if (w.responsible)
      add(
        "workprogramme-responsible",
        w.meetingDate ?? "to-be-scheduled",
        norm(w.title),
        head(w.responsible, 8),
      );
  }
  for (const d of source.decisions ?? []) decisionFacts(d, add);
  return [...facts].sort();
}

type Add = (...parts: (string | number | undefined | null)[]) => void;

function meetingFacts(m: Meeting, source: FactSource, add: Add): void {
  const at = [norm(m.body), m.date];
  add("meeting", norm(m.authority), ...at);
  if (m.start) add("meeting-start", ...at, m.start);
  if (m.end) add("meeting-end", ...at, m.end);
  if (m.venue) add("meeting-venue", ...at, loose(m.venue));
  if (m.contact) add("meeting-contact", ...at, person(m.contact));
  if (m.agendaPublished) add("meeting-agenda-published", ...at, m.agendaPublished);
  if (m.published !== undefined) add("meeting-published", ...at, String(m.published));
  if (m.minutesStatus) add("meeting-minutes-status", ...at, m.minutesStatus);
  if (m.status) add("meeting-status", ...at, m.status);
  for (const a of m.attendance ?? []) add("attendance", ...at, person(a.person), a.status, a.role);
  for (const item of m.items ?? []) {
    const it = [...at, item.number];
    add("item", ...it, norm(item.title));
    if (item.kind) add("item-kind", ...it, item.kind);
    if (item.part === "II") add("item-part", ...it, "II");
    if (item.exemptParagraph) add("item-exempt-paragraph", ...it, item.exemptParagraph);
    if (item.pages) add("item-pages", ...it, `${item.pages[0]}-${item.pages[1]}`);
    if (item.description) add("item-description", ...it, head(item.description));
    if (item.minutes) add("item-minutes", ...it, head(item.minutes));
    if (item.minutesTruncated) add("item-truncated", ...it);
    if (item.keyDecision !== undefined) add("item-key-decision", ...it, String(item.keyDecision));
    if (item.leadMember) add("item-lead-member", ...it, person(item.leadMember));
    if (item.leadOfficer) add("item-lead-officer", ...it, person(item.leadOfficer));
    for (const d of item.declarations ?? []) add("declaration", ...it, person(d.person), d.kind);
    for (const [n, id] of (item.documents ?? []).entries()) {
      const doc = source.documents?.find((x) => x.id === id);
      add("item-document", ...it, n + 1, doc?.kind);
      if (doc?.sizeBytes !== undefined) add("item-document-size", ...it, n + 1, doc.sizeBytes);
    }
    resolutionFacts(item.resolutions ?? [], [], [...it], m.body, add);
  }
}

/** An executive decision record, known by its authority, date and title. */
function decisionFacts(d: BundleDecision, add: Add): void {
  const at = [norm(d.authority), d.date, loose(d.title)];
  add("decision", ...at, norm(d.decisionMaker));
  if (d.item) add("decision-item", ...at, norm(d.item.body), d.item.date, d.item.number);
  if (d.keyDecision !== undefined) add("decision-key", ...at, String(d.keyDecision));
  if (d.published) add("decision-published", ...at, d.published);
  if (d.callInExpires) add("decision-call-in-expires", ...at, d.callInExpires);
  if (d.callInStatus) add("decision-call-in-status", ...at, d.callInStatus);
  if (d.reasons) add("decision-reasons", ...at, head(d.reasons, 8));
  if (d.optionsRejected) add("decision-options-rejected", ...at, head(d.optionsRejected, 8));
  if (d.urgencyReason) add("decision-urgency", ...at, head(d.urgencyReason, 8));
}

function resolutionFacts(list: Resolution[], path: string[], at: string[], body: string, add: Add): void {
  for (const r of list) {
    const here = [...path, r.number];
    const p = [...at, here.join(".")];
    add("resolution", ...p);
    add("resolution-text", ...p, head(r.text, 10));
    if (r.verb) add("resolution-verb", ...p, r.verb);
    if (r.inPrinciple) add("resolution-in-principle", ...p);
    if (r.proposer) add("resolution-proposer", ...p, person(r.proposer));
    if (r.seconder) add("resolution-seconder", ...p, person(r.seconder));
    if (r.votes?.unanimous) add("resolution-votes", ...p, "unanimous");
    if (r.votes?.for !== undefined || r.votes?.against !== undefined)
      add(
        "resolution-votes",
        ...p,
        `for=${r.votes.for ?? "-"},against=${r.votes.against ?? "-"},abstain=${r.votes.abstain ?? "-"}`,
      );
    if (r.recommendsTo) add("resolution-recommends", ...p, norm(r.recommendsTo.body), r.recommendsTo.date);
    if (r.respondsTo)
      add(
        "resolution-responds",
        ...p,
        norm(r.respondsTo.body),
        r.respondsTo.date,
        r.respondsTo.item,
        r.respondsTo.number,
      );
    if (r.delegatedTo) add("resolution-delegated", ...p, loose(r.delegatedTo));
    conditionFacts(r.conditions ?? [], p, add);
    actionFacts(r.actions ?? [], p, body, add);
    resolutionFacts(r.children, here, at, body, add);
  }
}

function conditionFacts(conditions: BundleCondition[], p: string[], add: Add): void {
  for (const c of conditions) {
    add("condition", ...p, head(c.text, 8));
    if (c.group) add("condition-group", ...p, norm(c.group));
  }
}

/** An action's owner, where it is not the resolving body itself. */
function actionFacts(actions: BundleAction[], p: string[], body: string, add: Add): void {
  for (const [n, a] of actions.entries()) {
    const owner = a.owner && norm(a.owner) !== norm(body) ? a.owner : undefined;
    add("action", ...p, n + 1, owner ? person(owner) : undefined);
    if (a.due) add("action-due", ...p, n + 1, a.due);
    if (a.status) add("action-status", ...p, n + 1, a.status);
  }
}

/** Documents are known by where they start in their file: titles are often the reader's own. */
function documentKey(source: FactSource, id: string): string {
  const doc = source.documents?.find((d) => d.id === id);
  return doc?.source ? `${doc.source.file}@${doc.source.from}` : `id:${id}`;
}

function documentFacts(d: Partial<BundleDocument>, add: Add): void {
  if (!d.source) return;
  const key = `${d.source.file}@${d.source.from}`;
  add("document", key, d.kind);
  // Titles count where the document states its own: a report's subject, an article's headline.
  if (d.title && (d.kind === "report" || d.kind === "external-article"))
    add("document-title", key, loose(d.title));
  if (d.author) add("document-author", key, person(d.author));
  if (d.published) add("document-published", key, d.published);
  if (d.publisher) add("document-publisher", key, norm(d.publisher));
  if (d.part) add("document-part", key, d.part);
  if (d.body) add("document-body", key, norm(d.body));
  if (d.sizeBytes !== undefined) add("document-size", key, d.sizeBytes);
  if (d.mediaType) add("document-media-type", key, d.mediaType);
}

export type Score = {
  expected: number;
  found: number;
  matched: number;
  recall: number;
  precision: number;
  missing: string[];
  extra: string[];
};

export function score(expected: string[], found: string[]): Score {
  const have = new Set(found);
  const want = new Set(expected);
  const missing = expected.filter((f) => !have.has(f));
  const extra = found.filter((f) => !want.has(f));
  const matched = expected.length - missing.length;
  return {
    expected: expected.length,
    found: found.length,
    matched,
    recall: expected.length === 0 ? 1 : matched / expected.length,
    precision: found.length === 0 ? 1 : matched / found.length,
    missing,
    extra,
  };
}
