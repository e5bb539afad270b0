import { PDFDocument } from "pdf-lib";
import type { Db } from "../../src/db/connect.js";
import type { Bundle } from "../../src/domain/bundle.js";
import { loadBundle } from "../../src/records/bundle-load.js";
import type { FileStore } from "../../src/records/files.js";
import { PART_II_CANARY, TEST_ACTOR, demoBundle } from "../support/demo.js";

// The record pages' test data: the demo bundle, plus records that must never be shown, each
// carrying a canary that no public page, count or link may contain. They hide in every place a
// record page reads: a Part II item's resolutions, conditions, actions, declarations, lead
// member and decision; an unpublished meeting, decision and document; an exempt forward-plan
// entry; an issue's links to exempt and unpublished items and papers; evidence for a condition;
// people named only in exempt or unpublished business.

export const UNPUBLISHED_CANARY = "WITAN-CANARY-UNPUBLISHED-51B7";
export const HIDDEN_PEOPLE = ["Quentin Exemptonly", "Una Unpublishedonly"];
export const CANARIES = [PART_II_CANARY, UNPUBLISHED_CANARY, "INVENTED TEST RECORD", ...HIDDEN_PEOPLE];
export const PLYMOUTH = "plymouth-city-council";
export const ISSUE = "torbay-childrens-services-partnership-arrangement-with-pcc";
export const CABINET_MEETING = "2017-08-29-cabinet";
export const COUNCIL_MEETING = "2017-09-25-city-council";
export const SCRUTINY_AUGUST = "2017-08-09-wellbeing-overview-and-scrutiny-committee";
export const SCRUTINY_SEPTEMBER = "2017-09-20-wellbeing-overview-and-scrutiny-committee";
export const REPORT = "plymouth-cabinet-2017-08-29-torbay-partnership-report";
export const EXEMPT_DOCUMENT = "invented-part-ii-commercial-terms";
export const UNPUBLISHED_DOCUMENT = "fixture-unpublished-paper";
export const PUBLIC_PLAN = "FP-2017-036";
/** A real one-page PDF: the agenda pack merges it, and the download serves it byte for byte. */
export const REPORT_BYTES = await onePagePdf("the Cabinet report");

async function onePagePdf(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText(text);
  return pdf.save({ useObjectStreams: false });
}

/** A Cabinet meeting whose agenda is not yet published, and a person named only there. */
const unpublished: Bundle = {
  format: "witan-bundle/1",
  authorities: [{ name: "Plymouth City Council" }],
  bodies: [{ name: "Cabinet", authority: "Plymouth City Council", kind: "executive" }],
  people: [{ name: HIDDEN_PEOPLE[1] ?? "", kind: "councillor", authority: "Plymouth City Council" }],
  memberships: [],
  meetings: [
    {
      authority: "Plymouth City Council",
      body: "Cabinet",
      date: "2017-10-30",
      start: "14:00",
      attendance: [{ person: HIDDEN_PEOPLE[1] ?? "", status: "present" }],
      items: [
        {
          number: "40",
          title: `Draft budget ${UNPUBLISHED_CANARY}`,
          kind: "report",
          part: "I",
          resolutions: [
            {
              number: "1",
              text: `Agreed ${UNPUBLISHED_CANARY}`,
              actions: [{ text: `Do it ${UNPUBLISHED_CANARY}`, due: "2017-11-01" }],
              children: [],
            },
          ],
          declarations: [],
          documents: [],
        },
      ],
    },
  ],
  documents: [],
  issues: [],
  workProgramme: [],
};

async function one<T>(rows: Promise<T | undefined>, what: string): Promise<T> {
  const row = await rows;
  if (row === undefined) throw new Error(`fixture: no ${what}`);
  return row;
}

export async function itemIdOf(db: Db, meetingSlug: string, number: string): Promise<number> {
  const row = await one(
    db
      .selectFrom("agenda_items as i")
      .innerJoin("meetings as m", "m.id", "i.meeting_id")
      .select("i.id")
      .where("m.slug", "=", meetingSlug)
      .where("i.number", "=", number)
      .executeTakeFirst(),
    `item ${number} of ${meetingSlug}`,
  );
  return row.id;
}

export async function personIdOf(db: Db, name: string): Promise<number> {
  return (await one(db.selectFrom("people").select("id").where("name", "=", name).executeTakeFirst(), name))
    .id;
}

async function documentIdOf(db: Db, key: string): Promise<number> {
  return (await one(db.selectFrom("documents").select("id").where("key", "=", key).executeTakeFirst(), key))
    .id;
}

