import type { FastifyInstance } from "fastify";
import type { Db } from "../../../db/connect.js";
import { WitanError } from "../../../errors.js";
import { findIssueHistory, listIssues } from "../../../records/public/issues.js";
import { londonDate } from "../../format.js";
import { sendPage } from "../../render.js";
import { issuePage, issuesPage } from "../../view-models/issues.js";
import { paramsSchema, SLUG } from "./params.js";

export function issueRoutes(app: FastifyInstance, deps: { db: Db; now: () => Date }): void {
  app.get("/issues", async (_request, reply) => {
    return sendPage(reply, "issues.njk", { page: issuesPage(await listIssues(deps.db)) });
  });

  app.get<{ Params: { issue: string } }>(
    "/issues/:issue",
    { schema: { params: paramsSchema({ issue: SLUG }) } },
    async (request, reply) => {
      const issue = await findIssueHistory(deps.db, request.params.issue);
      if (!issue) throw new WitanError("NOT_FOUND");
      return sendPage(reply, "issue.njk", { page: issuePage(issue, londonDate(deps.now())) });
    },
  );
}
