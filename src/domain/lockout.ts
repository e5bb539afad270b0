import { instant } from "./instant.js";

// Locking an account after repeated failed sign-ins (issue 5). Five failures within fifteen
// minutes lock the account for fifteen minutes; while it is locked even the right password is
// refused, and attempts do not extend the lock, so a stranger guessing cannot keep its owner out
// for longer than that. The rate limit on the sign-in route slows guessing across accounts.

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

/** Instants are ISO strings, as stored. */
export type LockoutState = { failures: number; failedSince: string | null; lockedUntil: string | null };

export const UNLOCKED: LockoutState = { failures: 0, failedSince: null, lockedUntil: null };

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && now.getTime() < Date.parse(state.lockedUntil);
}

/** The state after a failed attempt on an account that is not locked. */
export function afterFailure(state: LockoutState, now: Date): LockoutState {
  const windowOpen =
    state.failedSince !== null && now.getTime() - Date.parse(state.failedSince) < FAILURE_WINDOW_MS;
  const failures = windowOpen ? state.failures + 1 : 1;
  const failedSince = windowOpen && state.failedSince !== null ? state.failedSince : instant(now);
  if (failures >= MAX_FAILURES) {
    return { failures: 0, failedSince: null, lockedUntil: instant(new Date(now.getTime() + LOCK_MS)) };
  }
  return { failures, failedSince, lockedUntil: null };
}
