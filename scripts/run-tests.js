#!/usr/bin/env node
// Runs every *.test.ts under the given folders (default: src and test) with Node's test runner
// through tsx. Node 20's --test takes no glob patterns, so the files are listed here.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : testFiles(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const roots = process.argv.slice(2);
const files = (roots.length ? roots : ["src", "test"]).flatMap(testFiles).sort();
if (files.length === 0) {
  console.error("No test files found.");
  process.exit(1);
}
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...files], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
