import type { BundleAction, BundleCondition, Resolution } from "../../domain/bundle.js";
import { isFullCouncilName, isOutsideBody, looksLikeBody, looseKey } from "./bodies.js";
import type { BundleBuilder } from "./builder.js";
import { findDates } from "./dates.js";
import { squash } from "./lines.js";
import type { Draft } from "./resolutions.js";

// What a resolution's words say beyond its text: its verb, an "in principle" decision, a
// recommendation to another body, a delegation, conditions ("subject to …") and the actions it
// asks of people or bodies ("Requests the X Committee to …", "receive a further report").

export type Attendee = { name: string; role?: string; jobTitle?: string };

export type ResolutionContext = {
  authority: string;
  /** the body that resolved */
  body: string;
  out: BundleBuilder;
  attendees: Attendee[];
};

/** The verbs a decision is made with; "refuse" not where it is rubbish ("access for refuse and
 * emergency vehicles", "refuse collection"). */
const VERB =
  /\b(agrees?|agreed|notes?|noted|approves?|approved|endorsed|endorses?|delegates?|delegated|requests?|requested|recommends?|recommended|resolves?|resolved|refuses?(?!\s+(?:and|or|collections?|vehicles?|bins?|sacks?|storage|disposal|freighters?|lorr(?:y|ies)|services?)\b)|refused|defers?|deferred)\b/i;

export function toResolution(draft: Draft, ctx: ResolutionContext, child = false): Resolution {
  const text = squashLines(draft.text);
  const resolution: Resolution = {
    number: draft.number,
    text,
    children: draft.children.map((c) => toResolution(c, ctx, true)),
  };
  // A clause under a lead ("RESOLVED: (1) That the strategy be approved") states its own verb; a
  // decision of one sentence ("DECISION: That the minutes be approved") has its label's.
  const clause = child || draft.lead !== undefined;
  let verb = clause
    ? (ownVerb(text, child) ?? (child ? undefined : draft.leadVerb))
    : (draft.leadVerb ?? ownVerb(text, false));
  // "It was RESOLVED to recommend to Full Council …": what was resolved is a recommendation.
  if (
    (verb === "resolved" || verb === "agreed") &&
    /^(?:it\s+was\s+)?(?:unanimously\s+)?(?:resolved|agreed)\s+(?:unanimously\s+)?(?:to\s+recommend|that\s+it\s+be\s+recommended)\b/i.test(
      text,
    )
  )
    verb = "recommended";
  if (verb) resolution.verb = verb;
  // An "in principle" decision says so at its head; a later mention ("would withdraw its 'in
  // principle' decision") is about another decision.
  if (/\bin[\s-]principle\b/i.test(text.slice(0, 100)) && verb !== "recommended")
    resolution.inPrinciple = true;
  const delegatedTo = delegation(text);
  if (delegatedTo) resolution.delegatedTo = delegatedTo;
  const actions: BundleAction[] = [];
  if (verb === "recommended") recommendation(text, ctx, resolution, actions);
  actions.push(...requestedActions(text, ctx));
  if (actions.length > 0) resolution.actions = actions;
  const conditions = inlineConditions(text, resolution.children);
  if (conditions.length > 0) resolution.conditions = conditions;
  return resolution;
}

/** Keeps the lines of bullet lists, joins the lines of a wrapped sentence. */
function squashLines(text: string): string {
  return text
    .split("\n")
    .map((l) => l.replace(/[ \t]+/g, " ").trim())
    .filter((l) => l !== "")
    .join("\n");
}

