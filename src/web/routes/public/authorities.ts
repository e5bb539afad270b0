import type { FastifyInstance } from "fastify";
import type { Db } from "../../../db/connect.js";
import { WitanError } from "../../../errors.js";
import { findAuthority, listAuthorities, listAuthorityBodies } from "../../../records/public/authorities.js";
import { listMeetings } from "../../../records/public/meeting-lists.js";
import { londonDate } from "../../format.js";
import { sendPage } from "../../render.js";
import { authoritiesPage, authorityPage } from "../../view-models/authorities.js";
import { paramsSchema, SLUG } from "./params.js";

const UPCOMING = 10;
const RECENT = 5;

export function authorityRoutes(app: FastifyInstance, deps: { db: Db; now: () => Date }): void {
  app.get("/authorities", async (_request, reply) => {
    return sendPage(reply, "authorities.njk", { page: authoritiesPage(await listAuthorities(deps.db)) });
  });

  app.get<{ Params: { authority: string } }>(
    "/authorities/:authority",
    { schema: { params: paramsSchema({ authority: SLUG }) } },
    async (request, reply) => {
      const authority = await findAuthority(deps.db, request.params.authority);
      if (!authority) throw new WitanError("NOT_FOUND");
      const today = londonDate(deps.now());
      const bodies = await listAuthorityBodies(deps.db, authority.id);
      const upcoming = await listMeetings(deps.db, {
        authorityId: authority.id,
        from: today,
        order: "earliest-first",
        limit: UPCOMING,
      });
      const recent = await listMeetings(deps.db, {
        authorityId: authority.id,
        before: today,
        order: "latest-first",
        limit: RECENT,
      });
      return sendPage(reply, "authority.njk", { page: authorityPage(authority, bodies, upcoming, recent) });
    },
  );
}
