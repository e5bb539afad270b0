import type { Resolution } from "../../domain/bundle.js";
import { squash } from "./lines.js";
import { readPerson, readPeopleList, type PersonRef } from "./people.js";

// Who moved a motion and how the vote went: "X proposed … and Y seconded", "Proposed by
// Councillor X, seconded by Councillor Y", "unanimously", "carried by 30 votes to 12 with 3
// abstentions", and recorded votes "FOR: Councillors A, B and C (3) AGAINST: …".

export type Motion = { proposer?: PersonRef; seconder?: PersonRef; votes?: Resolution["votes"] };

// A name word is an initial ("D.") or a word without a full stop, so "Hartley. Carried" ends at "Hartley".
const NAME =
  "((?:(?:Mrs|Mr|Ms|Miss|Dr)\\.?\\s+)?(?:[A-Z]\\.|[A-Z][\\w'’-]*)(?:\\s+(?:[A-Z]\\.|[A-Z][\\w'’-]*)){0,3}(?:\\s*\\([^()]{1,60}\\))?)";
const TITLE = "(?:Councillors?|Cllrs?\\.?|Council)\\s+";
const PROPOSED_AND_SECONDED = new RegExp(
  `${TITLE}${NAME}\\s+(?:formally\\s+)?(?:proposed|moved)\\b[^.]{0,300}?\\band\\s+${TITLE}${NAME}\\s+seconded`,
);
const PROPOSED_BY = new RegExp(
  `(?:[Pp]roposed|[Mm]oved)(?:\\s+by|:)?\\s+${TITLE}${NAME}\\s*[,;]?\\s*(?:and\\s+)?[Ss]econded(?:\\s+by|:)?\\s+${TITLE}${NAME}`,
);

export function readMotion(text: string): Motion {
  const flat = squash(text).slice(0, 6000);
  const motion: Motion = {};
  const m = PROPOSED_AND_SECONDED.exec(flat) ?? PROPOSED_BY.exec(flat);
  if (m) {
    const proposer = readPerson(m[1] ?? "", true);
    const seconder = readPerson(m[2] ?? "", true);
    if (proposer) motion.proposer = proposer;
    if (seconder) motion.seconder = seconder;
  }
  const votes = readVotes(flat);
  if (votes) motion.votes = votes;
  return motion;
}

export function readVotes(flat: string): Resolution["votes"] | undefined {
  const counted =
    /\b(?:carried|passed|agreed|lost|defeated|fell)\s+by\s+(\d{1,4})\s+votes?\s+to\s+(\d{1,4})(?:,?\s+(?:with\s+)?(\d{1,4})\s+abstentions?)?/i.exec(
      flat,
    ) ??
    /\b(\d{1,4})\s+(?:votes\s+)?(?:in\s+favour|for),?\s+(\d{1,4})\s+against(?:,?\s+(?:and\s+|with\s+)?(\d{1,4})\s+abstentions?)?/i.exec(
      flat,
    ) ??
    /\bfor\s*[:-]?\s*(\d{1,4}),?\s+against\s*[:-]?\s*(\d{1,4})(?:,?\s+abst(?:ain(?:ed|ing)?|entions?)\s*[:-]?\s*(\d{1,4}))?/i.exec(
      flat,
    );
  if (counted) {
    const votes: NonNullable<Resolution["votes"]> = { for: Number(counted[1]), against: Number(counted[2]) };
    if (counted[3] !== undefined) votes.abstain = Number(counted[3]);
    return votes;
  }
  const recorded = recordedVote(flat);
  if (recorded) return recorded;
  if (/\bunanimous(?:ly)?\b|\ball\s+in\s+favour\b|\bnem\.?\s*con\.?|\bwithout\s+dissent\b/i.test(flat))
    return { unanimous: true };
  return undefined;
}

/** "FOR: Councillors Brennan, Clarke and Okafor (3) AGAINST: Councillors Ellis and Graham (2)
 * ABSTAIN: None (0)" — the count in brackets where given, else the names listed. */
function recordedVote(flat: string): Resolution["votes"] | undefined {
  const section = (label: string) =>
    new RegExp(
      `\\b${label}\\s*:\\s*(.{0,600}?)(?=\\b(?:FOR|AGAINST|ABST(?:AIN(?:ED|ING)?|ENTIONS?))\\s*:|$)`,
    ).exec(flat)?.[1];
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
  return votes;
}
