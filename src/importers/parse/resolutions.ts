import { findDates } from "./dates.js";
import type { Line } from "./lines.js";
import { readMarker, sameLevel, type Marker } from "./numbering.js";

// Finds the resolutions in a minute's text: the numbered list after "RESOLVED:", "Agreed –",
// "Cabinet –", "The committee has agreed -"; single-sentence decisions ("Agreed that …",
// "RESOLVED that …", "Members noted …"); and lettered decisions without a lead ("a) Resolved to …").
// Clauses nest by their numbering style. Lines used here are not part of the minute's narrative.

export type Draft = {
  number: string;
  text: string;
  /** the verb of the lead line, for clauses that do not state their own */
  leadVerb?: string;
  /** the lead line itself ("RESOLVED unanimously:"), whose vote notes apply to its clauses */
  lead?: string;
  /** a vote noted on a line under the clause ("Voting: unanimous"), not part of its text */
  voteNote?: string;
  /** a motion the minute says was RESOLVED, not only proposed and seconded */
  resolved?: boolean;
  /** numbered by the letter or number of the line it is on ("b) … and RESOLVED to object") */
  lettered?: boolean;
  /** numbered by its place among the minute's decisions, not by a marker of its own */
  counted?: boolean;
  /** a decision the minute reports in its own words ("The Committee noted …", "The minutes were
   * AGREED"), which gives way to one it states as RESOLVED or AGREED */
  reported?: boolean;
  children: Draft[];
  /** index of the first and last line the draft was read from */
  first: number;
  last: number;
};

export type Found = { drafts: Draft[]; used: boolean[] };

const DECISION_WORDS = /\b(resolved|resolves|agreed|agrees|decided|decides|recommended|recommends)\b/i;
const LEAD_END = /[:\-–—]\s*$/;
const VERB_START =
  /^(?:that\b|to\s+[a-z]+|(?:re)?agrees?\b|notes?\b|approves?\b|endorses?\b|delegates?\b|requests?\b|recommends?\b|resolves?\b|receives?\b|authori[sz]es?\b|instructs?\b|asks?\b|supports?\b|welcomes?\b|refers?\b|defers?\b|confirms?\b|adopts?\b|accepts?\b|rejects?\b|refuses?\b|grants?\b|appoints?\b|thanks?\b|resolved\b|agreed\b|noted\b|approved\b|endorsed\b|decided\b)/i;
const INLINE =
  /^(?:[Ii]t\s+was\s+(?:unanimously\s+)?(resolved|agreed|decided)\b|(?:[Ii]t\s+was\s+)?(?:unanimously\s+)?(RESOLVED|Resolved|AGREED|Agreed|DECIDED|Decided)\b)\s*(?:unanimously\s*)?[:\-–—]?\s*(?:that\b|to\b)?/;
const LABEL_ONLY =
  /^(?:it\s+was\s+)?(?:unanimously\s+)?(?:resolved|agreed|decided)\b\s*(?:unanimously\s*)?(?:that|to)?\s*[:\-–—]?$/i;
/** "Decision: The Committee noted the report.", "DECISION: That the minutes … be approved": a label, not a verb. */
const DECISION_LABEL = /^(?:decisions?|outcome)\s*[:\-–—]\s*(?=\S)/i;
/** "The minutes of the meeting held on 11 March were AGREED as a correct record": the verb set in
 * capitals, as minutes mark their decisions. */
const PASSIVE_DECIDED =
  /^(?:The|That|This)\s[^.;]{3,160}?\s(?:was|were|is|are)\s+(?:unanimously\s+)?(AGREED|APPROVED|RESOLVED|ADOPTED|ENDORSED|NOTED|ACCEPTED)\b/;
const BODY_DECIDES =
  /^(?:The\s+)?(?:[A-Z][A-Za-z-]*\s+){0,5}?(?:Committee|Cabinet|Council|Board|Panel|Forum|Sub-Committee|Members|Councillors|Executive)\s+(?:(?:has|have|had|then|also|unanimously)\s+)*(agreed|resolved|noted|endorsed|approved|decided|accepted|welcomed|supported|recommended|refused|deferred)\b/i;
