import type { Resolution } from "../../domain/bundle.js";
import { squash } from "./lines.js";
import { readPerson, readPeopleList, type PersonRef } from "./people.js";

// Who moved a motion and how the vote went: "X proposed … and Y seconded", "Proposed by
// Councillor X, seconded by Councillor Y", "unanimously", "carried by 30 votes to 12 with 3
// abstentions", and recorded votes "FOR: Councillors A, B and C (3) AGAINST: …".

export type Motion = {
  proposer?: PersonRef;
  seconder?: PersonRef;
  /** "moved by the Mayor, seconded by the Deputy Mayor": a mover known by the post they hold */
  proposerPost?: string;
  seconderPost?: string;
  votes?: Resolution["votes"];
};

// A name word is an initial ("D.") or a word without a full stop, so "Hartley. Carried" ends at
// "Hartley"; and not a word that follows a name on a proposal line ("Seconded: Cllr Rowe   All in
// favour").
const AFTER_NAME = "(?!(?:All|Carried|Agreed|Unanimous(?:ly)?|Seconded|Proposed|Resolved|For|Against)\\b)";
const NAME = `((?:(?:Mrs|Mr|Ms|Miss|Dr)\\.?\\s+)?(?:[A-Z]\\.|[A-Z][\\w'’-]*)(?:\\s+${AFTER_NAME}(?:[A-Z]\\.|[A-Z][\\w'’-]*)){0,3}(?:\\s*\\([^()]{1,60}\\))?)`;
const TITLE = "(?:Councillors?|Cllrs?\\.?|Aldermen|Alderman|Council)\\s+";
const PROPOSED_AND_SECONDED = new RegExp(
  `${TITLE}${NAME}\\s+(?:(?:then|formally|subsequently)\\s+)?(?:proposed|moved)\\b[^.]{0,300}?(?:\\band|&)\\s+${TITLE}${NAME}\\s+seconded`,
);
const PROPOSED_BY = new RegExp(
  `(?:[Pp]roposed|[Mm]oved)(?:\\s+by|\\s*[:–-])?\\s+${TITLE}${NAME}\\s*[,;]?\\s*(?:and\\s+)?[Ss]econded(?:\\s+by|\\s*[:–-])?\\s+${TITLE}${NAME}`,
);
/** The Scottish form: "Councillor Drummond, seconded by Councillor Fraser, moved that …". */
const SECONDED_BY_MOVED = new RegExp(
  `${TITLE}${NAME},?\\s+seconded\\s+by\\s+${TITLE}${NAME},?\\s+(?:moved|proposed)\\b`,
);
/** "X proposed refusal, seconded by Y" */
const PROPOSED_SECONDED_BY = new RegExp(
  `${TITLE}${NAME}\\s+(?:proposed|moved)\\b[^.]{0,200}?,?\\s+seconded\\s+by\\s+${TITLE}${NAME}`,
);
const FORMS = [PROPOSED_AND_SECONDED, PROPOSED_BY, SECONDED_BY_MOVED, PROPOSED_SECONDED_BY];

/** The posts a mover is named by where the minutes give no name: the civic head, the chair. */
const POST =
  "((?:Deputy\\s+)?(?:Lord\\s+)?Mayor|(?:Lord\\s+)?Provost|(?:Vice[- ]?)?Chair(?:man|woman|person)?|Convener|(?:Deputy\\s+)?Leader(?:\\s+of\\s+the\\s+Council)?)";
const MOVED_BY_POSTS = new RegExp(
  `(?:[Pp]roposed|[Mm]oved)\\s+by\\s+the\\s+${POST}\\s*[,;]?\\s*(?:and\\s+)?[Ss]econded\\s+by\\s+the\\s+${POST}\\b`,
);

/** Who holds a post at the meeting: the attendee with that job title ("Mayor"), or, for the
 * chair and vice-chair, the one in that role. */
