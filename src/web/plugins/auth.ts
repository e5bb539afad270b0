import type { FastifyReply, FastifyRequest } from "fastify";
import type { SignedIn } from "./sessions.js";

// Authentication for back-office routes: a route that needs someone signed in lists
// requireSignIn as a preHandler, and reads who it is with signedInOn. What they may then do is
// asked of the one policy, can() in src/domain/policy.ts, with request.signedIn.account.

export const SIGN_IN_PATH = "/sign-in";

/** Sends a visitor who is not signed in to the sign-in page, which brings them back to the
 * page they asked for (a GET; a form posted while signed out is not sent again). */
export async function requireSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  if (request.signedIn !== null) return undefined;
  const back = request.method === "GET" ? returnPath(request.url) : null;
  const query = back === null ? "" : `?${new URLSearchParams({ return: back }).toString()}`;
  return reply.redirect(`${SIGN_IN_PATH}${query}`, 303);
}

/** A back-office path to return to after signing in, or null: only this site's back office, so
 * the sign-in page cannot be used to send someone elsewhere. */
export function returnPath(path: unknown): string | null {
  if (typeof path !== "string" || path.length > 500) return null;
  return /^\/admin(?:[/?][^\\\s]*)?$/.test(path) && !path.startsWith("//") && !path.includes("//")
    ? path
    : null;
}

/** The signed-in account, on a route that requireSignIn guards. */
export function signedInOn(request: FastifyRequest): SignedIn {
  if (request.signedIn === null) throw new Error("This route must be guarded by requireSignIn");
  return request.signedIn;
}
