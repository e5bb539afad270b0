import { Worker } from "node:worker_threads";
import type { ExtractedText } from "../types.js";
import { libraryDetail, unreadable } from "./problems.js";
import { isWorkerResponse, type WorkerRequest } from "./worker-protocol.js";

// Runs PDF and Word extraction in a worker thread, one file at a time. A thread, unlike a
// promise, can be stopped: when a file runs past its time limit or its memory limit, the worker
// is terminated and the next file gets a fresh one. The worker is reused between files (starting
// one and loading pdf.js takes about a second) and never keeps the process alive.

export type WorkerLimits = { timeLimitMs: number; maxMemoryMb: number };

let current: Worker | undefined;
let queue: Promise<unknown> = Promise.resolve();

export function extractInWorker(request: WorkerRequest, limits: WorkerLimits): Promise<ExtractedText> {
  const run = queue.then(() => runOne(request, limits));
  queue = run.catch(() => undefined);
  return run;
}

function runOne(request: WorkerRequest, limits: WorkerLimits): Promise<ExtractedText> {
  const worker = (current ??= startWorker(limits.maxMemoryMb));
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      done();
      retire(worker);
      reject(error);
    };
    const timer = setTimeout(() => {
      const seconds = Math.round(limits.timeLimitMs / 1000);
      fail(
        unreadable(request.file, `took longer than ${seconds} seconds to read, so Witan stopped reading it`),
      );
    }, limits.timeLimitMs);
    const onMessage = (message: unknown) => {
      done();
      if (!isWorkerResponse(message))
        return reject(new Error("The extraction worker sent an unknown message"));
      if (message.ok) resolve(message.extracted);
      else reject(unreadable(request.file, message.problem));
    };
    const onError = (error: Error) => {
      const code = "code" in error ? error.code : undefined;
      if (code === "ERR_WORKER_OUT_OF_MEMORY") {
        fail(unreadable(request.file, "needs more memory to read than Witan allows one file"));
      } else {
        fail(unreadable(request.file, `could not be read (${libraryDetail(error)})`));
      }
    };
    const onExit = (exitCode: number) =>
      fail(new Error(`The extraction worker stopped (exit code ${exitCode}) while reading ${request.file}`));
    function done() {
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
    }
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    // The worker gets its own copy, transferred rather than cloned.
    const bytes = request.bytes.slice();
    worker.postMessage({ ...request, bytes }, [bytes.buffer]);
  });
}

function retire(worker: Worker): void {
  if (current === worker) current = undefined;
  void worker.terminate();
}

function startWorker(maxMemoryMb: number): Worker {
  // The sources are TypeScript run through tsx; a worker starts without the parent's loader,
  // so it registers tsx itself before loading the worker module (harmless for compiled .js).
  // The big libraries are loaded first: read through tsx's loader, pdf.js's 3 MB of JavaScript
  // take seconds rather than a third of one; once loaded they come from the module cache.
  const extension = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  const entry = new URL(`./worker${extension}`, import.meta.url).href;
  const preload = [
    "pdfjs-dist/legacy/build/pdf.mjs",
    "pdfjs-dist/legacy/build/pdf.worker.mjs",
    "cheerio/slim",
    "mammoth",
  ];
  const urls = JSON.stringify(preload.map((specifier) => import.meta.resolve(specifier)));
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const bootstrap =
    `Promise.all(${urls}.map((url) => import(url)))` +
    `.then(() => import(${tsx})).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(bootstrap, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
  });
  worker.unref();
  return worker;
}
