import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { connect, type Connection } from "../../src/db/connect.js";
import { signIn } from "../../src/records/sign-in.js";

// `witan user` as an administrator runs it: a real process on a fresh embedded database, with
// the password on standard input as a script would give it.

const BIN = fileURLToPath(new URL("../../bin/witan.js", import.meta.url));
const PASSWORD = "a long enough passphrase";
const folder = mkdtempSync(join(tmpdir(), "witan-user-cli-"));
const dataDir = join(folder, "data");

function witan(args: string[], input?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, WITAN_DATA: dataDir };
  delete env.DATABASE_URL;
  // Standard input is a pipe here, never a terminal, as in a script.
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: "utf8", input: input ?? "" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A user's mistake: one line on standard error, a non-zero status, no stack trace. */
function assertRefused(result: ReturnType<typeof witan>, message: RegExp): void {
  assert.notEqual(result.status, 0);
  assert.equal(result.stderr.trim().split("\n").length, 1, result.stderr);
  assert.match(result.stderr, message);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
}

async function attempt(email: string, password: string) {
  const connection: Connection = connect({ engine: "sqlite", file: join(dataDir, "witan.db") });
  try {
    return await signIn(connection.db, "sqlite", { email, password, now: new Date() });
  } finally {
    await connection.close();
  }
}

before(() => {
  const bundle = join(folder, "authorities.json");
  writeFileSync(
    bundle,
    JSON.stringify({
      format: "witan-bundle/1",
      authorities: [{ name: "Plymouth City Council" }, { name: "Torbay Council" }],
      bodies: [],
      people: [],
      memberships: [],
      meetings: [],
      documents: [],
      issues: [],
      workProgramme: [],
    }),
  );
  const imported = witan(["import", bundle]);
  assert.equal(imported.status, 0, imported.stderr);
});

after(() => rmSync(folder, { recursive: true, force: true }));

