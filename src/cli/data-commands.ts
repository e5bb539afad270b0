import { createWriteStream } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { once } from "node:events";
import type { Command } from "commander";
import type { Config } from "../config.js";
import { WitanError } from "../errors.js";
import { backupStatements, restoreStatements } from "../records/backup.js";
import { exportBundle } from "../records/bundle-export.js";
import { loadDemo } from "../records/demo.js";
import { openServices } from "../wiring.js";

export function registerDataCommands(program: Command, config: () => Config): void {
  program
    .command("demo")
    .description("Load the demo data (Plymouth and Torbay, 2017–2018) into the database")
    .action(async () => {
      const { connection } = await openServices(config());
      const { loaded, changes } = await loadDemo(connection.db, { onlyIfEmpty: false });
      console.log(`Loaded ${loaded} demo bundle${loaded === 1 ? "" : "s"}: ${changes} changes.`);
      await connection.close();
    });

  program
    .command("export")
    .description("Write the database as a bundle; includes Part II records, flagged, unless --public")
    .option("--public", "only what the public may see")
    .option("-o, --out <file>", "write to a file instead of standard output")
    .action(async (options: { public?: boolean; out?: string }) => {
      const { connection } = await openServices(config());
      try {
        const bundle = await exportBundle(connection.db, { publicOnly: options.public === true });
        const json = `${JSON.stringify(bundle, null, 2)}\n`;
        if (options.out) await writeFile(options.out, json);
        else process.stdout.write(json);
      } finally {
        await connection.close();
      }
    });

  program
    .command("backup")
    .description("Write a backup: plain SQL that either engine restores (or, on SQLite, --format sqlite)")
    .argument("<file>", "where to write the backup")
    .option("--format <format>", "sql (default) or sqlite: a consistent copy of the database file", "sql")
    .action(async (file: string, options: { format: string }) => {
      const { connection } = await openServices(config());
      try {
        if (options.format === "sqlite") {
          if (!connection.sqlite)
            throw new WitanError("BAD_INPUT", "--format sqlite needs the embedded database");
          await connection.sqlite.backup(file);
        } else if (options.format === "sql") {
          const out = createWriteStream(file);
          for await (const line of backupStatements(connection.db, connection.engine)) {
            if (!out.write(`${line}\n`)) await once(out, "drain");
          }
          out.end();
          await once(out, "finish");
        } else {
          throw new WitanError("BAD_INPUT", `--format must be sql or sqlite, not "${options.format}"`);
        }
        console.log(`Backed up to ${file}.`);
      } finally {
        await connection.close();
      }
    });

  program
    .command("restore")
    .description("Restore a SQL backup into an empty database")
    .argument("<file>", "a backup written by `witan backup`")
    .action(async (file: string) => {
      const script = await readFile(file, "utf8");
      const { connection } = await openServices(config());
      try {
        const count = await restoreStatements(connection.db, connection.engine, script);
        console.log(`Restored ${count} statements from ${file}.`);
      } finally {
        await connection.close();
      }
    });
}
