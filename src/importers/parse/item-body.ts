import type { BundleCondition, Resolution } from "../../domain/bundle.js";
import { commentDrafts } from "./comments-table.js";
import { type Declared, readDeclarations } from "./declarations.js";
import { labelledAction, type ResolutionContext, toResolution } from "./enrich.js";
import { joinProse, type Line } from "./lines.js";
import { holderOf, readMotion, type Motion } from "./motions.js";
import { readMarker } from "./numbering.js";
import type { PersonRef } from "./people.js";
import { type Draft, findResolutions } from "./resolutions.js";

// One minute's text: its narrative, its resolutions (with proposer, seconder and votes), the
// schedule of conditions some resolutions attach, and the interests declared in it. A web page
// that cuts the text off ("… view the full minutes text for item 27") marks it truncated.

export type ItemBody = {
  minutes?: string;
  truncated: boolean;
  resolutions: Resolution[];
  declarations: Declared[];
};

const TRUNCATED =
  /\s*(?:\.\.\.|…)\s*view\s+the\s+full\s+(?:minutes|decisions?)\s+text\s+for\s+item\s+\S+\s*$/i;
const BULLET = /^[•\u2022\uf0b7▪◦*-]\s*/;

/** "Action: Town Clerk to instruct the contractor." under a decision. */
const ACTION_LINE = /^actions?(?:\s+point)?\s*[:\-–—]\s*(\S.*)$/i;
/** A decision set in capitals after a sentence on the same line: "… obtained. RESOLVED to accept …". */
const DECISION_IN_LINE =
  /,\s+and\s+it\s+was\s+(?=(?:RESOLVED|AGREED|DECIDED)\b)|\s[-–—]\s+(?=(?:It\s+was\s+)?(?:unanimously\s+)?(?:RESOLVED|AGREED|DECIDED)\b)|[.!?]\s+(?=(?:It\s+was\s+)?(?:unanimously\s+)?(?:RESOLVED|AGREED|DECIDED)\b|(?:It\s+was\s+)?(?:proposed|moved)\s+by\s+[^.]{3,160}?\s+and\s+RESOLVED\b)/;

export function readItemBody(input: Line[], ctx: ResolutionContext): ItemBody {
  const cut = cutTruncation(input);
  const truncated = cut.truncated;
  const actionLines = cut.lines.filter((l) => ACTION_LINE.test(l.text));
  const lines = splitAtDecisions(cut.lines.filter((l) => !ACTION_LINE.test(l.text)));
  const found = findResolutions(lines);
  const used = found.used;
  const drafts = withCommentTable(found.drafts, lines, used);
  const schedule = readSchedule(lines, used);
  const quoted = quotedConditions(drafts, lines, used);
  // An "Action:" line is an action of the decision above it; with none above, it is narrative.
  const decidedAbove = (line: Line) => decisionAbove(drafts, lines, line);
  const orphans = actionLines.filter((l) => decidedAbove(l) < 0);
  // A bare "Decision:" or "Minutes:" label heads the text; it is not part of it.
  const narrative = [
    ...lines.filter((l, i) => !used[i] && !/^(?:decisions?|minutes)\s*:?$/i.test(l.text)),
    ...orphans,
  ].sort((a, b) => a.from - b.from);
  const narrativeMotion = readMotion(narrative.map((l) => l.text).join("\n"));
  // Where the decisions name their own movers, the minute's are theirs, not the others'.
  const ownMovers = drafts.some((d) => d.lettered && d.lead && readMotion(d.lead).proposer);
  const motion = ownMovers
    ? { ...(narrativeMotion.votes ? { votes: narrativeMotion.votes } : {}) }
    : narrativeMotion;
  const voted = lastRun(drafts, lines, used);
  const resolutions = drafts.map((d) => {
    const r = toResolution(d, ctx);
    applyMotion(r, readMotion(d.text), ctx);
    if (d.voteNote) applyMotion(r, readMotion(d.voteNote), ctx);
    if (d.lead) applyMotion(r, readMotion(d.lead), ctx);
    applyMotion(r, voted.has(d) ? motion : { ...motion, votes: undefined }, ctx);
    return r;
  });
  if (schedule.length > 0) attachSchedule(resolutions, schedule);
  for (const [n, d] of drafts.entries()) {
    const condition = quoted.get(d);
    const r = resolutions[n];
    if (condition && r) r.conditions = [...(r.conditions ?? []), condition];
  }
  for (const line of actionLines) {
    const r = resolutions[decidedAbove(line)];
    const text = ACTION_LINE.exec(line.text)?.[1] ?? "";
    if (r) r.actions = [...(r.actions ?? []), labelledAction(text, ctx)];
  }
  const minutes = joinProse(narrative).trim();
  const body: ItemBody = {
    truncated,
    resolutions,
    declarations: readDeclarations(lines.map((l) => l.text).join("\n")),
  };
  if (minutes !== "") body.minutes = minutes;
  return body;
}

