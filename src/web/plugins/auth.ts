import type { FastifyReply, FastifyRequest } from "fastify";
import type { SignedIn } from "./sessions.js";

// Authentication for back-office routes: a route that needs someone signed in lists
// requireSignIn as a preHandler, and reads who it is with signedInOn. What they may then do is
// asked of the one policy, can() in src/domain/policy.ts, with request.signedIn.account.

export const SIGN_IN_PATH = "/sign-in";

/** Sends a visitor who is not signed in to the sign-in page. */
export async function requireSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  if (request.signedIn === null) return reply.redirect(SIGN_IN_PATH, 303);
  return undefined;
}

/** The signed-in account, on a route that requireSignIn guards. */
export function signedInOn(request: FastifyRequest): SignedIn {
  if (request.signedIn === null) throw new Error("This route must be guarded by requireSignIn");
  return request.signedIn;
}
