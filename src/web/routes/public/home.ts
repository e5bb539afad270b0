import type { FastifyInstance } from "fastify";
import type { Db } from "../../../db/connect.js";
import { listPublicMeetings } from "../../../records/meetings.js";
import { listAuthorities } from "../../../records/public/authorities.js";
import { listDecisions } from "../../../records/public/decisions.js";
import { listRecentAgendas, listRecentMinutes } from "../../../records/public/meeting-lists.js";
import { londonDate } from "../../format.js";
import { sendPage } from "../../render.js";
import { homePage } from "../../view-models/home.js";

const MEETINGS_PER_LIST = 20;
const RECENTLY_PUBLISHED = 5;

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
    const { decisions } = await listDecisions(deps.db, { to: today, limit: RECENTLY_PUBLISHED, offset: 0 });
    const page = homePage({
      upcoming,
      recent,
      agendas: await listRecentAgendas(deps.db, today, RECENTLY_PUBLISHED),
      minutes: await listRecentMinutes(deps.db, today, RECENTLY_PUBLISHED),
      decisions,
      authorities: await listAuthorities(deps.db),
    });
    return sendPage(reply, "home.njk", { page, section: "home" });
  });
}
