import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { FastifyInstance } from "fastify";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { loadConfig } from "../../src/config.js";
import { connect, migrate, type Connection } from "../../src/db/connect.js";
import type { Role } from "../../src/domain/policy.js";
import { createAccount, linkPerson } from "../../src/records/accounts.js";
import { loadBundle } from "../../src/records/bundle-load.js";
import { localFileStore } from "../../src/records/files.js";
import { createApp } from "../../src/web/app.js";
import { TEST_ACTOR, demoBundle } from "../support/demo.js";
import { browserSkip, launchChromium } from "./support/portal.js";

// The back office's whole journey in Chromium, as a democratic services officer lives it: sign
// in, add a meeting of a committee, three agenda items (one Part II with its paper), upload a PDF
// report, publish the agenda late with a reason, then record attendance, a declaration, minutes
// and a nested resolution with a vote, and publish the draft minutes. Then the public portal
// shows exactly the public parts; a member of the committee reads the Part II paper, and a member
// of another committee and a visitor who is not signed in get "page not found". Every back-office
// page the officer passes through is checked with axe.

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const PASSWORD = "a long enough passphrase";
// A Monday; the meeting is on Thursday, three days away: too late for five clear days' notice.
const NOW = new Date("2026-03-02T09:00:00Z");
const COMMITTEE = "Wellbeing Overview and Scrutiny Committee";
const OTHER_COMMITTEE = "Cabinet";
const AUTHORITY = "Plymouth City Council";
const EXEMPT_TITLE = "Leisure contract: bidders' prices";
const EXEMPT_TEXT = "Confidential tender prices for the leisure contract";

async function pdfSaying(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText(text, { x: 72, y: 760, size: 12, font });
  return pdf.save();
}

const skip = browserSkip();