export function holderOf(
  post: string,
  attendees: { name: string; role?: string; jobTitle?: string }[],
): string | undefined {
  const key = post.toLowerCase().replace(/\s+/g, " ");
  const role = /^(?:chair(?:man|woman|person)?|convener)$/.test(key)
    ? "chair"
    : /^vice[- ]?chair/.test(key)
      ? "vice-chair"
      : undefined;
  const held = attendees.filter(
    (a) => a.jobTitle?.toLowerCase().replace(/\s+/g, " ") === key || (role !== undefined && a.role === role),
  );
  return held.length === 1 ? held[0]?.name : undefined;
}

/** The motion put last is the one the decision records: an earlier motion that fell, or an
 * amendment ("As an amendment, Councillor X, seconded by …"), is passed over. */
function lastProposal(flat: string): RegExpExecArray | undefined {
  let best: RegExpExecArray | undefined;
  // Under an "Amendment" heading, as Scottish minutes set motion and amendment apart, the mover
  // is the amendment's.
  let amendment = false;
  for (const sentence of sentences(flat)) {
    if (/^\s*amendments?\s*\.?\s*$/i.test(sentence.text)) amendment = true;
    else if (/^\s*(?:motion|decision|voting)\s*\.?\s*$/i.test(sentence.text)) amendment = false;
    if (amendment) continue;
    if (/^\s*(?:as\s+an\s+amendment|an\s+amendment\s+was)\b/i.test(sentence.text)) continue;
    for (const form of FORMS) {
      const m = form.exec(sentence.text);
      if (m) {
        best = m;
        break;
      }
    }
  }
  return best;
}

