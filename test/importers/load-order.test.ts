import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import Database from "better-sqlite3";
import { emptyBundle, type Bundle } from "../../src/domain/bundle.js";
import { inLoadOrder } from "../../src/importers/load-order.js";
import { witan } from "./support/cli.js";
import { parserPresent } from "./support/pipeline.js";

// Files load in an order of their own, not the command line's (docs/BUNDLE.md, Importing):
// `witan import a b` and `witan import b a` leave the same database, and where an agenda and the
// minutes of one meeting disagree, the minutes settle it.

const folder = mkdtempSync(join(tmpdir(), "witan-import-order-"));
after(() => rmSync(folder, { recursive: true, force: true }));

const AGENDA = `WESTMERE BOROUGH COUNCIL

LICENSING COMMITTEE

Date: Tuesday, 4 March 2025
Time: 6.30 pm
Venue: Committee Room 1, Town Hall

Membership: Councillors A Brown (Chair), C Dale (Vice-Chair) and E Frost

Contact: Gina Hart, Democratic Services Officer

AGENDA

1. Apologies for Absence
2. Declarations of Interest
3. Street Trading Policy Review (Pages 3 - 20)
`;

const MINUTES = `WESTMERE BOROUGH COUNCIL

Minutes of the meeting of the Licensing Committee held on Tuesday 4 March 2025 at 6.30 pm in the Council Chamber, Town Hall

Present: Councillor A Brown (Chair), Councillor C Dale and Councillor E Frost

1. Apologies for Absence
None.

2. Declarations of Interest
None.

3. Street Trading Policy Revision
RESOLVED: That the revised policy be approved.
`;

/** Every row of every table, with clock times (when a row was written) set aside. */
function dump(dataDir: string): Record<string, unknown[]> {
  const db = new Database(join(dataDir, "witan.db"), { readonly: true });
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .pluck()
      .all()
      .filter((t): t is string => typeof t === "string");
    const clock = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?Z?)?/g;
    const out: Record<string, unknown[]> = {};
    for (const table of tables) {
      const rows = db.prepare(`select * from "${table}"`).all() as Record<string, unknown>[];
      out[table] = rows
        .map((row) =>
          JSON.stringify(
            Object.fromEntries(
              Object.entries(row).map(([k, v]) => [
                k,
                typeof v === "string" ? v.replace(clock, "<clock>") : v,
              ]),
            ),
          ),
        )
        .sort();
    }
    return out;
  } finally {
    db.close();
  }
}

function meetingRows(dataDir: string): unknown[] {
  const db = new Database(join(dataDir, "witan.db"), { readonly: true });
  try {
    return db.prepare("select start_time, venue from meetings").all();
  } finally {
    db.close();
  }
}

describe("load order", () => {
  test("sorts by the date a file describes, then agenda before papers before minutes, then content", () => {
    const bundle = (date: string, kind: string, extra = ""): Bundle => ({
      ...emptyBundle(),
      meetings: [{ authority: "A", body: `B${extra}`, date, items: [], attendance: [] }],
      documents: [{ id: `${date}-${kind}${extra}`, title: "t", kind }],
    });
    const entries = [
      { name: "minutes-march", bundle: bundle("2025-03-04", "minutes") },
      { name: "agenda-march", bundle: bundle("2025-03-04", "agenda-pack") },
      { name: "report-march", bundle: bundle("2025-03-04", "report") },
      { name: "minutes-february", bundle: bundle("2025-02-04", "minutes") },
      { name: "people", bundle: emptyBundle() },
      { name: "agenda-march-other", bundle: bundle("2025-03-04", "agenda-pack", "x") },
    ];
    const want = inLoadOrder(entries).map((e) => e.name);
    assert.deepEqual(want.slice(0, 2), ["people", "minutes-february"]);
    assert.equal(want.at(-1), "minutes-march");
    assert.ok(want.indexOf("report-march") > want.indexOf("agenda-march"));
    // Every order of the same files loads the same way.
    for (let shift = 1; shift < entries.length; shift++) {
      const turned = [...entries.slice(shift), ...entries.slice(0, shift)].reverse();
      assert.deepEqual(
        inLoadOrder(turned).map((e) => e.name),
        want,
      );
    }
  });

  test(
    "witan import a b and witan import b a leave the same database; the minutes settle what the agenda planned",
    { skip: parserPresent ? false : "no parser" },
    () => {
      const agenda = join(folder, "agenda.txt");
      const minutes = join(folder, "minutes.txt");
      writeFileSync(agenda, AGENDA);
      writeFileSync(minutes, MINUTES);
      const first = join(folder, "ab");
      const second = join(folder, "ba");
      const ab = witan(["import", agenda, minutes], first);
      assert.equal(ab.status, 0, ab.stderr);
      const ba = witan(["import", minutes, agenda], second);
      assert.equal(ba.status, 0, ba.stderr);
      assert.deepEqual(dump(second), dump(first));
      assert.deepEqual(meetingRows(first), [{ start_time: "18:30", venue: "Council Chamber, Town Hall" }]);
    },
  );
});
