import { randomBytes } from "node:crypto";
import csrfProtection from "@fastify/csrf-protection";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../../config.js";
import { rawValues } from "../forms/fields.js";
import { clearCookie, cookieName, readCookie, setCookie } from "../cookies.js";

// Protection against cross-site request forgery for every form. Every POST, PUT, PATCH and
// DELETE anywhere in the app must carry a token (the form field _csrf) made from the secret its
// form was bound to, or it is refused with 403 before its handler runs; a route outside the
// back office has no secret, so it refuses them all until it is given one.
//
// Signed in, the secret is the session's own (sessions.csrf_secret in the database), so a token
// is good only for the session it was made for and dies with it. Before signing in, the sign-in
// form is bound to a random secret in a cookie of its own, set only by the sign-in page, so that
// another site cannot sign a visitor in to an account of its choosing either.
// Tokens come from @fastify/csrf-protection, which salts each one (a different token on every
// page, against BREACH) and checks it in constant time; it reads the secret from
// request.session[sessionKey], the shape this plugin gives it.

type FormSecret = { csrfSecret?: string };

declare module "fastify" {
  interface FastifyRequest {
    /** the secret this request's forms are bound to, where @fastify/csrf-protection looks */
    session: FormSecret | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const PRE_SESSION_COOKIE = "witan-csrf";

/** Registers the check at the root, for every route in the app. */
export async function csrf(app: FastifyInstance): Promise<void> {
  await app.register(csrfProtection, {
    sessionPlugin: "@fastify/session",
    sessionKey: "csrfSecret",
    // The field _csrf, from a urlencoded form or a multipart one, or the x-csrf-token header.
    getToken: (request) => {
      const field = rawValues(request.body)._csrf;
      return typeof field === "string" ? field : headerToken(request);
    },
  });
  app.decorateRequest("session", null);
  app.addHook("preHandler", (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    request.session ??= {};
    app.csrfProtection(request, reply, done);
  });
}

function headerToken(request: FastifyRequest): string {
  const value = request.headers["x-csrf-token"];
  return typeof value === "string" ? value : "";
}

function preSessionCookieName(config: Config): string {
  return cookieName(PRE_SESSION_COOKIE, config.secureCookies);
}

/** For the routes of `app`'s context: binds forms to the session's secret, or before sign-in to
 * the sign-in form's cookie. Runs after the sessions hook. */
export function bindForms(app: FastifyInstance, config: Config): void {
  app.addHook("onRequest", async (request) => {
    const secret = request.signedIn?.session.csrfSecret ?? readCookie(request, preSessionCookieName(config));
    request.session = secret === null ? {} : { csrfSecret: secret };
  });
}

/** Gives a signed-out visitor the sign-in form's secret, in its cookie, if they have none yet. */
export function ensurePreSessionSecret(request: FastifyRequest, reply: FastifyReply, config: Config): void {
  if (request.session?.csrfSecret !== undefined) return;
  const secret = randomBytes(32).toString("base64url");
  setCookie(reply, preSessionCookieName(config), secret, { secure: config.secureCookies });
  request.session = { csrfSecret: secret };
}

export function clearPreSessionSecret(request: FastifyRequest, reply: FastifyReply, config: Config): void {
  const name = preSessionCookieName(config);
  if (readCookie(request, name) !== null) clearCookie(reply, name, { secure: config.secureCookies });
}

/** A token for a form on this page, made from the secret the request is bound to. */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  // Without a secret, @fastify/csrf-protection would make one that nothing keeps.
  if (request.session?.csrfSecret === undefined) throw new Error("This page's forms are bound to no secret");
  return reply.generateCsrf();
}
