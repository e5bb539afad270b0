import type { AttendanceStatus } from "../../domain/bundle.js";
import type { Line } from "./lines.js";
import { authorityNamed } from "./authorities.js";
import { PEOPLE_HEADER_CELL, TITLED_NAME } from "./patterns.js";
import { readPeopleList, readPerson, roleOfJob, type PersonRef } from "./people.js";

// The attendance block at the head of minutes: "Present:", "Apologies for absence:", "Also in
// attendance:", "Officers:", "Absent:", "Substitutes:". A line without a label continues the list
// above it; the block ends at the first line that names nobody.

export type AttendanceEntry = {
  person: PersonRef;
  status: AttendanceStatus;
  role?: string;
  substituteFor?: string;
};

/** Voting members who are not councillors: co-opted, added and church representatives. */
const CO_OPTED =
  /^(?:co-?opted|added|independent|religious|church|parent(?:\s+governor)?|teacher|pupil|youth)\s+(?:members?|representatives?)\b(?:\s*\([^)]{1,30}\))?(?:\s+for\s+[\w ]{3,40})?\s*[:\-–]?\s*/i;

/** A hearing's parties (applicant, their representative, the police) and a scrutiny committee's
 * witnesses are there, not members, and not the council's officers. */
const PARTIES =
  /^(?:(?:parties|others)\s+(?:present|in\s+attendance)|witnesses|invited\s+guests)\b\s*[:\-–]?\s*/i;

const LABELS: [RegExp, AttendanceStatus, boolean][] = [
  [/^in\s+the\s+chair\s*[:\-–]\s*/i, "present", false],
  [CO_OPTED, "present", false],
  [
    /^(?:members\s+present|councillors\s+present|those\s+(?:present|attending)|present|attendance|sederunt|members\s+of\s+the\s+[\w -]{3,40}(?=:)|councillors(?=\s*:))\b\s*[:\-–]?\s*/i,
    "present",
    false,
  ],
  [
    /^apologies(?:\s+for\s+absence)?(?:\s+(?:were\s+)?(?:received|submitted|given)(?:\s+and\s+accepted)?\s+(?:from|on\s+behalf\s+of))?\s*[:\-–]?\s*/i,
    "apologies",
    false,
  ],
  [
    /^(?:also\s+(?:in\s+attendance|present|attending)|in\s+attendance|officers?(?:\s+(?:present|in\s+attendance|attending))?|attending)\b\s*[:\-–]?\s*/i,
    "in-attendance",
    false,
  ],
  [PARTIES, "in-attendance", false],
  [/^absent(?:\s+without\s+apologies)?\b\s*[:\-–]?\s*/i, "absent", true],
  [/^substitutes?(?:\s+members?)?\b\s*[:\-–]?\s*/i, "substitute", true],
];

