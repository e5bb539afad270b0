import { join } from "node:path";
import type { Config } from "./config.js";
import { connect, migrate, type Connection } from "./db/connect.js";
import { localFileStore, type FileStore } from "./records/files.js";

// Wiring by hand, in one place: the CLI, the web server and the tests build what they need here.

export type Services = { config: Config; connection: Connection; files: FileStore };

export async function openServices(config: Config): Promise<Services> {
  const connection = connect(config.database);
  try {
    await migrate(connection);
  } catch (error) {
    await connection.close();
    throw error;
  }
  return { config, connection, files: localFileStore(join(config.dataDir, "files")) };
}
