import type { BundleDocument } from "../../domain/bundle.js";
import { addPerson, type Context, lacks } from "./context.js";
import { documentId } from "./ids.js";
import type { Line } from "./lines.js";
import { bodyName } from "./meeting-header.js";
import { addDocument } from "./papers.js";
import { readPerson } from "./people.js";
import { readWorkProgramme } from "./work-programme.js";

// A work programme's rows become entries of the body's programme, and the table a document.
// Councillors named in the responsible column ("Cllrs Abbott / Mrs Hart") are people too.

export function addWorkProgramme(
  lines: Line[],
  ctx: Context,
  packBody: string | undefined,
): string | undefined {
  const programme = readWorkProgramme(lines);
  const named = programme.body ?? packBody ?? (ctx.hints.body ? bodyName(ctx.hints.body) : undefined);
  if (!named) {
    lacks(ctx, "work programme", "committee");
    return undefined;
  }
  const body = ctx.out.body(ctx.authority, named);
  for (const row of programme.rows) {
    ctx.out.workProgrammeEntry({
      authority: ctx.authority,
      body,
      ...row,
      ...(programme.municipalYear ? { municipalYear: programme.municipalYear } : {}),
    });
    for (const name of councillorsIn(row.responsible ?? "")) {
      const person = readPerson(name, true);
      if (person) addPerson(ctx, person);
    }
  }
  const heading = lines.find((l) => /work\s*programme/i.test(l.text))?.text.trim() ?? "Work Programme";
  const doc: BundleDocument = {
    id: documentId(ctx.authority, body, programme.municipalYear, "work programme"),
    title: `${body}: ${heading}`,
    kind: "work-programme",
    authority: ctx.authority,
    body,
  };
  return addDocument(ctx, lines, doc);
}

/** "Cllrs Abbott / Mrs Hart / Mrs Ives / NHS England" → Abbott, Mrs Hart, Mrs Ives: the
 * names after "Cllr" up to the first that is not a surname. */
function councillorsIn(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/\bCllrs?\.?\s+([^()]{1,200})/g)) {
    for (const piece of (m[1] ?? "").split(/\s*\/\s*/)) {
      const name = piece.trim();
      if (!/^(?:(?:Mrs|Mr|Ms|Miss|Dr)\.?\s+)?[A-Z][a-z'’-]+$/.test(name)) break;
      names.push(name);
    }
  }
  return names;
}
