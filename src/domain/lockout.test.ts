import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { instant } from "./instant.js";
import { UNLOCKED, afterFailure, isLocked, type LockoutState } from "./lockout.js";

const at = (time: string) => new Date(`2026-03-02T${time}Z`);

function fail(times: string[], from: LockoutState = UNLOCKED): LockoutState {
  return times.reduce((state, time) => afterFailure(state, at(time)), from);
}

describe("locking after failed sign-ins", () => {
  test("four failures within fifteen minutes count but do not lock", () => {
    const state = fail(["09:00:00", "09:01:00", "09:05:00", "09:14:00"]);
    assert.deepEqual(state, { failures: 4, failedSince: "2026-03-02T09:00:00Z", lockedUntil: null });
    assert.equal(isLocked(state, at("09:14:01")), false);
  });

  test("the fifth failure within fifteen minutes locks the account for fifteen minutes", () => {
    const state = fail(["09:00:00", "09:01:00", "09:02:00", "09:03:00", "09:14:59"]);
    assert.deepEqual(state, { failures: 0, failedSince: null, lockedUntil: "2026-03-02T09:29:59Z" });
    assert.equal(isLocked(state, at("09:15:00")), true);
    assert.equal(isLocked(state, at("09:29:58")), true);
    assert.equal(isLocked(state, at("09:29:59")), false, "the lock ends when it says");
  });

  test("failures more than fifteen minutes apart start a new count", () => {
    const state = fail(["09:00:00", "09:01:00", "09:02:00", "09:03:00", "09:15:00"]);
    assert.deepEqual(state, { failures: 1, failedSince: "2026-03-02T09:15:00Z", lockedUntil: null });
  });

  test("after a lock ends, counting starts again from nothing", () => {
    const locked = fail(["09:00:00", "09:00:01", "09:00:02", "09:00:03", "09:00:04"]);
    assert.deepEqual(afterFailure(locked, at("09:20:00")), {
      failures: 1,
      failedSince: "2026-03-02T09:20:00Z",
      lockedUntil: null,
    });
  });

  test("an account never failed is not locked", () => {
    assert.equal(isLocked(UNLOCKED, at("09:00:00")), false);
  });

  test("instants are stored to the second", () => {
    assert.equal(instant(new Date("2026-03-02T09:00:00.987Z")), "2026-03-02T09:00:00Z");
  });
});
