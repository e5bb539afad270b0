import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/connect.js";
import { listPublicMeetings } from "../../records/meetings.js";

// For load balancers and monitors: 200 when the database answers a small real query, else 503.
export function healthRoutes(app: FastifyInstance, deps: { db: Db }): void {
  app.get("/healthz", async (request, reply) => {
    reply.header("cache-control", "no-store");
    try {
      await listPublicMeetings(deps.db, { order: "latest-first", limit: 1 });
      return { status: "ok" };
    } catch (error) {
      request.log.error({ err: error }, "health check: the database did not answer");
      return reply.code(503).send({ status: "unavailable" });
    }
  });
}
