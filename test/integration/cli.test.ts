import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

// The `witan` command as a user runs it: a real process, on a fresh embedded database.

const CANARY = "WITAN-CANARY-PART-II-9F4C2E";
const BIN = fileURLToPath(new URL("../../bin/witan.js", import.meta.url));
const DEMO = fileURLToPath(new URL("../../data/demo/plymouth-torbay.json", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "witan-cli-"));

function witan(args: string[], dataDir = join(folder, "data")) {
  const env: NodeJS.ProcessEnv = { ...process.env, WITAN_DATA: dataDir };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

after(() => rmSync(folder, { recursive: true, force: true }));

describe("witan", () => {
  test("--help lists every command, and each command has its own help", () => {
    const help = witan(["--help"]);
    assert.equal(help.status, 0);
    const commands = ["start", "serve", "migrate", "demo", "import", "export", "backup", "restore"];
    for (const command of commands) assert.match(help.stdout, new RegExp(`^  ${command}\\b`, "m"));
    for (const command of commands) {
      const own = witan([command, "--help"]);
      assert.equal(own.status, 0, `${command} --help`);
      assert.match(own.stdout, new RegExp(`^Usage: witan ${command}`, "m"));
    }
  });

  test("a user's mistake prints one clear line and no stack trace", () => {
    const missing = witan(["import", join(folder, "no-such-bundle.json")]);
    assert.notEqual(missing.status, 0);
    assert.equal(missing.stderr.trim().split("\n").length, 1);
    assert.match(missing.stderr, /^witan: no such file: .*no-such-bundle\.json$/m);

    const badFile = join(folder, "bad.json");
    writeFileSync(badFile, JSON.stringify({ format: "witan-bundle/1", authorities: "none" }));
    const invalid = witan(["import", badFile]);
    assert.equal(invalid.status, 2);
    assert.match(invalid.stderr, /bad\.json: The bundle does not match the bundle schema/);
    assert.doesNotMatch(invalid.stderr, /\n\s+at /);

    const notJson = join(folder, "notes.json");
    writeFileSync(notJson, "{ this is not json");
    assert.match(witan(["import", notJson]).stderr, /notes\.json is not valid JSON/);

    const unknown = witan(["frobnicate"]);
    assert.notEqual(unknown.status, 0);
    assert.match(unknown.stderr, /unknown command/);
  });

  test("migrate brings a new database up to date, then has nothing to do", () => {
    const dataDir = join(folder, "migrate");
    assert.match(witan(["migrate"], dataDir).stdout, /^Applied 0001-domain, 0002-search/);
    assert.equal(witan(["migrate"], dataDir).stdout.trim(), "The database is up to date.");
  });

  test("import --dry-run prints the bundle and writes nothing", () => {
    const dataDir = join(folder, "dry");
    const dry = witan(["import", "--dry-run", DEMO], dataDir);
    assert.equal(dry.status, 0, dry.stderr);
    const printed: unknown = JSON.parse(dry.stdout);
    assert.deepEqual(printed, JSON.parse(readFileSync(DEMO, "utf8")));
    assert.equal(existsSync(join(dataDir, "witan.db")), false);
  });

  test("demo, export and export --public: Part II only in the administrator's export", () => {
    assert.equal(witan(["demo"]).status, 0);
    const again = witan(["import", DEMO]);
    assert.match(again.stdout, /: 0 changes/);
    const full = witan(["export"]);
    assert.equal(full.status, 0, full.stderr);
    assert.ok(full.stdout.includes(CANARY));
    const open = witan(["export", "--public"]);
    assert.equal(open.status, 0, open.stderr);
    assert.ok(!open.stdout.includes(CANARY));
    assert.ok(open.stdout.includes("Wellbeing Overview and Scrutiny Committee"));
  });

  test("backup and restore move the records to a new database", () => {
    const file = join(folder, "backup.sql");
    assert.equal(witan(["backup", file]).status, 0);
    const restored = join(folder, "restored");
    const restore = witan(["restore", file], restored);
    assert.equal(restore.status, 0, restore.stderr);
    assert.equal(witan(["export"], restored).stdout, witan(["export"]).stdout);
    const twice = witan(["restore", file], restored);
    assert.equal(twice.status, 2);
    assert.match(twice.stderr, /restore into an empty database/);
  });

  test("start migrates, loads the demo into an empty database, and serves it", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, WITAN_DATA: join(folder, "start"), PORT: "0" };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [BIN, "start"], { env });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let output = "";
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const found = /serving on (http:\/\/\S+)/.exec(output);
          if (found?.[1]) resolve(found[1]);
        });
        child.on("exit", (code) => reject(new Error(`witan start exited with ${code}: ${output}`)));
      });
      const home = await fetch(address);
      assert.equal(home.status, 200);
      const html = await home.text();
      assert.match(html, /Wellbeing Overview and Scrutiny Committee/);
      assert.ok(!html.includes(CANARY));
    } finally {
      child.kill("SIGTERM");
    }
  });
});