const BULLET = /^[-–•\u2022\uf0b7*▪◦]\s*/;
/** "Voting: unanimous", "Vote: For 6, Against 2", "(Carried unanimously)" on a line of its own. */
const VOTE_NOTE =
  /^\(?\s*(?:(?:voting|votes?|result\s+of\s+(?:the\s+)?vote)\s*[:\-–—]\s*\S|(?:carried|lost|agreed)\s+(?:unanimously|nem\.?\s*con|by\s+\d+\s+votes?\b)|unanimous(?:ly)?\s*\)?\.?$)/i;

/** "Decision" alone on its line over the decision, as Scottish councils minute each item. */
const DECISION_HEADING = /^decisions?$/i;

/** "Proposed: Cllr A   Seconded: Cllr B   All in favour", "Proposed by Cllr A, seconded by Cllr B". */
const PROPOSAL_LINE =
  /^(?:proposed|moved)(?:\s+by)?\s*[:\-–]?\s+(?:Cllrs?\.?|Councillors?)\s.{0,80}\bseconded\b/i;

/** "Decision: C.88 Review of … / Decision maker: Cabinet / Date of decision: …": the labels of
 * a decision notice the minute quotes (a call-in), not the minute's own decision. */
function quotedNotice(lines: Line[], i: number): boolean {
  return /^decision\s+(?:maker|taken\s+by|date)|^date\s+of\s+decision/i.test(lines[i + 1]?.text ?? "");
}

export function findResolutions(lines: Line[]): Found {
  const headed = lines.flatMap((l, i) => (DECISION_HEADING.test(l.text) ? [i] : []));
  if (headed.length > 0) return decisionBlocks(lines, headed);
  const used = lines.map(() => false);
  const drafts: Draft[] = [];
  let i = 0;
  while (i < lines.length) {
    const text = lines[i]?.text ?? "";
    if (text === "" || text.length > 4000) {
      i++;
      continue;
    }
    const lead = readLead(lines, i);
    if (lead) {
      const block = readEntries(lines, i + 1);
      if (block.roots.length > 0) {
        markUsed(used, i, block.end);
        if (lead.ownText) {
          drafts.push({
            number: String(drafts.length + 1),
            counted: true,
            text,
            leadVerb: lead.verb,
            children: block.roots,
            first: i,
            last: block.end - 1,
          });
        } else {
          for (const d of block.roots) {
            d.leadVerb = lead.verb;
            d.lead = text;
          }
          drafts.push(...block.roots);
        }
        i = block.end;
        continue;
      }
    }
    const marker = readMarker(text);
    if (marker && /^(?:it\s+was\s+)?(?:resolved|agreed|decided)\b/i.test(marker.rest)) {
      const block = readEntries(lines, i);
      markUsed(used, i, block.end);
      drafts.push(...block.roots);
      i = Math.max(block.end, i + 1);
      continue;
    }
    const labelled = DECISION_LABEL.exec(text);
    if (labelled && !marker && !quotedNotice(lines, i)) {
      let end = i + 1;
      while (end < lines.length && (lines[end]?.text ?? "") !== "" && !readMarker(lines[end]?.text ?? ""))
        end++;
      markUsed(used, i, end);
      const rest = [text.slice(labelled[0].length), ...lines.slice(i + 1, end).map((l) => l.text)];
      // "Decision: The Committee noted the report." has its own verb; "Decision: That …" is agreed.
      const stated = BODY_DECIDES.exec(rest[0] ?? "")?.[1];
      drafts.push({
        number: String(drafts.length + 1),
        counted: true,
        text: rest.join("\n"),
        leadVerb: (stated ? verbWord(stated) : undefined) ?? "agreed",
        children: [],
        first: i,
        last: end - 1,
      });
      i = end;
      continue;
    }
    const single = INLINE.exec(text) ?? BODY_DECIDES.exec(text) ?? PASSIVE_DECIDED.exec(text);
    if (single && !marker) {
      let end = i + 1;
      // "RESOLVED:" on its own line, and the decision in the paragraph below it.
      if (LABEL_ONLY.test(text)) while (end < lines.length && (lines[end]?.text ?? "") === "") end++;
      while (
        end < lines.length &&
        (lines[end]?.text ?? "") !== "" &&
        !readMarker(lines[end]?.text ?? "") &&
        !PROPOSAL_LINE.test(lines[end]?.text ?? "")
      )
        end++;
      const paragraph = lines
        .slice(i, end)
        .map((l) => l.text)
        .join("\n");
      const block = /:\s*$/.test(paragraph) ? readEntries(lines, end) : { roots: [], end };
      // "Proposed: Cllr A   Seconded: Cllr B   All in favour" on the line under the decision.
      const proposal =
        block.end === end && PROPOSAL_LINE.test(lines[end]?.text ?? "") ? lines[end] : undefined;
      if (proposal) block.end = end + 1;
      markUsed(used, i, block.end);
      const lettered = splitFromMarker(lines, i) ?? subheadingAbove(lines, i, drafts);
      drafts.push({
        ...(proposal ? { voteNote: proposal.text } : {}),
        number: lettered ?? String(drafts.length + 1),
        ...(lettered ? { lettered: true } : { counted: true }),
        text: paragraph,
        leadVerb: verbWord(single[1] ?? single[2] ?? ""),
        children: block.roots,
        first: i,
        last: block.end - 1,
        ...(INLINE.test(text) ? {} : { reported: true }),
      });
      i = block.end;
      continue;
    }
    i++;
  }
  // A motion minuted as RESOLVED is a decision; one only proposed and seconded is, where the
  // minute records no other.
  const motions = secondedMotions(lines).filter((m) => !used[m.first]);
  const resolved = motions.filter((m) => m.resolved);
  drafts.push(...(drafts.length === 0 && resolved.length === 0 ? motions : resolved));
  // A line that starts with the motion is not the minute's narrative, and its words after the
  // decision ("The motion was carried by 7 votes to 2.") are the motion's.
  for (const d of resolved) {
    const line = lines[d.first]?.text ?? "";
    const rest = readMarker(line)?.rest ?? line;
    if (d.first !== d.last || d.lead === undefined || !rest.startsWith(d.lead.slice(0, 20))) continue;
    used[d.first] = true;
    d.lead = rest;
  }
  // "Members noted that the drawings did not show …" before a "RESOLVED:" is the debate.
  const decided = drafts.some((d) => !d.reported);
  const kept = decided ? drafts.filter((d) => !d.reported) : drafts;
  for (const d of decided ? drafts.filter((x) => x.reported) : [])
    for (let k = d.first; k <= d.last; k++) used[k] = false;
  kept.forEach((d, n) => {
    if (d.counted) d.number = String(n + 1);
  });
  return { drafts: kept, used };
}

