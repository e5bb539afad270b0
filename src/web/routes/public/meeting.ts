import type { FastifyInstance } from "fastify";
import type { Db } from "../../../db/connect.js";
import { WitanError } from "../../../errors.js";
import { findPublicMeeting } from "../../../records/meetings.js";
import { sendPage } from "../../render.js";
import { meetingPage } from "../../view-models/meeting.js";

type Params = { authority: string; meeting: string };

// Slugs are lower-case words joined by hyphens; anything else cannot name a record.
const SLUG = { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength: 120 };

export function meetingRoutes(app: FastifyInstance, deps: { db: Db }): void {
  app.get<{ Params: Params }>(
    "/authorities/:authority/meetings/:meeting",
    {
      schema: {
        params: {
          type: "object",
          properties: { authority: SLUG, meeting: SLUG },
          required: ["authority", "meeting"],
        },
      },
    },
    async (request, reply) => {
      const meeting = await findPublicMeeting(deps.db, request.params.authority, request.params.meeting);
      // An unpublished meeting is "not found", never "forbidden": its existence is not public either.
      if (!meeting) throw new WitanError("NOT_FOUND");
      return sendPage(reply, "meeting.njk", { page: meetingPage(meeting) });
    },
  );
}
