import { findAuthorities } from "./authorities.js";
import { findDates, isDateLine } from "./dates.js";
import type { Line } from "./lines.js";
import { LETTER_CLOSING, LETTER_GREETING } from "./patterns.js";
import { looksLikeName, type PersonRef } from "./people.js";

// A letter: the letterhead and addressee above "Dear …", its date, and the signatory below
// "Yours sincerely". The addressee is the name in the address block that the greeting uses.

export type Letter = {
  date?: string;
  author?: PersonRef;
  addressee?: PersonRef;
  addresseeAuthority?: string;
};

const SUFFIX = /\s+(?:MP|MEP|MS|MSP|MLA|AM|OBE|MBE|CBE|KC|QC|JP)$/;

export function readLetter(lines: Line[]): Letter {
  const texts = lines.map((l) => l.text).filter((t) => t !== "");
  const greeting = texts.findIndex((t) => LETTER_GREETING.test(t));
  const closing = texts.findIndex((t) => LETTER_CLOSING.test(t));
  const head = greeting >= 0 ? texts.slice(0, greeting) : [];
  const letter: Letter = {};
  const dateLine = head.findLast((t) => isDateLine(t));
  if (dateLine) letter.date = findDates(dateLine)[0]?.iso;
  const called = /^Dear\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Councillor|Cllr)\.?\s+)?([A-Z][\w'’-]*)/.exec(
    texts[greeting] ?? "",
  )?.[1];
  const at = head.findIndex((t) => {
    const name = t.replace(SUFFIX, "");
    return looksLikeName(name) && called !== undefined && name.split(" ").includes(called);
  });
  if (at >= 0) {
    const name = (head[at] ?? "").replace(SUFFIX, "");
    const role = head[at + 1] ?? "";
    const addressee: PersonRef = { name, councillor: false };
    const [job, ...organisation] = role.split(/\s*,\s*/);
    if (job && job.length < 60 && organisation.length > 0) {
      addressee.jobTitle = job;
      const authority = findAuthorities(organisation.join(", "))[0]?.name;
      if (authority) letter.addresseeAuthority = authority;
      else addressee.organisation = organisation.join(", ");
    }
    letter.addressee = addressee;
  }
  if (closing >= 0) {
    const after = texts.slice(closing + 1, closing + 8);
    const n = after.findIndex((t) => looksLikeName(t.replace(SUFFIX, "")) && t.split(" ").length >= 2);
    if (n >= 0) {
      const author: PersonRef = { name: (after[n] ?? "").replace(SUFFIX, ""), councillor: false };
      const job = after[n + 1];
      if (job && job.length < 100 && !/[.;]$/.test(job)) author.jobTitle = job;
      letter.author = author;
    }
  }
  return letter;
}
