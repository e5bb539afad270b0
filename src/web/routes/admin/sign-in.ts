import type { FastifyInstance } from "fastify";
import { signIn } from "../../../records/sign-in.js";
import { rawValues } from "../../forms/fields.js";
import { SIGN_IN_PATH, returnPath } from "../../plugins/auth.js";
import { clearPreSessionSecret, csrfToken, ensurePreSessionSecret } from "../../plugins/csrf.js";
import { setSessionCookie } from "../../plugins/sessions.js";
import { sendPage } from "../../render.js";
import { signInPage, type SignedOut } from "../../view-models/sign-in.js";
import type { BackOfficeDeps } from "./deps.js";
import { readSignInForm } from "./sign-in-form.js";

// GET and POST /sign-in. Attempts are limited per address to slow guessing across accounts
// (@fastify/rate-limit, this route only); each account also locks after repeated failures
// (src/domain/lockout.ts). Whatever goes wrong, the page says the same thing.

export const ADMIN_HOME_PATH = "/admin";

/** Per client address: enough for an office behind one address on a Monday morning. */
export const SIGN_IN_RATE_LIMIT = { max: 20, timeWindow: 60 * 1000 };

type Query = { "signed-out"?: SignedOut; return?: string };

export function signInRoutes(app: FastifyInstance, deps: BackOfficeDeps): void {
  app.get<{ Querystring: Query }>(
    SIGN_IN_PATH,
    {
      schema: {
        querystring: {
          type: "object",
          properties: {
            "signed-out": { type: "string", enum: ["here", "everywhere"] },
            return: { type: "string", maxLength: 500 },
          },
        },
      },
    },
    async (request, reply) => {
      const back = returnPath(request.query.return);
      if (request.signedIn !== null) return reply.redirect(back ?? ADMIN_HOME_PATH, 303);
      ensurePreSessionSecret(request, reply, deps.config);
      const page = signInPage({
        csrfToken: csrfToken(request, reply),
        signedOut: request.query["signed-out"],
        returnTo: back,
      });
      return sendPage(reply, "admin/sign-in.njk", { page, section: "sign-in" });
    },
  );

  app.post(SIGN_IN_PATH, { config: { rateLimit: SIGN_IN_RATE_LIMIT } }, async (request, reply) => {
    const { form, errors } = readSignInForm(request.body);
    const back = returnPath(rawValues(request.body).return);
    const refuse = (isRefused: boolean) => {
      const page = signInPage({
        csrfToken: csrfToken(request, reply),
        email: form.email,
        errors,
        isRefused,
        returnTo: back,
      });
      return sendPage(reply.code(400), "admin/sign-in.njk", { page, section: "sign-in" });
    };
    if (Object.keys(errors).length > 0) return refuse(false);

    const result = await signIn(deps.db, deps.engine, { ...form, now: deps.now() });
    if (!result.ok) {
      request.log.info({ reason: result.reason }, "sign-in refused");
      return refuse(true);
    }
    request.log.info({ accountId: result.accountId }, "signed in");
    clearPreSessionSecret(request, reply, deps.config);
    setSessionCookie(reply, deps, result.token, result.expiresAt);
    return reply.redirect(back ?? ADMIN_HOME_PATH, 303);
  });
}
