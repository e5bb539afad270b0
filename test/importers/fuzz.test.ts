import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { sql } from "kysely";
import type { Db } from "../../src/db/connect.js";
import { loadBundle } from "../../src/records/bundle-load.js";
import { openSqlite } from "../support/engines.js";
import { syntheticCorpus } from "./support/corpus.js";
import { textToDocx, textToPdf } from "./support/documents.js";
import { Pipeline, parserPresent, type Outcome } from "./support/pipeline.js";

// Fuzzing the import road: mutated samples (bit flips, cuts, splices, insertions), mutated
// PDF and Word files and plain random bytes go through extraction and the parsers, and what
// parses is loaded into a real database. Nothing may throw but a WitanError, nothing may take
// longer than the budget (enforced from outside the thread doing the work), and a bundle that
// fails to load leaves the database as it was.

const BUDGET_MS = 30_000;
const SAMPLES = fileURLToPath(new URL("../../../shared/samples/", import.meta.url));
const SAMPLE_FILES = [
  "plymouth-issue-history-torbay-partnership.txt",
  "plymouth-wellbeing-scrutiny-2017-09-20-agenda-pack.txt",
  "torbay-schools-forum-2018-01-report.txt",
];
const HINTS = { authority: "Fuzzborough Council" };
const ACTOR = { name: "fuzz", accountId: null };

const MODERN_GOV_PAGE = `<!DOCTYPE html><html><head><title>Agenda for Cabinet on Tuesday, 29th August, 2017</title></head>
<body><nav><a href="/">Home</a></nav><main><h1>Agenda and minutes</h1><p>Venue: Warspite Room, Council House</p>
<table><tr><td>36.</td><td><a href="/documents/s1.pdf">Establishing a strategic partnership PDF 653 KB</a></td></tr></table>
<h2>Minutes:</h2><p>Agreed that Cabinet -</p><ol><li>approves in principle</li><li>delegates to the Chief Executive</li></ol>
</main></body></html>`;

let texts: Uint8Array[] = [];
let binaries: Uint8Array[] = [];
const pipeline = new Pipeline();
let db: Db;
let closeDb: () => Promise<void>;

before(async () => {
  const encoder = new TextEncoder();
  const samples = SAMPLE_FILES.map((name) => `${SAMPLES}${name}`).filter((path) => existsSync(path));
  texts = [
    ...samples.map((path) => new Uint8Array(readFileSync(path))),
    ...syntheticCorpus(3, 4000, 9).map((doc) => encoder.encode(doc.text)),
    encoder.encode(MODERN_GOV_PAGE),
  ];
  // Documents the parsers recognise, so that mutations reach parsing and loading, not only refusals.
  const [minutes, parish] = syntheticCorpus(3, 2500, 11).filter((doc) => doc.layout !== "agenda-pack");
  assert.ok(minutes && parish);
  binaries = [await textToPdf(minutes.text), await textToDocx(parish.text)];
  const connection = await openSqlite();
  db = connection.db;
  closeDb = connection.close;
});

after(async () => {
  await pipeline.close();
  await closeDb();
});

/** Rows in every table: the database's state, to compare before and after a failed load. */
async function state(): Promise<string> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
  const counts: string[] = [];
  for (const { name } of tables.rows) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.id(name)}`.execute(db);
    counts.push(`${name}=${rows[0]?.n ?? 0}`);
  }
  return counts.join(" ");
}

/** The property for one input: refused with a WitanError or parsed, in time, and loaded whole or not at all. */
async function check(bytes: Uint8Array, name: string): Promise<void> {
  const outcome: Outcome = await pipeline.run(
    { bytes, name, hints: HINTS, timeLimitMs: BUDGET_MS / 2 },
    BUDGET_MS,
  );
  tally.set(outcome.kind, (tally.get(outcome.kind) ?? 0) + 1);
  if (outcome.kind === "hung")
    assert.fail(`${name} (${bytes.length} bytes) took longer than ${outcome.afterMs} ms`);
  if (outcome.kind === "crashed")
    assert.fail(`${name}: ${outcome.name}: ${outcome.message}\n${outcome.stack}`);
  if (outcome.kind === "malformed") assert.fail(`${name}: extracted text ${outcome.problems.join("; ")}`);
  if (outcome.kind !== "parsed") return;
  const before = await state();
  try {
    await loadBundle(db, outcome.bundle, ACTOR);
  } catch (error) {
    assert.equal(error instanceof Error && error.name, "WitanError", `loading threw ${String(error)}`);
    assert.equal(await state(), before, "a bundle that fails to load writes nothing");
  }
}

const tally = new Map<string, number>();

/** How the inputs of a property fared, so a run shows it tested parsing and not only refusals. */
function report(t: { diagnostic(message: string): void }): void {
  t.diagnostic([...tally].map(([kind, n]) => `${kind}: ${n}`).join(", "));
  tally.clear();
}

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const NAMES = ["minutes.txt", "agenda.pdf", "report.docx", "page.html", "notes"];

/** A mutation of one of `bases`: flipped bits, a cut, a splice of two, inserted random bytes. */
function mutated(bases: () => Uint8Array[]) {
  const base = fc.nat().map((n) => bases()[n % bases().length] ?? new Uint8Array());
  const at = (bytes: Uint8Array, f: number) => Math.floor(f * bytes.length);
  return fc.oneof(
    fc
      .tuple(
        base,
        fc.array(fc.tuple(fraction, fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 24 }),
      )
      .map(([bytes, flips]) => {
        const copy = bytes.slice();
        for (const [f, bit] of flips) {
          const i = Math.min(at(copy, f), copy.length - 1);
          copy[i] = (copy[i] ?? 0) ^ (1 << bit);
        }
        return copy;
      }),
    fc.tuple(base, fraction).map(([bytes, f]) => bytes.subarray(0, at(bytes, f))),
    fc.tuple(base, base, fraction, fraction).map(([a, b, fa, fb]) => {
      const joined = new Uint8Array(at(a, fa) + (b.length - at(b, fb)));
      joined.set(a.subarray(0, at(a, fa)));
      joined.set(b.subarray(at(b, fb)), at(a, fa));
      return joined;
    }),
    fc.tuple(base, fraction, fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([bytes, f, noise]) => {
      const i = at(bytes, f);
      const out = new Uint8Array(bytes.length + noise.length);
      out.set(bytes.subarray(0, i));
      out.set(noise, i);
      out.set(bytes.subarray(i), i + noise.length);
      return out;
    }),
  );
}

describe("fuzzing extraction, parsing and loading", { timeout: 15 * 60_000 }, () => {
  test("the parse step", (t) => {
    if (!parserPresent)
      t.diagnostic("src/importers/parse/index.ts is not there: extraction only, no parsing");
  });

  test("mutated samples and synthetic documents (text and HTML)", async (t) => {
    await fc.assert(
      fc.asyncProperty(
        mutated(() => texts),
        fc.constantFrom(...NAMES),
        (bytes, name) => check(bytes, name),
      ),
      { numRuns: 150 },
    );
    report(t);
  });

  test("mutated PDF and Word files, and splices of them with text", async (t) => {
    await fc.assert(
      fc.asyncProperty(
        mutated(() => [...binaries, ...binaries, ...texts.slice(-1)]),
        fc.constantFrom(...NAMES),
        (bytes, name) => check(bytes, name),
      ),
      { numRuns: 150 },
    );
    report(t);
  });

  test("random bytes", async (t) => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 8192 }), fc.constantFrom(...NAMES), (bytes, name) =>
        check(bytes, name),
      ),
      { numRuns: 100 },
    );
    report(t);
  });
});