const COUNCILLOR =
  "(?:County\\s+|Town\\s+)?(?:Cllrs?\\.?|Councillors?|Alderman|Aldermen)\\s+[A-Z][\\w'’.-]*(?:\\s+[A-Z][\\w'’-]*){0,2}";
/** "Cllr Parker proposed and Cllr Snell seconded that the Council give a grant of £350.",
 * "Proposed by Cllr A, seconded by Cllr B that …", "It was proposed by Cllr A, seconded by Cllr B
 * and RESOLVED that …": how a small council minutes its decisions. Names are matched by their
 * capitals, so "Cllr Wragg and RESOLVED" is Cllr Wragg. */
const SECONDED_MOTION = new RegExp(
  `(?<=^|[.!?:]\\s+|\\s[-–]\\s+)(?:\\(?[a-z]{1,2}\\)\\s+|\\(?\\d{1,2}[.)]\\s+)?((?:${COUNCILLOR}\\s+(?:proposed|moved)\\s*(?:,|and|&)\\s*${COUNCILLOR}\\s+seconded|(?:[Ii]t\\s+was\\s+)?(?:[Pp]roposed|[Mm]oved)\\s+by\\s+${COUNCILLOR}\\s*(?:,|and|&)\\s*[Ss]econded\\s+by\\s+${COUNCILLOR})\\s*,?\\s+(?:and\\s+)?((?:(RESOLVED|AGREED|[Rr]esolved|[Aa]greed)\\s+)?(?:that|to)\\s[^]*?[.!?]))(?=\\s|$)`,
  "g",
);

/** "Proposed – Cllr Mrs Taylor Seconded – Cllr Mrs Mann" over "That Cllr Mrs Lintern is elected as
 * Chairman", and "it was unanimously agreed" or "All in favour" below. */
const LABELLED_MOTION = new RegExp(
  `^(?:[Pp]roposed|[Mm]oved)(?:\\s+by|\\s*[:–-])?\\s+${COUNCILLOR}\\s*[,;]?\\s*(?:and\\s+)?[Ss]econded(?:\\s+by|\\s*[:–-])?\\s+${COUNCILLOR}\\.?$`,
);
const CARRIED = /\b(?:agreed|carried|approved|resolved|all\s+in\s+favour|unanimous(?:ly)?)\b/i;

