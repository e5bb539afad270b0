import type { BundleDecision, BundleDocument } from "../../domain/bundle.js";
import { bodyKind, isCapitals, looksLikeBody } from "./bodies.js";
import type { Context } from "./context.js";
import { findDates, longDate } from "./dates.js";
import { toResolution } from "./enrich.js";
import { documentId } from "./ids.js";
import { itemKind } from "./item-kinds.js";
import { joinProse, type Line } from "./lines.js";
import { bodyName } from "./meeting-header.js";
import { addDocument, preferSpelling } from "./papers.js";
import { addPerson } from "./context.js";
import { readContact, readPerson, type PersonRef } from "./people.js";
import { findResolutions } from "./resolutions.js";
import { addWebFiles, linkedFiles } from "./web-item.js";

// Decision notices (a record of an executive decision, published so that it can be called in):
// one labelled block per decision ("Decision maker:", "Date of decision:", "Subject:",
// "Decision:", "Reasons for the decision:", "Alternative options considered:", "Call-in
// deadline:"). Each becomes a decision record; a decision taken at a meeting ("Agenda item: 6")
// is also that meeting's item, with the decision as its resolutions. A file of notices is one
// document.

type Field =
  | "maker"
  | "date"
  | "item"
  | "title"
  | "key"
  | "decision"
  | "reasons"
  | "options"
  | "published"
  | "callIn"
  | "implementation"
  | "urgency"
  | "interests"
  | "meeting"
  | "contact"
  | "papers"
  | "status"
  | "purpose"
  | "reference"
  | "signed"
  | "signedDate";

const FIELDS: [Field, RegExp][] = [
  ["maker", /^decision[- ]?(?:maker|taker)s?$|^decision\s+(?:made|taken)\s+by$/],
  [
    "date",
    /^(?:date\s+of\s+(?:the\s+)?decision|decision\s+date|date\s+(?:decision\s+)?(?:taken|made)|date)$/,
  ],
  ["item", /^(?:agenda\s+)?item(?:\s+no\.?|\s+number)?$|^minute(?:\s+no\.?)?$/],
  [
    "title",
    /^(?:subject|title|decision\s+title|title\s+of\s+(?:the\s+)?(?:decision|report)|report\s+title)$/,
  ],
  ["key", /^(?:is\s+)?(?:it\s+a\s+)?key\s+decision(?:\s*\??)?$/],
  ["decision", /^(?:decisions?|decision\s+(?:taken|made)|the\s+decision|resolved)$/],
  ["reasons", /^reasons?(?:\s+for\s+(?:the\s+)?decisions?)?$/],
  [
    "options",
    /^(?:alternative\s+options|other\s+options|options|alternatives)(?:\s+considered)?(?:\s+and\s+rejected)?$/,
  ],
  ["published", /^(?:date\s+of\s+publication|publication\s+date|date\s+published|published)$/],
  [
    "callIn",
    /^(?:call[- ]?in|call[- ]?in\s+(?:deadline|expires|expiry(?:\s+date)?|period\s+(?:ends|expires))|deadline\s+for\s+call[- ]?in|last\s+date\s+for\s+call[- ]?in|is\s+(?:it\s+)?subject\s+to\s+call[- ]?in\s*\??)$/,
  ],
  [
    "implementation",
    /^(?:implementation\s+date|date\s+of\s+implementation|date\s+(?:the\s+)?decision\s+(?:may|can)\s+be\s+implemented|effective\s+from)$/,
  ],
  ["urgency", /^(?:reasons?\s+for\s+urgency|urgency)$/],
  [
    "interests",
    /^(?:conflicts?\s+of\s+interests?(?:\s+declared)?|declarations?\s+of\s+interests?|interests(?:\s+and\s+nature\s+of\s+interests)?\s+declared)$/,
  ],
  // ModernGov's decision page: "Decided at meeting: 12/03/2025 - Cabinet".
  ["meeting", /^decided\s+at\s+meeting$/],
  ["contact", /^contact(?:\s+officer)?$/],
  ["papers", /^(?:accompanying|supporting|background)\s+(?:documents|papers)$/],
  ["status", /^decision\s+status$/],
  ["reference", /^(?:decision\s+)?(?:reference|ref\.?)(?:\s+(?:no\.?|number))?$/],
  ["purpose", /^purpose(?:\s+of\s+(?:the\s+)?(?:report|decision))?$/],
  ["signed", /^signed(?:\s+by)?$|^signature$/],
];

