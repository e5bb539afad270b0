import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

// `witan pack` as an officer runs it: a real process on a fresh embedded database with the demo.

const BIN = fileURLToPath(new URL("../../bin/witan.js", import.meta.url));
const MEETING = "2017-09-20-wellbeing-overview-and-scrutiny-committee";
const folder = mkdtempSync(join(tmpdir(), "witan-pack-cli-"));

function witan(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, WITAN_DATA: join(folder, "data") };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("witan pack", () => {
  before(() => assert.equal(witan(["demo"]).status, 0));
  after(() => rmSync(folder, { recursive: true, force: true }));

  test("writes the pack, then finds it unchanged", () => {
    const out = join(folder, "pack.pdf");
    const first = witan(["pack", MEETING, "--out", out]);
    assert.equal(first.status, 0, first.stderr);
    assert.match(
      first.stdout,
      /^Wrote .*pack\.pdf: agenda pack, \d+ pages \(built\), sha256 [0-9a-f]{64}\.$/m,
    );
    assert.equal(readFileSync(out).subarray(0, 5).toString(), "%PDF-");
    const again = witan(["pack", `plymouth-city-council/${MEETING}`, "-o", out]);
    assert.match(again.stdout, /\(unchanged since it was last built\)/);
  });

  test("a meeting that does not exist is one clear line and a non-zero exit; --help says how", () => {
    const unknown = witan(["pack", "no-such-meeting", "--out", join(folder, "x.pdf")]);
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr.trim(), 'witan: There is no published meeting "no-such-meeting"');
    const help = witan(["pack", "--help"]);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: witan pack \[options\] <meeting>/m);
  });
});
