// Response times of the portal's heaviest public pages (a meeting, an issue, a search) on the demo
// data, through app.inject (the whole Fastify stack, no network), against a baseline measured in
// the same run: /healthz, which runs one small query and renders nothing. Prints p50 and p95 of
// each and their ratios to the baseline's. Request counts are bounded: BENCH_REQUESTS (default 300)
// per page after BENCH_WARMUP (default 30).
import { loadConfig } from "../src/config.js";
import { connect, migrate } from "../src/db/connect.js";
import { loadBundle } from "../src/records/bundle-load.js";
import { createApp } from "../src/web/app.js";
import { TEST_ACTOR, demoBundle } from "../test/support/demo.js";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);

const PAGES: [name: string, url: string][] = [
  ["baseline /healthz", "/healthz"],
  [
    "meeting",
    "/authorities/plymouth-city-council/meetings/2017-09-20-wellbeing-overview-and-scrutiny-committee",
  ],
  ["issue", "/issues/torbay-childrens-services-partnership-arrangement-with-pcc"],
  ["search Torbay", "/search?q=Torbay"],
  ["search phrase, page 2", "/search?q=%22children%27s+services%22+-scrutiny&page=2"],
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

const connection = connect({ engine: "sqlite", file: ":memory:" });
await migrate(connection);
await loadBundle(connection.db, demoBundle(), TEST_ACTOR);
const app = await createApp({
  db: connection.db,
  engine: "sqlite",
  config: loadConfig({}),
  now: () => new Date("2017-09-21T09:00:00Z"),
});

const results: { name: string; status: number; p50: number; p95: number }[] = [];
try {
  for (const [name, url] of PAGES) {
    let status = 0;
    for (let i = 0; i < WARMUP; i++) status = (await app.inject(url)).statusCode;
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      const response = await app.inject(url);
      times.push(performance.now() - started);
      status = response.statusCode;
    }
    times.sort((a, b) => a - b);
    results.push({ name, status, p50: percentile(times, 50), p95: percentile(times, 95) });
  }
} finally {
  await app.close();
  await connection.close();
}

const [baseline] = results;
console.log(`portal pages on the demo data, SQLite in memory, ${REQUESTS} requests each via app.inject`);
for (const r of results) {
  const ratio = baseline
    ? `  (${(r.p50 / baseline.p50).toFixed(1)}x / ${(r.p95 / baseline.p95).toFixed(1)}x baseline)`
    : "";
  const note = r.status === 200 ? "" : `  [status ${r.status}]`;
  console.log(
    `  ${r.name.padEnd(24)} p50 ${r.p50.toFixed(2).padStart(7)} ms  p95 ${r.p95.toFixed(2).padStart(7)} ms${ratio}${note}`,
  );
}
