import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Connection } from "../../../src/db/connect.js";
import { parseDocument } from "../../../src/importers/parse/index.js";
import { loadBundle } from "../../../src/records/bundle-load.js";
import { openSqlite } from "../../support/engines.js";
import { expected, fixture, FIXTURES, NOT_YET_READ, sample, SAMPLES } from "./support.js";

// What the parsers produce, the loader takes: every sample and fixture loads into a fresh
// database in one run (so documents and people named by several files merge), and importing a
// file again changes nothing.

const ACTOR = { name: "importer-test", accountId: null };

describe("loading imported bundles", () => {
  let connection: Connection;
  before(async () => {
    connection = await openSqlite();
  });
  after(async () => {
    await connection.close();
  });

  const bundles = [
    ...SAMPLES.map((name) => parseDocument(sample(name), expected(name, sample(name)).hints).bundle),
    ...FIXTURES.filter((name) => !NOT_YET_READ.has(name)).map(
      (name) => parseDocument(fixture(name), expected(`fixtures/${name}`, fixture(name)).hints).bundle,
    ),
  ];

  it("loads every bundle", async () => {
    for (const bundle of bundles) await loadBundle(connection.db, bundle, ACTOR);
  });

  it("changes nothing when a file is imported again", async () => {
    // Each file twice in a row: the second import is a no-op. (Two files that describe one
    // record differently, such as a report's title in two capitalisations, each restore their own
    // wording when imported after the other: the loader keeps the last one.)
    for (const bundle of bundles) {
      await loadBundle(connection.db, bundle, ACTOR);
      assert.equal((await loadBundle(connection.db, bundle, ACTOR)).changes, 0);
    }
  });
});
