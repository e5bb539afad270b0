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
import { findResolutions } from "./resolutions.js";

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
  | "interests";

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
  ["key", /^key\s+decision(?:\s*\??)?$/],
  ["decision", /^(?:decisions?|decision\s+(?:taken|made)|the\s+decision|resolved)$/],
  ["reasons", /^reasons?(?:\s+for\s+(?:the\s+)?decisions?)?$/],
  [
    "options",
    /^(?:alternative\s+options|other\s+options|options|alternatives)(?:\s+considered)?(?:\s+and\s+rejected)?$/,
  ],
  ["published", /^(?:date\s+of\s+publication|publication\s+date|date\s+published|published)$/],
  [
    "callIn",
    /^(?:call[- ]?in|call[- ]?in\s+(?:deadline|expires|expiry(?:\s+date)?|period\s+(?:ends|expires))|deadline\s+for\s+call[- ]?in|last\s+date\s+for\s+call[- ]?in)$/,
  ],
  [
    "implementation",
    /^(?:implementation\s+date|date\s+of\s+implementation|date\s+(?:the\s+)?decision\s+(?:may|can)\s+be\s+implemented)$/,
  ],
  ["urgency", /^(?:reasons?\s+for\s+urgency|urgency)$/],
  [
    "interests",
    /^(?:conflicts?\s+of\s+interests?(?:\s+declared)?|declarations?\s+of\s+interests?|interests\s+declared)$/,
  ],
];

/** Fields that open a new notice when they come again: each notice states them once. */
const OPENS = new Set<Field>(["maker", "title", "date", "item"]);

const LABEL = /^([A-Za-z][A-Za-z ()'’?-]{1,70}?)\s*:\s*(.*)$/;
const NOTICE_HEADING =
  /^(?:(?:executive\s+|cabinet\s+)?decision\s+notice|record\s+of\s+(?:an?\s+)?(?:executive\s+|key\s+|officer\s+)?decisions?)\b/i;

type Labelled = { field: Field; lines: Line[]; value: string };
type Notice = { fields: Map<Field, Labelled>; lines: Line[] };

export function labelField(text: string): { field: Field; value: string } | undefined {
  const m = LABEL.exec(text);
  if (!m?.[1]) return undefined;
  const label = m[1].trim().toLowerCase().replace(/\s+/g, " ");
  const hit = FIELDS.find(([, pattern]) => pattern.test(label));
  return hit ? { field: hit[0], value: (m[2] ?? "").trim() } : undefined;
}

/** The labelled lines of one notice from line i: up to a label that comes again (the next
 * notice), within the next 60 lines of text. */
function noticeLabels(lines: Line[], i: number): { fields: Set<Field>; last: number } {
  const fields = new Set<Field>();
  let last = i;
  let count = 0;
  for (let j = i; j < lines.length && count < 60; j++) {
    const text = lines[j]?.text ?? "";
    if (text === "") continue;
    count++;
    const f = labelField(text);
    if (!f) continue;
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
  for (const line of lines) {
    const text = line.text;
    const f = text === "" ? undefined : labelField(text);
    if (f) {
      if (!current || (OPENS.has(f.field) && current.fields.has(f.field))) {
        current = { fields: new Map(), lines: [] };
        notices.push(current);
      }
      open = { field: f.field, lines: [line], value: f.value };
      if (!current.fields.has(f.field)) current.fields.set(f.field, open);
      current.lines.push(line);
      continue;
    }
    current?.lines.push(line);
    // A heading (the council's name, "DECISION NOTICE") ends the text of the label above it.
    if (text !== "" && (isNoticeHeading(text) || (isCapitals(text) && text.length <= 80))) {
      open = undefined;
      continue;
    }
    open?.lines.push(line);
  }
  return notices;
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
  const makerText = valueOf(f("maker"));
  const date = dateOf(f("date"));
  const title = valueOf(f("title"));
  if (makerText === "" || !date || title === "") return undefined;
  const isBody = looksLikeBody(makerText);
  const maker = isBody
    ? ctx.out.body(ctx.authority, preferSpelling(bodyName(makerText), ctx.doc.text), bodyKindOf(makerText))
    : makerText;
  const decision: BundleDecision = { authority: ctx.authority, decisionMaker: maker, date, title };
  const key = valueOf(f("key"));
  const keyDecision = /^(?:yes|y)\b/i.test(key) ? true : /^(?:no|n)\b/i.test(key) ? false : undefined;
  if (keyDecision !== undefined) decision.keyDecision = keyDecision;
  const published = dateOf(f("published"));
  if (published) decision.published = published;
  const callIn = f("callIn");
  const expires = dateOf(callIn);
  if (expires) decision.callInExpires = expires;
  else if (/\bnot\s+(?:subject\s+to|eligible\s+for)\b|\bexempt\b/i.test(valueOf(callIn)))
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
  const found = findResolutions(block.lines);
  if (found.drafts.length > 0) {
    item.resolutions.push(...found.drafts.map((d) => toResolution(d, rctx)));
    return;
  }
  const text = valueOf(block);
  if (text === "") return;
  const last = block.lines.length - 1;
  item.resolutions.push(toResolution({ number: "1", text, children: [], first: 0, last }, rctx));
}
