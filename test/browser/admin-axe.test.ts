import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext } from "playwright-core";
import { can, type Action, type Resource, type Role } from "../../src/domain/policy.js";
import { ADMIN_PAGES } from "../../src/web/routes/admin/index.js";
import type { AdminPage } from "../../src/web/routes/admin/pages.js";
import { CLOCK, OWN, openBackOffice, type BackOffice, type User } from "../support/back-office.js";
import { resolvePage, storeFixtureFiles } from "../integration/admin/params.js";
import { browserSkip, launchChromium } from "./support/portal.js";

// axe-core in Chromium on every page of the back office (issue 5, "Done means": zero violations
// on every back-office page), against the WCAG 2.0, 2.1 and 2.2 A and AA rules: every view page
// and every form of ADMIN_PAGES, with its parameters filled from the demo's records, as an
// officer (an administrator for the administrator's pages), and the pages of a body's records as
// a member of the body too (they see its exempt papers); and a form shown with its error summary. A page added to ADMIN_PAGES is
// checked as soon as it is registered. Under CI a missing Chromium fails the run.

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const TODAY = CLOCK.toISOString().slice(0, 10);
const ROLE_ORDER: readonly Role[] = ["officer", "admin", "author", "member"];

/** The role that may see the page: an officer, unless the page is an administrator's. */
function roleFor(action: Action, resource: Resource): Role {
  const role = ROLE_ORDER.find((candidate) =>
    can(
      { isDisabled: false, grants: [{ role: candidate, authorityId: resource.authorityId }], bodyIds: [] },
      action,
      resource,
    ),
  );
  assert.ok(role, `some role may ${action}`);
  return role;
}

function memberFacts(resource: Resource) {
  return {
    isDisabled: false,
    grants: [{ role: "member" as const, authorityId: resource.authorityId }],
    bodyIds: resource.bodyId === undefined ? [] : [resource.bodyId],
  };
}

/** One visit to each address: a form's page and its view page share a path only by accident. */
function pagesToVisit(): AdminPage[] {
  const seen = new Set<string>();
  return ADMIN_PAGES.filter((page) => {
    if (seen.has(page.path)) return false;
    seen.add(page.path);
    return true;
  });
}

const skip = browserSkip();

describe("accessibility of every back-office page (axe, WCAG 2.2 AA)", { skip }, () => {
  let office: BackOffice;
  let origin = "";
  let browser: Browser | undefined;
  const contexts = new Map<string, BrowserContext>();

  before(async () => {
    office = await openBackOffice();
    await storeFixtureFiles(office);
    origin = await office.app.listen({ host: "127.0.0.1", port: 0 });
    browser = await launchChromium();
  });
  after(async () => {
    for (const context of contexts.values()) await context.close();
    await browser?.close();
    await office.close();
  });

  /** A browser context signed in as the user, by their session cookie. */
  async function contextFor(key: string, user: User): Promise<BrowserContext> {
    const known = contexts.get(key);
    if (known) return known;
    if (!browser) throw new Error("the browser is not running");
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const [name = "", value = ""] = user.cookie.split("=");
    await context.addCookies([{ name, value, url: origin }]);
    contexts.set(key, context);
    return context;
  }

  async function bodyNames(resource: Resource): Promise<string[]> {
    if (resource.bodyId === undefined) return [];
    const body = await office.connection.db
      .selectFrom("bodies")
      .select("name")
      .where("id", "=", resource.bodyId)
      .executeTakeFirstOrThrow();
    return [body.name];
  }

  /** Opens the address (or, given `submit`, sends its form empty) and runs axe on the result. */
  async function check(
    context: BrowserContext,
    url: string,
    options: { submit?: boolean } = {},
  ): Promise<string> {
    const page = await context.newPage();
    try {
      const response = await page.goto(`${origin}${url}`);
      assert.equal(response?.status(), 200, `${url} answers`);
      if (options.submit === true) {
        await Promise.all([page.waitForLoadState("load"), page.locator("main form button").last().click()]);
        await page.waitForSelector(".govuk-error-summary");
      }
      assert.equal(await page.getAttribute("html", "lang"), "en-GB");
      assert.equal(await page.locator("h1").count(), 1, `${url}: one h1`);
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const violations = results.violations.map(
        (v) =>
          `${v.id} (${v.impact ?? "?"}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
      assert.deepEqual(violations, [], `${url}: axe found violations`);
      return `${url}: ${results.passes.length} rules passed, 0 violations`;
    } finally {
      await page.close();
    }
  }

  for (const adminPage of pagesToVisit()) {
    test(`${adminPage.path}${adminPage.method === "POST" ? " (form)" : ""}`, async (t) => {
      const own = await office.authorityId(OWN);
      const found = await resolvePage(office.connection.db, adminPage, own, TODAY);
      const role = roleFor(adminPage.action, found.resource);
      const user = await office.userFor(role, OWN);
      // A file the page sends (a document's PDF) is downloaded, not shown: there is no page to check.
      const served = await office.get(user, found.url);
      if (!String(served.headers["content-type"]).startsWith("text/html")) {
        assert.equal(served.statusCode, 200, found.url);
        t.diagnostic(`${found.url}: a file (${String(served.headers["content-type"])}), not a page`);
        return;
      }
      t.diagnostic(`as ${role}: ${await check(await contextFor(role, user), found.url)}`);
      // A member of the body sees its exempt parts, which an officer's view may lay out otherwise.
      const isMembersPage =
        adminPage.action === "read-exempt" ||
        (adminPage.method === "GET" && found.resource.bodyId !== undefined);
      if (isMembersPage && can(memberFacts(found.resource), adminPage.action, found.resource)) {
        const memberOf = await bodyNames(found.resource);
        const member = await office.userFor("member", OWN, { memberOf });
        t.diagnostic(
          `as member: ${await check(await contextFor(`member:${memberOf.join()}`, member), found.url)}`,
        );
      }
    });
  }

  test("a form shown with its error summary", async (t) => {
    const own = await office.authorityId(OWN);
    const officer = await office.userFor("officer", OWN);
    const context = await contextFor("officer", officer);
    t.diagnostic(await check(context, `/admin/authorities/${own}/forward-plan/new`, { submit: true }));
  });
});
