import { WitanError } from "../../errors.js";
import type { ExtractedText, ImportHints, ParsedDocument } from "../types.js";
import { looksLikeArticle } from "./article.js";
import { assemble } from "./assemble.js";
import { resolveAuthority } from "./authority.js";
import { recordsNothing } from "../../domain/bundle.js";
import { BundleBuilder } from "./builder.js";
import type { Context, UnstatedFact } from "./context.js";
import { unfoldColumns } from "./columns.js";
import { splitLines, withoutRunningHeads } from "./lines.js";
import { type Part, segment } from "./recognise.js";

// The parsing half of the importers: extracted text in, a bundle out (src/importers/types.ts).
// Pure and deterministic: no I/O, no clock, the same text always gives the same bundle. A layout
// it does not know is a WitanError (DOCUMENT_UNRECOGNISED) that names the file and says what was
// looked for; anything else thrown is a bug in the parser and surfaces as one, never disguised
// as an unrecognised document.

export function parseDocument(doc: ExtractedText, hints: ImportHints): ParsedDocument {
  try {
    return parse(doc, hints);
  } catch (error) {
    if (error instanceof WitanError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ParserBug(`${doc.file}: the parser failed with an internal error, a bug in Witan (${reason})`, {
      cause: error,
    });
  }
}

/** An error in the parser itself: reported as a bug, with the file it happened on. */
export class ParserBug extends Error {
  override readonly name = "ParserBug";
}

function parse(doc: ExtractedText, hints: ImportHints): ParsedDocument {
  const lines = unfoldColumns(withoutRunningHeads(doc.text, splitLines(doc.text)));
  let parts: Part[] = segment(lines, doc.title);
  if (parts.every((p) => p.kind === "other")) {
    if (!looksLikeArticle(lines)) throw unrecognised(doc);
    parts = [{ kind: "article", lines }];
  }
  const warnings: string[] = [];
  const authority = resolveAuthority(doc, hints, parts, warnings);
  const out = new BundleBuilder();
  const ctx: Context = {
    doc,
    hints,
    out,
    authority: out.authority(authority),
    warnings,
    unstated: new Set(),
  };
  const names = assemble(parts, ctx);
  const bundle = out.build();
  if (recordsNothing(bundle))
    throw ctx.unstated.size > 0 ? unstated(doc, names, ctx.unstated) : unrecognised(doc);
  return { bundle, parts: names, warnings };
}

/** "minutes.txt reads as minutes, but does not state the meeting's date: pass --date YYYY-MM-DD" */
function unstated(doc: ExtractedText, parts: string[], facts: Set<UnstatedFact>): WitanError {
  const kinds = [...new Set(parts.filter((p) => p !== "other"))].join(" and ").replaceAll("-", " ");
  const needs = [
    ...(facts.has("date") ? ["the meeting's date: pass --date YYYY-MM-DD"] : []),
    ...(facts.has("committee") ? ['the committee: pass --body "Name of committee"'] : []),
  ];
  return new WitanError(
    "DOCUMENT_UNRECOGNISED",
    `${doc.file}: it reads as ${kinds || "a council document"}, but does not state ${needs.join(", nor ")}`,
  );
}

function unrecognised(doc: ExtractedText): WitanError {
  return new WitanError(
    "DOCUMENT_UNRECOGNISED",
    `${doc.file}: no agenda, minutes, report, work programme, council web page or news article was recognised in it`,
  );
}
