// Cold start of `witan start` on a fresh embedded database (migrate, load the demo, serve) to its
// first response, against a baseline measured in the same run: a bare Node HTTP server started
// the same way. Prints both, their ratio, and the size of the database with the demo loaded.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../bin/witan.js", import.meta.url));
const BASELINE = `require("node:http").createServer((q, s) => s.end("ok")).listen(0, "127.0.0.1", function () {
  console.log("serving on http://127.0.0.1:" + this.address().port + "/");
});`;

async function timeToFirstResponse(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env });
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const found = /serving on (http:\/\/\S+)/.exec(output);
        if (found?.[1]) resolve(found[1]);
      });
      child.on("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
    const response = await fetch(address);
    if (response.status !== 200) throw new Error(`first response was ${response.status}`);
    await response.text();
    return performance.now() - started;
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const runs = Number(process.env.BENCH_RUNS ?? 5);
const witan: number[] = [];
const baseline: number[] = [];
let databaseBytes = 0;
for (let i = 0; i < runs; i++) {
  const folder = mkdtempSync(join(tmpdir(), "witan-bench-"));
  const env: NodeJS.ProcessEnv = { ...process.env, WITAN_DATA: folder, PORT: "0" };
  delete env.DATABASE_URL;
  try {
    baseline.push(await timeToFirstResponse(["-e", BASELINE], env));
    witan.push(await timeToFirstResponse([BIN, "start"], env));
    databaseBytes = readdirSync(folder)
      .filter((f) => f.startsWith("witan.db"))
      .reduce((sum, f) => sum + statSync(join(folder, f)).size, 0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const w = median(witan);
const b = median(baseline);
console.log(`cold start to first response (median of ${runs}, fresh database each time)`);
console.log(`  witan start:        ${w.toFixed(0)} ms`);
console.log(`  bare node server:   ${b.toFixed(0)} ms`);
console.log(`  ratio:              ${(w / b).toFixed(1)}x`);
console.log(
  `embedded database with the demo loaded: ${(databaseBytes / 1024).toFixed(0)} KiB (witan.db, -wal and -shm)`,
);
