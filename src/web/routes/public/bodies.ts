import type { FastifyInstance } from "fastify";
import type { Db } from "../../../db/connect.js";
import { WitanError } from "../../../errors.js";
import { findBody, listCurrentMembers, listWorkProgramme } from "../../../records/public/bodies.js";
import { listMeetings } from "../../../records/public/meeting-lists.js";
import { londonDate } from "../../format.js";
import { sendPage } from "../../render.js";
import { bodyPage } from "../../view-models/body.js";
import { paramsSchema, SLUG } from "./params.js";

export function bodyRoutes(app: FastifyInstance, deps: { db: Db; now: () => Date }): void {
  app.get<{ Params: { authority: string; body: string } }>(
    "/authorities/:authority/bodies/:body",
    { schema: { params: paramsSchema({ authority: SLUG, body: SLUG }) } },
    async (request, reply) => {
      const body = await findBody(deps.db, request.params.authority, request.params.body);
      if (!body) throw new WitanError("NOT_FOUND");
      const today = londonDate(deps.now());
      const members = await listCurrentMembers(deps.db, body.id, today);
      const meetings = await listMeetings(deps.db, { bodyId: body.id, order: "earliest-first" });
      const programme = await listWorkProgramme(deps.db, body.id);
      return sendPage(reply, "body.njk", { page: bodyPage(body, members, meetings, programme, today) });
    },
  );
}
