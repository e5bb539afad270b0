import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import Database from "better-sqlite3";
import { syntheticCorpus } from "./support/corpus.js";
import { storedFiles, tableCounts, witan } from "./support/cli.js";
import { textToPdf } from "./support/documents.js";
import { parserPresent } from "./support/pipeline.js";

// `witan import` with council documents, as a user runs it.

const folder = mkdtempSync(join(tmpdir(), "witan-import-cli-"));
const files = join(folder, "files");
mkdirSync(files);
after(() => rmSync(folder, { recursive: true, force: true }));

const skip = parserPresent ? false : "src/importers/parse/index.ts is not there yet";
const [resolved, parish] = syntheticCorpus(3, 3000, 303).filter((doc) => doc.layout !== "agenda-pack");

function file(name: string, content: string | Uint8Array): string {
  const path = join(files, name);
  writeFileSync(path, content);
  return path;
}

/** `--dry-run` prints one pretty-printed bundle per file, one after the other. */
function bundles(stdout: string): { meetings: { authority: string; body: string; date: string }[] }[] {
  return stdout
    .split(/^\}$/m)
    .filter((chunk) => chunk.trim() !== "")
    .map((chunk) => JSON.parse(`${chunk}}`));
}

describe("witan import with documents", { skip }, () => {
  test("--dry-run prints a bundle per file and writes nothing, not even the file store", async () => {
    assert.ok(resolved && parish);
    const dataDir = join(folder, "dry");
    const pdf = file("minutes.pdf", await textToPdf(resolved.text));
    const text = file("parish.txt", parish.text);
    const run = witan(["import", "--dry-run", "--authority", resolved.authority, pdf, text], dataDir);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, "");
    const printed = bundles(run.stdout);
    assert.deepEqual(
      printed.map((b) => b.meetings.map((m) => m.date)),
      [[resolved.date], [parish.date]],
    );
    assert.equal(existsSync(dataDir), false, "no data folder, no database, no file store");
  });

  test("loading a document: a summary line, the original kept by its SHA-256, and again changes nothing", () => {
    assert.ok(resolved);
    const dataDir = join(folder, "load");
    const path = file("resolved.txt", resolved.text);
    const run = witan(["import", path], dataDir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(
      run.stdout,
      new RegExp(`^${path}: \\d+ changes \\(1 meeting, \\d+ items, 1 document in the bundle\\)\\n$`),
    );
    const key = createHash("sha256").update(readFileSync(path)).digest("hex");
    assert.deepEqual(storedFiles(dataDir), [key]);
    const db = new Database(join(dataDir, "witan.db"), { readonly: true });
    try {
      assert.equal(
        db.prepare("select count(*) from documents where sha256 = ? and file_key = ?").pluck().get(key, key),
        1,
      );
    } finally {
      db.close();
    }
    const counts = tableCounts(dataDir);
    const again = witan(["import", path], dataDir);
    assert.match(again.stdout, /: 0 changes /);
    assert.deepEqual(tableCounts(dataDir), counts);
  });

  test("hints fill what a document leaves out", () => {
    const dataDir = join(folder, "hints");
    const page = file(
      "agenda.html",
      `<!doctype html><html><head><title>Agenda</title></head><body><main><h1>Agenda and minutes</h1>
       <p>Venue: Committee Room 1</p><h2>Minutes:</h2>
       <p>1. Apologies for absence</p><p>No apologies were received.</p>
       <p>2. Declarations of interest</p><p>None.</p></main></body></html>`,
    );
    const hints = [
      "--authority",
      "Redwater Borough Council",
      "--body",
      "Licensing Committee",
      "--date",
      "2022-06-07",
    ];
    const run = witan(["import", "--dry-run", ...hints, page], dataDir);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(
      bundles(run.stdout).flatMap((b) => b.meetings.map((m) => [m.authority, m.body, m.date])),
      [["Redwater Borough Council", "Licensing Committee", "2022-06-07"]],
    );
  });

  test("--max-size lowers the limit; hints given with bundles are said to be ignored", () => {
    assert.ok(resolved);
    const dataDir = join(folder, "limits");
    const path = file("limit.txt", resolved.text);
    const run = witan(["import", "--max-size", "0.001", path], dataDir);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^witan: limit\.txt is [\d,]+ bytes, more than the 0 MB Witan imports/);
    const bundle = file(
      "empty.json",
      JSON.stringify({
        format: "witan-bundle/1",
        authorities: [],
        bodies: [],
        people: [],
        memberships: [],
        meetings: [],
        documents: [],
        issues: [],
        workProgramme: [],
      }),
    );
    const withHint = witan(["import", "--dry-run", "--authority", "Kelder County Council", bundle], dataDir);
    assert.equal(withHint.status, 0);
    assert.match(withHint.stderr, /apply to documents, not to bundles/);
  });
});
