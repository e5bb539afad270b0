import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext } from "playwright-core";
import { isBuilt, pageTypes } from "./support/page-types.js";
import { browserSkip, launchChromium, startPortal, type Portal } from "./support/portal.js";

// axe-core in Chromium on every page type of the portal, against the WCAG 2.0, 2.1 and 2.2
// A and AA rules: zero violations. Each page is also checked for a language, a title that says
// where you are, a skip link, exactly one h1, and no cookies.

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const skip = browserSkip();
// Known only once the portal is up: the page types are listed from its data.
const portal: Portal | undefined = skip ? undefined : await startPortal();

describe("accessibility of every page type (axe, WCAG 2.2 AA)", { skip }, () => {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  before(async () => {
    browser = await launchChromium();
    // @axe-core/playwright needs a page from a context; a bare browser.newPage() is refused.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await portal?.close();
  });

  for (const type of portal ? pageTypes(portal) : []) {
    test(type.name, async (t) => {
      if (!portal || !context) throw new Error("the portal or the browser is not running");
      if (!isBuilt(portal, type)) t.todo(`the ${type.name} page (${type.route}) is not built yet`);
      const page = await context.newPage();
      try {
        const response = await page.goto(`${portal.origin}${type.url}`);
        assert.equal(response?.status(), type.status ?? 200, `${type.url} answers`);
        assert.equal(await page.getAttribute("html", "lang"), "en-GB");
        assert.match(await page.title(), /\S+ – Witan/, "the title says where you are, then the site");
        assert.equal(await page.locator("a.govuk-skip-link[href='#main-content']").count(), 1);
        assert.equal(await page.locator("h1").count(), 1, "one h1");
        assert.deepEqual(await context.cookies(), [], "no cookies");

        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        const violations = results.violations.map(
          (v) =>
            `${v.id} (${v.impact ?? "?"}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
        assert.deepEqual(violations, [], `${type.url}: axe found violations`);
        t.diagnostic(`${type.url}: ${results.passes.length} rules passed, 0 violations`);
      } finally {
        await page.close();
      }
    });
  }
});
