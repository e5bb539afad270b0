import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { buildCss, CSS_FILE } from "./build-css.js";

test("the committed witan.css is what build-css.ts makes from the styles today", async () => {
  const committed = readFileSync(CSS_FILE, "utf8");
  const built = await buildCss();
  // A plain equality would print two 170 kB strings; the first differing line says enough.
  if (built === committed) return;
  const builtLines = built.split("\n");
  const committedLines = committed.split("\n");
  const line = builtLines.findIndex((text, index) => text !== committedLines[index]);
  assert.fail(
    `src/web/public/witan.css is out of date from line ${line + 1} ` +
      `(built "${builtLines[line]}", committed "${committedLines[line]}"): ` +
      "run node --import tsx src/web/build-css.ts",
  );
});