export function readAttendance(lines: Line[], from: number): { entries: AttendanceEntry[]; end: number } {
  const entries: AttendanceEntry[] = [];
  let status: AttendanceStatus | undefined;
  let coOpted = false;
  let parties = false;
  let end = from;
  for (let i = from; i < lines.length; i++) {
    const raw = lines[i]?.text ?? "";
    if (raw === "") continue;
    const cells = raw.split("\t").map((c) => c.trim());
    // "1. | Those Attending: | Cllr …": attendance minuted as the first item.
    const numbered = cells.length > 1 && /^\d{1,2}\.?$/.test(cells[0] ?? "");
    if (numbered && /^(?:present|those\s+(?:present|attending)|attendance)\b/i.test(cells[1] ?? ""))
      cells.shift();
    // A table's header row ("Name | Constituent Authority") names no one.
    if (
      status !== undefined &&
      cells.length > 1 &&
      cells.every((c) => c === "" || PEOPLE_HEADER_CELL.test(c))
    ) {
      end = i + 1;
      continue;
    }
    // A cell that opens a bracket goes on in the line below: "(substitute for Councillor⏎Barnaby Kettle)".
    const below = lines[i + 1]?.text ?? "";
    if (unclosed(cells[0] ?? "") && below !== "" && !below.includes("\t") && below.length < 80) {
      cells[0] = `${cells[0] ?? ""} ${below}`;
      i++;
    }
    // A table row "Present | Councillor A, Councillor B": the label in one cell, the names in the next.
    const labelCell = LABELS.find(([pattern]) => (cells[0] ?? "").replace(pattern, "") === "");
    // Or "Councillor A (Chair) | Pendlebrook County Council": the member's council beside them.
    let beside = !labelCell && cells.length === 2 ? cells[1] : undefined;
    // "Dr Anjali Raghunathan | Medical Director | NHS … Integrated Care Board": post and body.
    const body = !labelCell && cells.length === 3 ? cells[2] : undefined;
    if (body) beside = cells[1];
    // Or "Leader of the Council (Chair) | Councillor A": the member's post before them.
    if (beside && !TITLED_NAME.test(cells[0] ?? "") && TITLED_NAME.test(beside)) {
      const post = (cells[0] ?? "").replace(/\s*\(([^()]*)\)/g, ", $1");
      cells[0] = `${beside} (${post})`;
      beside = undefined;
    }
    const text =
      labelCell && cells[1] && cells.length === 2
        ? `${(cells[0] ?? "").replace(/\s*[:\-–]\s*$/, "")}: ${cells[1]}`
        : (cells[0] ?? raw);
    const label = LABELS.find(([pattern]) => pattern.test(text));
    let rest = text;
    if (label) {
      status = label[1];
      rest = text.replace(label[0], "");
    } else if (status === undefined) break;
    if (text.length > 2000) break;
    // Officers and guests are named in full ("Mark Turner"); a lone capitalised word after the
    // list ("Items") is a heading, not a person.
    if (label) {
      coOpted = label[0] === CO_OPTED;
      parties = label[0] === PARTIES;
    }
    rest = postBeforeName(rest);
    const runOn = status === "present" ? runOnList(rest) : undefined;
    const councillorList = status !== "in-attendance" && !coOpted;
    const people = (
      rest === ""
        ? []
        : (postedAlone(rest, councillorList) ?? readPeopleList(runOn?.members ?? rest, councillorList))
    )
      .filter((p) => p.councillor || p.honorific !== undefined || p.name.includes(" "))
      .map((p) => ((coOpted || parties) && !p.councillor ? { ...p, external: true } : p));
    const [only] = people;
    if (only && people.length === 1 && body) only.organisation ??= body;
    if (only && people.length === 1 && beside) {
      const council = authorityNamed(beside);
      if (council) only.organisation ??= council;
      else only.jobTitle ??= beside;
    }
    if (!label && people.length === 0) break;
    if (!label && /^(the\s+meeting|note\b|meeting\s+(?:started|commenced|opened))/i.test(rest)) break;
    const chairLabel = label !== undefined && /^in\s+the\s+chair/i.test(text);
    for (const person of people) {
      entries.push(entry(chairLabel ? { ...person, role: "chair" } : person, status ?? "present"));
    }
    for (const person of runOn ? readPeopleList(runOn.others, false) : [])
      entries.push(entry(person, "in-attendance"));
    end = i + 1;
  }
  return { entries, end };
}

// A table of attendance flattened into one line, with no commas: "Chairman Cllr S Lintern Vice
// Chairman Mrs J Taylor Councillors Mrs D Clements Mrs J Lawson Borough Cllr C T Sampson Parish
// Clerk Mrs J M Markwell". Each title starts a person; a role before one is theirs. Councillors
// of another council and officers attend; the rest are members.
const RUN_ON_ROLE =
  /^(?:Vice[- ]Chair(?:man|woman)?|Chair(?:man|woman)?|Deputy\s+Mayor|Mayor|(?:Parish|Town|Deputy)\s+Clerk|Clerk|Responsible\s+Financial\s+Officer|RFO)\b/;

