import { writeFile } from "node:fs/promises";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import type { Config } from "../config.js";
import { WitanError } from "../errors.js";
import type { PackMeetingRef } from "../records/packs.js";
import { openServices } from "../wiring.js";

// `witan pack MEETING --out FILE`: a meeting's agenda pack, built (or taken from the cache when
// nothing has changed) and written to a file. The command line is an officer's tool, so it may
// build the restricted pack too.

type Options = { out: string; restricted?: boolean; supplement?: boolean };

/** Below this many steps (two per paper) a pack is quick, and a progress bar would only flicker. */
const LONG_PACK_STEPS = 12;

export function registerPackCommand(program: Command, config: () => Config): void {
  program
    .command("pack")
    .description("Build a meeting's agenda pack as a PDF")
    .argument("<meeting>", 'the meeting\'s slug, or "authority-slug/meeting-slug"')
    .requiredOption("-o, --out <file>", "where to write the PDF")
    .option(
      "--restricted",
      "the restricted pack, with exempt (Part II) papers: for members and officers only",
    )
    .option("--supplement", "the supplement: the late items and their papers")
    .action(async (meeting: string, options: Options) => {
      const ref = meetingRef(meeting);
      // Loaded here, not at the top: pdf-lib and the fonts would slow every other command's start.
      const { getPack } = await import("../publishing/pack/service.js");
      const settings = config();
      const { connection, files } = await openServices(settings);
      const bar = new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: "Building the pack [{bar}] {value}/{total}",
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      );
      let started = false;
      try {
        const pack = await getPack(
          {
            db: connection.db,
            files,
            onProgress: (done, total) => {
              if (!started && total >= LONG_PACK_STEPS) {
                bar.start(total, 0);
                started = true;
              }
              if (started) bar.update(done);
            },
          },
          {
            meeting: ref,
            kind: options.supplement ? "supplement" : "agenda",
            audience: options.restricted ? "restricted" : "public",
          },
        );
        if (started) bar.stop();
        started = false;
        await writeFile(options.out, await pack.bytes());
        const what = `${options.restricted ? "restricted " : ""}${options.supplement ? "supplement" : "agenda pack"}`;
        const how = pack.fromCache ? "unchanged since it was last built" : "built";
        console.log(
          `Wrote ${options.out}: ${what}, ${pack.pageCount} pages (${how}), sha256 ${pack.sha256}.`,
        );
      } finally {
        if (started) bar.stop();
        await connection.close();
      }
    });
}

function meetingRef(text: string): PackMeetingRef {
  const parts = text.split("/");
  const [first, second] = parts;
  if (parts.length === 1 && first) return { meetingSlug: first };
  if (parts.length === 2 && first && second) return { authoritySlug: first, meetingSlug: second };
  throw new WitanError(
    "BAD_INPUT",
    `"${text}" is not a meeting: give its slug, or authority-slug/meeting-slug`,
  );
}
