import { WitanError } from "../../errors.js";

// The one shape of an extraction error: the file's name, then what is wrong with it
// ("minutes.pdf is encrypted: Witan cannot read protected PDFs").

export function unreadable(file: string, problem: string): WitanError {
  return new WitanError("FILE_UNREADABLE", `${file} ${problem}`);
}

/** An error whose message is a problem with the file (the end of that sentence), not a fault in Witan. */
export class FileProblem extends Error {}

export const FORMATS_READ = "Witan reads PDF, Word (.docx), HTML and plain text files";

export function tooMuchText(maxChars: number): string {
  const millions = (maxChars / 1_000_000).toLocaleString("en-GB");
  return `holds more than ${millions} million characters of text, more than Witan reads from one file`;
}

/** A library's error, cut to one short line fit for a message (parsers' errors carry junk). */
export function libraryDetail(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = (text.split("\n")[0] ?? "")
    .replace(/\s+/g, " ")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, "")
    .trim();
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}