function ownVerb(text: string, strictStart: boolean): string | undefined {
  const head = text.slice(0, 200);
  const m = VERB.exec(head);
  if (!m) return undefined;
  const before = head.slice(0, m.index);
  const atStart = /^(?:(?:it\s+was\s+)?(?:that|to)\s+)?$/i.test(before);
  const afterSubject =
    /^(?:that\s+)?(?:the\s+)?[A-Za-z' -]{0,60}?(?:,[^.;:]{0,140},?)?\s*$/i.test(before) ||
    // "That the Fleet Replacement Programme 2025/26 to 2029/30 set out at Appendix A be approved"
    /^(?:that\s+)?(?:the\s+)?[A-Za-z0-9'’/&() -]{0,100}?\s*$/i.test(before);
  if (!atStart && (strictStart || !afterSubject)) return undefined;
  return verbOf(m[1] ?? "");
}

function verbOf(word: string): string | undefined {
  const w = word.toLowerCase();
  const table: [string, string][] = [
    ["agree", "agreed"],
    ["note", "noted"],
    ["approve", "approved"],
    ["endorse", "endorsed"],
    ["delegate", "delegated"],
    ["request", "requested"],
    ["recommend", "recommended"],
    ["resolve", "resolved"],
    ["refuse", "refused"],
    ["defer", "deferred"],
  ];
  return table.find(([stem]) => w.startsWith(stem))?.[1];
}

function delegation(text: string): string | undefined {
  const m =
    /\b[Dd]elegat(?:es?|ed|ion)\s+(?:of\s+)?(?:authority\s+|powers?\s+)?to\s+(?:the\s+)?([A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|\d{1,4}|of|and|for))*)/.exec(
      text.slice(0, 600),
    );
  // "that the Director of Resources be authorised to make …", also with an aside before "to"
  // ("be authorised, in consultation with the Chair, to make …"), and after its label
  // ("RESOLVED - That the Head of Planning be authorised to grant …")
  const authorised =
    /^(?:(?:[Ii]t\s+was\s+)?(?:RESOLVED|[Rr]esolved)\s*(?:\([^()]{1,30}\)\s*)?[-–:]?\s*)?(?:[Tt]hat\s+)?(?:the\s+)?([A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|\d{1,4}|of|and|for))*)\s+be\s+(?:authori[sz]ed|given\s+delegated\s+authority|granted\s+delegated\s+authority)(?:,[^,;]{3,120},)?\s+to\b/.exec(
      text.slice(0, 600),
    );
  return (m?.[1] ?? authorised?.[1])?.replace(/\s+(?:of|and|for)$/, "");
}

/** "Recommends that the Council endorses …" → recommendsTo the full council, with the date of
 * "its meeting on 25 September 2017"; "recommends to NHS England that …" → an action of theirs. */
function recommendation(text: string, ctx: ResolutionContext, r: Resolution, actions: BundleAction[]): void {
  // "Council be recommended to approve …" names its target before the verb.
  // "the Statement of Principles be recommended to Council for adoption" names the body after.
  const passiveTo =
    /\bbe\s+recommended\s+to\s+(?:the\s+)?((?:Full\s+)?Council|[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|and|of))*\s+(?:Committee|Cabinet|Board|Panel|Council))\s+(?:for|to)\b/.exec(
      text,
    );
  const passive =
    passiveTo ??
    /^(?:that\s+)?(?:the\s+)?([A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|and|of|for))*)\s+be\s+recommended\s+to\b/i.exec(
      text,
    );
  const m =
    passive ??
    /\b[Rr]ecommend(?:s|ed)?\s+(to\s+)?(?:that\s+)?(?:the\s+)?([A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|and|of|for))*)/.exec(
      text.slice(0, 400),
    );
  const target = (passive ? passive[1] : m?.[2])?.replace(/\s+(?:and|of|for)$/, "");
  if (!m || !target) return;
  const rest = text.slice(m.index + m[0].length).replace(/^\s*that\s+/i, "");
  if (isFullCouncilName(target) || (looksLikeBody(target) && !isOutsideBody(target))) {
    const recommendsTo: Resolution["recommendsTo"] = {
      authority: ctx.authority,
      body: bodyNamed(target, ctx),
    };
    const date = /\bmeeting\s+(?:on|of)\s+([^,;.]{6,40})/i.exec(rest);
    const iso = date ? findDates(date[1] ?? "")[0]?.iso : undefined;
    if (iso) recommendsTo.date = iso;
    r.recommendsTo = recommendsTo;
    return;
  }
  if (!passive && m[1]) actions.push({ text: sentence(rest), owner: target });
}

