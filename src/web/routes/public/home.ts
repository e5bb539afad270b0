import type { FastifyInstance } from "fastify";
import type { Db } from "../../../db/connect.js";
import { listPublicMeetings } from "../../../records/meetings.js";
import { londonDate } from "../../format.js";
import { sendPage } from "../../render.js";
import { homePage } from "../../view-models/home.js";

const MEETINGS_PER_LIST = 20;

export function homeRoutes(app: FastifyInstance, deps: { db: Db; now: () => Date }): void {
  app.get("/", async (_request, reply) => {
    const today = londonDate(deps.now());
    const upcoming = await listPublicMeetings(deps.db, {
      from: today,
      order: "earliest-first",
      limit: MEETINGS_PER_LIST,
    });
    const recent = await listPublicMeetings(deps.db, {
      before: today,
      order: "latest-first",
      limit: MEETINGS_PER_LIST,
    });
    return sendPage(reply, "home.njk", { page: homePage(upcoming, recent), section: "home" });
  });
}
