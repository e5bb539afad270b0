// Import throughput on a generated corpus of council documents (test/importers/support/corpus.ts:
// agenda packs, "RESOLVED:" minutes and parish minutes with invented councils and people):
// documents and megabytes a second for extraction and parsing, then for loading the bundles
// into a fresh embedded database, each file in its own transaction as `witan import` does.
// The baseline, measured in the same run, reads the same bytes as UTF-8 and splits them into
// lines: the least any importer must do.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect, migrate } from "../src/db/connect.js";
import { extractText } from "../src/importers/extract/index.js";
import { parseDocument } from "../src/importers/parse/index.js";
import type { ParsedDocument } from "../src/importers/types.js";
import { loadBundle } from "../src/records/bundle-load.js";
import { syntheticCorpus } from "../test/importers/support/corpus.js";
import { textToPdf } from "../test/importers/support/documents.js";

const COUNT = Number(process.env.BENCH_DOCUMENTS ?? 500);
const AVERAGE_CHARS = Number(process.env.BENCH_AVERAGE_CHARS ?? 20_000);
const PDF_COUNT = Number(process.env.BENCH_PDFS ?? 50);

const encoder = new TextEncoder();
const corpus = syntheticCorpus(COUNT, AVERAGE_CHARS).map((doc) => ({
  ...doc,
  bytes: encoder.encode(doc.text),
}));
const totalBytes = corpus.reduce((sum, doc) => sum + doc.bytes.length, 0);
const mb = (bytes: number) => bytes / (1024 * 1024);

function rate(label: string, ms: number, documents: number, bytes: number): void {
  const seconds = ms / 1000;
  console.log(
    `${label.padEnd(34)} ${(documents / seconds).toFixed(0).padStart(6)} documents/s ` +
      `${(mb(bytes) / seconds).toFixed(2).padStart(7)} MB/s  (${ms.toFixed(0)} ms)`,
  );
}

function baseline(): number {
  const decoder = new TextDecoder();
  const started = performance.now();
  let lines = 0;
  for (const doc of corpus) lines += decoder.decode(doc.bytes).split("\n").length;
  if (lines === 0) throw new Error("no lines");
  return performance.now() - started;
}

async function extractOnly(): Promise<number> {
  const started = performance.now();
  for (const doc of corpus) await extractText(doc.bytes, doc.name);
  return performance.now() - started;
}

async function extractAndParse(): Promise<{ ms: number; parsed: ParsedDocument[]; refused: number }> {
  const parsed: ParsedDocument[] = [];
  let refused = 0;
  const started = performance.now();
  for (const doc of corpus) {
    try {
      parsed.push(parseDocument(await extractText(doc.bytes, doc.name), {}));
    } catch {
      refused++;
    }
  }
  return { ms: performance.now() - started, parsed, refused };
}

async function load(parsed: ParsedDocument[]): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), "witan-bench-import-"));
  const connection = connect({ engine: "sqlite", file: join(folder, "witan.db") });
  try {
    await migrate(connection);
    const started = performance.now();
    for (const { bundle } of parsed)
      await loadBundle(connection.db, bundle, { name: "bench", accountId: null });
    return performance.now() - started;
  } finally {
    await connection.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function pdfs(): Promise<{ ms: number; bytes: number; chars: number }> {
  const made = await Promise.all(
    corpus.slice(0, PDF_COUNT).map(async (doc) => ({ ...doc, pdf: await textToPdf(doc.text) })),
  );
  await extractText(made[0]?.pdf ?? new Uint8Array(), "warm-up.pdf"); // starts the extraction worker
  const started = performance.now();
  let chars = 0;
  for (const doc of made) {
    const extracted = await extractText(doc.pdf, `${doc.name}.pdf`);
    chars += extracted.text.length;
    parseDocument(extracted, {});
  }
  return {
    ms: performance.now() - started,
    bytes: made.reduce((sum, doc) => sum + doc.pdf.length, 0),
    chars,
  };
}

console.log(`corpus: ${COUNT} text documents, ${mb(totalBytes).toFixed(1)} MB (three layouts, seeded)`);
baseline(); // warm-up
await extractAndParse();
const base = baseline();
const extracted = await extractOnly();
const run = await extractAndParse();
rate("baseline: decode and split lines", base, COUNT, totalBytes);
rate("extract only (text)", extracted, COUNT, totalBytes);
rate("extract + parse (text)", run.ms, COUNT, totalBytes);
console.log(
  `ratio to the baseline: extract ${(extracted / base).toFixed(1)}x, extract + parse ${(run.ms / base).toFixed(0)}x`,
);
if (run.refused > 0) console.log(`note: ${run.refused} of ${COUNT} documents were not recognised`);
const loaded = await load(run.parsed);
rate("loadBundle into fresh SQLite", loaded, run.parsed.length, totalBytes);
const pdf = await pdfs();
rate(`extract + parse (${PDF_COUNT} PDFs)`, pdf.ms, PDF_COUNT, pdf.bytes);
console.log(`(the PDFs hold ${(pdf.chars / 1e6).toFixed(2)} million characters of text)`);