describe("witan user", () => {
  test("--help lists add, list, disable and reset-password", () => {
    const help = witan(["user", "--help"]);
    assert.equal(help.status, 0);
    for (const command of ["add", "list", "disable", "reset-password"]) {
      assert.match(help.stdout, new RegExp(`^  ${command}\\b`, "m"));
    }
  });

  test("list says when there are no accounts yet", () => {
    const list = witan(["user", "list"]);
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /There are no accounts yet/);
  });

  test("add takes the password from standard input; the account can then sign in", async () => {
    const added = witan(
      [
        "user",
        "add",
        "Admin@Plymouth.gov.uk",
        "--name",
        "Giles Perritt",
        "--role",
        "admin",
        "--role",
        "officer",
        "--authority",
        "Plymouth City Council",
        "--authority",
        "Torbay Council",
        "--password-stdin",
      ],
      `${PASSWORD}\nignored second line\n`,
    );
    assert.equal(added.status, 0, added.stderr);
    assert.equal(
      added.stdout.trim(),
      "Added admin@plymouth.gov.uk: admin in Plymouth City Council, officer in Plymouth City Council, " +
        "admin in Torbay Council, officer in Torbay Council.",
    );
    assert.equal(added.stdout.includes(PASSWORD), false);
    assert.equal((await attempt("admin@plymouth.gov.uk", PASSWORD)).ok, true);

    const list = witan(["user", "list"]);
    assert.match(list.stdout, /^admin@plymouth\.gov\.uk\tGiles Perritt\tadmin in Plymouth City Council, /m);
  });

  test("weak passwords, bad roles, unknown authorities and duplicates are refused in one line", () => {
    const add = (email: string, role: string, authority: string, password: string) =>
      witan(
        ["user", "add", email, "--name", "X", "--role", role, "--authority", authority, "--password-stdin"],
        `${password}\n`,
      );
    assertRefused(
      add("a@plymouth.gov.uk", "officer", "Plymouth City Council", "short"),
      /^witan: The password must be at least 12 characters$/m,
    );
    assertRefused(
      add(
        "democratic.services@plymouth.gov.uk",
        "officer",
        "Plymouth City Council",
        "democratic.services@plymouth.gov.uk",
      ),
      /must not be the email address/,
    );
    assertRefused(
      add("b@plymouth.gov.uk", "superuser", "Plymouth City Council", PASSWORD),
      /--role must be one of admin, officer, author, member, not "superuser"/,
    );
    assertRefused(
      add("c@plymouth.gov.uk", "officer", "Nowhere Council", PASSWORD),
      /There is no authority named "Nowhere Council"/,
    );
    assertRefused(
      add("admin@plymouth.gov.uk", "officer", "Plymouth City Council", PASSWORD),
      /already an account for admin@plymouth\.gov\.uk/,
    );
    assertRefused(
      add("not-an-address", "officer", "Plymouth City Council", PASSWORD),
      /"not-an-address" is not an email address/,
    );
    assertRefused(
      add("d@plymouth.gov.uk", "officer", "Plymouth City Council", ""),
      /No password on standard input/,
    );
    const list = witan(["user", "list"]).stdout;
    for (const email of ["a@", "democratic.services@", "b@", "c@", "d@"]) {
      assert.equal(list.includes(email), false, `${email} was not added`);
    }
  });

  test("without --password-stdin and no terminal, add asks for the password the other way", () => {
    const result = witan([
      "user",
      "add",
      "e@plymouth.gov.uk",
      "--name",
      "E",
      "--role",
      "author",
      "--authority",
      "Torbay Council",
    ]);
    assertRefused(
      result,
      /Standard input is not a terminal: give the password as its first line with --password-stdin/,
    );
  });

  test("reset-password sets a new password; the old one stops working", async () => {
    const reset = witan(
      ["user", "reset-password", "admin@plymouth.gov.uk", "--password-stdin"],
      "a brand new passphrase\n",
    );
    assert.equal(reset.status, 0, reset.stderr);
    assert.match(
      reset.stdout,
      /Set a new password for admin@plymouth\.gov\.uk; it is signed out everywhere\./,
    );
    assert.deepEqual(await attempt("admin@plymouth.gov.uk", PASSWORD), {
      ok: false,
      reason: "wrong-password",
    });
    assert.equal((await attempt("admin@plymouth.gov.uk", "a brand new passphrase")).ok, true);
    assertRefused(
      witan(["user", "reset-password", "admin@plymouth.gov.uk", "--password-stdin"], "short\n"),
      /at least 12/,
    );
    assertRefused(
      witan(["user", "reset-password", "nobody@plymouth.gov.uk", "--password-stdin"], `${PASSWORD}\n`),
      /^witan: There is no account for nobody@plymouth\.gov\.uk$/m,
    );
  });

  test("disable stops an account signing in; disabling twice says so", async () => {
    const added = witan(
      [
        "user",
        "add",
        "leaver@torbay.gov.uk",
        "--name",
        "Leaver",
        "--role",
        "author",
        "--authority",
        "Torbay Council",
        "--password-stdin",
      ],
      `${PASSWORD}\n`,
    );
    assert.equal(added.status, 0, added.stderr);
    const disabled = witan(["user", "disable", "leaver@torbay.gov.uk"]);
    assert.equal(disabled.status, 0, disabled.stderr);
    assert.match(disabled.stdout, /Disabled leaver@torbay\.gov\.uk; it is signed out everywhere\./);
    assert.deepEqual(await attempt("leaver@torbay.gov.uk", PASSWORD), { ok: false, reason: "disabled" });
    assert.match(witan(["user", "disable", "leaver@torbay.gov.uk"]).stdout, /was already disabled/);
    assert.match(
      witan(["user", "list"]).stdout,
      /^leaver@torbay\.gov\.uk\tLeaver\tauthor in Torbay Council \(disabled\)$/m,
    );
    assertRefused(
      witan(["user", "disable", "nobody@torbay.gov.uk"]),
      /There is no account for nobody@torbay\.gov\.uk/,
    );
  });
});
