import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import type { Command } from "commander";
import type { Config } from "../config.js";
import { parseBundle } from "../domain/bundle-validate.js";
import { WitanError } from "../errors.js";
import { loadBundle } from "../records/bundle-load.js";
import { openServices } from "../wiring.js";

const CLI_ACTOR = { name: "witan import", accountId: null };

export function registerImportCommand(program: Command, config: () => Config): void {
  program
    .command("import")
    .description("Load bundles (.json) into the database, each in one transaction")
    .argument("<files...>", "bundle files")
    .option("--dry-run", "check the files and print the bundle on standard output; write nothing")
    .action(async (files: string[], options: { dryRun?: boolean }) => {
      const bundles = [];
      for (const file of files) bundles.push({ file, bundle: await readBundle(file) });
      if (options.dryRun) {
        for (const { bundle } of bundles) process.stdout.write(`${JSON.stringify(bundle, null, 2)}\n`);
        return;
      }
      const { connection } = await openServices(config());
      try {
        for (const { file, bundle } of bundles) {
          const summary = await loadBundle(connection.db, bundle, CLI_ACTOR);
          console.log(
            `${file}: ${summary.changes} change${summary.changes === 1 ? "" : "s"} ` +
              `(${summary.meetings} meetings, ${summary.items} items, ${summary.documents} documents in the bundle)`,
          );
        }
      } finally {
        await connection.close();
      }
    });
}

async function readBundle(file: string) {
  if (extname(file).toLowerCase() !== ".json") {
    throw new WitanError(
      "BAD_INPUT",
      `${file}: witan import reads bundles (.json); importers for council documents are not in this release`,
    );
  }
  const text = await readFile(file, "utf8");
  try {
    return parseBundle(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new WitanError("BAD_INPUT", `${file} is not valid JSON: ${error.message}`);
    if (error instanceof WitanError)
      throw new WitanError(error.code, `${file}: ${error.message}`, error.details);
    throw error;
  }
}
