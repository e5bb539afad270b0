import { PDFDocument, ParseSpeeds } from "pdf-lib";
import { WitanError } from "../../errors.js";
import type { Block } from "./blocks.js";
import { docxBlocks } from "./docx-blocks.js";
import { textBlocks } from "./text-blocks.js";
import type { PackPaper } from "./types.js";

// Each paper, read and checked before anything is assembled: an original PDF is parsed, a
// DOCX converted, text parsed into blocks. A paper that cannot be read stops the build with an
// error naming it, before a byte of the pack is written anywhere.

export type FileReader = { get(key: string): Promise<Uint8Array | null> };

export type ReadPaper = { kind: "pdf"; document: PDFDocument } | { kind: "blocks"; blocks: Block[] };

export async function readPaper(paper: PackPaper, itemNumber: string, files: FileReader): Promise<ReadPaper> {
  const fail = (reason: string) => paperError(paper, itemNumber, reason);
  const { source } = paper;
  const heading: Block = { kind: "heading", level: 1, text: paper.title };
  switch (source.kind) {
    case "text":
      return { kind: "blocks", blocks: [heading, ...textBlocks(source.text)] };
    case "missing":
      return {
        kind: "blocks",
        blocks: [
          heading,
          {
            kind: "paragraph",
            text:
              "Witan does not hold the content of this paper, so it could not be included in this pack. " +
              "Please ask the contact officer named on the front sheet for a copy.",
          },
        ],
      };
    case "pdf": {
      const bytes = await stored(files, source.fileKey, fail);
      let document: PDFDocument;
      let pages: number;
      try {
        // Parsed in one go: pdf-lib otherwise yields every 100 objects, which costs more than
        // the parsing on a paper of any size.
        document = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
        // pdf-lib parses leniently; a broken page tree only shows when the pages are counted.
        pages = document.getPageCount();
      } catch (error) {
        throw fail(`is not a readable PDF (${reasonOf(error)})`);
      }
      if (pages === 0) throw fail("is a PDF with no pages");
      return { kind: "pdf", document };
    }
    case "docx": {
      const bytes = await stored(files, source.fileKey, fail);
      try {
        return { kind: "blocks", blocks: [heading, ...(await docxBlocks(bytes))] };
      } catch (error) {
        throw fail(`is not a readable Word document (${reasonOf(error)})`);
      }
    }
  }
}

async function stored(
  files: FileReader,
  key: string,
  fail: (reason: string) => WitanError,
): Promise<Uint8Array> {
  const bytes = await files.get(key);
  if (bytes === null) throw fail(`is missing from the file store (file ${key})`);
  return bytes;
}

export function paperError(paper: PackPaper, itemNumber: string, reason: string): WitanError {
  return new WitanError(
    "FILE_UNREADABLE",
    `The pack was not built: the paper "${paper.title}" (document ${paper.key}, item ${itemNumber}) ${reason}`,
  );
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]?.slice(0, 200) ?? "unknown error";
}
