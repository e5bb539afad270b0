import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes, scryptSync } from "node:crypto";
import { hashPassword, needsRehash, verifyPassword } from "./passwords.js";

const PASSWORD = "correct horse battery staple";

/** A hash as an older release might have stored it, with weaker parameters. */
function weakHash(password: string, N = 2 ** 14): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, { N, r: 8, p: 1 });
  return ["scrypt", N, 8, 1, salt.toString("base64"), hash.toString("base64")].join("$");
}

describe("password hashes", () => {
  test("name their parameters and carry a random salt: the same password hashes differently", async () => {
    const first = await hashPassword(PASSWORD);
    const second = await hashPassword(PASSWORD);
    assert.match(first, /^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    assert.notEqual(first, second);
    assert.equal(first.includes(PASSWORD), false);
  });

  test("match the password and nothing else", async () => {
    const stored = await hashPassword(PASSWORD);
    assert.equal(await verifyPassword(PASSWORD, stored), true);
    assert.equal(await verifyPassword("correct horse battery stapler", stored), false);
    assert.equal(await verifyPassword("", stored), false);
  });

  test("compare a password in its composed Unicode form, however it was typed", async () => {
    const stored = await hashPassword("café au lait, s'il vous plaît");
    assert.equal(await verifyPassword("cafe\u0301 au lait, s'il vous plai\u0302t", stored), true);
  });

  test("made with other parameters are still read, and flagged for rehashing", async () => {
    const old = weakHash(PASSWORD);
    assert.equal(await verifyPassword(PASSWORD, old), true);
    assert.equal(needsRehash(old), true);
    assert.equal(needsRehash(await hashPassword(PASSWORD)), false);
  });

  test("a stored value that is not a well-formed hash matches nothing", async () => {
    const good = await hashPassword(PASSWORD);
    const parts = good.split("$");
    const variants = [
      "",
      PASSWORD,
      `bcrypt$${parts.slice(1).join("$")}`,
      ["scrypt", "1000", ...parts.slice(2)].join("$"),
      ["scrypt", String(2 ** 30), ...parts.slice(2)].join("$"),
      ["scrypt", parts[1], "0", ...parts.slice(3)].join("$"),
      [...parts.slice(0, 5), ""].join("$"),
      `${good}$extra`,
    ];
    for (const stored of variants) {
      assert.equal(await verifyPassword(PASSWORD, stored), false, stored);
      assert.equal(needsRehash(stored), true, stored);
    }
  });
});
