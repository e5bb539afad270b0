import { readFileSync } from "node:fs";
import type { Bundle } from "../../src/domain/bundle.js";

// The demo bundle as tests use it, and the canary its one invented Part II record carries:
// no public page, result, feed, export or pack may ever contain it.

export const PART_II_CANARY = "WITAN-CANARY-PART-II-9F4C2E";
export const TEST_ACTOR = { name: "test", accountId: null };

const text = readFileSync(new URL("../../data/demo/plymouth-torbay.json", import.meta.url), "utf8");

/** A fresh copy each time, so a test may change it. */
export function demoBundle(): Bundle {
  return JSON.parse(text);
}