/** "… granted subject to the following additional condition:" over a paragraph in quotation
 * marks: that paragraph is the condition, word for word, not narrative. */
function quotedConditions(drafts: Draft[], lines: Line[], used: boolean[]): Map<Draft, BundleCondition> {
  const found = new Map<Draft, BundleCondition>();
  for (const d of drafts) {
    if (d.children.length > 0 || !/\bfollowing\s+(?:additional\s+|further\s+)?condition\s*:$/i.test(d.text))
      continue;
    const next = lines.findIndex((l, i) => i > d.last && l.text !== "");
    const quote = /^["“]([^"“”]{10,})["”]$/.exec(lines[next]?.text ?? "");
    if (!quote?.[1] || used[next]) continue;
    used[next] = true;
    found.set(d, { group: "", text: quote[1].trim() });
  }
  return found;
}

/** The index of the last decision that starts above the line, or -1. */
function decisionAbove(drafts: Draft[], lines: Line[], line: Line): number {
  let found = -1;
  for (const [k, d] of drafts.entries()) {
    const from = lines[d.first]?.from ?? Infinity;
    if (from <= line.from && (found < 0 || from >= (lines[drafts[found]?.first ?? 0]?.from ?? 0))) found = k;
  }
  return found;
}

/** A table of responses to planning applications states the minute's decisions, unless the
 * minute states them itself; a sentence that reports them ("The Committee agreed the following
 * comments") introduces the table and is narrative. */
function withCommentTable(drafts: Draft[], lines: Line[], used: boolean[]): Draft[] {
  const reported = drafts.filter((d) => d.reported);
  const kept = drafts.filter((d) => !d.reported);
  // Where the minute minutes its decisions itself, the table only lists the applications.
  const tabled = kept.length === 0 ? commentDrafts(lines, 0) : [];
  if (tabled.length === 0) return drafts;
  for (const d of reported) used.fill(false, d.first, d.last + 1);
  return [...kept, ...tabled];
}

/**
 * The decisions the minute's vote is about. A vote noted after the decisions ("(Members voted
 * unanimously in favour of the recommendation …)") is about the last run of clauses numbered alike
 * (2., 3.), not an earlier clause numbered otherwise (I.); one noted before or among them, all.
 */
function lastRun(drafts: Draft[], lines: Line[], used: boolean[]): Set<Draft> {
  const last = drafts.at(-1);
  const voteAt = lines.findLastIndex((l, i) => !used[i] && readMotion(l.text).votes !== undefined);
  if (!last || voteAt < last.last) return new Set(drafts);
  const style = (d: Draft) => (readMarker(`${d.number} x`) ?? readMarker(`${d.number}. x`))?.style;
  const run = new Set<Draft>();
  for (const d of [...drafts].reverse()) {
    if (style(d) !== style(last)) break;
    run.add(d);
  }
  return run;
}

function splitAtDecisions(lines: Line[]): Line[] {
  return lines.flatMap((line) => {
    const m = line.text.length <= 4000 ? DECISION_IN_LINE.exec(line.text) : null;
    // A clause marker ("a. It was RESOLVED …") is not a sentence before the decision.
    if (!m || line.text.slice(0, m.index).trim().split(/\s+/).length < 3) return [line];
    const at = m.index + m[0].length;
    const head = line.text.slice(0, m.index + 1);
    const tail = line.text.slice(at);
    const offset = line.raw.indexOf(tail);
    const split = offset >= 0 ? line.from + offset : line.to - tail.length;
    return [
      { raw: head, text: head, from: line.from, to: split },
      { raw: tail, text: tail, from: split, to: line.to },
    ];
  });
}

function cutTruncation(lines: Line[]): { lines: Line[]; truncated: boolean } {
  const lastIndex = lines.findLastIndex((l) => l.text !== "");
  const last = lines[lastIndex];
  if (!last || !TRUNCATED.test(last.text)) return { lines, truncated: false };
  const text = last.text.replace(TRUNCATED, " …").trim();
  const copy = lines.slice(0, lastIndex);
  if (text !== "…") copy.push({ ...last, text });
  return { lines: copy, truncated: true };
}

