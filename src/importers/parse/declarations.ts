import { squash } from "./lines.js";
import { readPeopleList, type PersonRef } from "./people.js";

// Declarations of interest as minutes record them: "Councillor Ellis declared a non-registrable
// interest in item PL/47 as he lives near the site", "Cllr O'Neill declared an interest in item
// 24/123 (allotment tenant)". "There were no declarations" records nothing.

export type Declared = {
  person: PersonRef;
  kind: string;
  nature?: string;
  item?: string;
  application?: string;
};

// "Councillors Bashir and Dearden declared other registrable interests": each of them declared one.
const DECLARED =
  /(?:Councillors?|Cllrs?\.?)\s+((?:(?:Mrs|Mr|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:(?:,\s*|\s+and\s+|\s*&\s*)(?:(?:Mrs|Mr|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}){0,8})\s+declared\s+(?:an?\s+|their\s+|his\s+|her\s+)?((?:disclosable\s+)?pecuniary|other\s+registrable|non[-\s]registrable|registrable|personal|prejudicial|non[-\s]pecuniary|personal\s+and\s+prejudicial|(?:non[-\s])?financial)?\s*interests?\b((?:[^.]|\.(?=\w)){0,300})/g;

/** "Councillor Ash declared that she had campaigned against the application (minute 12) and
 * considered herself predetermined": a member whose mind was made up before the debate. */
const PREDETERMINED =
  /(?:Councillors?|Cllrs?\.?)\s+((?:(?:Mrs|Mr|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:declared|stated|indicated)\s+that\s+((?:[^.]|\.(?=\w)){0,300}?\bpre-?determin(?:ed|ation)\b)/g;

export function readDeclarations(text: string): Declared[] {
  const flat = squash(text).slice(0, 20000);
  const found: Declared[] = [];
  for (const m of flat.matchAll(DECLARED)) {
    for (const person of readPeopleList(m[1] ?? "", true)) found.push(declaredBy(person, m));
  }
  for (const m of flat.matchAll(PREDETERMINED)) {
    const person = readPeopleList(m[1] ?? "", true)[0];
    if (!person) continue;
    const declared: Declared = { person, kind: "predetermination" };
    const item =
      /\b(?:item|minute|min\.?)\s+(?:no\.?\s*)?((?:[A-Z]{1,4}[/. ]?)?\d{1,4}(?:\/\d{1,4})?[a-z]?)\b/i.exec(
        m[2] ?? "",
      )?.[1];
    if (item) declared.item = item;
    found.push(declared);
  }
  return found;
}

/** One member's declaration in a sentence that may name several ("Councillors A and B declared …"). */
function declaredBy(person: PersonRef, m: RegExpMatchArray): Declared {
  const rest = (m[3] ?? "").trim();
  // "in item PL/47", "in Min 15.2", "in minute EX 14/25" (a series prefix and a space).
  const item =
    /\b(?:in|on|under|regarding)\s+(?:agenda\s+)?(?:item|minute|min\.?)\s+(?:no\.?\s*)?((?:[A-Z]{1,4}[/. ]?)?\d{1,4}(?:\/\d{1,4})?[a-z]?)/i.exec(
      rest,
    );
  // "in application DM/23/01872": the planning application an item is about.
  const application =
    /\bapplication\s+(?:(?:no\.?|number|ref\.?)\s*)?([A-Z0-9]{1,6}(?:\/[A-Z0-9]{1,8}){1,4})/i.exec(rest);
  const nature = rest
    .replace(
      item?.[0] && rest.startsWith(item[0])
        ? item[0]
        : /^(?:in|on|under|regarding)\s+(?:agenda\s+)?(?:item|minute)\s+\S+/i,
      "",
    )
    .replace(/^[,;:\s-]+/, "")
    .replace(/^\((.*)\)$/, "$1")
    .replace(/^(?:as|because|since|and)\s+/i, "")
    .trim();
  const declared: Declared = { person, kind: declarationKind(m[2]) };
  if (nature) declared.nature = nature.charAt(0).toUpperCase() + nature.slice(1);
  if (item?.[1]) declared.item = item[1];
  if (application?.[1]) declared.application = application[1];
  return declared;
}

function declarationKind(word: string | undefined): string {
  const w = (word ?? "").toLowerCase();
  if (w.includes("pecuniary") && !w.startsWith("non")) return "disclosable-pecuniary";
  // Scotland's Code of Conduct: a financial interest is the pecuniary kind.
  if (w === "financial") return "disclosable-pecuniary";
  if (w.includes("prejudicial")) return "disclosable-pecuniary";
  if (w.startsWith("other") || w === "registrable") return "other-registrable";
  if (w !== "") return "non-registrable";
  return "unspecified";
}
