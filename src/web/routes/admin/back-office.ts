import formbody from "@fastify/formbody";
import rateLimit from "@fastify/rate-limit";
import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyReply } from "fastify";
import { bindForms } from "../../plugins/csrf.js";
import { sessions } from "../../plugins/sessions.js";
import { sendPage } from "../../render.js";
import type { BackOfficeDeps } from "./deps.js";
import { adminHomeRoutes } from "./home.js";
import { signInRoutes } from "./sign-in.js";
import { signOutRoutes } from "./sign-out.js";

// The sign-in pages and the back office, in a context of their own: only here are forms parsed,
// sessions read and cookies set, so the public pages stay free of cookies. One registration per
// concern, in the order a request meets them.

function isCsrfRefusal(error: FastifyError): boolean {
  return typeof error.code === "string" && error.code.startsWith("FST_CSRF_");
}

async function render(reply: FastifyReply, status: number, template: string, pageTitle: string) {
  return sendPage(reply.code(status), template, { pageTitle });
}

export function backOffice(deps: BackOfficeDeps): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    await app.register(formbody);
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
  };
}
