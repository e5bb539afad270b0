import { fileTypeFromBuffer } from "file-type";
import type { Field } from "../../forms/fields.js";

// Files sent with a back-office form. What a file is comes from its bytes (file-type), never
// from its name or the type the browser claims: a "report.pdf" that is not a PDF is refused with
// the field's error message, and nothing is saved.

/** The largest file a form takes; the multipart parser stops reading beyond it. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

export const UPLOAD_TYPES = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
} as const;
export type UploadType = keyof typeof UPLOAD_TYPES;

export type Upload = { fileName: string; mediaType: UploadType; bytes: Uint8Array };

/** What the multipart parser leaves for a file field (see back-office.ts). */
export type ReceivedFile = { type: "file"; filename: string; value: { bytes: Buffer; isTruncated: boolean } };

function receivedFile(body: unknown, name: string): ReceivedFile | null {
  if (typeof body !== "object" || body === null) return null;
  const part: unknown = Object.getOwnPropertyDescriptor(body, name)?.value;
  if (typeof part !== "object" || part === null || !("type" in part) || part.type !== "file") return null;
  if (!("value" in part) || typeof part.value !== "object" || part.value === null) return null;
  const value = part.value;
  if (!("bytes" in value) || !(value.bytes instanceof Buffer)) return null;
  const filename = "filename" in part && typeof part.filename === "string" ? part.filename : "";
  return {
    type: "file",
    filename,
    value: { bytes: value.bytes, isTruncated: "isTruncated" in value && value.isTruncated === true },
  };
}

function isUploadType(mime: string): mime is UploadType {
  return Object.hasOwn(UPLOAD_TYPES, mime);
}

const MEGABYTE = 1024 * 1024;

/** Reads the form's file field, adding its error message to `errors` when the file is missing,
 * empty, too big or not a PDF or Word document. */
export async function readUpload(
  body: unknown,
  fields: readonly Field[],
  errors: Record<string, string>,
): Promise<Upload | null> {
  const field = fields.find((candidate) => candidate.kind === "file");
  if (field === undefined) return null;
  const file = receivedFile(body, field.name);
  const problem = (text: string) => {
    errors[field.name] = text;
    return null;
  };
  if (file === null || (file.filename === "" && file.value.bytes.length === 0)) {
    return field.isRequired ? problem("Select a file") : null;
  }
  if (file.value.isTruncated)
    return problem(`The selected file must be smaller than ${MAX_UPLOAD_BYTES / MEGABYTE} MB`);
  if (file.value.bytes.length === 0) return problem("The selected file is empty");
  const sniffed = await fileTypeFromBuffer(file.value.bytes);
  if (sniffed === undefined || !isUploadType(sniffed.mime)) {
    return problem("The selected file must be a PDF or a Word document (.docx)");
  }
  return { fileName: file.filename, mediaType: sniffed.mime, bytes: new Uint8Array(file.value.bytes) };
}
