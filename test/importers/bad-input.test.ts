import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { syntheticCorpus } from "./support/corpus.js";
import { storedFiles, tableCounts, witan } from "./support/cli.js";
import { makeCorruptDocx, makeEncryptedPdf, makePdf, qpdfEncrypted } from "./support/documents.js";

// Bad input through `witan import`, as a user meets it: one clear line naming the file and the
// problem, a non-zero exit, and a database and file store exactly as they were.

const PARSER = fileURLToPath(new URL("../../src/importers/parse/index.ts", import.meta.url));
const noParser = existsSync(PARSER) ? false : "src/importers/parse/index.ts is not there yet";

const folder = mkdtempSync(join(tmpdir(), "witan-bad-input-"));
const dataDir = join(folder, "data");
const files = join(folder, "files");
after(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(files, name);
  writeFileSync(path, content);
  return path;
}

before(async () => {
  mkdirSync(files, { recursive: true });
  // Something in the database first, so "nothing written" is tested against real rows.
  assert.equal(witan(["demo"], dataDir).status, 0);
});

function refused(path: string, message: RegExp) {
  const countsBefore = tableCounts(dataDir);
  const storedBefore = storedFiles(dataDir);
  const run = witan(["import", path], dataDir);
  assert.equal(run.status, 2, `exit status for ${path}: ${run.stderr}`);
  assert.equal(run.stdout, "");
  const lines = run.stderr.trim().split("\n");
  assert.equal(lines.length, 1, `one line: ${run.stderr}`);
  assert.match(lines[0] ?? "", message);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
  assert.deepEqual(tableCounts(dataDir), countsBefore, "the database is unchanged");
  assert.deepEqual(storedFiles(dataDir), storedBefore, "the file store is unchanged");
}

describe("witan import refuses bad input and writes nothing", () => {
  test("an empty file", () => refused(file("empty.pdf", ""), /^witan: empty\.pdf is empty$/));

  test("random bytes", () =>
    refused(
      file("noise.docx", randomBytes(20_000)),
      /^witan: noise\.docx holds binary data, not text: Witan reads/,
    ));

  test("a truncated PDF", async () => {
    const pdf = await makePdf([["Minutes of the Cabinet"], ["Page two"]]);
    refused(
      file("cut.pdf", pdf.subarray(0, Math.floor(pdf.length * 0.6))),
      /^witan: cut\.pdf is truncated or damaged/,
    );
  });

  test("an encrypted PDF (the standard security handler)", async () =>
    refused(
      file("locked.pdf", await makeEncryptedPdf()),
      /^witan: locked\.pdf is encrypted: Witan cannot read protected PDFs$/,
    ));

  test("an encrypted PDF made by qpdf (AES-256)", async (t) => {
    const locked = await qpdfEncrypted();
    if (!locked) return t.skip("qpdf is not installed");
    refused(
      file("qpdf-locked.pdf", locked),
      /^witan: qpdf-locked\.pdf is encrypted: Witan cannot read protected PDFs$/,
    );
  });

  test("a Word document with garbage where its text should be", async () =>
    refused(
      file("corrupt.docx", await makeCorruptDocx()),
      /^witan: corrupt\.docx is a damaged Word document/,
    ));

  test("a ZIP signature followed by garbage", () =>
    refused(
      file("garbage.docx", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(5000)])),
      /^witan: garbage\.docx is a damaged Word or ZIP file/,
    ));

  test("a file just over the size limit (a sparse 100 MB and one byte)", () => {
    const path = file("huge.pdf", "");
    truncateSync(path, 100 * 1024 * 1024 + 1);
    refused(path, /^witan: huge\.pdf is 104,857,601 bytes, more than the 100 MB Witan imports from one file/);
  });

  test("text in a layout no parser knows", { skip: noParser }, () =>
    refused(
      file("recipe.txt", "Victoria sponge\n\n200g butter\n200g sugar\n4 eggs\n\nBake for 20 minutes.\n"),
      /^witan: recipe\.txt: .*(no agenda, minutes, report|does not recognise)/,
    ),
  );

  test("a bad --date is refused before anything is read", () => {
    const run = witan(["import", "--date", "2023-02-29", file("any.txt", "x")], dataDir);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'witan: --date must be a real date written YYYY-MM-DD, not "2023-02-29"\n');
  });
});

describe("witan import in a batch", { skip: noParser }, () => {
  test("good files are loaded, the bad one writes nothing, and the end says which failed", () => {
    const [first, second] = syntheticCorpus(3, 3000, 77).filter((doc) => doc.layout !== "agenda-pack");
    assert.ok(first && second);
    const good1 = file("good-1.txt", first.text);
    const bad = file("bad.pdf", "");
    const good2 = file("good-2.txt", second.text);
    const run = witan(["import", good1, bad, good2], dataDir);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stdout, new RegExp(`^${good1}: \\d+ changes`, "m"));
    assert.match(run.stdout, new RegExp(`^${good2}: \\d+ changes`, "m"));
    assert.deepEqual(run.stderr.trim().split("\n"), [
      "witan: bad.pdf is empty",
      `witan: 2 of 3 files loaded; not loaded: ${bad}`,
    ]);
    assert.match(
      witan(["import", good1, good2], dataDir).stdout,
      /: 0 changes[\s\S]*: 0 changes[\s\S]*Loaded 2 of 2 files\./,
    );
  });
});