async function resolutionIdOf(db: Db, itemId: number, number: string): Promise<number> {
  const row = db
    .selectFrom("resolutions")
    .select("id")
    .where("item_id", "=", itemId)
    .where("number", "=", number)
    .where("parent_id", "is", null)
    .executeTakeFirst();
  return (await one(row, `resolution ${number}`)).id;
}

/** Loads the demo and the hidden records; returns nothing, every id is found again by name. */
export async function loadPortalFixtures(db: Db, files?: FileStore): Promise<void> {
  await loadBundle(db, demoBundle(), TEST_ACTOR);
  await loadBundle(db, unpublished, TEST_ACTOR);

  const authority = (
    await one(
      db.selectFrom("authorities").select("id").where("slug", "=", PLYMOUTH).executeTakeFirst(),
      PLYMOUTH,
    )
  ).id;
  const exemptItem = await itemIdOf(db, CABINET_MEETING, "37");
  const cabinetItem = await itemIdOf(db, CABINET_MEETING, "36");
  const councilItem = await itemIdOf(db, COUNCIL_MEETING, "27");
  const unpublishedItem = await itemIdOf(db, "2017-10-30-cabinet", "40");
  const acuteServices = await itemIdOf(db, SCRUTINY_AUGUST, "23");

  // A person named only in the exempt item: its lead member, declaring an interest on it.
  const quentin = await db
    .insertInto("people")
    .values({
      authority_id: authority,
      name: HIDDEN_PEOPLE[0] ?? "",
      name_key: "quentin exemptonly",
      kind: "councillor",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .updateTable("agenda_items")
    .set({ lead_member_id: quentin.id })
    .where("id", "=", exemptItem)
    .execute();
  const dann = await personIdOf(db, "Dann");
  const tuffin = await personIdOf(db, "Tuffin");
  await db
    .insertInto("declarations")
    .values([
      {
        authority_id: authority,
        item_id: exemptItem,
        person_id: quentin.id,
        kind: "disclosable-pecuniary",
        nature: `Shares ${PART_II_CANARY}`,
      },
      {
        authority_id: authority,
        item_id: exemptItem,
        person_id: dann,
        kind: "other-registrable",
        nature: `Bidder ${PART_II_CANARY}`,
      },
      {
        authority_id: authority,
        item_id: acuteServices,
        person_id: tuffin,
        kind: "other-registrable",
        nature: "Employed by University Hospitals Plymouth",
      },
    ])
    .execute();

  // The exempt item's resolution, its condition and action (owned by Dann), and its decision.
  const exemptResolution = await db
    .insertInto("resolutions")
    .values({
      authority_id: authority,
      item_id: exemptItem,
      position: 1,
      number: "1",
      text: `Accepts the bid ${PART_II_CANARY}`,
      proposer_id: quentin.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("conditions")
    .values({
      authority_id: authority,
      resolution_id: exemptResolution.id,
      position: 1,
      group_title: "Exempt",
      text: `Price ${PART_II_CANARY}`,
    })
    .execute();
  await db
    .insertInto("actions")
    .values({
      authority_id: authority,
      resolution_id: exemptResolution.id,
      position: 1,
      text: `Sign ${PART_II_CANARY}`,
      owner_person_id: dann,
      due_date: "2017-09-01",
    })
    .execute();
  const exemptDocument = await documentIdOf(db, EXEMPT_DOCUMENT);
  // Multi-row inserts name every column in every row: SQLite has no DEFAULT in VALUES.
  const decision = (values: {
    item: number | null;
    resolution?: number;
    maker: string;
    on: string;
    title: string;
    published: boolean;
    key: boolean;
    callIn: string;
    expires?: string;
  }) => ({
    authority_id: authority,
    item_id: values.item,
    resolution_id: values.resolution ?? null,
    decision_maker: values.maker,
    decided_on: values.on,
    title: values.title,
    is_published: values.published,
    is_key_decision: values.key,
    call_in_status: values.callIn,
    call_in_expires_on: values.expires ?? null,
  });
  await db
    .insertInto("decisions")
    .values([
      decision({
        item: exemptItem,
        maker: "Cabinet",
        on: "2017-08-29",
        title: `Exempt decision ${PART_II_CANARY}`,
        published: true,
        key: true,
        callIn: "open",
      }),
      decision({
        item: null,
        resolution: exemptResolution.id,
        maker: "Cabinet",
        on: "2017-08-29",
        title: `Decision on an exempt resolution ${PART_II_CANARY}`,
        published: true,
        key: false,
        callIn: "open",
      }),
      decision({
        item: null,
        maker: "Leader",
        on: "2017-09-01",
        title: `Unpublished decision ${UNPUBLISHED_CANARY}`,
        published: false,
        key: false,
        callIn: "open",
      }),
      decision({
        item: unpublishedItem,
        maker: "Cabinet",
        on: "2017-10-30",
        title: `Decision at an unpublished meeting ${UNPUBLISHED_CANARY}`,
        published: true,
        key: false,
        callIn: "open",
      }),
      decision({
        item: null,
        maker: "Cabinet Member for Children",
        on: "2017-09-15",
        title: "Officer decision on school places",
        published: true,
        key: true,
        callIn: "not-called-in",
        expires: "2017-09-22",
      }),
    ])
    .execute();

  // An unpublished paper, exempt and unpublished evidence beside a public one, and a download.
  const unpublishedDocument = await db
    .insertInto("documents")
    .values({
      authority_id: authority,
      key: UNPUBLISHED_DOCUMENT,
      title: `Draft ${UNPUBLISHED_CANARY}`,
      kind: "report",
      part: "I",
      is_published: false,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const schedule = await resolutionIdOf(db, councilItem, "7");
  const firstCondition = await one(
    db
      .selectFrom("conditions")
      .select("id")
      .where("resolution_id", "=", schedule)
      .orderBy("position")
      .executeTakeFirst(),
    "condition",
  );
  const report = await documentIdOf(db, REPORT);
  await db
    .insertInto("condition_evidence")
    .values([
      { condition_id: firstCondition.id, document_id: report },
      { condition_id: firstCondition.id, document_id: exemptDocument },
      { condition_id: firstCondition.id, document_id: unpublishedDocument.id },
    ])
    .execute();
  await db
    .updateTable("conditions")
    .set({ status: "evidence-submitted" })
    .where("id", "=", firstCondition.id)
    .execute();
  if (files) {
    const key = await files.put(REPORT_BYTES);
    await db
      .updateTable("documents")
      .set({ file_key: key })
      .where("id", "in", [report, exemptDocument])
      .execute();
  }

  // The issue reaches into exempt and unpublished business: none of it may show.
  const issue = (
    await one(db.selectFrom("issues").select("id").where("slug", "=", ISSUE).executeTakeFirst(), ISSUE)
  ).id;
  await db
    .insertInto("issue_items")
    .values([
      { issue_id: issue, item_id: exemptItem },
      { issue_id: issue, item_id: unpublishedItem },
    ])
    .execute();
  await db
    .insertInto("issue_documents")
    .values([
      { issue_id: issue, document_id: exemptDocument },
      { issue_id: issue, document_id: unpublishedDocument.id },
    ])
    .execute();
  await db
    .insertInto("issue_events")
    .values({
      authority_id: authority,
      issue_id: issue,
      date: "2017-08-30",
      text: "The commercial terms were considered in private.",
      document_id: exemptDocument,
    })
    .execute();

  // The forward plan: one public entry taken at Cabinet item 36, one exempt entry.
  await db
    .insertInto("forward_plan_entries")
    .values([
      {
        authority_id: authority,
        reference: PUBLIC_PLAN,
        title: "Children's services partnership with Torbay",
        decision_maker: "Cabinet",
        expected_date: "2017-08-29",
        first_published: "2017-07-28",
        is_exempt: false,
        item_id: cabinetItem,
      },
      {
        authority_id: authority,
        reference: "FP-2017-037",
        title: `Exempt contract ${PART_II_CANARY}`,
        decision_maker: "Cabinet",
        expected_date: "2017-10-30",
        first_published: "2017-09-01",
        is_exempt: true,
        item_id: null,
      },
    ])
    .execute();
  await db
    .updateTable("agenda_items")
    .set({ forward_plan_ref: PUBLIC_PLAN, lead_officer_id: await personIdOf(db, "Tracey Lee") })
    .where("id", "=", cabinetItem)
    .execute();

  // Filters have something to filter: two councillors with a party and a ward.
  await db
    .updateTable("people")
    .set({ party: "Labour", ward: "Budshead" })
    .where("name", "=", "Aspinall")
    .execute();
  await db
    .updateTable("people")
    .set({ party: "Conservative", ward: "Plympton St Mary" })
    .where("name", "=", "James")
    .execute();
  // An action owned by a person, whose page it then links.
  await db
    .updateTable("actions")
    .set({ owner_person_id: await personIdOf(db, "Ross Jago") })
    .where("owner", "=", "Ross Jago")
    .execute();
}
