import type { Context } from "./context.js";
import { addPerson } from "./context.js";
import { findAuthorities } from "./authorities.js";
import { findDates } from "./dates.js";
import { squash } from "./lines.js";

// People and meetings a report mentions in passing. People a report introduces: "Jane Doe, Chief Executive of Southmere County
// Council". Only a full name followed by a senior job title and its organisation counts, so
// ordinary prose does not turn into people.

const APPOSITIVE =
  /\b([A-Z][a-z'’-]+ (?:[A-Z]\. )?[A-Z][a-z'’-]+), ((?:Chief Executive|(?:Assistant |Deputy |Executive |Strategic )?Director|Head|Leader|Deputy Leader|Chair|Commissioner|Minister|Secretary of State|Chief Officer)(?: of| for)? [^,.;()]{0,40}?)\s*\bof ([A-Z][\w'’ ]{2,60}?(?:Council|Trust|Authority|CCG|Board|Agency|Department|Commission))\b/g;

/** "handed over to Jo Bell, Assistant Director for Children, Young People and Families who
 * highlighted …": a full name, a job title, and the clause that goes on about them. */
const INTRODUCED =
  /\b([A-Z][a-z'’-]+ [A-Z][a-z'’-]+), ((?:Assistant |Deputy |Executive |Strategic |Interim )?(?:Director|Head of|Chief Executive|Chief Officer|Manager|Service Manager|Commissioner)[^.;()]{0,80}?),? who\b/g;

/** "Mrs Ann Cole asked the Cabinet Member for Housing, Councillor Patel:" and "Question from Mr
 * Tom Reid to the Leader of the Council, Councillor Sue Hart": a member of the public puts a
 * question to a councillor named with their post. */
const PUBLIC_QUESTION =
  /\b(?:[Qq]uestion\s+from\s+(Mrs|Mr|Ms|Miss|Mx|Dr)\.?\s+([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\s+to|(Mrs|Mr|Ms|Miss|Mx|Dr)\.?\s+([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\s+asked)\s+the\s+((?:Deputy\s+)?Leader\s+of\s+the\s+Council|(?:Cabinet|Executive|Lead)\s+Member\s+for\s+[^,.;:()]{3,80}?|Portfolio\s+Holder\s+for\s+[^,.;:()]{3,80}?|Chair(?:man)?\s+of\s+the\s+[^,.;:()]{3,80}?),\s+(?:Councillor|Cllr\.?)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})/g;

/** The askers of public questions, from outside the council, and the posts of the members asked. */
function addPublicQuestions(flat: string, ctx: Context): void {
  for (const m of flat.matchAll(PUBLIC_QUESTION)) {
    const honorific = m[1] ?? m[3];
    const name = m[2] ?? m[4];
    if (honorific && name) addPerson(ctx, { name, honorific, councillor: false, external: true });
    if (m[5] && m[6]) addPerson(ctx, { name: m[6], councillor: true, jobTitle: squash(m[5]) });
  }
}

export function addProsePeople(text: string, ctx: Context): void {
  const flat = squash(text).slice(0, 200000);
  addPublicQuestions(flat, ctx);
  for (const m of flat.matchAll(INTRODUCED)) {
    if (m[1] && m[2]) addPerson(ctx, { name: m[1], councillor: false, jobTitle: m[2].trim() });
  }
  for (const m of flat.matchAll(APPOSITIVE)) {
    const name = m[1];
    const job = m[2]?.trim();
    const organisation = m[3];
    if (!name || !job || !organisation) continue;
    const authority = findAuthorities(organisation)[0]?.name;
    if (authority && authority === ctx.authority) addPerson(ctx, { name, councillor: false, jobTitle: job });
    else addPerson(ctx, { name, councillor: false, jobTitle: job, organisation });
  }
}

/** The posts of the executive's members: the Leader, and each Cabinet or Executive Member or
 * Portfolio Holder ("Deputy Leader and Cabinet Member for Finance"). */
const EXECUTIVE_POST =
  /^(?:(?:Deputy\s+)?Leader\s+of\s+the\s+Council\b|(?:(?:Deputy\s+)?Leader(?:\s+of\s+the\s+Council)?\s+and\s+)?(?:(?:Cabinet|Executive)\s+Member|Portfolio\s+Holder)\s+for\b)/i;

/** Full council minutes name the executive's members by their posts ("Councillor Patel (Cabinet
 * Member for Housing)"); where the council's executive is known, they are its members. */
export function addExecutiveMembers(ctx: Context): void {
  const executive = ctx.out.findBody(ctx.authority, (b) => b.kind === "executive");
  if (!executive) return;
  for (const p of ctx.out.knownPeople()) {
    if (p.kind !== "councillor" || p.authority !== ctx.authority || !EXECUTIVE_POST.test(p.jobTitle ?? ""))
      continue;
    ctx.out.membership({ person: p.name, body: executive, authority: ctx.authority, role: "member" });
  }
}

/** "An 'in principle' decision was taken by Westford Council at its meeting on 27th March 2019":
 * a council meeting that was held, reported in the past tense with its date. */
const DECIDED_AT =
  /\b(?:decision|resolution|recommendation)s?\s+(?:was|were)\s+(?:taken|made|agreed|approved)\s+by\s+((?:[A-Z][a-z'’-]+\s+){1,4}(?:City\s+|County\s+|Borough\s+|District\s+)?Council)\s+at\s+its\s+meeting\s+(?:on|of)\s+([^,.;]{6,40})/g;

export function addReportedMeetings(text: string, ctx: Context): void {
  for (const m of squash(text).slice(0, 200000).matchAll(DECIDED_AT)) {
    const authority = m[1] ? findAuthorities(m[1])[0]?.name : undefined;
    const date = findDates(m[2] ?? "")[0]?.iso;
    if (!authority || !date) continue;
    const meeting = ctx.out.meeting(authority, "Council", date);
    meeting.published = true;
    meeting.status = "held";
  }
}
