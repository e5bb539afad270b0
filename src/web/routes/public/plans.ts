import type { FastifyInstance } from "fastify";
import type { Db } from "../../../db/connect.js";
import { listForwardPlan } from "../../../records/public/forward-plan.js";
import { sendPage } from "../../render.js";
import { forwardPlanPage } from "../../view-models/plans.js";

export function planRoutes(app: FastifyInstance, deps: { db: Db }): void {
  app.get("/forward-plan", async (_request, reply) => {
    return sendPage(reply, "forward-plan.njk", { page: forwardPlanPage(await listForwardPlan(deps.db)) });
  });
}
