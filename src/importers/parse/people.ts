import { squash } from "./lines.js";

// People as minutes and front sheets list them: "Councillor Mrs Dunmore, in the Chair",
// "Councillors Mrs Abbott, Baker, Carr and Ives", "Sarah Jenkins (Northmoor Hospitals NHS Trust)",
// "Cllr D. Hartley (Chair)", "Jan Fowler (Nursing Director – NHS England - South)".

export type PersonRef = {
  /** the name the document knows them by, honorifics apart ("Dunmore", "Sarah Jenkins") */
  name: string;
  honorific?: string;
  councillor: boolean;
  /** a substitute is named to stand in for a member of a joint body */
  role?: "chair" | "vice-chair" | "substitute";
  party?: string;
  jobTitle?: string;
  organisation?: string;
  /** neither a councillor nor an officer of the authority: a co-opted member, a guest */
  external?: boolean;
};

const CIVIC_TITLE = /^((?:Lord\s+|Deputy\s+|Metro\s+|Regional\s+)?Mayor|Provost|Lord\s+Provost)\s+(?=[A-Z])/;
// A police officer's rank stands where an honorific would ("PC Mark Dunn", "Sgt Lee").
const HONORIFIC =
  /^(Mrs|Mr|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Reverend|Rev|Revd|Canon|Father|Rabbi|Imam|PCSO|PC|Sgt|Sergeant|Insp|Inspector|Supt)\.?\s+/;
const COUNCILLOR_PREFIX =
  /^(?:(?:County|Borough|District|Town|Parish|City)\s+)?(?:Councillors?|Cllrs?\.?|Alderman|Aldermen|Provost|Bailie)\s*:?\s+/i;
