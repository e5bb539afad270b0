import { readdir, readFile } from "node:fs/promises";
import type { Db } from "../db/connect.js";
import { loadBundle } from "./bundle-load.js";

// The demo data: hand-curated bundles in data/demo/, built from the documents in the samples.
const DEMO_FOLDER = new URL("../../data/demo/", import.meta.url);

export async function loadDemo(
  db: Db,
  options: { onlyIfEmpty: boolean },
): Promise<{ loaded: number; changes: number }> {
  if (
    options.onlyIfEmpty &&
    (await db.selectFrom("authorities").select("id").limit(1).execute()).length > 0
  ) {
    return { loaded: 0, changes: 0 };
  }
  const files = (await readdir(DEMO_FOLDER)).filter((f) => f.endsWith(".json")).sort();
  let changes = 0;
  for (const file of files) {
    const bundle: unknown = JSON.parse(await readFile(new URL(file, DEMO_FOLDER), "utf8"));
    changes += (await loadBundle(db, bundle, { name: "witan demo", accountId: null })).changes;
  }
  return { loaded: files.length, changes };
}
