import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { WitanError } from "../../src/errors.js";
import { checkHints, importFile } from "../../src/importers/import-file.js";
import { loadBundle } from "../../src/records/bundle-load.js";
import { memoryFileStore, sha256 } from "../../src/records/files.js";
import { openSqlite } from "../support/engines.js";
import { standInParser } from "./support/stand-in-parser.js";

// importFile: a file in, a bundle out, with the original bytes kept and nothing else written.

const folder = mkdtempSync(join(tmpdir(), "witan-import-file-"));
after(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const MINUTES =
  "Authority: Redwater Borough Council\nBody: Licensing Sub-Committee\nDate: 2021-03-04\n\n1. Apologies\n2. Minutes\n";
const ACTOR = { name: "test", accountId: null };

describe("importFile", () => {
  test("parses the text and gives the document that is the whole file its SHA-256, type and size", async () => {
    const path = write("minutes.txt", MINUTES);
    const store = memoryFileStore();
    const imported = await importFile(path, { parse: standInParser, store });
    const bytes = readFileSync(path);
    assert.equal(imported.file, "minutes.txt");
    assert.equal(imported.format, "text");
    assert.equal(imported.sha256, sha256(bytes));
    const [doc] = imported.bundle.documents;
    assert.equal(doc?.sha256, sha256(bytes));
    assert.equal(doc?.mediaType, "text/plain");
    assert.equal(doc?.sizeBytes, bytes.length);
    assert.deepEqual(await store.get(imported.sha256), new Uint8Array(bytes));
  });

  test("the bundle is the same with a store or without one (a dry run, which keeps nothing)", async () => {
    const path = write("dry.txt", MINUTES);
    const dry = await importFile(path, { parse: standInParser });
    const wet = await importFile(path, { parse: standInParser, store: memoryFileStore() });
    assert.deepEqual(dry.bundle, wet.bundle);
  });

  test("hints fill what the document does not say", async () => {
    const path = write("no-header.txt", "1. Apologies\n2. Planning applications\n");
    const hints = { authority: "Tamberly District Council", body: "Planning Committee", date: "2019-11-11" };
    const { bundle } = await importFile(path, { parse: standInParser, hints });
    assert.deepEqual(
      bundle.meetings.map((m) => [m.authority, m.body, m.date, m.items.length]),
      [["Tamberly District Council", "Planning Committee", "2019-11-11", 2]],
    );
  });

  test("hints are checked: a date must be a real day written YYYY-MM-DD, names must not be empty", () => {
    assert.deepEqual(checkHints({ authority: "  Kelder   County Council ", date: "2024-02-29" }), {
      authority: "Kelder County Council",
      date: "2024-02-29",
    });
    for (const date of ["2023-02-29", "2017-13-01", "20/09/2017", "2017-9-20", "tomorrow"]) {
      assert.throws(() => checkHints({ date }), { code: "BAD_INPUT", message: new RegExp(`not "${date}"`) });
    }
    assert.throws(() => checkHints({ body: " " }), {
      code: "BAD_INPUT",
      message: "--body must not be empty",
    });
  });

  test("a layout the parser does not know is DOCUMENT_UNRECOGNISED, naming the file", async () => {
    const path = write("shopping.txt", "Eggs\nMilk\nBread\n");
    await assert.rejects(importFile(path, { parse: standInParser }), {
      code: "DOCUMENT_UNRECOGNISED",
      message: /^shopping\.txt: Witan does not recognise this document's layout/,
    });
  });

  test("a parser's error is given the file's name", async () => {
    const path = write("odd.txt", MINUTES);
    const parse = () => {
      throw new WitanError("DOCUMENT_UNRECOGNISED", "the minutes end in the middle of item 2");
    };
    await assert.rejects(importFile(path, { parse }), {
      message: "odd.txt: the minutes end in the middle of item 2",
    });
  });

  test("a file over the size limit is refused from its size alone, before it is read", async () => {
    const path = join(folder, "huge.pdf");
    writeFileSync(path, "");
    // Sparse: 100 MB and one byte on the file system's books, none of them on disk.
    truncateSync(path, 100 * 1024 * 1024 + 1);
    const started = performance.now();
    await assert.rejects(importFile(path, { parse: standInParser }), {
      code: "FILE_UNREADABLE",
      message:
        "huge.pdf is 104,857,601 bytes, more than the 100 MB Witan imports from one file " +
        "(witan import --max-size raises the limit)",
    });
    assert.ok(performance.now() - started < 1000, "refused without reading 100 MB");
    const small = write("small.txt", MINUTES);
    await assert.rejects(importFile(small, { parse: standInParser, maxBytes: 10 }), /more than the 0 MB/);
  });

  test("a missing file and a folder are named", async () => {
    await assert.rejects(importFile(join(folder, "nope.txt")), {
      message: `no such file: ${join(folder, "nope.txt")}`,
    });
    await assert.rejects(importFile(folder), { message: `${folder} is not a file` });
  });

  test("importing the same file twice changes nothing the second time", async () => {
    const connection = await openSqlite();
    try {
      const path = write("twice.txt", MINUTES);
      const first = await importFile(path, { parse: standInParser });
      assert.ok((await loadBundle(connection.db, first.bundle, ACTOR)).changes > 0);
      const second = await importFile(path, { parse: standInParser });
      assert.deepEqual(second.bundle, first.bundle);
      assert.equal((await loadBundle(connection.db, second.bundle, ACTOR)).changes, 0);
    } finally {
      await connection.close();
    }
  });
});

// The real parsers, on the three samples: deterministic, and loaded twice without change.
const PARSER = fileURLToPath(new URL("../../src/importers/parse/index.ts", import.meta.url));
// The samples live beside the repository (../shared/samples), as DESIGN.md says.
const SAMPLES = fileURLToPath(new URL("../../../shared/samples/", import.meta.url));
const samples = [
  "plymouth-issue-history-torbay-partnership.txt",
  "plymouth-wellbeing-scrutiny-2017-09-20-agenda-pack.txt",
  "torbay-schools-forum-2018-01-report.txt",
];

describe("importFile with the real parsers", () => {
  const skip = !existsSync(PARSER)
    ? "src/importers/parse/index.ts is not there yet"
    : !existsSync(SAMPLES)
      ? `the samples are not at ${SAMPLES}`
      : false;

  test(
    "each sample imports the same way every time, and a second load changes nothing",
    { skip },
    async () => {
      const connection = await openSqlite();
      try {
        for (const name of samples) {
          const path = join(SAMPLES, name);
          const hints = { authority: "Plymouth City Council" };
          const first = await importFile(path, { hints });
          const second = await importFile(path, { hints });
          assert.deepEqual(second.bundle, first.bundle, `${name} parses the same way twice`);
          await loadBundle(connection.db, first.bundle, ACTOR);
          assert.equal(
            (await loadBundle(connection.db, second.bundle, ACTOR)).changes,
            0,
            `${name} reloads unchanged`,
          );
        }
      } finally {
        await connection.close();
      }
    },
  );
});