/** Where a minute states no decision but a motion proposed and seconded, the motion is its decision. */
function secondedMotions(lines: Line[]): Draft[] {
  const drafts: Draft[] = [];
  // A paragraph at a time, as text copied from a page breaks its lines anywhere.
  for (let first = 0; first < lines.length; first++) {
    if ((lines[first]?.text ?? "") === "") continue;
    const { last, text: paragraph } = paragraphAt(lines, first);
    const motion = LABELLED_MOTION.test(paragraph) ? labelledMotion(lines, last + 1) : undefined;
    if (motion) {
      drafts.push({
        ...motion.draft,
        number: String(drafts.length + 1),
        counted: true,
        lead: `${paragraph.replace(/\.?$/, ".")} ${motion.outcome}`,
        first,
      });
      first = motion.draft.last;
      continue;
    }
    if (paragraph.length <= 4000) {
      // Where each line starts in the paragraph, to tell which line a motion is on.
      const starts = lines.slice(first, last + 1).reduce<number[]>((at, l, n) => {
        at.push(n === 0 ? 0 : (at[n - 1] ?? 0) + (lines[first + n - 1]?.text.length ?? 0) + 1);
        return at;
      }, []);
      for (const m of paragraph.matchAll(SECONDED_MOTION)) {
        const text = m[2] ?? "";
        const lead = m[1] ?? "";
        const verb = m[3] ? verbWord(m[3]) : "resolved";
        const at = m.index + m[0].indexOf(lead);
        const line = first + starts.findLastIndex((start) => start <= at);
        const end = at + lead.length;
        const own = readMarker(lines[line]?.text ?? "");
        const onOwnLine = (starts[line - first] ?? 0) + (lines[line]?.text.length ?? 0) >= end;
        const lettered = onOwnLine ? (own?.printed ?? splitFromMarker(lines, line)) : undefined;
        drafts.push({
          number: lettered ?? String(drafts.length + 1),
          ...(lettered ? { lettered: true } : { counted: true }),
          text,
          ...(verb ? { leadVerb: verb } : {}),
          lead,
          children: [],
          first: onOwnLine ? line : first,
          last: onOwnLine ? line : last,
          ...(m[3] ? { resolved: true } : {}),
        });
      }
    }
    first = last;
  }
  return drafts;
}

type Lead = { verb?: string; ownText: boolean };

/** A line that introduces numbered decisions. */
function readLead(lines: Line[], i: number): Lead | undefined {
  const text = lines[i]?.text ?? "";
  const decision = DECISION_WORDS.exec(text);
  // "RESOLVED: That" with its clauses below ends on the word that leads into them.
  const leadsOn = decision !== null && /\b(?:that|to)$/i.test(text);
  if (!(LEAD_END.test(text) || leadsOn) || text.length > 300 || readMarker(text)) return undefined;
  const next = nextEntry(lines, i + 1);
  if (!next) return undefined;
  const verbStarts = VERB_START.test(next.rest);
  if (!decision && !verbStarts) return undefined;
  // "RESOLVED: That planning permission be REFUSED for the following reasons:" carries its own
  // decision; "RESOLVED that:", "Agreed –", "Following a debate council agreed to –" only lead.
  const afterVerb = decision ? text.slice(decision.index + decision[0].length) : "";
  const ownText =
    decision !== null &&
    /^(?:it\s+was\s+)?(?:unanimously\s+)?(?:resolved|agreed|decided)\b/i.test(text) &&
    afterVerb
      .replace(/^\s*[:\-–—]?\s*(?:that|to)?\s*(?:the\s+\w+(?:\s+\w+)?)?\s*[:\-–—]\s*$/i, "")
      .trim()
      .split(/\s+/).length > 3;
  return { verb: decision ? verbWord(decision[1] ?? "") : undefined, ownText };
}

function nextEntry(lines: Line[], from: number): Marker | undefined {
  for (let j = from; j < lines.length && j < from + 4; j++) {
    const text = lines[j]?.text ?? "";
    if (text === "") continue;
    return readMarker(text);
  }
  return undefined;
}

type Level = { style: Marker["style"]; ordinal: number; draft: Draft };