function applyMotion(r: Resolution, motion: Motion, ctx: ResolutionContext): void {
  const person = (p: PersonRef) =>
    ctx.out.person({
      name: p.name,
      kind: "councillor",
      authority: ctx.authority,
      ...(p.honorific ? { honorific: p.honorific } : {}),
      ...(p.jobTitle ? { jobTitle: p.jobTitle } : {}),
    });
  if (motion.proposer && r.proposer === undefined) r.proposer = person(motion.proposer);
  if (motion.seconder && r.seconder === undefined) r.seconder = person(motion.seconder);
  const proposer = motion.proposerPost ? holderOf(motion.proposerPost, ctx.attendees) : undefined;
  const seconder = motion.seconderPost ? holderOf(motion.seconderPost, ctx.attendees) : undefined;
  if (proposer && r.proposer === undefined) r.proposer = proposer;
  if (seconder && r.seconder === undefined) r.seconder = seconder;
  if (motion.votes && r.votes === undefined) r.votes = motion.votes;
}

/** "SCHEDULE OF REQUIREMENTS" then "a) Heading" lines, each with "•" requirements under it. */
/** "- moved by Councillor Strachan, seconded by Councillor Lennie" under a motion: who moved it. */
const MOVER = /^[•\u2022\uf0b7▪◦*-]?\s*(?:moved|proposed|seconded)\b/i;

function nextText(lines: Line[], at: number): string {
  return lines.slice(at + 1).find((l) => l.text !== "")?.text ?? "";
}

function readSchedule(lines: Line[], used: boolean[]): BundleCondition[] {
  const conditions: BundleCondition[] = [];
  // After "granted subject to the following conditions:" a group's heading may be a plain line
  // ("Prevention of public nuisance") over its bullets, as a licensing decision sets them out.
  const plainGroups = lines.some((l, k) => used[k] && CONDITIONS_FOLLOW.test(l.text));
  const isGroup = (t: string, at: number) =>
    (readMarker(t) !== undefined || (plainGroups && isPlainGroup(t))) &&
    bulletFollows(lines, at) &&
    !MOVER.test(nextText(lines, at));
  for (let i = 0; i < lines.length; i++) {
    if (used[i]) continue;
    const text = lines[i]?.text ?? "";
    const heading = isScheduleHeading(text);
    const start = heading ? i + 1 : i;
    if (!heading && !isGroup(text, i)) continue;
    let group = "";
    let j = start;
    let taken = 0;
    for (; j < lines.length; j++) {
      const t = lines[j]?.text ?? "";
      if (t === "") continue;
      if (BULLET.test(t) && group !== "") {
        conditions.push({ group, text: t.replace(BULLET, "").trim() });
        taken++;
        continue;
      }
      const marker = readMarker(t);
      if (
        (marker || (plainGroups && isPlainGroup(t) && bulletFollows(lines, j))) &&
        t.length < 200 &&
        !BULLET.test(t)
      ) {
        group = t.replace(/\s+/g, " ");
        continue;
      }
      break;
    }
    if (taken === 0) continue;
    for (let k = i; k < j; k++) used[k] = true;
    i = j - 1;
  }
  return conditions;
}

const CONDITIONS_FOLLOW = /\b(?:following|these|the)\s+conditions\s*(?:below|as\s+follows)?\s*:$/i;

/** A short line in sentence case with no closing stop or colon: "Protection of children from harm". */
function isPlainGroup(text: string): boolean {
  return (
    text.length <= 80 &&
    /^[A-Z]/.test(text) &&
    !/[.,;:!?]$/.test(text) &&
    !/:\s/.test(text) &&
    !BULLET.test(text)
  );
}

function isScheduleHeading(text: string): boolean {
  if (text.length > 80 || text.length < 6) return false;
  const capitals = /[A-Z]{3}/.test(text) && text === text.toUpperCase() && text.split(/\s+/).length >= 2;
  return (capitals && !readMarker(text)) || /^schedule\b|\bschedule(?:\s+of\s+\w+)?:?$/i.test(text);
}

function bulletFollows(lines: Line[], i: number): boolean {
  for (let j = i + 1; j < lines.length && j < i + 4; j++) {
    const t = lines[j]?.text ?? "";
    if (t === "") continue;
    return BULLET.test(t) && !readMarker(t);
  }
  return false;
}

/** The schedule belongs to the resolution that refers to it ("the schedule below"). */
function attachSchedule(resolutions: Resolution[], schedule: BundleCondition[]): void {
  const refers = (r: Resolution) => /\bschedule\b/i.test(r.text);
  const target =
    resolutions.findLast((r) => refers(r) && /\bbelow\b/i.test(r.text)) ??
    resolutions.findLast(refers) ??
    resolutions.at(-1);
  if (!target) return;
  target.conditions = [...(target.conditions ?? []), ...schedule];
}
