import type { FastifyInstance } from "fastify";
import type { Db } from "../../../db/connect.js";
import { WitanError } from "../../../errors.js";
import { listTrackedActions } from "../../../records/public/actions.js";
import { londonDate } from "../../format.js";
import { sendPage } from "../../render.js";
import { actionsPage, isActionFilter } from "../../view-models/plans.js";

export function actionRoutes(app: FastifyInstance, deps: { db: Db; now: () => Date }): void {
  app.get<{ Querystring: { status?: string } }>("/actions", async (request, reply) => {
    const status = request.query.status ?? "all";
    if (typeof status !== "string" || !isActionFilter(status)) throw new WitanError("BAD_INPUT");
    const today = londonDate(deps.now());
    return sendPage(reply, "actions.njk", {
      page: actionsPage(await listTrackedActions(deps.db), status, today),
    });
  });
}
