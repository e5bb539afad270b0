import type { FastifyInstance } from "fastify";
import type { Db } from "../../../db/connect.js";
import { WitanError } from "../../../errors.js";
import type { FileStore } from "../../../records/files.js";
import { findDocument, findDocumentFile } from "../../../records/public/documents.js";
import { sendPage } from "../../render.js";
import { documentPage } from "../../view-models/document.js";
import { DOCUMENT_KEY, paramsSchema, SLUG } from "./params.js";

type Params = { authority: string; key: string };

const EXTENSIONS: Record<string, string> = {
  "application/pdf": "pdf",
  "application/msword": "doc",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.ms-excel": "xls",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.oasis.opendocument.text": "odt",
  "text/plain": "txt",
  "text/csv": "csv",
  "text/html": "html",
};

export function documentRoutes(app: FastifyInstance, deps: { db: Db; files?: FileStore }): void {
  const schema = { params: paramsSchema({ authority: SLUG, key: DOCUMENT_KEY }) };

  app.get<{ Params: Params }>(
    "/authorities/:authority/documents/:key",
    { schema },
    async (request, reply) => {
      const document = await findDocument(deps.db, request.params.authority, request.params.key);
      // A Part II or unpublished document is "not found", never "forbidden".
      if (!document) throw new WitanError("NOT_FOUND");
      const page = documentPage({ ...document, hasFile: document.hasFile && deps.files !== undefined });
      return sendPage(reply, "document.njk", { page });
    },
  );

  app.get<{ Params: Params }>(
    "/authorities/:authority/documents/:key/download",
    { schema },
    async (request, reply) => {
      const file = await findDocumentFile(deps.db, request.params.authority, request.params.key);
      const bytes = file && deps.files ? await deps.files.get(file.fileKey) : null;
      if (!file || !bytes) throw new WitanError("NOT_FOUND");
      const mediaType = file.mediaType ?? "application/octet-stream";
      const name = `${file.key}.${EXTENSIONS[mediaType] ?? "bin"}`;
      // Only a PDF opens in the browser; anything else is saved, and no file may run script here.
      const disposition = mediaType === "application/pdf" ? "inline" : "attachment";
      return reply
        .type(mediaType)
        .header("content-disposition", `${disposition}; filename="${name}"`)
        .header("content-security-policy", "sandbox; default-src 'none'")
        .header("cache-control", "public, max-age=3600")
        .send(Buffer.from(bytes));
    },
  );
}
