import formbody from "@fastify/formbody";
import multipart, { type MultipartFile } from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyReply } from "fastify";
import { bindForms } from "../../plugins/csrf.js";
import { sessions } from "../../plugins/sessions.js";
import { sendPage } from "../../render.js";
import { adminHomeRoutes } from "./home.js";
import { ADMIN_PAGES } from "./index.js";
import type { AdminDeps } from "./pages.js";
import { signInRoutes } from "./sign-in.js";
import { signOutRoutes } from "./sign-out.js";
import { MAX_UPLOAD_BYTES, type ReceivedFile } from "./uploads.js";

// The sign-in pages and the back office, in a context of their own: only here are forms parsed,
// sessions read and cookies set, so the public pages stay free of cookies. One registration per
// concern, in the order a request meets them.

function isCsrfRefusal(error: FastifyError): boolean {
  return typeof error.code === "string" && error.code.startsWith("FST_CSRF_");
}

async function render(reply: FastifyReply, status: number, template: string, pageTitle: string) {
  return sendPage(reply.code(status), template, { pageTitle });
}

/** Keeps an uploaded file's bytes, and whether it was cut short at the size limit, for
 * readUpload (uploads.ts) to check: a file too big is a form error, not a failed request. */
async function keepFile(part: MultipartFile): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  const value: ReceivedFile["value"] = { bytes: Buffer.concat(chunks), isTruncated: part.file.truncated };
  Object.assign(part, { value });
}

export function backOffice(deps: AdminDeps): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    await app.register(formbody);
    await app.register(multipart, {
      attachFieldsToBody: true,
      onFile: keepFile,
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 200, fieldSize: 1024 * 1024, parts: 201 },
    });
    await app.register(rateLimit, { global: false });
    sessions(app, deps);
    bindForms(app, deps.config);
    // Nothing about a signed-in person is kept by any cache, the browser's included.
    app.addHook("onSend", async (_request, reply) => {
      reply.header("cache-control", "no-store");
    });
    // A refused form and a rate limit get pages that say what to do; anything else goes on to
    // the app's own error handler.
    app.setErrorHandler((error: FastifyError, _request, reply) => {
      if (isCsrfRefusal(error)) {
        return render(reply, 403, "admin/form-refused.njk", "Sorry, that form could not be sent");
      }
      if (error.statusCode === 429) {
        return render(reply, 429, "admin/too-many-attempts.njk", "Too many attempts to sign in");
      }
      throw error;
    });

    signInRoutes(app, deps);
    signOutRoutes(app, deps);
    adminHomeRoutes(app);
    for (const page of ADMIN_PAGES) page.register(app, deps);
  };
}
