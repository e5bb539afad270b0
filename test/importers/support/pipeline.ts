import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { PipelineOutcome, PipelineRequest } from "./pipeline-worker.js";

// Runs extraction and parsing in a worker with a time budget; past the budget the worker is
// stopped and the outcome is "hung".

export type Outcome = PipelineOutcome | { kind: "hung"; afterMs: number };

export const parserPresent = existsSync(
  fileURLToPath(new URL("../../../src/importers/parse/index.ts", import.meta.url)),
);

export class Pipeline {
  #worker: Worker | undefined;

  async run(request: PipelineRequest, budgetMs: number): Promise<Outcome> {
    const worker = (this.#worker ??= start());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.off("message", onMessage).off("error", onError);
        this.#worker = undefined;
        void worker.terminate();
        resolve({ kind: "hung", afterMs: budgetMs });
      }, budgetMs);
      const onMessage = (outcome: PipelineOutcome) => {
        clearTimeout(timer);
        worker.off("error", onError);
        resolve(outcome);
      };
      const onError = (error: Error) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        this.#worker = undefined;
        reject(error);
      };
      worker.once("message", onMessage).once("error", onError);
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await this.#worker?.terminate();
    this.#worker = undefined;
  }
}

function start(): Worker {
  const entry = new URL("./pipeline-worker.ts", import.meta.url).href;
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const worker = new Worker(
    `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true },
  );
  worker.unref();
  return worker;
}
