import type { FastifyInstance } from "fastify";
import type { Db } from "../../../db/connect.js";
import { WitanError } from "../../../errors.js";
import { councillorOptions, findPerson, listCouncillors } from "../../../records/public/people.js";
import {
  listAttendanceFigures,
  listItemsLed,
  listPersonDeclarations,
  listPersonMemberships,
} from "../../../records/public/person-record.js";
import { londonDate } from "../../format.js";
import { sendPage } from "../../render.js";
import { personUrl, personSegment } from "../../urls.js";
import { peoplePage, readPeopleFilter, type PeopleQuery } from "../../view-models/people.js";
import { personPage } from "../../view-models/person.js";
import { paramsSchema, PERSON, SLUG } from "./params.js";

export function peopleRoutes(app: FastifyInstance, deps: { db: Db; now: () => Date }): void {
  app.get<{ Querystring: PeopleQuery }>("/people", async (request, reply) => {
    const filter = readPeopleFilter(request.query);
    const today = londonDate(deps.now());
    const people = await listCouncillors(deps.db, filter, today);
    return sendPage(reply, "people.njk", {
      page: peoplePage(people, filter, await councillorOptions(deps.db)),
    });
  });

  app.get<{ Params: { authority: string; person: string } }>(
    "/authorities/:authority/people/:person",
    { schema: { params: paramsSchema({ authority: SLUG, person: PERSON }) } },
    async (request, reply) => {
      const { authority, person: segment } = request.params;
      const id = Number(segment.split("-")[0]);
      const person = await findPerson(deps.db, authority, id);
      if (!person) throw new WitanError("NOT_FOUND");
      // The id finds the person; a name that has changed (or was mistyped) redirects to today's.
      if (segment !== personSegment(person)) return reply.redirect(personUrl(person.authority, person), 301);
      const page = personPage({
        person,
        memberships: await listPersonMemberships(deps.db, person.id),
        attendance: await listAttendanceFigures(deps.db, person.id),
        declarations: await listPersonDeclarations(deps.db, person.id),
        itemsLed: await listItemsLed(deps.db, person.id),
        today: londonDate(deps.now()),
      });
      return sendPage(reply, "person.njk", { page });
    },
  );
}
