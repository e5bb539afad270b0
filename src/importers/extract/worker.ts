import { parentPort } from "node:worker_threads";
import { readDocx } from "./docx.js";
import { readHtml } from "./html.js";
import { readPdf } from "./pdf.js";
import { FileProblem, libraryDetail } from "./problems.js";
import type { ExtractedText } from "../types.js";
import type { WorkerRequest, WorkerResponse } from "./worker-protocol.js";

// The extraction worker: reads PDF, Word and HTML files in a thread of its own, so the process that
// asked can stop it when a file takes too long or needs too much memory (worker-client.ts).

// Standard output may be carrying a bundle (witan import --dry-run), so the libraries' console
// chatter (pdf.js warns about fonts) goes to standard error, and only when debugging.
const quiet = (...args: unknown[]) => {
  if (process.env.WITAN_DEBUG === "1") console.error(...args);
};
console.log = quiet;
console.info = quiet;
console.warn = quiet;
console.debug = quiet;

// pdf.js can leave a rejected promise behind when a damaged file fails half-way; the request's
// own promise carries the failure, so a stray one must not end the worker.
process.on("unhandledRejection", () => undefined);

parentPort?.on("message", (request: WorkerRequest) => {
  void answer(request).then((response) => parentPort?.postMessage(response));
});

async function answer(request: WorkerRequest): Promise<WorkerResponse> {
  try {
    return { ok: true, extracted: await read(request) };
  } catch (error) {
    if (error instanceof FileProblem) return { ok: false, problem: error.message };
    if (error instanceof RangeError) return { ok: false, problem: "is nested too deeply to read" };
    // pdf.js and mammoth fail on damaged input in ways of their own; the file is the problem.
    return { ok: false, problem: `is damaged and cannot be read (${libraryDetail(error)})` };
  }
}

function read({ format, bytes, file, maxChars }: WorkerRequest): Promise<ExtractedText> | ExtractedText {
  if (format === "pdf") return readPdf(bytes, file, maxChars);
  if (format === "docx") return readDocx(bytes, file, maxChars);
  return readHtml(bytes, file);
}