function sentences(flat: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  // A full stop ends a sentence unless it follows an initial ("Cllr D. Hartley") or "No".
  const re = /(?<!\b[A-Z]|\bNo)\.\s+(?=[A-Z0-9("“])/g;
  let at = 0;
  for (const m of flat.matchAll(re)) {
    out.push({ text: flat.slice(at, m.index + 1), at });
    at = m.index + m[0].length;
  }
  out.push({ text: flat.slice(at), at });
  return out;
}

export function readMotion(text: string): Motion {
  // A name ends with its paragraph: "seconded by Councillor Strachan⏎⏎Amendment" is Strachan.
  const flat = squash(text.replace(/([^.\s])[ \t]*\n[ \t]*\n/g, "$1.\n\n")).slice(0, 6000);
  const motion: Motion = {};
  const m = lastProposal(flat);
  if (m) {
    const proposer = readPerson(m[1] ?? "", true);
    const seconder = readPerson(m[2] ?? "", true);
    if (proposer) motion.proposer = proposer;
    if (seconder) motion.seconder = seconder;
  }
  const posts = m ? undefined : MOVED_BY_POSTS.exec(flat);
  if (posts?.[1] && posts[2]) {
    motion.proposerPost = posts[1];
    motion.seconderPost = posts[2];
  }
  const votes = readVotes(flat);
  if (votes) motion.votes = votes;
  return motion;
}

const COUNTED = [
  /\b(?:carried|passed|agreed|lost|defeated|fell)\s+by\s+(\d{1,4})\s+votes?\s+to\s+(\d{1,4})(?:,?\s+(?:with\s+)?(\d{1,4})\s+abstentions?)?/gi,
  /\b(\d{1,4})\s+(?:votes\s+)?(?:in\s+favour|for),?\s+(?:and\s+|with\s+)?(\d{1,4})\s+against(?:,?\s+(?:and\s+|with\s+)?(\d{1,4})\s+abstentions?)?/gi,
  // "Carried, 4 for and 1 abstention", "3 in favour, 1 abstention": none against.
  /\b(\d{1,4})\s+(?:votes\s+)?(?:in\s+favour|for),?\s+(?:and\s+|with\s+)?()(\d{1,4})\s+abstentions?/gi,
  /\bfor\s*[:-]?\s*(\d{1,4}),?\s+against\s*[:-]?\s*(\d{1,4})(?:,?\s+abst(?:ain(?:ed|ing)?|entions?)\s*[:-]?\s*(\d{1,4}))?/gi,
  // "6 Members voted For, 2 Against and 1 Abstained"
  /\b(\d{1,4})\s+(?:members\s+)?voted\s+for,?\s+(\d{1,4})\s+against(?:,?\s+(?:and\s+)?(\d{1,4})\s+abstain(?:ed|ing|ed)?)?/gi,
  // Scotland: "For the motion - 7 votes, For the amendment - 5 votes".
  /\bfor\s+the\s+motion\s*[-–:]?\s*(\d{1,4})\s+votes?\s*,?\s*for\s+the\s+amendment\s*[-–:]?\s*(\d{1,4})\s+votes?()/gi,
  // Scotland: "On a division, there voted for the motion 5 and for the amendment 3".
  /\bvoted\s+for\s+the\s+motion\s+(\d{1,4})\s+and\s+for\s+the\s+amendment\s+(\d{1,4})()/gi,
];

/** The last count in the text: where a motion fell and another was put, the second is decided. */
function lastCount(flat: string): RegExpExecArray | undefined {
  let best: RegExpExecArray | undefined;
  for (const pattern of COUNTED)
    for (const m of flat.matchAll(pattern)) if (!best || m.index > best.index) best = m;
  return best;
}

export function readVotes(flat: string): Resolution["votes"] | undefined {
  const recordedFirst = recordedVote(flat);
  const counted = lastCount(flat);
  if (recordedFirst && (!counted || recordedFirst.at > counted.index)) return recordedFirst.votes;
  if (counted) {
    const votes: NonNullable<Resolution["votes"]> = { for: Number(counted[1]) };
    if (counted[2]) votes.against = Number(counted[2]);
    if (counted[3] !== undefined && counted[3] !== "") votes.abstain = Number(counted[3]);
    return votes;
  }
  if (/\bunanimous(?:ly)?\b|\ball\s+in\s+favour\b|\bnem\.?\s*con\.?|\bwithout\s+dissent\b/i.test(flat))
    return { unanimous: true };
  return undefined;
}

/** "FOR: Councillors Brennan, Clarke and Okafor (3) AGAINST: Councillors Ellis and Graham (2)
 * ABSTAIN: None (0)" — the count in brackets where given, else the names listed. */
function recordedVote(flat: string): { votes: Resolution["votes"]; at: number } | undefined {
  // "FOR:", "For the motion:", "For (7):"; the count in the label's brackets counts too, and with
  // it the label needs no colon ("FOR (30)" over the names).
  const label = (word: string) =>
    `\\b(?:${word}|${word.charAt(0)}${word.slice(1).toLowerCase()})(?:\\s+the\\s+(?:motion|amendment|recommendations?))?\\s*(?:(\\(\\d{1,4}\\))\\s*:?|:)`;
  const labels = ["FOR", "AGAINST", "ABSTAIN(?:ED|ING)?", "ABSTENTIONS?", "ABSTAINING"];
  const next = labels.map(label).join("|");
  let at = -1;
  const section = (word: string) => {
    const m = new RegExp(`${label(word)}\\s*(.{0,600}?)(?=${next}|$)`).exec(flat);
    if (!m) return undefined;
    if (word === "FOR") at = m.index;
    return `${m[2] ?? ""} ${m[1] ?? ""}`;
  };
  const forText = section("FOR");
  const againstText = section("AGAINST");
  if (forText === undefined || againstText === undefined) return undefined;
  const count = (text: string | undefined): number => {
    if (text === undefined) return 0;
    const stated = /\((\d{1,4})\)/.exec(text);
    if (stated) return Number(stated[1]);
    if (/^\s*(none|nil|0)\b/i.test(text)) return 0;
    return readPeopleList(text.replace(/\.?\s*$/, ""), true).length;
  };
  const votes: NonNullable<Resolution["votes"]> = { for: count(forText), against: count(againstText) };
  const abstain = section("ABST(?:AIN(?:ED|ING)?|ENTIONS?)");
  if (abstain !== undefined) votes.abstain = count(abstain);
  return { votes, at };
}
