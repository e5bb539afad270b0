import { squash } from "./lines.js";
import { readPerson, type PersonRef } from "./people.js";

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

const DECLARED =
  /(?:Councillors?|Cllrs?\.?)\s+((?:(?:Mrs|Mr|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+declared\s+(?:an?\s+|their\s+|his\s+|her\s+)?((?:disclosable\s+)?pecuniary|other\s+registrable|non[-\s]registrable|registrable|personal|prejudicial|non[-\s]pecuniary|personal\s+and\s+prejudicial|(?:non[-\s])?financial)?\s*interests?\b((?:[^.]|\.(?=\w)){0,300})/g;

export function readDeclarations(text: string): Declared[] {
  const flat = squash(text).slice(0, 20000);
  const found: Declared[] = [];
  for (const m of flat.matchAll(DECLARED)) {
    const person = readPerson(m[1] ?? "", true);
    if (!person) continue;
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
    found.push(declared);
  }
  return found;
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