describe("an officer runs a meeting end to end in the back office", { skip }, () => {
  let folder = "";
  let connection: Connection;
  let app: FastifyInstance;
  let origin = "";
  let browser: Browser | undefined;
  const emails: Record<string, string> = {};
  const axeChecked: string[] = [];

  async function account(role: Role, key: string, memberOf?: string): Promise<void> {
    const authority = await connection.db
      .selectFrom("authorities")
      .select("id")
      .where("name", "=", AUTHORITY)
      .executeTakeFirstOrThrow();
    const email = `${key}@plymouth.example.gov.uk`;
    const id = await createAccount(connection.db, TEST_ACTOR, {
      email,
      name: key,
      password: PASSWORD,
      grants: [{ role, authorityId: authority.id }],
    });
    if (memberOf !== undefined) {
      const body = await connection.db
        .selectFrom("bodies")
        .select("id")
        .where("name", "=", memberOf)
        .executeTakeFirstOrThrow();
      const person = await connection.db
        .insertInto("people")
        .values({ authority_id: authority.id, name: `Councillor ${key}`, name_key: key, kind: "councillor" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await connection.db
        .insertInto("memberships")
        .values({ authority_id: authority.id, person_id: person.id, body_id: body.id, role: "member" })
        .execute();
      await linkPerson(connection.db, TEST_ACTOR, id, person.id);
    }
    emails[key] = email;
  }

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), "witan-journey-"));
    connection = connect({ engine: "sqlite", file: join(folder, "witan.db") });
    await migrate(connection);
    await loadBundle(connection.db, demoBundle(), TEST_ACTOR);
    await account("officer", "officer");
    await account("member", "committee-member", COMMITTEE);
    await account("member", "cabinet-member", OTHER_COMMITTEE);
    writeFileSync(
      join(folder, "report.pdf"),
      await pdfSaying("The leisure strategy: a report to the committee"),
    );
    writeFileSync(join(folder, "exempt.pdf"), await pdfSaying(EXEMPT_TEXT));
    app = await createApp({
      db: connection.db,
      engine: "sqlite",
      config: loadConfig({ WITAN_DATA: folder }),
      now: () => NOW,
      files: localFileStore(join(folder, "files")),
    });
    origin = await app.listen({ host: "127.0.0.1", port: 0 });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await app.close();
    await connection.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function newContext(): Promise<BrowserContext> {
    if (!browser) throw new Error("the browser is not running");
    return browser.newContext({ viewport: { width: 1280, height: 900 } });
  }

  async function signIn(page: Page, key: string, path: string): Promise<void> {
    await page.goto(`${origin}${path}`);
    assert.match(new URL(page.url()).pathname, /^\/sign-in$/, "a visitor who is not signed in is asked to");
    await page.getByLabel("Email address").fill(emails[key] ?? "");
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname === path),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
  }

  async function checkAxe(page: Page): Promise<void> {
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const violations = results.violations.map(
      (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
    assert.deepEqual(violations, [], `${page.url()}: axe found violations`);
    axeChecked.push(new URL(page.url()).pathname);
  }

  /** Follows a link by its text, checks the page it opens with axe. */
  async function follow(page: Page, name: string | RegExp): Promise<void> {
    await Promise.all([page.waitForLoadState("load"), page.getByRole("link", { name }).first().click()]);
    await page.waitForLoadState("load");
    await checkAxe(page);
  }

  /** Submits the page's form with the button named, and expects no error summary after. */
  async function submit(page: Page, button: string): Promise<void> {
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: button }).click()]);
    const problems = await page.locator(".govuk-error-summary").allTextContents();
    assert.deepEqual(problems, [], `${button}: the form was accepted`);
    await checkAxe(page);
  }

  async function fillDate(page: Page, name: string, iso: string): Promise<void> {
    const [year = "", month = "", day = ""] = iso.split("-");
    await page.locator(`#${name}-day`).fill(String(Number(day)));
    await page.locator(`#${name}-month`).fill(String(Number(month)));
    await page.locator(`#${name}-year`).fill(year);
  }

  async function addItem(
    page: Page,
    meetingPath: string,
    fields: { number: string; title: string; part: "I" | "II" },
  ) {
    await page.goto(`${origin}${meetingPath}`);
    await follow(page, "Add agenda items");
    await page.locator("#number").fill(fields.number);
    await page.locator("#title").fill(fields.title);
    await page.locator("#kind").selectOption("report");
    await page.locator(`input[name="part"][value="${fields.part}"]`).check();
    if (fields.part === "II") await page.locator("#paragraph").selectOption("3");
    await submit(page, "Add item");
  }

  test("from signing in to the public seeing exactly the public parts", async (t) => {
    const body = await connection.db
      .selectFrom("bodies")
      .select("id")
      .where("name", "=", COMMITTEE)
      .executeTakeFirstOrThrow();
    const context = await newContext();
    const page = await context.newPage();

    // Sign in, straight to the committee's page, and add a meeting.
    await signIn(page, "officer", `/admin/bodies/${body.id}`);
    await checkAxe(page);
    await follow(page, "Add a meeting");
    await fillDate(page, "date", "2026-03-05");
    await page.locator("#start").fill("10:00");
    await page.locator("#venue").fill("Warspite Room, Council House");
    await submit(page, "Add meeting");
    const meetingPath = new URL(page.url()).pathname;
    assert.match(meetingPath, /^\/admin\/meetings\/\d+$/);

    // Three items: two in public, one exempt under paragraph 3.
    await addItem(page, meetingPath, { number: "1", title: "Apologies", part: "I" });
    await addItem(page, meetingPath, { number: "2", title: "Leisure strategy", part: "I" });
    await addItem(page, meetingPath, { number: "3", title: EXEMPT_TITLE, part: "II" });

    // The report on item 2, and the exempt paper on item 3.
    for (const [title, file, paperTitle] of [
      ["Leisure strategy", "report.pdf", "Leisure strategy report"],
      [EXEMPT_TITLE, "exempt.pdf", "Bidders' prices appraisal"],
    ] as const) {
      await page.goto(`${origin}${meetingPath}`);
      await follow(page, title);
      await follow(page, "Upload a document");
      await page.locator("#title").fill(paperTitle);
      await page.locator("#file").setInputFiles(join(folder, file));
      await submit(page, "Upload document");
    }

    // Publish the agenda: it is late, so it warns and asks for a reason for each late item.
    await page.goto(`${origin}${meetingPath}`);
    await follow(page, "Publish the agenda");
    assert.match(await page.locator("main").innerText(), /clear days/);
    assert.ok((await page.locator(".govuk-warning-text").count()) > 0, "publishing late is warned of");
    await page
      .locator("#urgency")
      .fill("The tender closed on Friday and the contract must be let this month.");
    await submit(page, "Publish the agenda");

    // Record the meeting: attendance, a declaration, minutes and a nested resolution with a vote.
    await page.goto(`${origin}${meetingPath}`);
    await follow(page, "Record attendance");
    const statuses = page.locator('select[name^="status-"]');
    assert.ok((await statuses.count()) > 0, "the committee's members are listed");
    for (let i = 0; i < (await statuses.count()); i++) await statuses.nth(i).selectOption("present");
    await submit(page, "Save attendance");

    await page.goto(`${origin}${meetingPath}`);
    await follow(page, "Leisure strategy");
    await follow(page, "Add a declaration of interest");
    await page.locator("#person").selectOption({ index: 1 });
    await page.locator('input[name="kind"]').first().check();
    await page.locator("#nature").fill("Member of a leisure trust bidding for the contract");
    await submit(page, "Add declaration");

    await follow(page, "Write the minutes of this item");
    await page
      .locator("#minutes")
      .fill("The committee considered the leisure strategy and questioned the Director.");
    await submit(page, "Save minutes");

    await follow(page, "Add a resolution");
    await page.locator("#number").fill("1.");
    await page
      .locator("#text")
      .fill("That the committee recommends the leisure strategy to Cabinet, subject to:");
    await page.locator("#votes-for").fill("7");
    await page.locator("#votes-against").fill("2");
    await page.locator("#votes-abstain").fill("1");
    await page.locator("#proposer").selectOption({ index: 1 });
    await page.locator("#seconder").selectOption({ index: 2 });
    await submit(page, "Add resolution");
    await page.goto(`${origin}${meetingPath}`);
    await follow(page, "Leisure strategy");
    await follow(page, "Add a resolution");
    await page.locator("#number").fill("(a)");
    await page.locator("#parent").selectOption({ index: 1 });
    await page.locator("#text").fill("a review of charges after one year.");
    await submit(page, "Add resolution");

    await page.goto(`${origin}${meetingPath}`);
    await follow(page, "Publish draft minutes");
    await submit(page, "Publish draft minutes");
    await context.close();

    // The public portal: the public items, the late item's reason, the minutes and the vote;
    // nothing of the exempt item but its number.
    const meeting = await connection.db
      .selectFrom("meetings")
      .innerJoin("authorities", "authorities.id", "meetings.authority_id")
      .select(["meetings.slug", "authorities.slug as authority"])
      .where("meetings.id", "=", Number(meetingPath.split("/").pop()))
      .executeTakeFirstOrThrow();
    const visitor = await newContext();
    const publicPage = await visitor.newPage();
    const response = await publicPage.goto(
      `${origin}/authorities/${meeting.authority}/meetings/${meeting.slug}`,
    );
    assert.equal(response?.status(), 200);
    const shown = await publicPage.locator("main").innerText();
    assert.match(shown, /Leisure strategy/);
    assert.match(shown, /tender closed on Friday/, "the reason for urgency is public");
    assert.match(shown, /questioned the Director/);
    assert.match(shown, /7/);
    assert.doesNotMatch(shown, /bidders' prices|Bidders' prices appraisal/i, "nothing of the exempt item");
    const search = await publicPage.goto(
      `${origin}/search?q=${encodeURIComponent("confidential tender prices")}`,
    );
    assert.equal(search?.status(), 200);
    assert.doesNotMatch(await publicPage.locator("main").innerText(), /Bidders/);

    // The exempt paper: its member reads it; another committee's member and a visitor do not.
    const exempt = await connection.db
      .selectFrom("documents")
      .select("id")
      .where("title", "=", "Bidders' prices appraisal")
      .executeTakeFirstOrThrow();
    const paperPath = `/admin/documents/${exempt.id}`;
    const anonymous = await publicPage.goto(`${origin}${paperPath}/file`);
    assert.equal(anonymous?.status(), 200, "the sign-in page, not the paper");
    assert.match(new URL(publicPage.url()).pathname, /^\/sign-in$/);
    await visitor.close();

    const memberContext = await newContext();
    const memberPage = await memberContext.newPage();
    await signIn(memberPage, "committee-member", paperPath);
    assert.match(await memberPage.locator("main").innerText(), /Bidders' prices appraisal/);
    await checkAxe(memberPage);
    const file = await memberPage.request.get(`${origin}${paperPath}/file`);
    assert.equal(file.status(), 200);
    assert.equal(file.headers()["content-type"], "application/pdf");
    await memberContext.close();

    const otherContext = await newContext();
    const otherPage = await otherContext.newPage();
    await otherPage.goto(`${origin}/sign-in`);
    await otherPage.getByLabel("Email address").fill(emails["cabinet-member"] ?? "");
    await otherPage.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await Promise.all([
      otherPage.waitForURL(/\/admin$/),
      otherPage.getByRole("button", { name: "Sign in" }).click(),
    ]);
    const refused = await otherPage.goto(`${origin}${paperPath}`);
    assert.equal(refused?.status(), 404);
    assert.equal((await otherPage.request.get(`${origin}${paperPath}/file`)).status(), 404);
    await otherContext.close();

    assert.ok(axeChecked.length >= 20, `axe checked ${axeChecked.length} back-office pages`);
    t.diagnostic(
      `axe: 0 violations on ${axeChecked.length} back-office pages: ${[...new Set(axeChecked)].join(" ")}`,
    );
  });
});
