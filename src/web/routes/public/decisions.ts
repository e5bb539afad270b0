import type { FastifyInstance } from "fastify";
import type { Db } from "../../../db/connect.js";
import { WitanError } from "../../../errors.js";
import { listAuthorities } from "../../../records/public/authorities.js";
import { findDecision, listDecisionBodies, listDecisions } from "../../../records/public/decisions.js";
import { loadResolutions } from "../../../records/public/resolutions.js";
import { londonDate } from "../../format.js";
import { sendPage } from "../../render.js";
import { readDecisionForm, type DecisionQuery } from "../../view-models/decision-filters.js";
import { decisionPage, decisionsPage, PAGE_SIZE } from "../../view-models/decisions.js";
import { ID, paramsSchema } from "./params.js";

export function decisionRoutes(app: FastifyInstance, deps: { db: Db; now: () => Date }): void {
  app.get<{ Querystring: DecisionQuery }>("/decisions", async (request, reply) => {
    const { form, filter, errors } = readDecisionForm(request.query);
    const offset = (form.page - 1) * PAGE_SIZE;
    let { total, decisions } = await listDecisions(deps.db, { ...filter, limit: PAGE_SIZE, offset });
    if (decisions.length === 0 && total > 0) {
      // A page past the end shows the last page rather than nothing.
      form.page = Math.ceil(total / PAGE_SIZE);
      ({ total, decisions } = await listDecisions(deps.db, {
        ...filter,
        limit: PAGE_SIZE,
        offset: (form.page - 1) * PAGE_SIZE,
      }));
    }
    const page = decisionsPage({
      form,
      errors,
      total,
      decisions,
      authorities: await listAuthorities(deps.db),
      bodies: await listDecisionBodies(deps.db),
    });
    // A form with errors is still answered with the page and its messages, as GOV.UK forms are.
    if (errors.length > 0) reply.code(400);
    return sendPage(reply, "decisions.njk", { page });
  });

  app.get<{ Params: { id: string } }>(
    "/decisions/:id",
    { schema: { params: paramsSchema({ id: ID }) } },
    async (request, reply) => {
      const decision = await findDecision(deps.db, Number(request.params.id));
      if (!decision) throw new WitanError("NOT_FOUND");
      const resolutions =
        decision.itemId === null
          ? []
          : ((await loadResolutions(deps.db, [decision.itemId])).get(decision.itemId) ?? []);
      return sendPage(reply, "decision.njk", {
        page: decisionPage(decision, resolutions, londonDate(deps.now())),
      });
    },
  );
}
