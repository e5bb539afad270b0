import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import type { Command } from "commander";
import type { Config } from "../config.js";
import type { Bundle } from "../domain/bundle.js";
import { parseBundle } from "../domain/bundle-validate.js";
import { WitanError } from "../errors.js";
import { inLoadOrder } from "../importers/load-order.js";
import { loadBundle } from "../records/bundle-load.js";
import { openServices } from "../wiring.js";

// `witan import FILE…`: bundles (.json) are loaded as they are; any other file is a council
// document (PDF, Word, HTML, text) that the importers turn into a bundle first. Each file is
// loaded in its own transaction, so a file that fails writes nothing while the files before it
// stay loaded; the batch goes on, and the end says which files failed.

const CLI_ACTOR = { name: "witan import", accountId: null };

// Always said, not only with --verbose: OCR misreads letters and digits, in names, dates and numbers.
const READ_BY_OCR =
  "has no text of its own, so its scanned pages were read by OCR: check the imported names, dates and numbers against the original";

type ImportOptions = {
  dryRun?: boolean;
  authority?: string;
  body?: string;
  date?: string;
  issue?: string;
  maxSize?: number;
  verbose?: boolean;
};

export function registerImportCommand(program: Command, config: () => Config): void {
  program
    .command("import")
    .description(
      "Import council documents (PDF, Word .docx, HTML, text) and bundles (.json), each file in one transaction",
    )
    .argument("<files...>", "documents or bundle files")
    .option("--dry-run", "print each file's bundle as JSON on standard output, one per file; write nothing")
    .option("--authority <name>", "the council, for documents that do not name it")
    .option("--body <name>", "the committee or other body, for documents that do not name it")
    .option("--date <YYYY-MM-DD>", "the meeting date, for documents that do not state it")
    .option("--issue <title>", "an issue to file the documents' items under")
    .option("--max-size <MB>", "refuse documents larger than this many megabytes (default 100)", megabytes)
    .option("--verbose", "also print what the importers were unsure of")
    .action((files: string[], options: ImportOptions) => runImport(files, options, config));
}

async function runImport(files: string[], options: ImportOptions, config: () => Config): Promise<void> {
  // Loaded here rather than at the top, so that other commands start without the PDF, Word and
  // HTML readers.
  const { checkHints, importFile } = await import("../importers/import-file.js");
  const hints = checkHints({
    authority: options.authority,
    body: options.body,
    date: options.date,
    issue: options.issue,
  });
  if (Object.keys(hints).length > 0 && files.some(isBundleFile)) {
    console.error(
      "witan: --authority, --body, --date and --issue apply to documents, not to bundles (.json)",
    );
  }
  const services = options.dryRun ? undefined : await openServices(config());
  const store = services?.files;
  const read = async (file: string): Promise<{ bundle: Bundle; warnings: string[]; ocr?: true }> => {
    if (isBundleFile(file)) return { bundle: await readBundle(file), warnings: [] };
    const maxBytes = options.maxSize === undefined ? undefined : options.maxSize * 1024 * 1024;
    return importFile(file, { hints, maxBytes, ...(store ? { store } : {}) });
  };
  const out = await progress(files.length);
  const failed: string[] = [];
  const fail = (file: string, error: unknown) => {
    // One file: its error is the command's, reported once by main.ts as before.
    if (files.length === 1) throw error;
    failed.push(file);
    out.problem(`witan: ${describeError(file, error)}`);
  };
  try {
    // Every file is read before any is loaded, so that they load in an order of their own
    // (src/importers/load-order.ts) rather than the command line's: `witan import a b` and
    // `witan import b a` leave the same database. --dry-run prints in the command line's order.
    const parsed: { file: string; bundle: Bundle }[] = [];
    for (const file of files) {
      out.begin(file);
      try {
        const { bundle, warnings, ocr } = await read(file);
        if (ocr) out.problem(`witan: ${file} ${READ_BY_OCR}`);
        if (options.verbose) for (const warning of warnings) out.problem(`witan: ${file}: ${warning}`);
        if (services) {
          parsed.push({ file, bundle });
          continue;
        }
        process.stdout.write(`${JSON.stringify(bundle, null, 2)}\n`);
      } catch (error) {
        fail(file, error);
      }
      out.done();
    }
    if (services) {
      for (const { file, bundle } of inLoadOrder(parsed)) {
        out.begin(file);
        try {
          out.line(`${file}: ${describeLoad(await loadBundle(services.connection.db, bundle, CLI_ACTOR))}`);
        } catch (error) {
          fail(file, error);
        }
        out.done();
      }
    }
  } finally {
    out.stop();
    await services?.connection.close();
  }
  const done = files.length - failed.length;
  if (failed.length > 0) {
    throw new WitanError(
      "BAD_INPUT",
      `${done} of ${files.length} files ${options.dryRun ? "read" : "loaded"}; not ${options.dryRun ? "read" : "loaded"}: ${failed.join(", ")}`,
    );
  }
  if (files.length > 1 && services) out.line(`Loaded ${done} of ${files.length} files.`);
}

function isBundleFile(file: string): boolean {
  return extname(file).toLowerCase() === ".json";
}

async function readBundle(file: string): Promise<Bundle> {
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

function describeLoad(summary: { changes: number; meetings: number; items: number; documents: number }) {
  const { changes, meetings, items, documents } = summary;
  return (
    `${plural(changes, "change")} (${plural(meetings, "meeting")}, ${plural(items, "item")}, ` +
    `${plural(documents, "document")} in the bundle)`
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** One line for a file that failed in a batch, as main.ts would say it for a single file. */
function describeError(file: string, error: unknown): string {
  if (process.env.WITAN_DEBUG === "1") console.error(error);
  if (error instanceof WitanError) return error.message;
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  if (code === "ENOENT") return `no such file: ${file}`;
  return `${file}: ${error instanceof Error ? error.message : String(error)}`;
}

function megabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new WitanError("BAD_INPUT", `--max-size must be a number of megabytes, not "${value}"`);
  return n;
}

type Progress = {
  line(text: string): void;
  problem(text: string): void;
  begin(file: string): void;
  done(): void;
  stop(): void;
};

/**
 * A progress bar on standard error, for a batch in a terminal. Lines for the terminal are
 * printed above the bar; lines for a file or pipe go straight to standard output.
 */
async function progress(total: number): Promise<Progress> {
  if (total < 2 || !process.stderr.isTTY) {
    return {
      line: (text) => console.log(text),
      problem: (text) => console.error(text),
      begin: () => undefined,
      done: () => undefined,
      stop: () => undefined,
    };
  }
  const { MultiBar, Presets } = await import("cli-progress");
  const bars = new MultiBar(
    {
      stream: process.stderr,
      format: "{bar} {value}/{total} files {file}",
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  const bar = bars.create(total, 0, { file: "" });
  // A logged line waits for the bar's next redraw, which a busy import may not give it soon.
  const log = (text: string) => {
    bars.log(`${text}\n`);
    bars.update();
  };
  return {
    line: (text) => (process.stdout.isTTY ? log(text) : console.log(text)),
    problem: log,
    begin: (file) => bar.update({ file }),
    done: () => bar.increment(1),
    stop: () => bars.stop(),
  };
}
