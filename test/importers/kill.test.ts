import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import Database from "better-sqlite3";
import { BIN, witan, witanEnv } from "./support/cli.js";
import { syntheticCorpus } from "./support/corpus.js";
import { parserPresent } from "./support/pipeline.js";
import { standInParser } from "./support/stand-in-parser.js";

// An import killed with SIGKILL half-way through a batch: afterwards the database holds the
// files whose summary lines were printed, complete, and never part of a file. (A file whose
// transaction committed in the instant before the kill, with its line not yet printed, may be
// there too, also complete.) Each file is one transaction in SQLite's write-ahead log.

const folder = mkdtempSync(join(tmpdir(), "witan-kill-"));
after(() => rmSync(folder, { recursive: true, force: true }));

type Expected = { file: string; meeting: string; items: number };

/** Twenty files: council minutes as text, or (without the parsers) bundles made from such text. */
function makeBatch(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const docs = syntheticCorpus(30, 30_000, 4242)
    .filter((doc) => doc.layout !== "agenda-pack")
    .slice(0, 20);
  return docs.map((doc, i) => {
    if (parserPresent) {
      const path = join(dir, `${String(i + 1).padStart(2, "0")}-${doc.name}`);
      writeFileSync(path, doc.text);
      return path;
    }
    const header = `Authority: ${doc.authority}\nBody: ${doc.body}\nDate: ${doc.date}\n\n`;
    const numbered = Array.from({ length: 200 }, (_, n) => `${n + 1}. ${doc.name} item ${n + 1}`).join("\n");
    const parsed = standInParser(
      { file: doc.name, format: "text", text: header + numbered, pageStarts: [0] },
      {},
    );
    const path = join(dir, `${String(i + 1).padStart(2, "0")}-${doc.name}.json`);
    writeFileSync(path, JSON.stringify(parsed.bundle));
    return path;
  });
}

/** What each file holds, read from `witan import --dry-run` (one JSON bundle per file, in order). */
function expectations(files: string[], dataDir: string): Expected[] {
  const dry = witan(["import", "--dry-run", ...files], dataDir);
  assert.equal(dry.status, 0, dry.stderr);
  const bundles = dry.stdout
    .split(/^\}$/m)
    .filter((chunk) => chunk.trim() !== "")
    .map((chunk): unknown => JSON.parse(`${chunk}}`));
  assert.equal(bundles.length, files.length);
  return bundles.map((bundle, i) => {
    const meetings = meetingsOf(bundle);
    assert.equal(meetings.length, 1, `${files[i] ?? ""} holds one meeting`);
    const [m] = meetings;
    assert.ok(m);
    return { file: files[i] ?? "", meeting: `${m.authority}|${m.body}|${m.date}`, items: m.items };
  });
}

function meetingsOf(bundle: unknown): { authority: string; body: string; date: string; items: number }[] {
  if (
    typeof bundle !== "object" ||
    bundle === null ||
    !("meetings" in bundle) ||
    !Array.isArray(bundle.meetings)
  ) {
    return [];
  }
  return bundle.meetings.map((m: { authority: string; body: string; date: string; items: unknown[] }) => ({
    authority: m.authority,
    body: m.body,
    date: m.date,
    items: m.items.length,
  }));
}

/** Runs the import, kills it with SIGKILL when the first file's line appears, and returns every line printed. */
async function importAndKill(files: string[], dataDir: string): Promise<string[]> {
  const child = spawn(process.execPath, [BIN, "import", ...files], { env: witanEnv(dataDir) });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (/: \d+ changes? /.test(output)) child.kill("SIGKILL");
  });
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
    child.on("close", (_, s) => resolve(s)),
  );
  assert.equal(signal, "SIGKILL", `the import ran to its end before it could be killed: ${output}${errors}`);
  return output.split("\n").filter((line) => line !== "");
}

test(
  "an import killed half-way leaves only complete files in the database",
  { timeout: 10 * 60_000 },
  async (t) => {
    if (!parserPresent)
      t.diagnostic("src/importers/parse/index.ts is not there: the batch is of bundles, not documents");
    const dataDir = join(folder, "data");
    const files = makeBatch(join(folder, "batch"));
    const expected = expectations(files, dataDir);
    assert.equal(witan(["migrate"], dataDir).status, 0);

    const lines = await importAndKill(files, dataDir);
    const printed = lines.map((line) => {
      const file = /^(.*): \d+ changes? \(/.exec(line)?.[1];
      assert.ok(file, `a summary line: ${line}`);
      return file;
    });
    assert.deepEqual(printed, files.slice(0, printed.length), "lines are printed in order");
    assert.ok(printed.length < files.length, "the kill came before the end of the batch");

    const db = new Database(join(dataDir, "witan.db"));
    try {
      assert.equal(db.pragma("integrity_check", { simple: true }), "ok");
      const rows = db
        .prepare(
          `select a.name || '|' || b.name || '|' || m.date as meeting,
                (select count(*) from agenda_items i where i.meeting_id = m.id) as items
           from meetings m join bodies b on b.id = m.body_id join authorities a on a.id = m.authority_id`,
        )
        .all();
      const stored = new Map<string, number>();
      for (const row of rows) {
        if (typeof row === "object" && row !== null && "meeting" in row && "items" in row) {
          stored.set(String(row.meeting), Number(row.items));
        }
      }
      // Every printed file is there, whole.
      for (const e of expected.slice(0, printed.length)) {
        assert.equal(stored.get(e.meeting), e.items, `${e.file} is stored with all ${e.items} items`);
      }
      // Nothing else is there but, possibly, the next file, also whole.
      const allowed = expected.slice(0, printed.length + 1);
      for (const [meeting, items] of stored) {
        const e = allowed.find((x) => x.meeting === meeting);
        assert.ok(e, `${meeting} belongs to a printed file (or the one after)`);
        assert.equal(items, e.items, `${e.file} is complete, never half-loaded`);
      }
      t.diagnostic(
        `${printed.length} of ${files.length} files printed before the kill; ${stored.size} meetings stored`,
      );
    } finally {
      db.close();
    }
  },
);
