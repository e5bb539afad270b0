// `npm run bench`: every benchmark in turn; each prints its own figures and ratios.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const benches = ["start.ts", "portal.ts", "pack.ts", "import.ts"];
for (const bench of benches) {
  console.log(`\n== ${bench}`);
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", fileURLToPath(new URL(bench, import.meta.url))],
    {
      stdio: "inherit",
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
