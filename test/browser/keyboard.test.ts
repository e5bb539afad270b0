import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { ISSUE } from "./support/page-types.js";
import { browserSkip, launchChromium, startPortal, type Portal } from "./support/portal.js";

// One journey with the keyboard alone (Tab, Enter and typing; no clicks): search "Torbay", open
// the issue, follow its timeline to a meeting, open a report, and go back. Every stop the focus
// makes must be visible (GOV.UK's yellow focus style), and each Enter must land where expected.

type Focus = {
  tag: string;
  href: string | null;
  id: string;
  text: string;
  focusVisible: boolean;
  styled: boolean;
  label: string | null;
};

// Runs in the page: what has the focus, and whether it is drawn as focused.
const FOCUS_SCRIPT = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outlined = style.outlineStyle !== "none" && style.outlineWidth !== "0px" && !/rgba\\(0, 0, 0, 0\\)|transparent/.test(style.outlineColor);
  // GOV.UK draws a focused checkbox's ring on its label's ::before, the input itself being invisible.
  const label = el.labels && el.labels[0];
  const ring = /^(checkbox|radio)$/.test(el.getAttribute("type") || "") && label ? getComputedStyle(label, "::before").boxShadow : "none";
  const shadowed = style.boxShadow !== "none" || ring !== "none";
  return {
    tag: el.tagName.toLowerCase(),
    href: el.getAttribute("href"),
    id: el.id,
    text: (el.textContent || "").replace(/\\s+/g, " ").trim().slice(0, 120),
    focusVisible: el.matches(":focus-visible"),
    styled: outlined || shadowed,
    label: el.getAttribute("aria-label"),
  };
})()`;

function isFocus(value: unknown): value is Focus {
  return typeof value === "object" && value !== null && "tag" in value && "focusVisible" in value;
}

async function focused(page: Page): Promise<Focus | null> {
  const value: unknown = await page.evaluate(FOCUS_SCRIPT);
  return isFocus(value) ? value : null;
}

/** Tabs until the focus is on what `wanted` accepts, checking that every stop shows its focus. */
async function tabTo(page: Page, wanted: (f: Focus) => boolean, what: string, limit = 250): Promise<Focus> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const focus = await focused(page);
    if (focus === null) continue;
    assert.ok(focus.focusVisible && focus.styled, `the focus on ${JSON.stringify(focus)} is visible`);
    if (wanted(focus)) return focus;
  }
  assert.fail(`no ${what} within ${limit} presses of Tab on ${page.url()}`);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

async function enter(page: Page, expected: RegExp): Promise<void> {
  await Promise.all([page.waitForURL(expected), page.keyboard.press("Enter")]);
  await page.waitForLoadState("load");
}

const skip = browserSkip();

describe("a keyboard-only journey", { skip }, () => {
  let portal: Portal | undefined;
  let browser: Browser | undefined;

  before(async () => {
    portal = await startPortal();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await portal?.close();
  });

  test('search "Torbay" → the issue → its timeline → a meeting → a report → back', async (t) => {
    if (!portal || !browser) throw new Error("the portal or the browser is not running");
    const built = ["/issues/:issue", "/authorities/:authority/documents/:key"].every((url) =>
      portal?.app.hasRoute({ method: "GET", url }),
    );
    if (!built) t.todo("the issue and document pages are not built yet");
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${portal.origin}/`);

      // The first stop on every page is the skip link; it takes the focus to the main content.
      const skipLink = await tabTo(page, () => true, "first stop");
      assert.equal(skipLink.href, "#main-content", "Tab first lands on the skip link");
      await tabTo(page, (f) => f.href === "/search", "the Search link");
      await enter(page, /\/search$/);

      await tabTo(page, (f) => f.id === "q", "the search box");
      await page.keyboard.type("Torbay");
      await enter(page, /\/search\?q=Torbay(&|$)/);
      assert.match(await page.locator("#results-heading").innerText(), /^\d+ results$/);

      await tabTo(page, (f) => f.href === ISSUE, "the issue among the results");
      await enter(page, new RegExp(`${ISSUE}$`));
      assert.match(await page.locator("h1").innerText(), /Torbay Children's Services/);

      // The timeline picture's frame takes the focus (it scrolls on narrow screens); the entries it
      // draws follow it as a numbered history list, each linking to its item at a meeting.
      await tabTo(page, (f) => /^Timeline picture/.test(f.label ?? ""), "the issue's timeline");
      const entry = await tabTo(
        page,
        (f) => (f.href ?? "").endsWith("/meetings/2017-08-29-cabinet/items/36"),
        "the Cabinet's item in the timeline",
      );
      await enter(page, new RegExp(`${escape(entry.href ?? "")}$`));

      const meeting = "/authorities/plymouth-city-council/meetings/2017-08-29-cabinet";
      await tabTo(page, (f) => f.href === meeting, "the link to the item's meeting");
      await enter(page, new RegExp(`${escape(meeting)}$`));
      assert.match(await page.locator("h1").innerText(), /Cabinet/);

      const report = await tabTo(
        page,
        (f) => /\/documents\/plymouth-cabinet-2017-08-29-torbay-partnership-report$/.test(f.href ?? ""),
        "the report's link",
      );
      await enter(page, /\/documents\//);
      assert.ok(page.url().endsWith(report.href ?? "-"), "the report opens");
      assert.equal(await page.locator("h1").count(), 1);

      await page.goBack();
      await page.waitForURL(new RegExp(`${escape(meeting)}$`));
      const back = await tabTo(page, () => true, "first stop after going back");
      assert.ok(back.focusVisible && back.styled, "the focus is visible after going back");
    } finally {
      await context.close();
    }
  });

  test("the search form and its filters work from the keyboard alone", async () => {
    if (!portal || !browser) throw new Error("the portal or the browser is not running");
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${portal.origin}/search`);
      await tabTo(page, (f) => f.id === "q", "the search box");
      await page.keyboard.type("Torbay");
      await tabTo(page, (f) => f.id === "kind-5", "the Issues box");
      await page.keyboard.press("Space");
      await tabTo(page, (f) => f.tag === "button" && f.text === "Apply filters", "the Apply filters button");
      await enter(page, /kind=issue/);
      assert.equal(await page.locator(".app-search-results__item").count(), 1);
      assert.equal(await page.locator(".app-search-results__item a").getAttribute("href"), ISSUE);
    } finally {
      await context.close();
    }
  });
});
