import type { FastifyInstance } from "fastify";
import type { Db } from "../../../db/connect.js";
import { WitanError } from "../../../errors.js";
import { findItemRecord } from "../../../records/public/items.js";
import { londonDate } from "../../format.js";
import { sendPage } from "../../render.js";
import { itemPage } from "../../view-models/item.js";
import { ITEM_NUMBER, paramsSchema, SLUG } from "./params.js";

type Params = { authority: string; meeting: string; number: string };

export function itemRoutes(app: FastifyInstance, deps: { db: Db; now: () => Date }): void {
  app.get<{ Params: Params }>(
    "/authorities/:authority/meetings/:meeting/items/:number",
    { schema: { params: paramsSchema({ authority: SLUG, meeting: SLUG, number: ITEM_NUMBER }) } },
    async (request, reply) => {
      const { authority, meeting, number } = request.params;
      const item = await findItemRecord(deps.db, authority, meeting, number);
      // A Part II item has no page: "not found", so that not even its existence is confirmed here.
      if (!item) throw new WitanError("NOT_FOUND");
      return sendPage(reply, "item.njk", { page: itemPage(item, londonDate(deps.now())) });
    },
  );
}