/** Fields that open a new notice when they come again: each notice states them once. */
const OPENS = new Set<Field>(["maker", "title", "date", "item"]);

const LABEL = /^([A-Za-z][A-Za-z ()'’?-]{1,70}?)\s*:\s*(.*)$/;
const NOTICE_HEADING =
  /^(?:(?:executive\s+|cabinet\s+|mayoral\s+|mayor'?s\s+|officer\s+|individual\s+(?:cabinet\s+member\s+)?)?decision\s+notice|record\s+of\s+(?:an?\s+)?(?:executive\s+|key\s+|officer\s+)?decisions?)\b/i;

export type Labelled = { field: Field; lines: Line[]; value: string };
/** `heading`: the title a page gives its one decision above the labels, where no label does. */
type Notice = { fields: Map<Field, Labelled>; lines: Line[]; heading?: string };

const POST_HOLDER =
  /^(?:[Tt]he\s+)?((?:Metro\s+|Regional\s+)?Mayor|Leader\s+of\s+the\s+Council|(?:Cabinet|Executive)\s+Member\s+for\s+[^,]{3,80}|Portfolio\s+Holder\s+for\s+[^,]{3,80})(?:\s+of\s+(?:the\s+)?[^,]{3,80})?,\s*((?:(?:Councillor|Cllr\.?)\s+)?[A-Z][^,]{2,60})$/;

/** "2. Reasons" as a numbered heading over its text, where a notice sets its parts out so. */
const NUMBERED_HEADING = /^\d{1,2}\.?\s+([A-Za-z][A-Za-z ()'’?-]{1,60})$/;

export function labelField(text: string): { field: Field; value: string } | undefined {
  const heading = NUMBERED_HEADING.exec(text)?.[1];
  if (heading) {
    const label = heading.trim().toLowerCase().replace(/\s+/g, " ");
    const hit = FIELDS.find(([, pattern]) => pattern.test(label));
    if (hit && (hit[0] === "decision" || hit[0] === "reasons" || hit[0] === "options"))
      return { field: hit[0], value: "" };
  }
  const m = LABEL.exec(text);
  if (!m?.[1]) return undefined;
  const label = m[1].trim().toLowerCase().replace(/\s+/g, " ");
  const hit = FIELDS.find(([, pattern]) => pattern.test(label));
  return hit ? { field: hit[0], value: (m[2] ?? "").trim() } : undefined;
}

/** The field of a notice's line, given the field of the labelled line above it: "Date:" under
 * "Signed:" dates the signature, so it opens no new notice. */
function noticeField(text: string, previous: Field | undefined): { field: Field; value: string } | undefined {
  const f = labelField(text);
  return f?.field === "date" && previous === "signed" ? { ...f, field: "signedDate" } : f;
}

/** "4" of "4. Consultation": the number of a numbered heading. */
function headingNumber(text: string): number | undefined {
  return NUMBERED_HEADING.test(text) ? Number.parseInt(text, 10) : undefined;
}

/** "4. Consultation" under "3. Alternatives considered": where a notice numbers its parts, the
 * next number ends the part above, unless that part numbers lines of its own ("1. To approve"). */
function startsNextPart(open: Labelled, text: string): boolean {
  const n = headingNumber(open.lines[0]?.text ?? "");
  if (n === undefined || headingNumber(text) !== n + 1) return false;
  return !open.lines.slice(1).some((l) => /^\(?\d{1,2}[.)]\s/.test(l.text));
}

/** The labelled lines of one notice from line i: up to a label that comes again (the next
 * notice), within the next 60 lines of text. */
function noticeLabels(lines: Line[], i: number): { fields: Set<Field>; last: number } {
  const fields = new Set<Field>();
  let last = i;
  let count = 0;
  let previous: Field | undefined;
  for (let j = i; j < lines.length && count < 60; j++) {
    const text = lines[j]?.text ?? "";
    if (text === "") continue;
    count++;
    const f = noticeField(text, previous);
    if (!f) continue;
    previous = f.field;
    if (OPENS.has(f.field) && fields.has(f.field)) break;
    fields.add(f.field);
    last = j;
  }
  return { fields, last };
}

/** A notice's own block, from its first label: the decision maker and the decision, and the
 * reasons, the options or the call-in that only a decision notice states. */
export function isDecisionNotice(lines: Line[], i: number): boolean {
  if (!labelField(lines[i]?.text ?? "")) return false;
  const { fields } = noticeLabels(lines, i);
  return (
    fields.has("maker") &&
    fields.has("decision") &&
    (fields.has("reasons") || fields.has("options") || fields.has("callIn")) &&
    (fields.has("title") || fields.has("date"))
  );
}

/** The last labelled line of the notice whose first label is at line i. */
export function noticeEnd(lines: Line[], i: number): number {
  return noticeLabels(lines, i).last;
}

export function isNoticeHeading(text: string): boolean {
  return NOTICE_HEADING.test(text);
}

function splitNotices(lines: Line[]): Notice[] {
  const notices: Notice[] = [];
  let current: Notice | undefined;
  let open: Labelled | undefined;
  let previous: Field | undefined;
  const preamble: string[] = [];
  for (const line of lines) {
    const text = line.text;
    const f = text === "" ? undefined : noticeField(text, previous);
    if (!f && !current && text !== "") preamble.push(text);
    if (f) {
      previous = f.field;
      if (!current || (OPENS.has(f.field) && current.fields.has(f.field))) {
        current = { fields: new Map(), lines: [] };
        const heading = notices.length === 0 ? pageHeading(preamble) : undefined;
        if (heading) current.heading = heading;
        notices.push(current);
      }
      open = { field: f.field, lines: [line], value: f.value };
      if (!current.fields.has(f.field)) current.fields.set(f.field, open);
      current.lines.push(line);
      continue;
    }
    current?.lines.push(line);
    // A heading (the council's name, "DECISION NOTICE", the next numbered part) ends the text of
    // the label above it, as does a label of another kind with its value ("Wards affected: All").
    if (
      text !== "" &&
      (isNoticeHeading(text) ||
        (isCapitals(text) && text.length <= 80) ||
        otherLabel(text) ||
        (open !== undefined && startsNextPart(open, text)))
    ) {
      open = undefined;
      continue;
    }
    open?.lines.push(line);
  }
  return notices;
}

/** "Decision details" / "Leisure Management Contract 2025-2035" / "- Issue history": the line
 * that names the decision, not the page's heading or its links. */
function pageHeading(preamble: string[]): string | undefined {
  return preamble.find(
    (t) => t.length <= 150 && !DECISION_PAGE_HEADING.test(t) && !/^[-•*]\s/.test(t) && !isNoticeHeading(t),
  );
}

export const DECISION_PAGE_HEADING = /^(?:decision\s+details|decision)$/i;

/** The papers a decision page lists: the report first, then its appendices; an enclosure it
 * withholds ("View the reasons why document 4. is restricted") is an exempt appendix. */
function addPapers(ctx: Context, papers: Labelled | undefined, decision: BundleDecision): void {
  if (!papers) return;
  const lines = papers.lines.slice(1);
  const body = typeof decision.decisionMaker === "string" ? decision.decisionMaker : undefined;
  const where = { authority: ctx.authority, body: body ?? "", date: decision.date };
  addWebFiles(ctx, linkedFiles(lines, decision.title), where);
  for (const line of lines) {
    const restricted = /^([-•*]\s*)?(.+?)\s+view\s+the\s+reasons?\s+why\b.*\brestricted\b/i.exec(line.text);
    if (!restricted?.[2]) continue;
    const title = restricted[2].trim();
    const from = line.from + line.raw.indexOf(title);
    ctx.out.document({
      id: documentId(ctx.authority, body, decision.date, title),
      title,
      kind: "appendix",
      part: "II",
      authority: ctx.authority,
      source: { file: ctx.doc.file, from, to: from + title.length },
    });
  }
}

function otherLabel(text: string): boolean {
  const m = LABEL.exec(text);
  return m?.[1] !== undefined && m[1].trim().split(/\s+/).length <= 6 && (m[2] ?? "").trim() !== "";
}

function valueOf(l: Labelled | undefined): string {
  if (!l) return "";
  const rest = l.lines.slice(1).filter((x) => x.text !== "");
  return [l.value, joinProse(rest)]
    .filter((t) => t !== "")
    .join(l.value === "" ? "" : " ")
    .trim();
}

function dateOf(l: Labelled | undefined): string | undefined {
  return findDates(valueOf(l))[0]?.iso;
}

export function parseDecisionNotices(lines: Line[], ctx: Context): void {
  const decisions: BundleDecision[] = [];
  let published: string | undefined;
  const makers = new Set<string>();
  for (const notice of splitNotices(lines)) {
    const d = readNotice(notice, ctx);
    if (!d) continue;
    decisions.push(d);
    published ??= d.published;
    makers.add(d.decisionMaker);
  }
  if (decisions.length === 0) {
    ctx.warnings.push(`${ctx.doc.file}: a decision notice names no decision maker, date or subject`);
    return;
  }
  const [maker] = makers;
  const body = makers.size === 1 && maker && looksLikeBody(maker) ? maker : undefined;
  const first = decisions[0];
  const doc: BundleDocument = {
    id: documentId(ctx.authority, body, first?.date, "decision notices"),
    title: `${body ?? "Decisions"}, ${first ? longDate(first.date) : ""}: decision notices`.replace(
      /, : /,
      ": ",
    ),
    kind: "decision-notice",
  };
  if (body) doc.body = body;
  if (published) doc.published = published;
  addDocument(ctx, lines, doc);
  for (const d of decisions) ctx.out.decision(d);
}

function readNotice(notice: Notice, ctx: Context): BundleDecision | undefined {
  const f = (field: Field) => notice.fields.get(field);
  // "Decided at meeting: 12/03/2025 - Cabinet": the meeting, and the body that decided.
  const meeting = /^(.*?\d{4})\s*[-–]\s*(\S.*)$/.exec(valueOf(f("meeting")));
  // "The Mayor of the Hardacre Vale Combined Authority, Philomena Stroud-Achebe": the post decides.
  const stated = valueOf(f("maker"));
  const holder = POST_HOLDER.exec(stated);
  const makerText = (holder?.[1] ?? stated) || (meeting?.[2] ?? "");
  const holderPerson = holder?.[2] ? readPerson(holder[2], true) : undefined;
  if (holderPerson && holder?.[1]) addPerson(ctx, { ...holderPerson, councillor: true, jobTitle: holder[1] });
  const date = dateOf(f("date")) ?? findDates(meeting?.[1] ?? "")[0]?.iso;
  const title = valueOf(f("title")) || notice.heading || "";
  if (makerText === "" || !date || title === "") return undefined;
  const isBody = looksLikeBody(makerText);
  const maker = isBody
    ? ctx.out.body(ctx.authority, preferSpelling(bodyName(makerText), ctx.doc.text), bodyKindOf(makerText))
    : makerText;
  const decision: BundleDecision = { authority: ctx.authority, decisionMaker: maker, date, title };
  if (meeting && isBody) {
    const held = ctx.out.meeting(ctx.authority, maker, findDates(meeting[1] ?? "")[0]?.iso ?? date);
    held.published = true;
    held.status = "held";
  }
  const contact = readContact(valueOf(f("contact")));
  if (contact) addPerson(ctx, contact);
  for (const line of notice.lines) {
    const adviser = readAdviser(line.text);
    if (adviser) addPerson(ctx, adviser);
  }
  addPapers(ctx, f("papers"), decision);
  const key = valueOf(f("key"));
  const keyDecision = /^(?:yes|y)\b/i.test(key) ? true : /^(?:no|n)\b/i.test(key) ? false : undefined;
  if (keyDecision !== undefined) decision.keyDecision = keyDecision;
  const published = dateOf(f("published"));
  if (published) decision.published = published;
  const callIn = f("callIn");
  const expires = dateOf(callIn);
  if (expires) decision.callInExpires = expires;
  else if (/\bnot\s+(?:subject\s+to|eligible\s+for)\b|\bexempt\b|^no\b/i.test(valueOf(callIn)))
    decision.callInStatus = "not-applicable";
  const implementation = dateOf(f("implementation"));
  if (implementation) decision.implementation = implementation;
  const reasons = valueOf(f("reasons"));
  if (reasons) decision.reasons = reasons;
  const options = valueOf(f("options"));
  if (options) decision.optionsRejected = options;
  const urgency = valueOf(f("urgency"));
  if (urgency && !/^(?:none|n\/a|not applicable)\.?$/i.test(urgency)) decision.urgencyReason = urgency;
  const number = /^(?:no\.?\s*)?([A-Z]{0,4}[/. ]?\d{1,4}(?:\/\d{1,4})?[a-z]?)\b/.exec(
    valueOf(f("item")),
  )?.[1];
  if (isBody && number) {
    decision.item = { body: maker, date, number };
    addMeetingItem(ctx, notice, decision, number, key);
  }
  return decision;
}

/** A table row prints the decision beside its label ("Decision:<tab>1. To adopt …"), where a
 * page of text puts it under the label: the value is read as the block's first line, so its
 * numbering and its own verb count as they do below the label. */
export function labelApart(block: Labelled): Line[] {
  const [labelLine, ...rest] = block.lines;
  if (!labelLine || block.value === "") return block.lines;
  const at = labelLine.raw.lastIndexOf(block.value);
  if (at <= 0) return block.lines;
  const from = labelLine.from + at;
  const label = {
    raw: labelLine.raw.slice(0, at),
    text: labelLine.text.slice(0, -block.value.length).trim(),
    from: labelLine.from,
    to: from,
  };
  const value = { raw: labelLine.raw.slice(at), text: block.value, from, to: labelLine.to };
  return [label, value, ...rest];
}

/** "Monitoring Officer (Jane Roe): the decision is within the Mayor's powers": an officer whose
 * advice on the decision the notice records, named with their post before the colon. */
const ADVICE_LINE = /^([A-Z][^():]{2,60}?)\s*(\([^()]{3,60}\))\s*:\s*\S/;

function readAdviser(text: string): PersonRef | undefined {
  const m = ADVICE_LINE.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  const person = readPerson(`${m[1]} ${m[2]}`, false);
  return person?.jobTitle ? person : undefined;
}

function bodyKindOf(name: string): string {
  return bodyKind(bodyName(name));
}

/** A decision taken at a meeting: that meeting's item, with the decision as its resolutions. */
function addMeetingItem(
  ctx: Context,
  notice: Notice,
  decision: BundleDecision,
  number: string,
  key: string,
): void {
  const meeting = ctx.out.meeting(ctx.authority, decision.decisionMaker, decision.date);
  meeting.published = true;
  meeting.status = "held";
  const item = ctx.out.item(meeting, number, decision.title, itemKind(decision.title));
  if (decision.keyDecision !== undefined) item.keyDecision = decision.keyDecision;
  const reference = /\b([A-Z]{1,6}[/ -]?\d{2,4}[/-]\d{1,5})\b/.exec(key)?.[1];
  if (reference) item.forwardPlanRef = reference;
  const block = notice.fields.get("decision");
  if (!block || item.resolutions.length > 0) return;
  const rctx = { authority: ctx.authority, body: meeting.body, out: ctx.out, attendees: [] };
  const found = findResolutions(labelApart(block));
  if (found.drafts.length > 0) {
    item.resolutions.push(...found.drafts.map((d) => toResolution(d, rctx)));
    return;
  }
  const text = valueOf(block);
  if (text === "") return;
  const last = block.lines.length - 1;
  item.resolutions.push(toResolution({ number: "1", text, children: [], first: 0, last }, rctx));
}