function runOnList(text: string): { members: string; others: string } | undefined {
  if (/[,;]|\s(?:and|&)\s/.test(text) || text.length > 600) return undefined;
  const words = text.split(/\s+/);
  const people: { words: string[]; role?: string }[] = [];
  let role: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const rest = words.slice(i).join(" ");
    const roleWords = RUN_ON_ROLE.exec(rest)?.[0];
    if (roleWords && TITLED_NAME.test(words.slice(i + roleWords.split(" ").length).join(" "))) {
      role = roleWords;
      i += roleWords.split(" ").length - 1;
      continue;
    }
    if (/^Councillors?$|^Cllrs$/.test(words[i] ?? "")) continue;
    if (TITLED_NAME.test(rest)) {
      people.push({ words: [], ...(role ? { role } : {}) });
      role = undefined;
      // "Borough Cllr": the council's tier belongs to the title.
      if (/^(?:Borough|County|District|City|Unitary)$/.test(words[i] ?? ""))
        people.at(-1)?.words.push(words[i++] ?? "");
    }
    people.at(-1)?.words.push(words[i] ?? "");
  }
  if (people.length < 3) return undefined;
  const read = people.map((p) => {
    const name = p.words.join(" ");
    const attends =
      /^(?:Borough|County|District|City|Unitary)\s/.test(name) || /clerk|officer|rfo/i.test(p.role ?? "");
    // Under "Councillors", "Mrs D Clements" is a councillor.
    const written = attends || /^(?:Cllr|Councillor)\b/.test(name) ? name : `Cllr ${name}`;
    return { attends, text: written + (p.role ? ` (${p.role})` : "") };
  });
  return {
    members: read.flatMap((p) => (p.attends ? [] : [p.text])).join(", "),
    others: read.flatMap((p) => (p.attends ? [p.text] : [])).join(", "),
  };
}

/** A civic post held by a councillor: "The Mayor (Councillor Ann Ray) in the Chair" and "The Deputy
 * Mayor, Councillor Lee Fox" name the post first and the member after; as a list reads them they
 * are "Councillor Ann Ray (Mayor, in the Chair)" and "Councillor Lee Fox (Deputy Mayor)". */
const POST_FIRST =
  /^(?:The\s+)?(?:Worshipful\s+the\s+)?((?:Right\s+Worshipful\s+)?(?:(?:Lord|Deputy|Vice)[\s-]+){0,2}(?:Mayor|Provost|Chair(?:man)?\s+of\s+(?:the\s+)?Council|Civic\s+Head|Leader\s+of\s+the\s+Council))\s*(?:\(\s*((?:Councillor|Cllr\.?)\s+[^()]{2,60}?)\s*\)|,\s*((?:Councillor|Cllr\.?)\s+[^(),;]{2,60}?))\s*(?:\(?\s*(in\s+the\s+chair)\s*\)?)?\.?$/i;

export function postBeforeName(text: string): string {
  const m = POST_FIRST.exec(text.trim());
  const name = m?.[2] ?? m?.[3];
  if (!m?.[1] || !name) return text;
  return `${name} (${m[1]}${m[4] ? ", in the Chair" : ""})`;
}

/** "Jo Hale - Director of Law and Monitoring Officer" on a line of its own: one person, whose post
 * has "and" in it, not a list. */
function postedAlone(text: string, councillorList: boolean): PersonRef[] | undefined {
  if (/[,;]/.test(text) || !/^\S.{1,60}?\s+[-–—]\s+\S/.test(text)) return undefined;
  const person = readPerson(text, councillorList);
  return person?.jobTitle ? [person] : undefined;
}

function unclosed(text: string): boolean {
  return (text.match(/\(/g) ?? []).length > (text.match(/\)/g) ?? []).length;
}

function entry(person: PersonRef, status: AttendanceStatus): AttendanceEntry {
  const substitute =
    /\bsubstitut\w*\s+for\s+(?:Councillors?\s+|Cllrs?\.?\s+)?(?:(?:Mrs|Mr|Ms|Miss|Dr)\.?\s+)?(.+)$/i.exec(
      person.jobTitle ?? "",
    );
  if (substitute?.[1]) {
    const p: PersonRef = { ...person, councillor: true };
    delete p.jobTitle;
    return { person: p, status: "substitute", substituteFor: substitute[1].trim() };
  }
  const e: AttendanceEntry = { person, status };
  const role = person.role ?? roleOfJob(person.jobTitle);
  if (role) e.role = role;
  return e;
}
