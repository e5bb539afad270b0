import type { FastifyInstance } from "fastify";
import { actorFor } from "../../../records/accounts.js";
import { endAllSessions, endSession } from "../../../records/sessions.js";
import { write } from "../../../records/writer.js";
import { SIGN_IN_PATH, requireSignIn, signedInOn } from "../../plugins/auth.js";
import { clearSessionCookie } from "../../plugins/sessions.js";
import type { BackOfficeDeps } from "./deps.js";

// POST /sign-out ends this session; POST /sign-out-everywhere ends every session of the account,
// on every device. Both are forms with CSRF tokens, so another site cannot sign anyone out.

export function signOutRoutes(app: FastifyInstance, deps: BackOfficeDeps): void {
  app.post("/sign-out", async (request, reply) => {
    const signedIn = request.signedIn;
    if (signedIn !== null) await endSession(deps.db, actorFor(signedIn.account), signedIn.token);
    clearSessionCookie(reply, deps.config);
    return reply.redirect(`${SIGN_IN_PATH}?signed-out=here`, 303);
  });

  app.post("/sign-out-everywhere", { preHandler: requireSignIn }, async (request, reply) => {
    const { account } = signedInOn(request);
    const ended = await write(deps.db, actorFor(account), (w) => endAllSessions(w, account.id));
    request.log.info({ accountId: account.id, ended }, "signed out everywhere");
    clearSessionCookie(reply, deps.config);
    return reply.redirect(`${SIGN_IN_PATH}?signed-out=everywhere`, 303);
  });
}
