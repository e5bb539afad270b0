import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { PDFDocument, StandardFonts } from "pdf-lib";
import {
  OTHER,
  OWN,
  errorSummaryText,
  openBackOffice,
  tokenIn,
  type BackOffice,
  type User,
} from "../../support/back-office.js";

// An officer runs a meeting from nothing to a published agenda: adds the meeting, a Part I and a
// Part II item, uploads a real PDF to the Part II item, and publishes late with a reason for
// urgency. The public sees the Part I items and not the Part II paper; a member of the committee
// reads the paper, a member of another committee and an anonymous visitor are told it is not
// there. Each form refuses bad input with the error summary and saves nothing.

const COMMITTEE = "Wellbeing Overview and Scrutiny Committee";

async function pdfWithText(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([400, 200]);
  page.drawText(text, { x: 20, y: 150, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return pdf.save();
}

async function pdfWithoutText(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([400, 200]);
  page.drawRectangle({ x: 20, y: 20, width: 100, height: 100 });
  return pdf.save();
}

type FileToSend = { name: string; type: string; bytes: Uint8Array };

function multipart(fields: Record<string, string>, file: FileToSend | null) {
  const boundary = "----witan-meetings-test";
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  if (file !== null) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

describe("meetings, agenda items and papers in the back office", () => {
  let office: BackOffice;
  let officer: User;
  let bodyId: number;
  before(async () => {
    office = await openBackOffice();
    officer = await office.userFor("officer", OWN);
    const body = await office.connection.db
      .selectFrom("bodies")
      .select("id")
      .where("name", "=", COMMITTEE)
      .executeTakeFirstOrThrow();
    bodyId = body.id;
  });
  after(() => office.close());

  const db = () => office.connection.db;
  const count = async (table: "meetings" | "agenda_items" | "documents") =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function upload(user: User, itemId: number, fields: Record<string, string>, file: FileToSend | null) {
    const url = `/admin/items/${itemId}/documents/new`;
    const page = await office.get(user, url);
    const token = page.statusCode === 200 ? tokenIn(page.body) : await office.tokenFor(user);
    const { payload, type } = multipart({ ...fields, _csrf: token }, file);
    return office.app.inject({
      method: "POST",
      url,
      headers: { "content-type": type, cookie: user.cookie },
      payload,
    });
  }

  async function theMeeting() {
    return db()
      .selectFrom("meetings")
      .selectAll()
      .where("date", "=", "2026-03-05")
      .where("body_id", "=", bodyId)
      .executeTakeFirstOrThrow();
  }

  async function itemNumbered(number: string) {
    const meeting = await theMeeting();
    return db()
      .selectFrom("agenda_items")
      .selectAll()
      .where("meeting_id", "=", meeting.id)
      .where("number", "=", number)
      .executeTakeFirstOrThrow();
  }

  test("an officer adds a meeting; it is a draft, listed on the body's page, named like an imported one", async () => {
    const response = await office.post(officer, `/admin/bodies/${bodyId}/meetings/new`, {
      "date-day": "5",
      "date-month": "3",
      "date-year": "2026",
      start: "2pm",
      venue: "Council House, Plymouth",
      contact: "democratic.support@plymouth.gov.uk",
    });
    assert.equal(response.statusCode, 303);
    const meeting = await theMeeting();
    assert.equal(response.headers.location, `/admin/meetings/${meeting.id}?notice=added`);
    assert.equal(meeting.start_time, "14:00");
    assert.equal(meeting.is_agenda_published, false);
    assert.match(meeting.slug, /^2026-03-05-/);

    const body = await office.get(officer, `/admin/bodies/${bodyId}`);
    assert.match(body.body, /Thursday 5 March 2026/);
    assert.match(body.body, /Draft/);
    assert.match(body.body, /Schedule a year of meetings/);
    const page = await office.get(officer, `/admin/meetings/${meeting.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /govuk-task-list/);
    assert.match(page.body, /Publish the agenda/);
  });

  test("the meeting form refuses an unreal date, a bad time and an end before the start, saving nothing", async () => {
    const before = await count("meetings");
    const response = await office.post(officer, `/admin/bodies/${bodyId}/meetings/new`, {
      "date-day": "31",
      "date-month": "2",
      "date-year": "2026",
      start: "25:99",
      venue: "x".repeat(201),
    });
    assert.equal(response.statusCode, 400);
    const summary = errorSummaryText(response.body);
    assert.match(summary, /Date must be a real date/);
    assert.match(summary, /Start time must be a real time/);
    assert.match(summary, /Venue must be 200 characters or fewer/);
    const ends = await office.post(officer, `/admin/bodies/${bodyId}/meetings/new`, {
      "date-day": "6",
      "date-month": "3",
      "date-year": "2026",
      start: "14:00",
      end: "13:00",
    });
    assert.equal(ends.statusCode, 400);
    assert.match(errorSummaryText(ends.body), /End time must be after the start time/);
    assert.equal(await count("meetings"), before);
  });

  test("an author, an officer of another authority and a member cannot add a meeting", async () => {
    const before = await count("meetings");
    for (const user of [
      await office.userFor("author", OWN),
      await office.userFor("officer", OTHER),
      await office.userFor("member", OWN, { memberOf: [COMMITTEE] }),
    ]) {
      const response = await office.post(user, `/admin/bodies/${bodyId}/meetings/new`, {
        "date-day": "7",
        "date-month": "3",
        "date-year": "2026",
        start: "10am",
      });
      assert.equal(response.statusCode, 403, user.email);
    }
    assert.equal(await count("meetings"), before);
  });

  test("an officer adds a Part I item and a Part II item; Part II needs its paragraph, a late item its reason", async () => {
    const meeting = await theMeeting();
    const url = `/admin/meetings/${meeting.id}/items/new`;
    const before = await count("agenda_items");
    const noParagraph = await office.post(officer, url, {
      number: "2",
      title: "Contract award",
      kind: "report",
      part: "II",
    });
    assert.equal(noParagraph.statusCode, 400);
    assert.match(errorSummaryText(noParagraph.body), /Select the exempt information paragraph/);
    const noReason = await office.post(officer, url, {
      number: "2",
      title: "Contract award",
      kind: "report",
      part: "I",
      late: "yes",
    });
    assert.equal(noReason.statusCode, 400);
    assert.match(errorSummaryText(noReason.body), /Enter the reason for urgency/);
    const empty = await office.post(officer, url, { number: "", title: "", kind: "nonsense", part: "III" });
    assert.equal(empty.statusCode, 400);
    assert.match(
      errorSummaryText(empty.body),
      /Enter item number.*Enter title.*Select kind of item from the list/,
    );
    assert.equal(await count("agenda_items"), before);

    const lead = await db()
      .selectFrom("people")
      .select("id")
      .where("name", "=", "Aspinall")
      .executeTakeFirstOrThrow();
    const first = await office.post(officer, url, {
      number: "1",
      title: "Budget monitoring",
      kind: "report",
      part: "I",
      "lead-member": String(lead.id),
    });
    assert.equal(first.statusCode, 303);
    assert.equal((await itemNumbered("1")).lead_member_id, lead.id);
    const page = await office.get(officer, `/admin/items/${(await itemNumbered("1")).id}`);
    assert.match(page.body, /Lead member[\s\S]*Aspinall/);
    const second = await office.post(officer, url, {
      number: "2",
      title: "Award of the home care contract",
      kind: "report",
      part: "II",
      paragraph: "3",
    });
    assert.equal(second.statusCode, 303);
    // Moved to the first place: the agenda numbers its places again.
    const exempt = await itemNumbered("2");
    const moved = await office.post(officer, `/admin/items/${exempt.id}/edit`, {
      number: "2",
      title: "Award of the home care contract",
      kind: "report",
      part: "II",
      paragraph: "3",
      position: "1",
    });
    assert.equal(moved.statusCode, 303);
    const duplicate = await office.post(officer, url, {
      number: "1",
      title: "Again",
      kind: "report",
      part: "I",
    });
    assert.equal(duplicate.statusCode, 400);
    assert.match(errorSummaryText(duplicate.body), /Another item of this meeting has this number/);
    assert.deepEqual([(await itemNumbered("1")).position, (await itemNumbered("2")).position], [2, 1]);
  });

  test("a real PDF is uploaded to the Part II item, its text read; a non-PDF and a PDF with no text are refused", async () => {
    const exempt = await itemNumbered("2");
    const before = await count("documents");
    const fake = await upload(
      officer,
      exempt.id,
      { title: "Fake report", kind: "report", part: "II", paragraph: "3" },
      {
        name: "report.pdf",
        type: "application/pdf",
        bytes: new TextEncoder().encode("This is not a PDF at all, only text that says it is."),
      },
    );
    assert.equal(fake.statusCode, 400);
    assert.match(errorSummaryText(fake.body), /The selected file must be a PDF or a Word document/);
    const scanned = await upload(
      officer,
      exempt.id,
      { title: "Scanned report", kind: "report", part: "II", paragraph: "3" },
      {
        name: "scan.pdf",
        type: "application/pdf",
        bytes: await pdfWithoutText(),
      },
    );
    assert.equal(scanned.statusCode, 400);
    assert.match(errorSummaryText(scanned.body), /cannot be read: scan\.pdf has no text to read/);
    const wrongPart = await upload(
      officer,
      exempt.id,
      { title: "Open report", kind: "report", part: "I" },
      {
        name: "open.pdf",
        type: "application/pdf",
        bytes: await pdfWithText("An open report"),
      },
    );
    assert.equal(wrongPart.statusCode, 400);
    assert.match(errorSummaryText(wrongPart.body), /Select Part II: this is a paper of a Part II item/);
    assert.equal(await count("documents"), before);

    const bytes = await pdfWithText("Tender evaluation scores for home care providers");
    const response = await upload(
      officer,
      exempt.id,
      {
        title: "Confidential tender evaluation",
        kind: "report",
        part: "II",
        paragraph: "3",
      },
      { name: "evaluation.pdf", type: "application/pdf", bytes },
    );
    assert.equal(response.statusCode, 303, response.body);
    assert.equal(response.headers.location, `/admin/items/${exempt.id}?notice=uploaded`);
    const document = await db()
      .selectFrom("documents")
      .selectAll()
      .where("title", "=", "Confidential tender evaluation")
      .executeTakeFirstOrThrow();
    assert.equal(document.media_type, "application/pdf");
    assert.equal(document.size_bytes, bytes.length);
    assert.equal(document.is_published, false);
    assert.match(document.text ?? "", /Tender evaluation scores/);
    assert.ok(document.file_key !== null && (await office.files.has(document.file_key)));

    const member = await office.userFor("member", OWN, { memberOf: [COMMITTEE] });
    const refused = await upload(
      member,
      exempt.id,
      { title: "A member's paper", kind: "report", part: "II", paragraph: "3" },
      {
        name: "member.pdf",
        type: "application/pdf",
        bytes,
      },
    );
    assert.equal(refused.statusCode, 403);
    assert.equal(await count("documents"), before + 1);
  });

  test("before publishing, the page shows the deadline; publishing late needs a reason for urgency", async () => {
    const meeting = await theMeeting();
    const url = `/admin/meetings/${meeting.id}/publish-agenda`;
    const form = await office.get(officer, url);
    assert.equal(form.statusCode, 200);
    // 5 clear working days before Thursday 5 March 2026 is Wednesday 25 February; today is 2 March.
    assert.match(form.body, /5 clear days before the meeting: by Wednesday 25 February 2026/);
    assert.match(form.body, /publishing now is late/);
    assert.match(form.body, /Part II/);
    const refused = await office.post(officer, url, {});
    assert.equal(refused.statusCode, 400);
    assert.match(errorSummaryText(refused.body), /Enter the reason for urgency/);
    assert.equal((await theMeeting()).is_agenda_published, false);

    const author = await office.userFor("author", OWN);
    assert.equal((await office.post(author, url, { urgency: "Sneaky" })).statusCode, 403);

    const response = await office.post(officer, url, {
      urgency: "The budget must be set before the end of March.",
    });
    assert.equal(response.statusCode, 303);
    const published = await theMeeting();
    assert.equal(published.is_agenda_published, true);
    assert.equal(published.agenda_published_on, "2026-03-02");
    const first = await itemNumbered("1");
    assert.equal(first.is_late, true);
    assert.equal(first.urgency_reason, "The budget must be set before the end of March.");
    const paper = await db()
      .selectFrom("documents")
      .selectAll()
      .where("title", "=", "Confidential tender evaluation")
      .executeTakeFirstOrThrow();
    assert.equal(paper.is_published, true);
    const indexed = await db()
      .selectFrom("search_entries")
      .select(["title", "body"])
      .where("is_public", "=", true)
      .execute();
    const texts = indexed.map((entry) => `${entry.title} ${entry.body}`);
    assert.ok(
      texts.some((text) => text.includes("Budget monitoring")),
      "the Part I item is searchable",
    );
    assert.ok(!texts.some((text) => /home care|Tender evaluation/.test(text)), "Part II is not");
  });

  test("the public meeting page shows the Part I items and the urgency, never the Part II paper", async () => {
    const meeting = await theMeeting();
    const authority = await db()
      .selectFrom("authorities")
      .select("slug")
      .where("name", "=", OWN)
      .executeTakeFirstOrThrow();
    const page = await office.app.inject({
      method: "GET",
      url: `/authorities/${authority.slug}/meetings/${meeting.slug}`,
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Budget monitoring/);
    assert.match(page.body, /Reason for urgency: The budget must be set before the end of March/);
    assert.match(page.body, /Exempt item \(Part II\)/);
    assert.doesNotMatch(page.body, /Confidential tender evaluation/);
    assert.doesNotMatch(page.body, /home care contract/);
    const paper = await db()
      .selectFrom("documents")
      .selectAll()
      .where("title", "=", "Confidential tender evaluation")
      .executeTakeFirstOrThrow();
    const publicPaper = await office.app.inject({
      method: "GET",
      url: `/authorities/${authority.slug}/documents/${paper.key}`,
    });
    assert.equal(publicPaper.statusCode, 404);
  });

  test("a member of the committee reads the Part II paper; a member of another committee and an officer of another authority get 404", async () => {
    const paper = await db()
      .selectFrom("documents")
      .selectAll()
      .where("title", "=", "Confidential tender evaluation")
      .executeTakeFirstOrThrow();
    const member = await office.userFor("member", OWN, { memberOf: [COMMITTEE] });
    const file = await office.get(member, `/admin/documents/${paper.id}/file`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers["content-type"], "application/pdf");
    assert.match(
      String(file.headers["content-disposition"]),
      /attachment; filename="confidential-tender-evaluation.pdf"/,
    );
    assert.equal(file.rawPayload.subarray(0, 5).toString(), "%PDF-");
    assert.equal((await office.get(member, `/admin/documents/${paper.id}`)).statusCode, 200);
    const meeting = await theMeeting();
    const agenda = await office.get(member, `/admin/meetings/${meeting.id}`);
    assert.match(agenda.body, /Award of the home care contract/);

    const cabinetMember = await office.userFor("member", OWN, { memberOf: ["Cabinet"] });
    const otherOfficer = await office.userFor("officer", OTHER);
    for (const user of [cabinetMember, otherOfficer]) {
      assert.equal((await office.get(user, `/admin/documents/${paper.id}/file`)).statusCode, 404, user.email);
      assert.equal((await office.get(user, `/admin/documents/${paper.id}`)).statusCode, 404, user.email);
    }
    const outsiders = await office.get(cabinetMember, `/admin/meetings/${meeting.id}`);
    assert.equal(outsiders.statusCode, 200);
    assert.match(outsiders.body, /Exempt item \(Part II\)/);
    assert.doesNotMatch(outsiders.body, /home care contract|Confidential tender evaluation/);
    const anonymous = await office.get(null, `/admin/documents/${paper.id}/file`);
    assert.equal(anonymous.statusCode, 303);
  });

  test("changing a published item asks for a reason and keeps the item as it was", async () => {
    const item = await itemNumbered("1");
    const url = `/admin/items/${item.id}/edit`;
    const fields = {
      number: "1",
      title: "Budget monitoring: month 10",
      kind: "report",
      part: "I",
      late: "yes",
      urgency: item.urgency_reason ?? "",
    };
    const noReason = await office.post(officer, url, fields);
    assert.equal(noReason.statusCode, 400);
    assert.match(errorSummaryText(noReason.body), /Enter reason for the change/);
    const response = await office.post(officer, url, {
      ...fields,
      "amendment-reason": "The title named the wrong month.",
    });
    assert.equal(response.statusCode, 303);
    const versions = await db()
      .selectFrom("record_versions")
      .selectAll()
      .where("record_table", "=", "agenda_items")
      .where("record_id", "=", item.id)
      .execute();
    assert.equal(versions.length, 1);
    assert.equal(versions[0]?.reason, "The title named the wrong month.");
    assert.match(versions[0]?.snapshot ?? "", /"title":"Budget monitoring"/);
  });

  async function publicPath(path: string) {
    const authority = await db()
      .selectFrom("authorities")
      .select("slug")
      .where("name", "=", OWN)
      .executeTakeFirstOrThrow();
    return office.app.inject({ method: "GET", url: `/authorities/${authority.slug}${path}` });
  }

  test("the public item page says the item was amended, when and why", async () => {
    const meeting = await theMeeting();
    const page = await publicPath(`/meetings/${meeting.slug}/items/1`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Budget monitoring: month 10/);
    assert.match(page.body, /Amended on Monday 2 March 2026: The title named the wrong month\./);
  });

  test("re-arranging a published meeting keeps it as a version; the public page says it was amended", async () => {
    const meeting = await theMeeting();
    const url = `/admin/meetings/${meeting.id}/rearrange`;
    const fields = { "date-day": "6", "date-month": "3", "date-year": "2026", start: "3pm" };
    const noReason = await office.post(officer, url, fields);
    assert.equal(noReason.statusCode, 400);
    assert.equal((await theMeeting()).start_time, "14:00");
    const response = await office.post(officer, url, {
      ...fields,
      "amendment-reason": "The chair is unwell on Thursday.",
    });
    assert.equal(response.statusCode, 303);
    const moved = await db()
      .selectFrom("meetings")
      .selectAll()
      .where("id", "=", meeting.id)
      .executeTakeFirstOrThrow();
    assert.equal(moved.date, "2026-03-06");
    assert.equal(moved.slug, meeting.slug, "its address does not change");
    const page = await publicPath(`/meetings/${meeting.slug}`);
    assert.match(page.body, /Friday 6 March 2026/);
    assert.match(page.body, /Amended on Monday 2 March 2026: The chair is unwell on Thursday\./);
    // Put back, for the tests that follow.
    await db()
      .updateTable("meetings")
      .set({ date: "2026-03-05", start_time: "14:00" })
      .where("id", "=", meeting.id)
      .execute();
  });

  test("a paper uploaded after publication is published at once; changing it is a published amendment", async () => {
    const item = await itemNumbered("1");
    const response = await upload(
      officer,
      item.id,
      { title: "Budget monitoring report", kind: "report", part: "I" },
      {
        name: "budget.pdf",
        type: "application/pdf",
        bytes: await pdfWithText("Revenue budget monitoring, month 10"),
      },
    );
    assert.equal(response.statusCode, 303);
    const paper = await db()
      .selectFrom("documents")
      .selectAll()
      .where("title", "=", "Budget monitoring report")
      .executeTakeFirstOrThrow();
    assert.equal(paper.is_published, true);
    const hits = await db()
      .selectFrom("search_entries")
      .select("record_id")
      .where("kind", "=", "document")
      .where("record_id", "=", paper.id)
      .execute();
    assert.ok(hits.length > 0, "the paper is in the search index");
    const edit = await office.post(officer, `/admin/documents/${paper.id}/edit`, {
      title: "Budget monitoring report, month 10",
      kind: "report",
      part: "I",
      "amendment-reason": "The title now names the month.",
    });
    assert.equal(edit.statusCode, 303);
    const page = await publicPath(`/documents/${paper.key}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Budget monitoring report, month 10/);
    assert.match(page.body, /Amended on Monday 2 March 2026: The title now names the month\./);
  });

  test("an unpublished meeting is not found by a member; cancelling asks nothing of a draft", async () => {
    const created = await office.post(officer, `/admin/bodies/${bodyId}/meetings/new`, {
      "date-day": "9",
      "date-month": "4",
      "date-year": "2026",
      start: "10am",
    });
    assert.equal(created.statusCode, 303);
    const draft = await db()
      .selectFrom("meetings")
      .selectAll()
      .where("body_id", "=", bodyId)
      .where("date", "=", "2026-04-09")
      .executeTakeFirstOrThrow();
    const member = await office.userFor("member", OWN, { memberOf: [COMMITTEE] });
    assert.equal((await office.get(member, `/admin/meetings/${draft.id}`)).statusCode, 404);
    const cancelled = await office.post(officer, `/admin/meetings/${draft.id}/cancel`, {});
    assert.equal(cancelled.statusCode, 303);
    const after = await db()
      .selectFrom("meetings")
      .select("status")
      .where("id", "=", draft.id)
      .executeTakeFirstOrThrow();
    assert.equal(after.status, "cancelled");
  });

  test("a draft's details change without a reason; a missing start time is refused", async () => {
    const draft = await db()
      .selectFrom("meetings")
      .selectAll()
      .where("body_id", "=", bodyId)
      .where("date", "=", "2026-04-09")
      .executeTakeFirstOrThrow();
    const url = `/admin/meetings/${draft.id}/edit`;
    const bad = await office.post(officer, url, { start: "", venue: "Guildhall" });
    assert.equal(bad.statusCode, 400);
    assert.match(errorSummaryText(bad.body), /Enter start time/);
    const response = await office.post(officer, url, { start: "9:30am", venue: "Guildhall" });
    assert.equal(response.statusCode, 303);
    const changed = await db()
      .selectFrom("meetings")
      .selectAll()
      .where("id", "=", draft.id)
      .executeTakeFirstOrThrow();
    assert.equal(changed.start_time, "09:30");
    assert.equal(changed.venue, "Guildhall");
    const versions = await db()
      .selectFrom("record_versions")
      .select("id")
      .where("record_table", "=", "meetings")
      .where("record_id", "=", draft.id)
      .execute();
    assert.equal(versions.length, 0);
  });

  test("a published paper of Part I is read by any councillor of the authority; its form refuses bad input", async () => {
    const paper = await db()
      .selectFrom("documents")
      .selectAll()
      .where("title", "like", "Budget monitoring report%")
      .executeTakeFirstOrThrow();
    const cabinetMember = await office.userFor("member", OWN, { memberOf: ["Cabinet"] });
    assert.equal((await office.get(cabinetMember, `/admin/documents/${paper.id}`)).statusCode, 200);
    assert.equal((await office.get(cabinetMember, `/admin/documents/${paper.id}/file`)).statusCode, 200);
    assert.equal(
      (await office.get(await office.userFor("officer", OTHER), `/admin/documents/${paper.id}`)).statusCode,
      403,
    );
    const bad = await office.post(officer, `/admin/documents/${paper.id}/edit`, {
      title: "",
      kind: "report",
      part: "II",
      "amendment-reason": "x",
    });
    assert.equal(bad.statusCode, 400);
    assert.match(errorSummaryText(bad.body), /Enter title/);
    const noParagraph = await office.post(officer, `/admin/documents/${paper.id}/edit`, {
      title: "Secret now",
      kind: "report",
      part: "II",
      "amendment-reason": "x",
    });
    assert.equal(noParagraph.statusCode, 400);
    assert.match(errorSummaryText(noParagraph.body), /Select the exempt information paragraph/);
    const unchanged = await db()
      .selectFrom("documents")
      .selectAll()
      .where("id", "=", paper.id)
      .executeTakeFirstOrThrow();
    assert.equal(unchanged.title, paper.title);
    assert.equal(unchanged.part, "I");
  });

  test("cancelling a published meeting asks a reason; the public page says it is cancelled and why", async () => {
    const meeting = await theMeeting();
    const url = `/admin/meetings/${meeting.id}/cancel`;
    const noReason = await office.post(officer, url, {});
    assert.equal(noReason.statusCode, 400);
    assert.equal((await theMeeting()).status, "scheduled");
    const response = await office.post(officer, url, { "amendment-reason": "Not quorate." });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/admin/meetings/${meeting.id}?notice=cancelled`);
    const page = await publicPath(`/meetings/${meeting.slug}`);
    assert.match(page.body, /Cancelled/);
    assert.match(page.body, /Amended on Monday 2 March 2026: Not quorate\./);
  });
});
