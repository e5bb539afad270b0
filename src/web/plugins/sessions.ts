import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../../config.js";
import type { Db } from "../../db/connect.js";
import { loadSignedInAccount, type SignedInAccount } from "../../records/accounts.js";
import { findSession, type Session } from "../../records/sessions.js";
import { clearCookie, cookieName, readCookie, setCookie } from "../cookies.js";
import { londonDate } from "../format.js";

// Who is signed in, from the session cookie and the sessions table (src/records/sessions.ts).
// Only the sign-in and back-office routes load sessions or touch the cookie: public pages set
// no cookie at all, and do not even look at this one.

export type SessionDeps = { db: Db; config: Config; now: () => Date };

export type SignedIn = { token: string; session: Session; account: SignedInAccount };

declare module "fastify" {
  interface FastifyRequest {
    /** the signed-in account, on sign-in and back-office routes; null elsewhere or signed out */
    signedIn: SignedIn | null;
  }
}

const SESSION_COOKIE = "witan-session";

export function sessionCookieName(config: Config): string {
  return cookieName(SESSION_COOKIE, config.secureCookies);
}

/** The signed-in account this request's cookie names, if its session is live. */
export async function readSignedIn(request: FastifyRequest, deps: SessionDeps): Promise<SignedIn | null> {
  const token = readCookie(request, sessionCookieName(deps.config));
  if (token === null) return null;
  const now = deps.now();
  const session = await findSession(deps.db, token, now);
  if (session === null) return null;
  const account = await loadSignedInAccount(deps.db, session.accountId, londonDate(now));
  return account === null ? null : { token, session, account };
}

/** For the routes registered in `app`'s context: request.signedIn, and a stale cookie removed. */
export function sessions(app: FastifyInstance, deps: SessionDeps): void {
  app.decorateRequest("signedIn", null);
  app.addHook("onRequest", async (request, reply) => {
    request.signedIn = await readSignedIn(request, deps);
    const name = sessionCookieName(deps.config);
    if (request.signedIn === null && readCookie(request, name) !== null) {
      clearCookie(reply, name, { secure: deps.config.secureCookies });
    }
  });
}

export function setSessionCookie(
  reply: FastifyReply,
  deps: SessionDeps,
  token: string,
  expiresAt: string,
): void {
  const seconds = (Date.parse(expiresAt) - deps.now().getTime()) / 1000;
  setCookie(reply, sessionCookieName(deps.config), token, {
    secure: deps.config.secureCookies,
    maxAgeSeconds: seconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  clearCookie(reply, sessionCookieName(config), { secure: config.secureCookies });
}