const NAME_WORD =
  /^(?:[A-Z][A-Za-z'’-]*\.?|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+|de|van|von|der|le|la|du|da|di|St\.?)$/;
const NOT_NAME_WORDS = new Set(
  [
    "council",
    "committee",
    "cabinet",
    "members",
    "member",
    "none",
    "nil",
    "all",
    "present",
    "apologies",
    "chair",
    "chairman",
    "vice",
    "officers",
    "public",
    "the",
    "nhs",
    "england",
    "trust",
    "services",
    "service",
    "department",
    "office",
    "group",
    "agenda",
    "item",
    "minutes",
    "report",
    "items",
    "no",
    "yes",
    "reports",
    "papers",
    "documents",
    ...["llp", "ltd", "limited", "plc", "inc", "cic", "llc", "co"],
  ].map((w) => w.toLowerCase()),
);

/** "(Lab)", "(Con)", "(Lib Dem)", "(Green)", "(Ind)": a councillor's party after the name. */
const PARTY =
  /^(?:Lab(?:our)?(?:\s*(?:&|and|\/)\s*Co-?op(?:erative)?)?|Con(?:servative)?|Lib\.?\s*Dem(?:ocrats?)?|L\.?\s?D\.?|Liberal\s+Democrats?|Green|Grn|Ind(?:ependent)?|Reform(?:\s+UK)?|SNP|Plaid(?:\s+Cymru)?|PC|UKIP|Co-?op|Residents?(?:'\s+Association)?|RA|Non-aligned|Unaligned)$/i;

// Scottish committees have a Convener; Welsh and English ones a Chair, Chairman or Chairperson.
const CHAIR_ROLE = /^(?:in\s+the\s+chair|chair(?:man|woman|person)?|presiding|conven[eo]r)$/i;
const VICE_ROLE = /^(?:vice|deputy)[\s-]*(?:chair(?:man|woman|person)?|conven[eo]r)$/i;

const JOB_WORDS =
  /\b(head|director|manager|officer|advis[oe]r|clerk|lead|chief|executive|assistant|deputy|leader|mayor|solicitor|accountant|engineer|planner|consultant|secretary|co-?ordinator|chair|lawyer|analyst|specialist|commissioner|inspector|superintendent|constable|governor|treasurer|rfo|minister|nurse|doctor|surveyor|archivist|auditor|member|portfolio|councillor|monitoring)\b/i;
const ORGANISATION_WORDS =
  /\b(NHS|trust|council|CCG|ICB|ltd|limited|plc|police|constabulary|university|college|school|association|society|group|partnership|foundation|board|authority|agency|commission|healthwatch|england|wales|scotland|company|fire|department|ministry|LLP|inc|hospital|hospitals|charity|network|federation|union|team|service|services)\b/i;

/** A string that reads as a person's name: one to five name words, no digits. */
export function looksLikeName(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => w !== "");
  if (words.length === 0 || words.length > 5) return false;
  if (!/^[A-Z]/.test(words[0] ?? "")) return false;
  return words.every((w) => NAME_WORD.test(w) && !NOT_NAME_WORDS.has(w.toLowerCase().replace(/\.$/, "")));
}

/** Splits at commas, semicolons, "and" and "&" outside brackets. */
export function splitList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (c === "(" || c === "[") depth++;
    if ((c === ")" || c === "]") && depth > 0) depth--;
    if (depth === 0 && (c === "," || c === ";")) {
      parts.push(current);
      current = "";
      continue;
    }
    if (depth === 0 && (c === " " || c === "\t")) {
      const rest = text.slice(i + 1, i + 5);
      const isAnd = /^and\s/i.test(rest);
      const isAmp = rest.startsWith("& ");
      if (isAnd || isAmp) {
        parts.push(current);
        current = "";
        i += isAnd ? 4 : 2;
        continue;
      }
    }
    current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/** Splits a bracket into job title and organisation: "(Director – North Vale CCG)", "(Lead officer)". */
export function readBracket(text: string): { jobTitle?: string; organisation?: string } {
  const inner = squash(text.replace(/^\(|\)$/g, ""));
  // "(non-Committee Member)", "(ex officio)": how they sit at this meeting, not a post.
  if (inner === "" || /^(?:non[- ]?(?:committee|voting)\s+members?|ex[- ]officio|observer)$/i.test(inner))
    return {};
  const dash = /\s[–—-]\s/.exec(inner);
  if (dash) {
    const jobTitle = inner.slice(0, dash.index).trim();
    const organisation = inner.slice(dash.index + dash[0].length).trim();
    if (jobTitle && organisation) return { jobTitle, organisation };
  }
  if (!JOB_WORDS.test(inner) && ORGANISATION_WORDS.test(inner)) return { organisation: inner };
  return { jobTitle: inner };
}

/** One entry of a list: "Councillor Mrs Dunmore", "Dr Ives", "Tom Khan (Lead officer)". */
export function readPerson(entry: string, councillorList: boolean): PersonRef | undefined {
  let text = squash(entry).replace(/[.;:,]+$/, "");
  let bracket: string | undefined;
  // "Councillor A Smith (Lab) (Chair)": each bracket at the end, read together.
  for (let b = /\s*(\([^()]*\))\s*$/.exec(text); b; b = /\s*(\([^()]*\))\s*$/.exec(text)) {
    bracket = bracket ? `(${b[1]?.slice(1, -1) ?? ""}, ${bracket.slice(1, -1)})` : b[1];
    text = text.slice(0, b.index).trim();
  }
  // "Cllr G Wren - Chairman", "Claire Noble – Development Manager", "Head of Legal – Ann Bell"
  // "Clive Rushworth - Assistant Chief Fire Officer (Corporate Services)": the bracket is the post's.
  const whole = bracket ? `${text} ${bracket}` : text;
  const dashed = /^(.{2,60}?)\s+[-–—]\s+(.{2,120})$/.exec(whole);
  if (dashed && !/[()]/.test(dashed[1] ?? "")) {
    const [left = "", right = ""] = [dashed[1], dashed[2]];
    const leftName = looksLikeName(left.replace(COUNCILLOR_PREFIX, "").replace(HONORIFIC, ""));
    if (leftName && (roleWord(right) || JOB_WORDS.test(right))) {
      text = left;
      bracket = `(${right})`;
    } else if (
      JOB_WORDS.test(left) &&
      looksLikeName(right.replace(HONORIFIC, "")) &&
      !JOB_WORDS.test(right)
    ) {
      text = right;
      bracket = `(${left})`;
    }
  }
  // "Footpath Warden Mr C Philpott": a post before the honorific and the name.
  const post = /^((?:[A-Z][a-z]+\s+){1,3})(?=(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z])/.exec(text);
  const holdsPost =
    post?.[1] !== undefined && !bracket && !COUNCILLOR_PREFIX.test(text) && !CIVIC_TITLE.test(text);
  if (holdsPost && post?.[1]) {
    bracket = `(${post[1].trim()})`;
    text = text.slice(post[0].length);
  }
  let councillor = councillorList && !holdsPost;
  const prefix = COUNCILLOR_PREFIX.exec(text);
  if (prefix) {
    councillor = true;
    text = text.slice(prefix[0].length);
  }
  // "Mayor Kim Kerr", "Lord Mayor Jane Ash": a civic title before the name.
  const civic = CIVIC_TITLE.exec(text);
  let civicTitle: string | undefined;
  if (civic?.[1] && text.slice(civic[0].length).includes(" ")) {
    civicTitle = civic[1];
    councillor = true;
    text = text.slice(civic[0].length);
  }
  let honorific: string | undefined;
  const h = HONORIFIC.exec(text);
  if (h) {
    honorific = h[1];
    text = text.slice(h[0].length);
  }
  text = text.replace(/\s+(?:MP|MEP|MBE|OBE|CBE|JP|QC|KC)$/, "").trim();
  // "Chief Executive (R Frost)": the job first and the name in the bracket.
  const inner = bracket ? squash(bracket.slice(1, -1)) : "";
  if (
    bracket &&
    JOB_WORDS.test(text) &&
    looksLikeName(inner) &&
    inner.includes(" ") &&
    !JOB_WORDS.test(inner)
  ) {
    const person: PersonRef = { name: inner, councillor, jobTitle: text };
    if (honorific) person.honorific = honorific;
    return person;
  }
  if (!looksLikeName(text)) return undefined;
  const person: PersonRef = { name: text, councillor };
  if (honorific) person.honorific = honorific;
  if (civicTitle) person.jobTitle = civicTitle;
  if (bracket) {
    // "(Leader, in the Chair)": a role word among the bracket's parts, the rest a job title.
    const inner = squash(bracket.slice(1, -1));
    const pieces = inner.split(/\s*,\s*/);
    const role = pieces.map(roleWord).find((r) => r !== undefined);
    const party = pieces.find((piece) => PARTY.test(piece));
    const rest = pieces.filter((piece) => roleWord(piece) === undefined && piece !== party).join(", ");
    if (role) person.role = role;
    if (party) person.party = party;
    if (rest) Object.assign(person, readBracket(rest));
  }
  return person;
}

export function roleWord(text: string): "chair" | "vice-chair" | undefined {
  const t = squash(text).replace(/[.,;:]+$/, "");
  if (VICE_ROLE.test(t)) return "vice-chair";
  if (CHAIR_ROLE.test(t)) return "chair";
  return undefined;
}

/** A list of people; "Councillors" before the first applies to all, role words attach to the
 * person before them ("Councillor James, Vice Chair"). */
export function readPeopleList(text: string, councillorList = false): PersonRef[] {
  let body = squash(text);
  let councillors = councillorList;
  const prefix =
    /^(?:(?:County|Borough|District|Town|Parish|City)\s+)?(?:Councillors|Cllrs\.?)\s*:?\s+/i.exec(body);
  if (prefix) {
    councillors = true;
    body = body.slice(prefix[0].length);
  }
  const people: PersonRef[] = [];
  // "Head of Waste and Recycling (Ms R McCance)": a post with "and" in it, the name in brackets.
  const posted =
    /^[^,;()]+\(([^()]+)\)$/.test(body) && JOB_WORDS.test(body) ? readPerson(body, councillors) : undefined;
  if (posted && posted.jobTitle) return [posted];
  // "Amanda Rintoul, Executive Director of Education, Children and Families; Niall Buchanan, …":
  // with semicolons between people, a comma parts a name from its post.
  if (body.includes(";")) {
    const posts = body
      .split(/\s*;\s*(?:and\s+)?/)
      .map((entry) => /^([^,]{3,60}),\s*(.{3,160})$/.exec(entry.trim()));
    if (posts.length >= 2 && posts.every((m) => m?.[1] && looksLikeName(m[1].replace(HONORIFIC, "")))) {
      for (const m of posts) {
        const person = readPerson(m?.[1] ?? "", councillors);
        if (person) people.push({ ...person, jobTitle: (m?.[2] ?? "").replace(/[.;]$/, "") });
      }
      return people;
    }
  }
  for (const entry of splitList(body)) {
    const role = roleWord(entry);
    const last = people[people.length - 1];
    if (role && last) {
      last.role = role;
      continue;
    }
    // "Councillor Jo Lang, Brackley Metropolitan Borough Council (Vice-Chair)": the council the
    // member comes from, and the role in its bracket, belong to the member before.
    const organisation = last ? organisationEntry(entry) : undefined;
    if (last && organisation) {
      last.organisation ??= organisation.name;
      if (organisation.role) last.role = organisation.role;
      continue;
    }
    const person = readPerson(entry, councillors && !namedOtherwise(entry, body));
    if (person) people.push(person);
  }
  return people;
}

/** In a list that titles its councillors one by one ("Councillor Morwenna Hicks (Chair), …"), an
 * entry titled otherwise ("Dr Alan Treloar (NHS Board)", "Ruth Angove (Director of Public
 * Health)") is not a councillor. */
function namedOtherwise(entry: string, list: string): boolean {
  const text = squash(entry);
  if (COUNCILLOR_PREFIX.test(text)) return false;
  if (!splitList(list).some((e) => COUNCILLOR_PREFIX.test(squash(e)))) return false;
  const bracket = /\(([^()]*)\)\s*$/.exec(text)?.[1] ?? "";
  const other = bracket.split(/\s*,\s*/).some((piece) => piece !== "" && roleWord(piece) === undefined);
  return HONORIFIC.test(text) || other;
}

function organisationEntry(entry: string): { name: string; role?: "chair" | "vice-chair" } | undefined {
  const text = squash(entry).replace(/[.;,]+$/, "");
  const bracket = /\s*\(([^()]*)\)\s*$/.exec(text);
  const name = bracket ? text.slice(0, bracket.index).trim() : text;
  if (looksLikeName(name) || JOB_WORDS.test(name) || !ORGANISATION_WORDS.test(name)) return undefined;
  if (!/^[A-Z]/.test(name) || name.split(" ").length > 8) return undefined;
  const role = bracket ? roleWord(bracket[1] ?? "") : undefined;
  return role ? { name, role } : { name };
}

export function isCouncillorTitle(jobTitle: string | undefined): boolean {
  return (
    jobTitle !== undefined && /\b(leader|mayor|cabinet member|portfolio holder|councillor)\b/i.test(jobTitle)
  );
}

/** The attendance role a job title implies: the committee's lead officer or its clerk. */
export function roleOfJob(jobTitle: string | undefined): string | undefined {
  if (jobTitle === undefined) return undefined;
  if (/\blead officer\b/i.test(jobTitle)) return "lead-officer";
  if (
    /\b(clerk|democratic (advis[oe]r|support|services)|committee (officer|clerk|administrator|services)|governance (officer|advis[oe]r|services))\b/i.test(
      jobTitle,
    )
  )
    return "clerk";
  return undefined;
}

/** A contact as pages give one: "Bethany Crowe, Democratic Services Officer", "Wendy Fox -
 * Committee Officer on 01632 960123", "Alice Aubrey 07521 058748 Email: …": the person and their
 * post, without the telephone number or address that follow. */
export function readContact(text: string): PersonRef | undefined {
  const [name, job] = text
    .replace(/\s+(?:e-?mail|tel|telephone|phone|on|t)\b.*$/i, "")
    .split(/\s*,\s*|\s+[–-]\s+|\s{2,}|\s+(?=\+?\d[\d ]{6,})/)
    .map((t) => t.trim());
  const person = readPerson(name ?? "", false);
  if (!person) return undefined;
  return job && !/\d/.test(job) ? { ...person, jobTitle: job.replace(/[.;]$/, "") } : person;
}
