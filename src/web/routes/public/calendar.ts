import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../../db/connect.js";
import { WitanError } from "../../../errors.js";
import { icalendar } from "../../../publishing/ical.js";
import { listCalendarMeetings, publicAgendaTitles, type CalendarQuery } from "../../../records/calendar.js";
import { findBodiesBySlug } from "../../../records/directory.js";
import { findPerson } from "../../../records/public/people.js";
import { londonDate, longDate, personLabel } from "../../format.js";
import { siteOrigin } from "../../portal-urls.js";
import { sendPage } from "../../render.js";
import { bodyUrl, meetingUrl, personUrl } from "../../urls.js";
import { calendarEvents } from "../../view-models/calendar-events.js";
import { addMonths, calendarPage, firstDay, monthOf, parseMonth } from "../../view-models/calendar.js";

// The month view of public meetings, and iCalendar files: everything, a body's, a person's
// (the meetings of the bodies they sit on) and one meeting's ("add to calendar").

const SLUG = { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength: 120 };
const PERSON = { type: "string", pattern: "^[0-9]{1,12}(-[a-z0-9]+)*$", maxLength: 140 };
const params = (properties: Record<string, object>) => ({
  type: "object",
  properties,
  required: Object.keys(properties),
});

type Deps = { db: Db; now: () => Date; siteName: string };

export function calendarRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Querystring: { month?: string } }>(
    "/calendar",
    {
      schema: {
        querystring: {
          type: "object",
          properties: { month: { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$" } },
        },
      },
    },
    async (request, reply) => {
      const today = londonDate(deps.now());
      const month = parseMonth(request.query.month ?? "") ?? monthOf(today);
      const meetings = await listCalendarMeetings(deps.db, {
        from: firstDay(month),
        before: firstDay(addMonths(month, 1)),
        order: "earliest-first",
      });
      return sendPage(reply, "calendar.njk", {
        page: calendarPage(month, today, meetings),
        section: "calendar",
      });
    },
  );

  // Calendar apps fetch a subscription again every few hours, so "everything" is every meeting
  // from a year ago on: enough for what was just decided, without years of history each time.
  app.get("/calendar.ics", async (request, reply) => {
    const from = londonDate(new Date(deps.now().getTime() - 366 * 24 * 60 * 60 * 1000));
    return sendCalendar(request, reply, deps, {
      name: `Meetings: ${deps.siteName}`,
      description: "Every public meeting",
      page: "/calendar",
      query: { from, order: "earliest-first" },
    });
  });

  app.get<{ Params: { authority: string; body: string } }>(
    "/authorities/:authority/bodies/:body/calendar.ics",
    { schema: { params: params({ authority: SLUG, body: SLUG }) } },
    async (request, reply) => {
      const [body] = await findBodiesBySlug(deps.db, request.params.body, request.params.authority);
      if (!body) throw new WitanError("NOT_FOUND");
      return sendCalendar(request, reply, deps, {
        name: `${body.name}, ${body.authority.name}`,
        description: `Public meetings of ${body.name}`,
        page: bodyUrl(body.authority.slug, body.slug),
        query: { bodyIds: [body.id], order: "earliest-first" },
      });
    },
  );

  app.get<{ Params: { authority: string; person: string } }>(
    "/authorities/:authority/people/:person/calendar.ics",
    { schema: { params: params({ authority: SLUG, person: PERSON }) } },
    async (request, reply) => {
      const id = Number(request.params.person.split("-")[0]);
      const person = await findPerson(deps.db, request.params.authority, id);
      if (!person) throw new WitanError("NOT_FOUND");
      const name = personLabel(person);
      return sendCalendar(request, reply, deps, {
        name: `${name}: meetings`,
        description: `Public meetings of the bodies ${name} sits on`,
        page: personUrl(person.authority, person),
        query: { memberId: person.id, order: "earliest-first" },
      });
    },
  );

  app.get<{ Params: { authority: string; meeting: string } }>(
    "/authorities/:authority/meetings/:meeting/calendar.ics",
    { schema: { params: params({ authority: SLUG, meeting: SLUG }) } },
    async (request, reply) => {
      const { authority, meeting: slug } = request.params;
      const [meeting] = await listCalendarMeetings(deps.db, {
        meeting: { authority, slug },
        order: "earliest-first",
      });
      if (!meeting) throw new WitanError("NOT_FOUND");
      reply.header("content-disposition", `attachment; filename="${meeting.slug}.ics"`);
      return sendCalendar(request, reply, deps, {
        name: `${meeting.body.name}, ${longDate(meeting.date)}`,
        description: meeting.authority.name,
        page: meetingUrl(authority, slug),
        query: { meeting: { authority, slug }, order: "earliest-first" },
      });
    },
  );
}

type CalendarRequest = { name: string; description: string; page: string; query: CalendarQuery };

async function sendCalendar(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Deps,
  calendar: CalendarRequest,
): Promise<FastifyReply> {
  const meetings = await listCalendarMeetings(deps.db, calendar.query);
  const agendas = await publicAgendaTitles(
    deps.db,
    meetings.map((m) => m.id),
  );
  const origin = siteOrigin(request);
  const text = icalendar({
    name: calendar.name,
    description: calendar.description,
    url: `${origin}${calendar.page}`,
    events: calendarEvents(meetings, origin, agendas),
    stamp: deps.now(),
  });
  return reply.type("text/calendar; charset=utf-8").send(text);
}
