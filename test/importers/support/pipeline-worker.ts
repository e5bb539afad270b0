import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parentPort } from "node:worker_threads";
import { extractText } from "../../../src/importers/extract/index.js";
import type { ExtractedText, ImportHints, ParsedDocument } from "../../../src/importers/types.js";

// Extraction and parsing in a thread of their own, for the fuzz test: a thread can be stopped,
// so a file that sends either into an endless loop fails the test instead of hanging it.

export type PipelineRequest = { bytes: Uint8Array; name: string; hints: ImportHints; timeLimitMs: number };
export type PipelineOutcome =
  | { kind: "parsed"; bundle: ParsedDocument["bundle"] }
  | { kind: "extracted"; chars: number }
  | { kind: "refused"; code: string; message: string }
  | { kind: "crashed"; name: string; message: string; stack: string }
  /** extraction broke the contract of src/importers/types.ts */
  | { kind: "malformed"; problems: string[] };

type Parse = (doc: ExtractedText, hints: ImportHints) => ParsedDocument;

const PARSER = new URL("../../../src/importers/parse/index.ts", import.meta.url);
const parser: Promise<Parse | null> = existsSync(fileURLToPath(PARSER))
  ? import(PARSER.href).then((m: { parseDocument: Parse }) => m.parseDocument)
  : Promise.resolve(null);

parentPort?.on("message", (request: PipelineRequest) => {
  void run(request).then((outcome) => parentPort?.postMessage(outcome));
});

async function run(request: PipelineRequest): Promise<PipelineOutcome> {
  try {
    const doc = await extractText(request.bytes, request.name, { timeLimitMs: request.timeLimitMs });
    const problems = normalFormProblems(doc);
    if (problems.length > 0) return { kind: "malformed", problems };
    const parse = await parser;
    if (!parse) return { kind: "extracted", chars: doc.text.length };
    return { kind: "parsed", bundle: parse(doc, request.hints).bundle };
  } catch (error) {
    if (error instanceof Error && error.name === "WitanError" && "code" in error) {
      return { kind: "refused", code: String(error.code), message: error.message };
    }
    const e = error instanceof Error ? error : new Error(String(error));
    return { kind: "crashed", name: e.name, message: e.message, stack: e.stack ?? "" };
  }
}

/** Where an extracted text breaks the normal form its consumers rely on. */
export function normalFormProblems(doc: ExtractedText): string[] {
  const problems: string[] = [];
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000D-\u001F\u007F]/.test(doc.text)) problems.push("a control character");
  if (doc.text !== doc.text.normalize("NFC")) problems.push("not NFC");
  const breaks = [...doc.text.matchAll(/\f/g)].map((m) => (m.index ?? 0) + 1);
  if (JSON.stringify([0, ...breaks]) !== JSON.stringify(doc.pageStarts))
    problems.push("pageStarts do not match the form feeds");
  for (const link of doc.links ?? []) {
    if (doc.text.slice(link.from, link.to) !== link.text)
      problems.push(`link span ${link.from}-${link.to} is not its text`);
  }
  return problems;
}