function readEntries(lines: Line[], from: number): { roots: Draft[]; end: number } {
  const roots: Draft[] = [];
  const stack: Level[] = [];
  const seen: Marker[] = [];
  let end = from;
  let j = from;
  while (j < lines.length) {
    const text = lines[j]?.text ?? "";
    if (text === "") {
      j++;
      continue;
    }
    const marker = text.length <= 4000 ? readMarker(text, seen) : undefined;
    const current = stack[stack.length - 1]?.draft;
    if (marker) {
      const draft: Draft = { number: marker.printed, text: marker.rest, children: [], first: j, last: j };
      place(stack, roots, marker, draft);
      seen.push(marker);
      end = j + 1;
      j++;
      continue;
    }
    if (!current) break;
    if (VOTE_NOTE.test(text)) {
      current.voteNote = current.voteNote ? `${current.voteNote}\n${text}` : text;
      current.last = j;
      end = j + 1;
      j++;
      continue;
    }
    if (BULLET.test(text) || continues(current.text, text)) {
      current.text += `\n${text}`;
      current.last = j;
      end = j + 1;
      j++;
      continue;
    }
    break;
  }
  for (const level of stack) level.draft.last = Math.max(level.draft.last, end - 1);
  return { roots, end };
}

function place(stack: Level[], roots: Draft[], marker: Marker, draft: Draft): void {
  const at = stack.findLastIndex((level, index) => sameLevel(level, marker, index === 0));
  if (at >= 0) {
    stack.length = at;
    const parent = stack[at - 1]?.draft;
    if (parent) parent.children.push(draft);
    else roots.push(draft);
  } else {
    const parent = stack[stack.length - 1]?.draft;
    if (parent) parent.children.push(draft);
    else roots.push(draft);
  }
  stack.push({ style: marker.style, ordinal: marker.ordinal, draft });
}

/** A wrapped sentence goes on: the line before did not end one, or this one starts in lower case. */
function continues(previous: string, text: string): boolean {
  return !/[.;!?)]$/.test(previous.trimEnd()) || /^[a-z]/.test(text);
}

/** The paragraph that starts at line `first`, its lines joined: text copied from a page breaks
 * its lines anywhere. */
function paragraphAt(lines: Line[], first: number): { last: number; text: string } {
  let last = first;
  while ((lines[last + 1]?.text ?? "") !== "") last++;
  const text = lines
    .slice(first, last + 1)
    .map((l) => l.text)
    .join(" ");
  return { last, text };
}

