import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { isEmailAddress, normaliseEmail, passwordProblem } from "./passwords.js";

const EMAIL = "Clerk@Plymouth.gov.uk";

describe("acceptable passwords", () => {
  test("twelve characters or more are accepted, with no composition rules", () => {
    assert.equal(passwordProblem("correct horse", EMAIL), null);
    assert.equal(passwordProblem("abcdefghijkl", EMAIL), null);
  });

  test("fewer than twelve characters are refused, counting characters rather than bytes", () => {
    assert.match(passwordProblem("abcdefghijk", EMAIL) ?? "", /at least 12 characters/);
    assert.match(passwordProblem("ééééééééééé", EMAIL) ?? "", /at least 12 characters/);
    assert.equal(passwordProblem("éééééééééééé", EMAIL), null);
  });

  test("the email address, or its name part, in any case, is refused", () => {
    assert.match(passwordProblem("clerk@plymouth.gov.uk", EMAIL) ?? "", /email address/);
    assert.match(passwordProblem(" CLERK@PLYMOUTH.GOV.UK ", EMAIL) ?? "", /email address/);
    assert.match(passwordProblem("democratic.services", "democratic.services@x.gov.uk") ?? "", /email/);
  });

  test("only spaces, or more than 256 characters, are refused", () => {
    assert.match(passwordProblem(" ".repeat(12), EMAIL) ?? "", /only spaces/);
    assert.match(passwordProblem("x".repeat(257), EMAIL) ?? "", /256 characters or fewer/);
  });
});

describe("email addresses", () => {
  test("are compared trimmed and in lower case", () => {
    assert.equal(normaliseEmail("  Clerk@Plymouth.GOV.uk "), "clerk@plymouth.gov.uk");
  });

  test("must look like an address", () => {
    assert.equal(isEmailAddress("clerk@plymouth.gov.uk"), true);
    assert.equal(isEmailAddress("clerk"), false);
    assert.equal(isEmailAddress("clerk@localhost"), false);
    assert.equal(isEmailAddress("a clerk@plymouth.gov.uk"), false);
  });
});
