// Import accuracy: the facts the importer finds against the facts a reader finds, as recall and
// precision, with the tuple normalisation the tests use (test/importers/parse/facts.ts). The
// samples are the councils' own documents (test/importers/expected/<sample>.json); the fixtures
// are documents in other councils' styles written for the tests (expected/fixtures/).
// Run: node --import tsx bench/import-accuracy.ts [--verbose]
import { parseDocument } from "../src/importers/parse/index.js";
import { bundleFacts, type FactSource, score } from "../test/importers/parse/facts.js";
import { expected, fixture, FIXTURES, sample, SAMPLES } from "../test/importers/parse/support.js";
import type { Bundle } from "../src/domain/bundle.js";
import type { ExtractedText, ImportHints } from "../src/importers/types.js";

const verbose = process.argv.includes("--verbose");

type Totals = { expected: number; found: number; matched: number };

function table(
  title: string,
  names: readonly string[],
  read: (name: string) => ExtractedText,
  prefix: string,
): void {
  const rows: string[][] = [[title, "expected", "found", "matched", "recall", "precision"]];
  const totals: Totals = { expected: 0, found: 0, matched: 0 };
  for (const name of names) {
    const doc = read(name);
    const want = expected(`${prefix}${name}`, doc);
    const result = score(bundleFacts(want.source), bundleFacts(parsedBundle(doc, want.hints, name)));
    totals.expected += result.expected;
    totals.found += result.found;
    totals.matched += result.matched;
    const counts = [result.expected, result.found, result.matched].map(String);
    rows.push([name, ...counts, pct(result.recall), pct(result.precision)]);
    if (verbose) {
      for (const f of result.missing) console.log(`  missing  ${name}  ${f}`);
      for (const f of result.extra) console.log(`  extra    ${name}  ${f}`);
    }
  }
  const counts = [totals.expected, totals.found, totals.matched].map(String);
  rows.push(["all", ...counts, pct(totals.matched / totals.expected), pct(totals.matched / totals.found)]);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  for (const row of rows) {
    console.log(
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join("  "),
    );
  }
  console.log("");
}

/** A document the parser refuses scores nothing: the reason is printed, the table goes on. */
function parsedBundle(doc: ExtractedText, hints: ImportHints, name: string): Bundle | FactSource {
  try {
    return parseDocument(doc, hints).bundle;
  } catch (error) {
    console.log(`  refused  ${name}  ${error instanceof Error ? error.message : String(error)}`);
    return {};
  }
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

table("sample", SAMPLES, sample, "");
table("fixture", FIXTURES, fixture, "fixtures/");
