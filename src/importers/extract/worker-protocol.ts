import type { ExtractedText } from "../types.js";

// Messages between the extraction worker and the process that asks it to read a file.

export type WorkerRequest = {
  format: "pdf" | "docx" | "html";
  file: string;
  bytes: Uint8Array;
  maxChars: number;
};

export type WorkerResponse =
  | { ok: true; extracted: ExtractedText }
  /** what is wrong with the file, as the end of a sentence that starts with its name */
  | { ok: false; problem: string };

export function isWorkerResponse(value: unknown): value is WorkerResponse {
  if (typeof value !== "object" || value === null || !("ok" in value)) return false;
  if (value.ok === true) return "extracted" in value && typeof value.extracted === "object";
  return value.ok === false && "problem" in value && typeof value.problem === "string";
}