/** A body a resolution names: "the Council" is the authority's full council, under whatever name
 * the document gives it; any other is matched to a body already read. */
export function bodyNamed(name: string, ctx: ResolutionContext): string {
  const clean = name.replace(/^the\s+/i, "");
  if (isFullCouncilName(clean)) {
    return (
      ctx.out.findBody(ctx.authority, (b) => b.kind === "full-council") ??
      ctx.out.body(ctx.authority, "Council")
    );
  }
  return (
    ctx.out.findBody(ctx.authority, (b) => looseKey(b.name) === looseKey(clean)) ??
    ctx.out.body(ctx.authority, clean)
  );
}

const OWNER = "((?:the\\s+)?[A-Z][\\w'’&-]*(?:\\s+(?:[A-Z][\\w'’&-]*|and|of|for|&))*)";
const REQUEST = new RegExp(
  `\\b(?:[Rr]equests?|[Aa]sks?|[Ii]nstructs?|[Ii]nvites?|[Cc]alls\\s+on)\\s+(?:that\\s+)?${OWNER}\\s+(?:to\\s+)?(.+)$`,
);

function requestedActions(text: string, ctx: ResolutionContext): BundleAction[] {
  const actions: BundleAction[] = [];
  const flat = squash(text).slice(0, 1500);
  // "…; calls on the Leader to write …; and asks the Cabinet to work …": a request in each clause.
  for (const clause of flat.split(
    /;\s+(?:and\s+)?(?=(?:requests?|asks?|instructs?|invites?|calls\s+on)\s)/,
  )) {
    const request = REQUEST.exec(clause);
    if (request?.[1] && request[2]) {
      actions.push(withDue({ text: sentence(imperative(request[2])), owner: ownerNamed(request[1], ctx) }));
    }
  }
  const passive =
    /^(?:[Tt]hat\s+)?(?:the\s+)?([A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|and|of|for|&))*)\s+be\s+(?:requested|asked|instructed|invited)\s+to\s+(.+)$/.exec(
      flat,
    );
  if (passive?.[1] && passive[2]) {
    actions.push(withDue({ text: sentence(passive[2]), owner: ownerNamed(passive[1], ctx) }));
  }
  const direct = /\bdirect(?:s|ed)?\s+(?:the\s+)?([a-z][\w -]{2,40}?|[A-Z][\w '’-]{2,60}?)\s+to\s+(.+)$/.exec(
    flat,
  );
  if (direct?.[1] && direct[2]) {
    actions.push(withDue({ text: sentence(direct[2]), owner: ownerNamed(direct[1], ctx) }));
  }
  const report =
    /\b(?:to\s+)?receives?\s+(a\s+(?:further\s+)?(?:report|update)\b.*?)(?=\s+and\s+(?:seeks?|to)\b|[.;]?$)/i.exec(
      flat,
    );
  if (report?.[1]) actions.push(withDue({ text: sentence(`Receive ${report[1]}`), owner: ctx.body }));
  const endorse = /\bseeks?\s+(further\s+endorsement\b.*?)[.;]?$/i.exec(flat);
  if (endorse?.[1]) actions.push({ text: sentence(`Seek ${endorse[1]}`), owner: ctx.body });
  const provided =
    /\b((?:further\s+information|the\s+business\s+case|an?\s+(?:further\s+)?(?:report|update|briefing))\b.*?)\s+(?:should|would|will|to)\s+be\s+(provided|brought|submitted|presented|circulated)\s+to\s+(.+?)[.;]?$/i.exec(
      flat,
    );
  if (provided?.[1] && provided[2] && provided[3]) {
    const verb = provided[2] === "brought" ? "Bring" : provided[2] === "provided" ? "Provide" : "Submit";
    actions.push({ text: sentence(`${verb} ${provided[1]} to ${provided[3]}`) });
  }
  return actions;
}

