import { resolve } from "node:path";
import type { ConnectOptions } from "./db/connect.js";

// One typed configuration, read once from the environment, with safe local defaults.
export type Config = {
  /** DATABASE_URL: a postgres:// URL; unset means the embedded SQLite database */
  database: ConnectOptions;
  /** PORT: where `witan serve` listens (default 3000) */
  port: number;
  /** HOST: the interface to listen on (default 127.0.0.1; 0.0.0.0 in a container) */
  host: string;
  /** WITAN_DATA: the folder for the embedded database and the file store (default ./data) */
  dataDir: string;
  /** WITAN_SITE_NAME: the name in the header of every page */
  siteName: string;
  /** WITAN_COPYRIGHT: the footer's copyright line, the deployment's own */
  copyright: string;
  /** WITAN_SECURE_COOKIES=true|false: send sign-in cookies only over HTTPS, named with the
   * __Host- prefix. Default: true when NODE_ENV=production, else false, so that Witan tried out
   * on a laptop or over an intranet's plain HTTP can still sign in. */
  secureCookies: boolean;
};

function secureCookies(env: NodeJS.ProcessEnv): boolean {
  const value = env.WITAN_SECURE_COOKIES;
  if (value === undefined || value === "") return env.NODE_ENV === "production";
  if (value === "true") return true;
  if (value === "false") return false;
  throw new Error(`WITAN_SECURE_COOKIES must be true or false, not "${value}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.WITAN_DATA ?? "data");
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}"`);
  }
  const url = env.DATABASE_URL;
  if (url !== undefined && !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error("DATABASE_URL must be a postgres:// or postgresql:// URL");
  }
  return {
    database: url ? { engine: "postgres", url } : { engine: "sqlite", file: resolve(dataDir, "witan.db") },
    port,
    host: env.HOST ?? "127.0.0.1",
    dataDir,
    siteName: env.WITAN_SITE_NAME ?? "Witan: council meetings and decisions",
    copyright:
      env.WITAN_COPYRIGHT ??
      "Content from the councils named on each page, under the Open Government Licence v3.0",
    secureCookies: secureCookies(env),
  };
}
