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

export function addProsePeople(text: string, ctx: Context): void {
  const flat = squash(text).slice(0, 200000);
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