/** "Action: Town Clerk to instruct the contractor." → an action of the attendee who is Town Clerk. */
export function labelledAction(text: string, ctx: ResolutionContext): BundleAction {
  const m = /^((?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|and|of|for|&)){0,8})\s+to\s+\S/.exec(text);
  const action: BundleAction = { text: squash(text) };
  if (m?.[1]) action.owner = ownerNamed(m[1], ctx);
  return withDue(action);
}

/** "the lead officer" → the attendee in that role; "the X Committee" → that body's name; "Dr Ann
 * Bell" → Ann Bell; an NHS board or trust as it is named. */
export function ownerNamed(phrase: string, ctx: ResolutionContext): string {
  const clean = squash(phrase).replace(/^the\s+/i, "");
  const key = clean.toLowerCase();
  const person = ctx.attendees.find(
    (a) => a.role?.replace("-", " ") === key || a.jobTitle?.toLowerCase() === key,
  );
  if (person) return person.name;
  // "the Leader" of a council's resolution is the Leader of the Council, whoever holds that post.
  const leader = /^(?:deputy\s+)?leader$/.test(key) ? postHolder(`${key} of the council`, ctx) : undefined;
  if (leader) return leader;
  if (isOutsideBody(clean)) return clean;
  if (looksLikeBody(clean) || isFullCouncilName(clean)) return bodyNamed(clean, ctx);
  const titled = /^(?:Mrs|Mr|Ms|Miss|Mx|Dr|Prof|Professor)\.?\s+(?=[A-Z])/.exec(clean);
  if (titled) return clean.slice(titled[0].length);
  return clean.charAt(0).toUpperCase() + clean.slice(1);
}

function postHolder(post: string, ctx: ResolutionContext): string | undefined {
  const holders = ctx.out.knownPeople().filter((p) => p.jobTitle?.toLowerCase() === post);
  return holders.length === 1 ? holders[0]?.name : undefined;
}

function withDue(action: BundleAction): BundleAction {
  for (const m of action.text.matchAll(/\b(?:meeting\s+on|by|before|no\s+later\s+than)\s+([^,;]{6,40})/gi)) {
    const iso = findDates(m[1] ?? "")[0]?.iso;
    if (iso) {
      action.due = iso;
      break;
    }
  }
  return action;
}

/** "… further examines … and makes" → "further examine … and make": an action reads as an instruction. */
function imperative(text: string): string {
  const bare = (word: string) => {
    if (/(ss|us|is)$/.test(word) || !word.endsWith("s")) return word;
    if (/(sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
    return word.slice(0, -1);
  };
  const first = /^((?:further\s+)?)([a-z]+)\b/.exec(text);
  if (!first?.[2] || bare(first[2]) === first[2]) return text;
  return text
    .replace(/^((?:further\s+)?)([a-z]+)\b/, (_, lead: string, word: string) => lead + bare(word))
    .replace(/,\s+and\s+([a-z]+)\b/, (_, word: string) => `, and ${bare(word)}`);
}

function sentence(text: string): string {
  // Quotation marks around a term ("the ‘due process’ step") are the minute's emphasis, not the action's.
  const t = squash(text)
    .replace(/[.;,]+$/, "")
    .replace(/‘([^‘’]{1,40})’/g, "$1")
    .replace(/(^|\s)'([^']{1,40})'(?=[\s.,;]|$)/g, "$1$2");
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** "…, subject to continuing support for …" → a condition; "subject to the following:" → its clauses. */
function inlineConditions(text: string, children: Resolution[]): BundleCondition[] {
  if (/\bsubject\s+to\s+the\s+following(?:\s+\w+){0,2}\s*:?\s*$/i.test(text) && children.length > 0) {
    return children.map((c) => ({ group: "", text: c.text }));
  }
  const m = /,\s+subject\s+to\s+(?!the\s+following)(.{10,})$/i.exec(squash(text).slice(0, 3000));
  if (!m?.[1]) return [];
  return [{ group: "", text: sentence(m[1]) }];
}