/** The motion's words in the paragraph after the proposer and seconder, and the outcome after it. */
function labelledMotion(lines: Line[], from: number): { draft: Draft; outcome: string } | undefined {
  const paragraphs: { first: number; last: number; text: string }[] = [];
  for (let i = from; i < lines.length && paragraphs.length < 2; i++) {
    if ((lines[i]?.text ?? "") === "") continue;
    const paragraph = paragraphAt(lines, i);
    paragraphs.push({ first: i, ...paragraph });
    i = paragraph.last;
  }
  const [motion, after] = paragraphs;
  if (!motion || !/^['‘"“]?That\b/.test(motion.text)) return undefined;
  const outcome = after && after.text.length <= 200 && CARRIED.test(after.text) ? after : undefined;
  const text = motion.text.replace(/^['‘"“]|['’"”]$/g, "");
  const draft: Draft = {
    number: "1",
    text,
    leadVerb:
      verbWord(/\b(?:agreed|approved|resolved)\b/i.exec(outcome?.text ?? "")?.[0] ?? "") ?? "resolved",
    children: [],
    first: motion.first,
    last: (outcome ?? motion).last,
    ...(outcome ? { resolved: true } : {}),
  };
  return { draft, outcome: outcome?.text ?? "" };
}

/** Under each "Decision" heading: numbered clauses, or the paragraph of the decision with any
 * clauses its colon leads into. What follows ("(Reference – report, submitted.)") is narrative. */
function decisionBlocks(lines: Line[], headed: number[]): Found {
  const used = lines.map(() => false);
  const drafts: Draft[] = [];
  for (const heading of headed) {
    let first = heading + 1;
    while (first < lines.length && (lines[first]?.text ?? "") === "") first++;
    if (readMarker(lines[first]?.text ?? "")) {
      const block = readEntries(lines, first);
      markUsed(used, heading, block.end);
      drafts.push(...block.roots);
      continue;
    }
    // "Cabinet RESOLVED to:" over its clauses; "To agree … with the following amendment:" is the
    // decision itself, read below.
    const lead = DECISION_WORDS.test(lines[first]?.text ?? "") ? readLead(lines, first) : undefined;
    const led = lead ? readEntries(lines, first + 1) : undefined;
    if (lead && led && led.roots.length > 0) {
      markUsed(used, heading, led.end);
      for (const d of led.roots) {
        d.leadVerb = lead.verb;
        d.lead = lines[first]?.text ?? "";
      }
      drafts.push(...led.roots);
      continue;
    }
    let end = first;
    while (end < lines.length && (lines[end]?.text ?? "") !== "") end++;
    if (end === first) continue;
    const text = lines
      .slice(first, end)
      .map((l) => l.text)
      .join("\n");
    const clauses = /:\s*$/.test(text) ? readEntries(lines, end) : { roots: [], end };
    markUsed(used, heading, clauses.end);
    drafts.push({
      number: String(drafts.length + 1),
      text,
      children: clauses.roots,
      first,
      last: clauses.end - 1,
    });
  }
  return { drafts, used };
}

/** The letter of the line a decision was split from: "a) 25/00312/HOU - … extension." before
 * "It was RESOLVED to raise no objection." (item-body.ts parts them where the sentence ends). */
function splitFromMarker(lines: Line[], i: number): string | undefined {
  const before = lines[i - 1];
  const line = lines[i];
  if (!before || !line || before.text === "" || before.to !== line.from) return undefined;
  return readMarker(before.text)?.printed;
}

/** "(a) Schedule of payments. The following payments …" over a table, then "It was RESOLVED to
 * approve the payments": a decision in a lettered part of the minute takes the part's letter,
 * where no decision comes between them. */
function subheadingAbove(lines: Line[], i: number, drafts: Draft[]): string | undefined {
  for (let j = i - 1; j >= 0; j--) {
    if (drafts.some((d) => d.first <= j && j <= d.last)) return undefined;
    const marker = readMarker(lines[j]?.text ?? "");
    if (!marker) continue;
    const opens = j === 0 || (lines[j - 1]?.text ?? "") === "";
    const lettered = marker.style === "lower-alpha" || marker.style === "upper-alpha";
    return opens && lettered && /^[A-Z]/.test(marker.rest) ? marker.printed : undefined;
  }
  return undefined;
}

function markUsed(used: boolean[], from: number, to: number): void {
  for (let k = from; k < to && k < used.length; k++) used[k] = true;
}

/** "(Cabinet, 16 September 2025, Minute 58(b))" under a council minute's heading: the body, the
 * meeting and the resolution whose recommendation the council is asked to adopt. */
const MINUTE_REFERENCE =
  /^\(\s*([A-Z][A-Za-z'’&-]*(?:\s+(?:[A-Z][A-Za-z'’&-]*|and|of|&)){0,6})\s*[,;]\s*([^,;()]{6,40}?)\s*[,;]\s*(?:Minute|Min\.?)\s+(?:No\.?\s*)?([A-Z]{0,4}[/. ]?\d{1,4}(?:\/\d{1,4})?)\s*(\([a-z0-9]{1,4}\)|\.\d{1,2})?\s*\)\.?$/;

export type MinuteReference = { body: string; date: string; item: string; number: string };

export function readMinuteReference(text: string): MinuteReference | undefined {
  const m = MINUTE_REFERENCE.exec(text.trim());
  const date = m?.[2] ? findDates(m[2])[0]?.iso : undefined;
  if (!m?.[1] || !m[3] || !m[4] || !date) return undefined;
  return { body: m[1], date, item: m[3], number: m[4].replace(/^\./, "") };
}

export function verbWord(word: string): string | undefined {
  const w = word.toLowerCase();
  if (w.startsWith("resolv")) return "resolved";
  if (w.startsWith("agree")) return "agreed";
  if (w.startsWith("decide")) return "agreed";
  if (w.startsWith("recommend")) return "recommended";
  if (w.startsWith("note")) return "noted";
  if (w.startsWith("endorse")) return "endorsed";
  if (w.startsWith("approve")) return "approved";
  if (w.startsWith("refuse")) return "refused";
  if (w.startsWith("defer")) return "deferred";
  if (w.startsWith("accept")) return "agreed";
  if (w.startsWith("welcome") || w.startsWith("support")) return "endorsed";
  return undefined;
}
