import type { FastifyInstance } from "fastify";
import { requireSignIn, signedInOn } from "../../plugins/auth.js";
import { csrfToken } from "../../plugins/csrf.js";
import { sendPage } from "../../render.js";
import { adminHomePage } from "../../view-models/admin-home.js";
import { ADMIN_HOME_PATH } from "./sign-in.js";

// GET /admin: the back office's home page, for anyone signed in.

export function adminHomeRoutes(app: FastifyInstance): void {
  app.get(ADMIN_HOME_PATH, { preHandler: requireSignIn }, async (request, reply) => {
    const signedIn = signedInOn(request);
    const page = adminHomePage(signedIn.account, signedIn.session.expiresAt, csrfToken(request, reply));
    return sendPage(reply, "admin/home.njk", { page, section: "admin" });
  });
}
