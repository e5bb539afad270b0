import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { search } from "../../../src/records/search.js";
import { OTHER, OWN, errorSummaryText, openBackOffice, type BackOffice } from "../../support/back-office.js";

// Recording a meeting: an officer records attendance, a declaration, the minutes of an item and
// a nested resolution with its vote, publishes draft minutes, and the public meeting page shows
// them; others are refused and bad input saves nothing.

type Setup = {
  meetingId: number;
  reportId: number;
  minutesItemId: number;
  exemptId: number;
  earlierId: number;
  people: Record<"chair" | "member" | "absent" | "officer" | "sub", number>;
};

describe("recording a meeting", () => {
  let office: BackOffice;
  let s: Setup;

  before(async () => {
    office = await openBackOffice();
    const db = office.connection.db;
    const authorityId = await office.authorityId(OWN);
    const body = await db
      .selectFrom("bodies")
      .selectAll()
      .where("name", "=", "Cabinet")
      .executeTakeFirstOrThrow();
    const person = async (name: string, kind = "councillor") =>
      (
        await db
          .insertInto("people")
          .values({ authority_id: authorityId, name, name_key: name.toLowerCase(), kind })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const people = {
      chair: await person("Ada Chairwoman"),
      member: await person("Ben Member"),
      absent: await person("Cal Absent"),
      officer: await person("Dee Officer", "officer"),
      sub: await person("Eve Substitute"),
    };
    for (const [id, role] of [
      [people.chair, "chair"],
      [people.member, "member"],
      [people.absent, "member"],
    ] as const) {
      await db
        .insertInto("memberships")
        .values({ authority_id: authorityId, person_id: id, body_id: body.id, role, from_date: "2025-05-01" })
        .execute();
    }
    const meeting = async (date: string, minutesStatus: string) =>
      (
        await db
          .insertInto("meetings")
          .values({
            authority_id: authorityId,
            body_id: body.id,
            slug: `${date}-cabinet-recorded`,
            date,
            is_agenda_published: true,
            agenda_published_on: date,
            minutes_status: minutesStatus,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const earlierId = await meeting("2026-02-10", "draft");
    const meetingId = await meeting("2026-03-10", "none");
    const item = async (position: number, title: string, kind: string, part = "I") =>
      (
        await db
          .insertInto("agenda_items")
          .values({
            authority_id: authorityId,
            meeting_id: meetingId,
            position,
            number: String(position),
            title,
            kind,
            part,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    s = {
      meetingId,
      earlierId,
      minutesItemId: await item(1, "Minutes of the last meeting", "minutes"),
      reportId: await item(2, "Budget monitoring", "report"),
      exemptId: await item(3, "Disposal of land at Hoe Road", "report", "II"),
      people,
    };
  });
  after(() => office.close());

  const count = async (table: "attendances" | "declarations" | "resolutions" | "audit_log") =>
    Number(
      (
        await office.connection.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function publicMeetingPage() {
    const authority = await office.connection.db
      .selectFrom("authorities")
      .select("slug")
      .where("name", "=", OWN)
      .executeTakeFirstOrThrow();
    return office.get(null, `/authorities/${authority.slug}/meetings/2026-03-10-cabinet-recorded`);
  }

  test("an officer records the meeting and publishes draft minutes, which the public then reads", async () => {
    const officer = await office.userFor("officer", OWN);
    const { people, meetingId, reportId } = s;

    const form = await office.get(officer, `/admin/meetings/${meetingId}/attendance`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Ada Chairwoman/);
    assert.match(form.body, /Cal Absent/);
    const attendance = await office.post(officer, `/admin/meetings/${meetingId}/attendance`, {
      [`status-${people.chair}`]: "present",
      [`status-${people.member}`]: "present",
      [`status-${people.absent}`]: "apologies",
      "other-person": String(people.officer),
      "other-status": "in-attendance",
      "other-role": "Service Director for Finance",
      substitute: String(people.sub),
      "substitute-for": String(people.absent),
    });
    assert.equal(attendance.statusCode, 303);
    assert.equal(attendance.headers.location, `/admin/meetings/${meetingId}?notice=saved`);
    const rows = await office.connection.db
      .selectFrom("attendances")
      .selectAll()
      .where("meeting_id", "=", meetingId)
      .execute();
    assert.equal(rows.length, 5);
    const sub = rows.find((r) => r.person_id === people.sub);
    assert.equal(sub?.status, "substitute");
    assert.equal(sub?.substitute_for_person_id, people.absent);
    assert.equal(rows.find((r) => r.person_id === people.officer)?.role, "Service Director for Finance");

    // Setting a member back to "None" removes their row; the others stay.
    const changed = await office.post(officer, `/admin/meetings/${meetingId}/attendance`, {
      [`status-${people.chair}`]: "present",
      [`status-${people.member}`]: "present",
      [`status-${people.absent}`]: "",
      [`status-${people.officer}`]: "in-attendance",
      [`status-${people.sub}`]: "substitute",
    });
    assert.equal(changed.statusCode, 303);
    const after = await office.connection.db
      .selectFrom("attendances")
      .select("person_id")
      .where("meeting_id", "=", meetingId)
      .execute();
    assert.deepEqual(
      after.map((r) => r.person_id).sort(),
      [people.chair, people.member, people.officer, people.sub].sort(),
    );

    // The declaration form lists those attending first.
    const declarationForm = await office.get(officer, `/admin/items/${reportId}/declarations/new`);
    assert.ok(declarationForm.body.indexOf("Ada Chairwoman") < declarationForm.body.indexOf("Cal Absent"));
    const declared = await office.post(officer, `/admin/items/${reportId}/declarations/new`, {
      person: String(people.member),
      kind: "other-registrable",
      nature: "Governor of a school named in the report",
    });
    assert.equal(declared.statusCode, 303);

    const minutes = await office.post(officer, `/admin/items/${reportId}/minutes`, {
      minutes: "The Service Director introduced the report.\n\nMembers asked about the overspend.",
    });
    assert.equal(minutes.statusCode, 303);

    const parent = await office.post(officer, `/admin/items/${reportId}/resolutions/new`, {
      number: "1.",
      text: "that the Cabinet notes the budget position;",
      verb: "resolved",
    });
    assert.equal(parent.statusCode, 303);
    const parentRow = await office.connection.db
      .selectFrom("resolutions")
      .selectAll()
      .where("item_id", "=", reportId)
      .executeTakeFirstOrThrow();
    assert.equal(parent.headers.location, `/admin/resolutions/${parentRow.id}?notice=added`);
    const child = await office.post(officer, `/admin/items/${reportId}/resolutions/new`, {
      number: "(a)",
      parent: String(parentRow.id),
      text: "the savings plan of £2m is approved",
      proposer: String(people.chair),
      seconder: String(people.member),
      "votes-for": "7",
      "votes-against": "2",
      "votes-abstain": "1",
    });
    assert.equal(child.statusCode, 303);
    const childRow = await office.connection.db
      .selectFrom("resolutions")
      .selectAll()
      .where("parent_id", "=", parentRow.id)
      .executeTakeFirstOrThrow();
    assert.equal(childRow.votes_for, 7);
    assert.equal(childRow.votes_against, 2);
    assert.equal(childRow.votes_abstain, 1);
    assert.equal(childRow.proposer_id, people.chair);
    assert.equal(childRow.is_unanimous, false);

    // The index has the resolution, from the reindex in the same save; public search finds it
    // only once the minutes are published.
    const indexed = await search(office.connection.db, "savings", {
      engine: office.connection.engine,
      publicOnly: false,
    });
    assert.ok(indexed.hits.some((hit) => hit.kind === "resolution"));
    assert.doesNotMatch((await office.get(null, "/search?q=savings")).body, /Budget monitoring/);
    const resolutionPage = await office.get(officer, `/admin/resolutions/${childRow.id}`);
    assert.equal(resolutionPage.statusCode, 200);
    assert.match(resolutionPage.body, /For 7, against 2, abstentions 1/);

    // Recorded but not yet published: the public meeting page lists the agenda and nothing
    // recorded under it, not even who attended.
    const before = await publicMeetingPage();
    assert.equal(before.statusCode, 200);
    assert.match(before.body, /Budget monitoring/);
    assert.doesNotMatch(before.body, /Draft minutes: not yet approved/);
    assert.doesNotMatch(before.body, /The Service Director introduced the report/);
    assert.doesNotMatch(before.body, /the savings plan of £2m is approved/);
    assert.doesNotMatch(before.body, /Governor of a school named in the report/);
    assert.doesNotMatch(before.body, /Eve Substitute/);

    const published = await office.post(officer, `/admin/meetings/${meetingId}/publish-minutes`, {});
    assert.equal(published.statusCode, 303);
    const meeting = await office.connection.db
      .selectFrom("meetings")
      .selectAll()
      .where("id", "=", meetingId)
      .executeTakeFirstOrThrow();
    assert.equal(meeting.minutes_status, "draft");
    assert.equal((await office.get(officer, `/admin/meetings/${meetingId}/publish-minutes`)).statusCode, 404);

    const page = await publicMeetingPage();
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Draft minutes: not yet approved by the committee/);
    assert.match(page.body, /The Service Director introduced the report/);
    assert.match(page.body, /the savings plan of £2m is approved/);
    assert.match(page.body, /Proposed by .*Ada Chairwoman.* and seconded by .*Ben Member/);
    assert.match(page.body, /7 for, 2 against, 1 abstaining/);
    assert.match(page.body, /Governor of a school named in the report/);
    assert.match(page.body, /Eve Substitute/);
    // The Part II item is only its number.
    assert.doesNotMatch(page.body, /Hoe Road/);
    assert.match((await office.get(null, "/search?q=savings")).body, /Budget monitoring/);

    // Once published, a change to the minutes is an amendment with a reason, kept as a version.
    const amendForm = await office.get(officer, `/admin/items/${reportId}/minutes`);
    assert.match(amendForm.body, /Reason for the change/);
    const amended = await office.post(officer, `/admin/items/${reportId}/minutes`, {
      minutes: "The Service Director for Finance introduced the report.",
      "amendment-reason": "The officer's title was wrong",
    });
    assert.equal(amended.statusCode, 303);
    const versions = await office.connection.db
      .selectFrom("record_versions")
      .selectAll()
      .where("record_table", "=", "agenda_items")
      .where("record_id", "=", reportId)
      .execute();
    assert.equal(versions.length, 1);
    assert.equal(versions[0]?.reason, "The officer's title was wrong");
  });

  test("the recording pages show what has been recorded", async () => {
    const officer = await office.userFor("officer", OWN);
    const condition = await office.connection.db
      .selectFrom("resolutions")
      .select("id")
      .where("item_id", "=", s.reportId)
      .where("number", "=", "(a)")
      .executeTakeFirstOrThrow();
    const added = await office.post(officer, `/admin/resolutions/${condition.id}/conditions/new`, {
      group: "Before the savings are made",
      text: "An equality impact assessment is completed",
      status: "open",
      owner: "Head of Finance",
    });
    assert.equal(added.statusCode, 303);
    const action = await office.post(officer, `/admin/resolutions/${condition.id}/actions/new`, {
      text: "Report progress on the savings plan",
      "owner-person": String(s.people.officer),
      "due-day": "30",
      "due-month": "6",
      "due-year": "2026",
      status: "open",
    });
    assert.equal(action.statusCode, 303);
    const actionRow = await office.connection.db
      .selectFrom("actions")
      .selectAll()
      .where("resolution_id", "=", condition.id)
      .executeTakeFirstOrThrow();
    assert.equal(actionRow.due_date, "2026-06-30");
    const update = await office.post(officer, `/admin/actions/${actionRow.id}/updates/new`, {
      text: "First report went to the June meeting",
      status: "done",
    });
    assert.equal(update.statusCode, 303);
    const updated = await office.connection.db
      .selectFrom("actions")
      .select("status")
      .where("id", "=", actionRow.id)
      .executeTakeFirstOrThrow();
    assert.equal(updated.status, "done");
    const updateRow = await office.connection.db
      .selectFrom("action_updates")
      .selectAll()
      .where("action_id", "=", actionRow.id)
      .executeTakeFirstOrThrow();
    assert.ok(updateRow.account_id !== null);

    const conditionRow = await office.connection.db
      .selectFrom("conditions")
      .selectAll()
      .where("resolution_id", "=", condition.id)
      .executeTakeFirstOrThrow();
    const document = await office.connection.db
      .insertInto("documents")
      .values({
        authority_id: conditionRow.authority_id,
        key: "eia-savings",
        title: "Equality impact assessment of the savings plan",
        kind: "assessment",
        part: "I",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await office.connection.db
      .insertInto("item_documents")
      .values({ item_id: s.reportId, document_id: document.id, position: 1 })
      .execute();
    const assured = await office.post(officer, `/admin/conditions/${conditionRow.id}/edit`, {
      group: "Before the savings are made",
      text: "An equality impact assessment is completed",
      status: "assured",
      evidence: String(document.id),
    });
    assert.equal(assured.statusCode, 303);
    const evidence = await office.connection.db
      .selectFrom("condition_evidence")
      .selectAll()
      .where("condition_id", "=", conditionRow.id)
      .execute();
    assert.deepEqual(evidence, [{ condition_id: conditionRow.id, document_id: document.id }]);

    // A resolution cannot be nested under itself or under one nested under it.
    const parent = await office.connection.db
      .selectFrom("resolutions")
      .select("id")
      .where("item_id", "=", s.reportId)
      .where("parent_id", "is", null)
      .executeTakeFirstOrThrow();
    const editForm = await office.get(officer, `/admin/resolutions/${parent.id}/edit`);
    assert.equal(editForm.statusCode, 200);
    const parentSelect = /<select[^>]*name="parent"[\s\S]*?<\/select>/.exec(editForm.body)?.[0] ?? "";
    assert.match(parentSelect, /<option value="">None<\/option>/);
    assert.doesNotMatch(parentSelect, new RegExp(`value="(${parent.id}|${condition.id})"`));

    const resolutionPage = await office.get(officer, `/admin/resolutions/${condition.id}`);
    assert.match(resolutionPage.body, /An equality impact assessment is completed/);
    assert.match(resolutionPage.body, /Equality impact assessment of the savings plan/);
    assert.match(resolutionPage.body, /Assured/);
    assert.match(resolutionPage.body, /Report progress on the savings plan/);
    const actionPage = await office.get(officer, `/admin/actions/${actionRow.id}`);
    assert.match(actionPage.body, /First report went to the June meeting/);
  });

  test("a later meeting's minutes item approves the earlier draft minutes, linking the two", async () => {
    const officer = await office.userFor("officer", OWN);
    const url = `/admin/items/${s.minutesItemId}/approve-minutes`;
    const form = await office.get(officer, url);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /10 February 2026/);
    const response = await office.post(officer, url, { meeting: String(s.earlierId) });
    assert.equal(response.statusCode, 303);
    const earlier = await office.connection.db
      .selectFrom("meetings")
      .selectAll()
      .where("id", "=", s.earlierId)
      .executeTakeFirstOrThrow();
    assert.equal(earlier.minutes_status, "approved");
    assert.equal(earlier.minutes_approved_item_id, s.minutesItemId);
    // An item that is not a minutes item has no such form, nor has one with nothing left to approve.
    assert.equal((await office.get(officer, `/admin/items/${s.reportId}/approve-minutes`)).statusCode, 404);
    // Left: the demo's Cabinet minutes of 29 August 2017, imported without a status, so draft.
    const rest = await office.get(officer, url);
    assert.doesNotMatch(rest.body, /10 February 2026/);
    assert.match(rest.body, /29 August 2017/);
    const demo = await office.connection.db
      .selectFrom("meetings")
      .select("id")
      .where("body_id", "=", earlier.body_id)
      .where("date", "=", "2017-08-29")
      .executeTakeFirstOrThrow();
    assert.equal((await office.post(officer, url, { meeting: String(demo.id) })).statusCode, 303);
    assert.equal((await office.get(officer, url)).statusCode, 404);
  });

  test("minutes of a meeting whose agenda is not published never reach the public", async () => {
    const officer = await office.userFor("officer", OWN);
    const db = office.connection.db;
    const hidden = await db
      .insertInto("meetings")
      .values({
        authority_id: await office.authorityId(OWN),
        body_id: (
          await db
            .selectFrom("meetings")
            .select("body_id")
            .where("id", "=", s.meetingId)
            .executeTakeFirstOrThrow()
        ).body_id,
        slug: "2026-04-14-cabinet-unpublished",
        date: "2026-04-14",
      })
      .returning(["id", "authority_id"])
      .executeTakeFirstOrThrow();
    const item = await db
      .insertInto("agenda_items")
      .values({
        authority_id: hidden.authority_id,
        meeting_id: hidden.id,
        position: 1,
        number: "1",
        title: "Quietly minuted",
        kind: "report",
        part: "I",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await office.post(officer, `/admin/items/${item.id}/minutes`, { minutes: "Zanzibarish deliberations" });
    const form = await office.get(officer, `/admin/meetings/${hidden.id}/publish-minutes`);
    assert.match(form.body, /the minutes will not be public until the agenda is published/);
    assert.equal(
      (await office.post(officer, `/admin/meetings/${hidden.id}/publish-minutes`, {})).statusCode,
      303,
    );
    const authority = await db
      .selectFrom("authorities")
      .select("slug")
      .where("name", "=", OWN)
      .executeTakeFirstOrThrow();
    const page = await office.get(
      null,
      `/authorities/${authority.slug}/meetings/2026-04-14-cabinet-unpublished`,
    );
    assert.equal(page.statusCode, 404);
    const search = await office.get(null, "/search?q=Zanzibarish");
    assert.equal(search.statusCode, 200);
    assert.doesNotMatch(search.body, /Quietly minuted/);
  });

  test("an author and an officer of another authority are refused, and nothing changes", async () => {
    const unpublished = await office.connection.db
      .insertInto("meetings")
      .values({
        authority_id: await office.authorityId(OWN),
        body_id: (
          await office.connection.db
            .selectFrom("meetings")
            .select("body_id")
            .where("id", "=", s.meetingId)
            .executeTakeFirstOrThrow()
        ).body_id,
        slug: "2026-05-12-cabinet-minutes-to-come",
        date: "2026-05-12",
        is_agenda_published: true,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const urls: [string, Record<string, string>][] = [
      [`/admin/meetings/${s.meetingId}/attendance`, { [`status-${s.people.chair}`]: "absent" }],
      [
        `/admin/items/${s.reportId}/declarations/new`,
        { person: String(s.people.chair), kind: "non-registrable" },
      ],
      [`/admin/items/${s.reportId}/minutes`, { minutes: "Rewritten", "amendment-reason": "Because" }],
      [`/admin/items/${s.reportId}/resolutions/new`, { text: "Sneaky resolution" }],
      [`/admin/meetings/${unpublished.id}/publish-minutes`, {}],
    ];
    const users = [await office.userFor("author", OWN), await office.userFor("officer", OTHER)];
    const audit = await count("audit_log");
    for (const user of users) {
      for (const [url, fields] of urls) {
        const response = await office.post(user, url, fields);
        assert.equal(response.statusCode, 403, `${user.email} ${url}`);
      }
    }
    assert.equal(await count("audit_log"), audit);
    const item = await office.connection.db
      .selectFrom("agenda_items")
      .select("minutes")
      .where("id", "=", s.reportId)
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(item.minutes ?? "", /Rewritten/);
  });

  test("votes that are negative or not numbers, and unanimous with votes against, give the error summary", async () => {
    const officer = await office.userFor("officer", OWN);
    const url = `/admin/items/${s.reportId}/resolutions/new`;
    const resolutions = await count("resolutions");
    const bad = await office.post(officer, url, {
      text: "Something",
      "votes-for": "-1",
      "votes-against": "two",
    });
    assert.equal(bad.statusCode, 400);
    const summary = errorSummaryText(bad.body);
    assert.match(summary, /Votes for must be 0 or more/);
    assert.match(summary, /Votes against must be a whole number/);
    const unanimous = await office.post(officer, url, {
      text: "Something",
      unanimous: "yes",
      "votes-against": "2",
    });
    assert.equal(unanimous.statusCode, 400);
    assert.match(errorSummaryText(unanimous.body), /A unanimous vote cannot have votes against/);
    const empty = await office.post(officer, url, {
      text: "",
      "recommends-date-day": "31",
      "recommends-date-month": "2",
      "recommends-date-year": "2026",
    });
    assert.equal(empty.statusCode, 400);
    assert.match(errorSummaryText(empty.body), /Enter text/);
    assert.match(errorSummaryText(empty.body), /Date of that meeting must be a real date/);
    assert.equal(await count("resolutions"), resolutions);
  });

  test("bad input on the attendance, declaration, minutes and condition forms saves nothing", async () => {
    const officer = await office.userFor("officer", OWN);
    const attendances = await count("attendances");
    const attendance = await office.post(officer, `/admin/meetings/${s.meetingId}/attendance`, {
      [`status-${s.people.chair}`]: "asleep",
      "other-person": String(s.people.officer),
      substitute: String(s.people.sub),
    });
    assert.equal(attendance.statusCode, 400);
    assert.match(errorSummaryText(attendance.body), /Select attendance of Ada Chairwoman from the list/);
    assert.equal(await count("attendances"), attendances);
    const mismatched = await office.post(officer, `/admin/meetings/${s.meetingId}/attendance`, {
      "other-person": String(s.people.officer),
      substitute: String(s.people.sub),
    });
    assert.equal(mismatched.statusCode, 400);
    assert.match(errorSummaryText(mismatched.body), /Select their attendance/);
    assert.match(errorSummaryText(mismatched.body), /Select who the substitute is substituting for/);

    const declarations = await count("declarations");
    const declaration = await office.post(officer, `/admin/items/${s.reportId}/declarations/new`, {
      person: "",
      kind: "made-up",
      nature: "x".repeat(1001),
    });
    assert.equal(declaration.statusCode, 400);
    const summary = errorSummaryText(declaration.body);
    assert.match(summary, /Select who declared the interest/);
    assert.match(summary, /Select kind of interest from the list/);
    assert.match(summary, /Nature of the interest must be 1000 characters or fewer/);
    assert.equal(await count("declarations"), declarations);

    const minutes = await office.post(officer, `/admin/items/${s.exemptId}/minutes`, {
      minutes: "x".repeat(50001),
    });
    assert.equal(minutes.statusCode, 400);
    assert.match(errorSummaryText(minutes.body), /Minutes must be 50000 characters or fewer/);

    const resolution = await office.connection.db
      .selectFrom("resolutions")
      .select("id")
      .where("item_id", "=", s.reportId)
      .executeTakeFirstOrThrow();
    const condition = await office.post(officer, `/admin/resolutions/${resolution.id}/conditions/new`, {
      text: "",
      status: "",
    });
    assert.equal(condition.statusCode, 400);
    assert.match(errorSummaryText(condition.body), /Enter condition/);
    const action = await office.post(officer, `/admin/resolutions/${resolution.id}/actions/new`, {
      text: "Do it",
      status: "open",
      "due-day": "31",
      "due-month": "2",
      "due-year": "2026",
    });
    assert.equal(action.statusCode, 400);
    assert.match(errorSummaryText(action.body), /Due date must be a real date/);
  });

  test("a declaration is removed only once confirmed", async () => {
    const officer = await office.userFor("officer", OWN);
    const declaration = await office.connection.db
      .selectFrom("declarations")
      .select("id")
      .where("item_id", "=", s.reportId)
      .executeTakeFirstOrThrow();
    const url = `/admin/declarations/${declaration.id}/remove`;
    const unconfirmed = await office.post(officer, url, {});
    assert.equal(unconfirmed.statusCode, 400);
    assert.match(
      errorSummaryText(unconfirmed.body),
      /Select yes if you want to remove the declaration of interest, or no to keep it/,
    );
    const kept = await office.post(officer, url, { confirm: "no" });
    assert.equal(kept.statusCode, 303);
    assert.equal(
      (
        await office.connection.db
          .selectFrom("declarations")
          .select("id")
          .where("id", "=", declaration.id)
          .execute()
      ).length,
      1,
    );
    const removed = await office.post(officer, url, { confirm: "yes" });
    assert.equal(removed.statusCode, 303);
    const left = await office.connection.db
      .selectFrom("declarations")
      .select("id")
      .where("id", "=", declaration.id)
      .execute();
    assert.equal(left.length, 0);
  });
});
