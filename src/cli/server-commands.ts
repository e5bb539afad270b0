import type { Command } from "commander";
import type { Config } from "../config.js";
import { connect, migrate } from "../db/connect.js";
import { loadDemo } from "../records/demo.js";
import { openServices, type Services } from "../wiring.js";

export function registerServerCommands(program: Command, config: () => Config): void {
  program
    .command("start")
    .description("Migrate the database, load the demo data if it is empty, and serve the portal")
    .action(async () => {
      const services = await openServices(config());
      const { loaded } = await loadDemo(services.connection.db, { onlyIfEmpty: true });
      if (loaded > 0) console.log(`Loaded the demo data (${loaded} bundle${loaded === 1 ? "" : "s"}).`);
      await serve(services);
    });

  program
    .command("serve")
    .description("Serve the portal on PORT (default 3000)")
    .action(async () => serve(await openServices(config())));

  program
    .command("migrate")
    .description("Bring the database schema up to date")
    .action(async () => {
      const connection = connect(config().database);
      try {
        const applied = await migrate(connection);
        console.log(applied.length ? `Applied ${applied.join(", ")}.` : "The database is up to date.");
      } finally {
        await connection.close();
      }
    });
}

async function serve({ config, connection, files }: Services): Promise<void> {
  const { createApp } = await import("../web/app.js");
  const app = await createApp({ db: connection.db, engine: connection.engine, config, files, logger: true });
  const stop = async () => {
    await app.close();
    await connection.close();
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : config.port;
  console.log(`Witan is serving on http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}/`);
}
