import { Command, CommanderError } from "commander";
import { loadConfig } from "../config.js";
import { WitanError } from "../errors.js";
import { registerDataCommands } from "./data-commands.js";
import { registerImportCommand } from "./import-command.js";
import { registerPackCommand } from "./pack-command.js";
import { registerServerCommands } from "./server-commands.js";
import { registerUserCommand } from "./user-command.js";

// `witan`: one command per job, each with --help. A user's mistake prints one clear line and
// exits non-zero; only WITAN_DEBUG=1 shows a stack trace.

export function buildProgram(): Command {
  const program = new Command("witan")
    .description(
      "Witan: committee management for councils — meetings, agendas, minutes, decisions and issues.",
    )
    .showHelpAfterError("(run with --help for usage)");
  const config = () => loadConfig();
  registerServerCommands(program, config);
  registerImportCommand(program, config);
  registerDataCommands(program, config);
  registerPackCommand(program, config);
  registerUserCommand(program, config);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode;
  if (process.env.WITAN_DEBUG === "1") console.error(error);
  else console.error(`witan: ${describe(error)}`);
  return error instanceof WitanError ? 2 : 1;
}

function describe(error: unknown): string {
  if (error instanceof WitanError) return error.message;
  if (error instanceof SyntaxError) return `not valid JSON: ${error.message}`;
  if (error instanceof Error) {
    const code = "code" in error ? String(error.code) : "";
    if (code === "ENOENT" && "path" in error) return `no such file: ${String(error.path)}`;
    if (code === "ECONNREFUSED") return `cannot reach the database: ${error.message}`;
    return error.message;
  }
  return String(error);
}
