import { createHash } from "node:crypto";
import { PACK_COMPILER_VERSION } from "./metadata.js";
import type { PackFacts } from "./types.js";

// What a pack is built from, as one SHA-256: every fact the compiler prints, each paper by the
// hash of its content (the file's SHA-256, or the text's) and where that content comes from, and
// the compiler's version. Equal hashes mean equal packs, so a cached pack is served as it is.

export function packInputHash(facts: PackFacts): string {
  const items = facts.items.map((item) =>
    item.withheld
      ? item
      : {
          ...item,
          papers: item.papers.map(({ source, ...paper }) => ({ ...paper, source: source.kind })),
        },
  );
  return createHash("sha256")
    .update(canonicalJson({ compiler: PACK_COMPILER_VERSION, ...facts, items }))
    .digest("hex");
}

/** JSON with object keys in sorted order, so that the hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
