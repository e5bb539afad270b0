import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { WitanError } from "../../errors.js";
import { sendPage } from "../render.js";

// One error handler for the whole app (STYLE.md, habit 5). Expected errors become the GOV.UK
// error page a user can act on; anything else is a bug: logged in full with the request id,
// shown as a plain "problem with the service" page with that id and never a stack trace.

type Page = { template: string; pageTitle: string; reference?: string };

const NOT_FOUND: Page = { template: "errors/not-found.njk", pageTitle: "Page not found" };
const BAD_REQUEST: Page = {
  template: "errors/bad-request.njk",
  pageTitle: "Sorry, we could not understand that request",
};

function statusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("statusCode" in error)) return undefined;
  return typeof error.statusCode === "number" ? error.statusCode : undefined;
}

/** A URL whose parameters fail their schema names nothing that could exist. */
function isBadPath(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "validationContext" in error &&
    error.validationContext === "params"
  );
}

async function render(reply: FastifyReply, status: number, page: Page): Promise<FastifyReply> {
  reply.code(status).header("cache-control", "no-store");
  try {
    return await sendPage(reply, page.template, page);
  } catch (error) {
    reply.log.error({ err: error }, "the error page itself could not be rendered");
    return reply.type("text/plain; charset=utf-8").send("Sorry, there is a problem with the service.");
  }
}

export function errorPages(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => render(reply, 404, NOT_FOUND));

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof WitanError && error.code === "NOT_FOUND") return render(reply, 404, NOT_FOUND);
    if (isBadPath(error)) return render(reply, 404, NOT_FOUND);
    if (error instanceof WitanError && error.code === "BAD_INPUT") return render(reply, 400, BAD_REQUEST);
    const status = statusOf(error);
    if (status !== undefined && status >= 400 && status < 500) return render(reply, status, BAD_REQUEST);
    request.log.error({ err: error, requestId: request.id }, "unexpected error");
    return render(reply, 500, {
      template: "errors/server-error.njk",
      pageTitle: "Sorry, there is a problem with the service",
      reference: request.id,
    });
  });
}

/** For Fastify's `frameworkErrors`: an address that cannot be decoded fails in the router,
 * before any hook or view runs, so the answer is a short plain one that echoes nothing back. */
export function badUrl(_error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void reply
    .code(400)
    .type("text/plain; charset=utf-8")
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "no-store")
    .send("Sorry, that web address is not valid.");
}
