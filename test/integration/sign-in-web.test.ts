import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { loadConfig, type Config } from "../../src/config.js";
import type { Connection } from "../../src/db/connect.js";
import { createAccount, disableAccount } from "../../src/records/accounts.js";
import { loadBundle } from "../../src/records/bundle-load.js";
import { createApp } from "../../src/web/app.js";
import { TEST_ACTOR, demoBundle } from "../support/demo.js";
import { openSqlite } from "../support/engines.js";

// Signing in and out of the back office through app.inject(), on SQLite, with every protection
// on as in production: CSRF tokens, the rate limit, the lockout, cookies' attributes. The clock
// is the test's, so sessions can expire without waiting.

const PASSWORD = "a long enough passphrase";
const SITE = "Witan: council meetings and decisions";
const START = new Date("2026-03-02T09:00:00Z");
const HOUR = 60 * 60 * 1000;
const CABINET = "/authorities/plymouth-city-council/meetings/2017-08-29-cabinet";
const FORM = { "content-type": "application/x-www-form-urlencoded" };

type Cookie = { name: string; value: string; attributes: string[] };

function setCookies(response: LightMyRequestResponse): Cookie[] {
  const header = response.headers["set-cookie"];
  const lines = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return lines.map((line) => {
    const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at), value: pair.slice(at + 1), attributes };
  });
}

function cookieNamed(response: LightMyRequestResponse, name: string): Cookie | undefined {
  return setCookies(response).find((cookie) => cookie.name === name);
}

function tokenIn(html: string): string {
  const token = /<input type="hidden" name="_csrf" value="([^"]+)">/.exec(html)?.[1];
  assert.ok(token, "the page has a form with a CSRF token");
  return token;
}

function errorSummary(html: string): string {
  const start = html.indexOf('class="govuk-error-summary"');
  assert.ok(start >= 0, "the page has an error summary");
  return html.slice(start, html.indexOf("</ul>", start));
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

describe("signing in to the back office", () => {
  let connection: Connection;
  let app: FastifyInstance;
  let clock = START;
  let address = 0;
  const config = loadConfig({});

  async function build(withConfig: Config): Promise<FastifyInstance> {
    return createApp({ db: connection.db, engine: "sqlite", config: withConfig, now: () => clock });
  }

  before(async () => {
    connection = await openSqlite();
    await loadBundle(connection.db, demoBundle(), TEST_ACTOR);
    const plymouth = await connection.db
      .selectFrom("authorities")
      .select("id")
      .where("name", "=", "Plymouth City Council")
      .executeTakeFirstOrThrow();
    const officer = { role: "officer" as const, authorityId: plymouth.id };
    for (const email of ["ross@plymouth.gov.uk", "locked@plymouth.gov.uk", "leaving@plymouth.gov.uk"]) {
      await createAccount(connection.db, TEST_ACTOR, {
        email,
        name: "Ross Jago",
        password: PASSWORD,
        grants: [officer],
      });
    }
    await createAccount(connection.db, TEST_ACTOR, {
      email: "new@plymouth.gov.uk",
      name: "New Starter",
      password: PASSWORD,
      grants: [],
    });
    app = await build(config);
  });

  after(async () => {
    await app.close();
    await connection.close();
  });

  /** Each test signs in from its own address, so the rate limit is spent only where meant. */
  function nextAddress(): string {
    address += 1;
    return `198.51.100.${address}`;
  }

  async function signInForm(on = app, remoteAddress = nextAddress()) {
    const page = await on.inject({ method: "GET", url: "/sign-in", remoteAddress });
    assert.equal(page.statusCode, 200);
    const csrf = setCookies(page)[0];
    assert.ok(csrf, "the sign-in page sets its form's cookie");
    return { cookie: `${csrf.name}=${csrf.value}`, token: tokenIn(page.body), remoteAddress };
  }

  async function postSignIn(email: string, password: string, on = app) {
    const { cookie, token, remoteAddress } = await signInForm(on);
    return on.inject({
      method: "POST",
      url: "/sign-in",
      headers: { ...FORM, cookie },
      payload: form({ _csrf: token, email, password }),
      remoteAddress,
    });
  }

  /** Signs in and returns the session cookie, as "name=value". */
  async function signIn(email = "ross@plymouth.gov.uk"): Promise<string> {
    const response = await postSignIn(email, PASSWORD);
    assert.equal(response.statusCode, 303);
    const session = cookieNamed(response, "witan-session");
    assert.ok(session, "signing in sets the session cookie");
    return `witan-session=${session.value}`;
  }

  async function adminPage(cookie: string) {
    return app.inject({ method: "GET", url: "/admin", headers: { cookie } });
  }

  async function sessionCount(): Promise<number> {
    return (await connection.db.selectFrom("sessions").select("id").execute()).length;
  }

  async function auditCount(): Promise<number> {
    return (await connection.db.selectFrom("audit_log").select("id").execute()).length;
  }

  test("the sign-in page is a GOV.UK form whose token is bound to a cookie of its own", async () => {
    const response = await app.inject("/sign-in");
    assert.equal(response.statusCode, 200);
    assert.match(response.body, new RegExp(`<title>Sign in – ${SITE}</title>`));
    assert.match(response.body, /<form method="post" action="\/sign-in" novalidate>/);
    assert.match(
      response.body,
      /<label class="govuk-label govuk-label--s" for="email">\s*Email address\s*<\/label>/,
    );
    assert.match(response.body, /autocomplete="username"/);
    assert.match(response.body, /type="password"[^>]*autocomplete="current-password"/);
    assert.match(
      response.body,
      /href="\/sign-in" aria-current="page">\s*<strong class="govuk-service-navigation__active-fallback">Sign in</,
    );
    assert.equal(response.headers["cache-control"], "no-store");
    const cookies = setCookies(response);
    assert.deepEqual(
      cookies.map((c) => [c.name, c.attributes]),
      [["witan-csrf", ["Path=/", "HttpOnly", "SameSite=Lax"]]],
    );
    assert.match(cookies[0]?.value ?? "", /^[A-Za-z0-9_-]{43}$/);
    assert.equal(
      tokenIn(response.body).includes(cookies[0]?.value ?? "?"),
      false,
      "the token is not the secret",
    );
  });

  test("the right password sets an HttpOnly, SameSite=Lax session cookie and opens the back office", async () => {
    const sessions = await sessionCount();
    const response = await postSignIn("Ross@Plymouth.gov.uk", PASSWORD);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/admin");
    const session = cookieNamed(response, "witan-session");
    assert.ok(session);
    assert.match(session.value, /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(session.attributes, ["Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=43200"]);
    assert.deepEqual(cookieNamed(response, "witan-csrf")?.attributes, [
      "Path=/",
      "HttpOnly",
      "SameSite=Lax",
      "Max-Age=0",
    ]);
    assert.equal(await sessionCount(), sessions + 1);
    const stored = createHash("sha256").update(session.value).digest("hex");
    const row = await connection.db
      .selectFrom("sessions")
      .select("id")
      .where("id", "=", stored)
      .executeTakeFirst();
    assert.ok(row, "the database holds the token's SHA-256, not the token");

    const admin = await adminPage(`witan-session=${session.value}`);
    assert.equal(admin.statusCode, 200);
    assert.match(admin.body, /Signed in as <strong>Ross Jago<\/strong> \(ross@plymouth\.gov\.uk\)/);
    assert.equal(setCookies(admin).length, 0);
  });

  test("with secure cookies, as in production, the cookies are Secure and named __Host-", async () => {
    const secure = await build(loadConfig({ WITAN_SECURE_COOKIES: "true" }));
    try {
      const page = await secure.inject("/sign-in");
      assert.deepEqual(
        setCookies(page).map((c) => [c.name, c.attributes]),
        [["__Host-witan-csrf", ["Path=/", "HttpOnly", "SameSite=Lax", "Secure"]]],
      );
      const response = await postSignIn("ross@plymouth.gov.uk", PASSWORD, secure);
      assert.equal(response.statusCode, 303);
      const session = cookieNamed(response, "__Host-witan-session");
      assert.deepEqual(session?.attributes, [
        "Path=/",
        "HttpOnly",
        "SameSite=Lax",
        "Secure",
        "Max-Age=43200",
      ]);
      assert.equal(cookieNamed(response, "witan-session"), undefined);
      const admin = await secure.inject({
        url: "/admin",
        headers: { cookie: `__Host-witan-session=${session?.value}` },
      });
      assert.equal(admin.statusCode, 200);
      const plain = await secure.inject({
        url: "/admin",
        headers: { cookie: `witan-session=${session?.value}` },
      });
      assert.equal(plain.statusCode, 303, "the cookie without its prefix is not accepted");
    } finally {
      await secure.close();
    }
  });

  test("a wrong password shows the error summary, keeps the email, and starts no session", async () => {
    const sessions = await sessionCount();
    const response = await postSignIn("ross@plymouth.gov.uk", "not the password at all");
    assert.equal(response.statusCode, 400);
    assert.match(response.body, new RegExp(`<title>Error: Sign in – ${SITE}</title>`));
    const summary = errorSummary(response.body);
    assert.match(summary, /<a href="#email">The email address or password is not right<\/a>/);
    assert.match(response.body, /id="email-error"/);
    assert.match(response.body, /value="ross@plymouth.gov.uk"/);
    assert.equal(response.body.includes("not the password at all"), false, "the password is never echoed");
    assert.match(response.body, /wait 15 minutes before trying again/);
    assert.equal(cookieNamed(response, "witan-session"), undefined);
    assert.equal(await sessionCount(), sessions);
  });

  test("an unknown address gets exactly the same answer as a wrong password", async () => {
    const unknown = await postSignIn("nobody@plymouth.gov.uk", "not the password at all");
    const wrong = await postSignIn("ross@plymouth.gov.uk", "not the password at all");
    assert.equal(unknown.statusCode, wrong.statusCode);
    assert.equal(errorSummary(unknown.body), errorSummary(wrong.body));
    assert.equal(cookieNamed(unknown, "witan-session"), undefined);
  });

  test("empty fields are named in the error summary, linked to their fields, and nothing is written", async () => {
    const audit = await auditCount();
    const response = await postSignIn("", "");
    assert.equal(response.statusCode, 400);
    const summary = errorSummary(response.body);
    assert.match(
      summary,
      /<a href="#email">Enter your email address<\/a>[\s\S]*<a href="#password">Enter your password<\/a>/,
    );
    const malformed = await postSignIn("ross at plymouth", PASSWORD);
    assert.match(errorSummary(malformed.body), /Enter an email address in the correct format/);
    assert.equal(await auditCount(), audit);
  });

  test("five wrong passwords lock the account: then even the right one is refused", async () => {
    for (let i = 0; i < 5; i += 1) {
      assert.equal((await postSignIn("locked@plymouth.gov.uk", "wrong password here")).statusCode, 400);
    }
    const refused = await postSignIn("locked@plymouth.gov.uk", PASSWORD);
    assert.equal(refused.statusCode, 400);
    assert.match(errorSummary(refused.body), /The email address or password is not right/);
    assert.equal(cookieNamed(refused, "witan-session"), undefined);
  });

  test("a sign-in without the form's token is refused with 403 and changes nothing", async () => {
    const sessions = await sessionCount();
    const audit = await auditCount();
    const { cookie, token } = await signInForm();
    const attempts = [
      { headers: { ...FORM, cookie }, payload: form({ email: "ross@plymouth.gov.uk", password: PASSWORD }) },
      { headers: FORM, payload: form({ _csrf: token, email: "ross@plymouth.gov.uk", password: PASSWORD }) },
      {
        headers: { ...FORM, cookie: `witan-csrf=${"A".repeat(43)}` },
        payload: form({ _csrf: token, email: "ross@plymouth.gov.uk", password: PASSWORD }),
      },
      {
        headers: { ...FORM, cookie },
        payload: form({ _csrf: `${token}x`, email: "ross@plymouth.gov.uk", password: PASSWORD }),
      },
    ];
    for (const attempt of attempts) {
      const response = await app.inject({
        method: "POST",
        url: "/sign-in",
        remoteAddress: nextAddress(),
        ...attempt,
      });
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /Sorry, that form could not be sent/);
      assert.equal(cookieNamed(response, "witan-session"), undefined);
    }
    assert.equal(await sessionCount(), sessions);
    assert.equal(await auditCount(), audit);
  });

  test("signing out without the token is refused with 403 and the sessions live on", async () => {
    const cookie = await signIn();
    const other = await signIn();
    const token = tokenIn((await adminPage(other)).body);
    for (const url of ["/sign-out", "/sign-out-everywhere"]) {
      for (const payload of [form({}), form({ _csrf: token })]) {
        const response = await app.inject({ method: "POST", url, headers: { ...FORM, cookie }, payload });
        assert.equal(response.statusCode, 403, `${url} with ${payload || "no token"}`);
      }
    }
    assert.equal((await adminPage(cookie)).statusCode, 200);
    assert.equal((await adminPage(other)).statusCode, 200);
  });

  test("the sign-in form answers 429 once an address has made 20 attempts in a minute", async () => {
    const remoteAddress = "203.0.113.7";
    for (let i = 0; i < 20; i += 1) {
      const response = await app.inject({
        method: "POST",
        url: "/sign-in",
        headers: FORM,
        payload: "",
        remoteAddress,
      });
      assert.equal(response.statusCode, 403, `attempt ${i + 1} is refused only for its missing token`);
    }
    const limited = await app.inject({
      method: "POST",
      url: "/sign-in",
      headers: FORM,
      payload: "",
      remoteAddress,
    });
    assert.equal(limited.statusCode, 429);
    assert.match(limited.body, /Too many attempts to sign in/);
    assert.ok(Number(limited.headers["retry-after"]) > 0);
    const elsewhere = await app.inject({ method: "POST", url: "/sign-in", headers: FORM, payload: "" });
    assert.equal(elsewhere.statusCode, 403, "another address is not limited");
    assert.equal(
      (await app.inject({ url: "/sign-in", remoteAddress })).statusCode,
      200,
      "only the form's POST is limited",
    );
  });

  test("after signing in, a visitor is taken back to the back-office page they asked for, and nowhere else", async () => {
    const asked = await app.inject("/admin/authorities/1?notice=saved");
    assert.equal(asked.headers.location, "/sign-in?return=%2Fadmin%2Fauthorities%2F1%3Fnotice%3Dsaved");
    const signInWith = async (back: string) => {
      const { cookie, token, remoteAddress } = await signInForm();
      return app.inject({
        method: "POST",
        url: "/sign-in",
        headers: { ...FORM, cookie },
        payload: form({ _csrf: token, email: "ross@plymouth.gov.uk", password: PASSWORD, return: back }),
        remoteAddress,
      });
    };
    assert.equal((await signInWith("/admin/authorities/1")).headers.location, "/admin/authorities/1");
    for (const elsewhere of [
      "//evil.example/admin",
      "https://evil.example/admin",
      "/admin//evil.example",
      "/search",
    ]) {
      assert.equal((await signInWith(elsewhere)).headers.location, "/admin", elsewhere);
    }
    const page = await app.inject({
      url: "/sign-in?return=%2Fadmin%2Fauthorities%2F1",
      remoteAddress: nextAddress(),
    });
    assert.match(page.body, /<input type="hidden" name="return" value="\/admin\/authorities\/1">/);
  });

  test("the back office sends a visitor who is not signed in to the sign-in page", async () => {
    const response = await app.inject("/admin");
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/sign-in?return=%2Fadmin");
    const stale = await adminPage(`witan-session=${"A".repeat(43)}`);
    assert.equal(stale.statusCode, 303);
    assert.deepEqual(cookieNamed(stale, "witan-session")?.attributes, [
      "Path=/",
      "HttpOnly",
      "SameSite=Lax",
      "Max-Age=0",
    ]);
  });

  test("the back office home says who is signed in, their roles, and where to go", async () => {
    const response = await adminPage(await signIn());
    assert.equal(response.statusCode, 200);
    assert.match(response.body, new RegExp(`<title>Back office – ${SITE}</title>`));
    assert.match(
      response.body,
      /href="\/admin" aria-current="page">\s*<strong class="govuk-service-navigation__active-fallback">Back office</,
    );
    assert.match(
      response.body,
      /<dt class="govuk-summary-list__key">\s*Plymouth City Council\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Democratic services officer\s*<\/dd>/,
    );
    assert.match(response.body, /<h2 class="govuk-heading-m">Plymouth City Council<\/h2>/);
    assert.match(response.body, /href="\/admin\/authorities\/\d+">Bodies, meetings, people and plans/);
    assert.equal(
      /\/admin\/authorities\/\d+\/(accounts|audit)/.test(response.body),
      false,
      "an officer is not shown the administrator's pages",
    );
    assert.match(response.body, /sign in again after 9pm on Monday 2 March 2026/);
    assert.equal(response.headers["cache-control"], "no-store");
    assert.equal([...response.body.matchAll(/name="_csrf"/g)].length, 2, "both sign-out forms carry a token");
  });

  test("an account with no roles is told so", async () => {
    const response = await adminPage(await signIn("new@plymouth.gov.uk"));
    assert.match(response.body, /You have no roles yet/);
    assert.equal(response.body.includes("/admin/authorities/"), false);
  });

  test("a signed-in visitor to the sign-in page is sent to the back office", async () => {
    const response = await app.inject({ url: "/sign-in", headers: { cookie: await signIn() } });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/admin");
  });

  test("signing out ends the session and clears its cookie", async () => {
    const cookie = await signIn();
    const token = tokenIn((await adminPage(cookie)).body);
    const response = await app.inject({
      method: "POST",
      url: "/sign-out",
      headers: { ...FORM, cookie },
      payload: form({ _csrf: token }),
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/sign-in?signed-out=here");
    assert.equal(cookieNamed(response, "witan-session")?.value, "");
    assert.equal((await adminPage(cookie)).statusCode, 303, "the old cookie no longer works");
    const banner = await app.inject("/sign-in?signed-out=here");
    assert.match(banner.body, /govuk-notification-banner--success[\s\S]*You have signed out/);
  });

  test("signing out everywhere ends every session of the account, on every device", async () => {
    const phone = await signIn();
    const laptop = await signIn();
    const token = tokenIn((await adminPage(laptop)).body);
    const response = await app.inject({
      method: "POST",
      url: "/sign-out-everywhere",
      headers: { ...FORM, cookie: laptop },
      payload: form({ _csrf: token }),
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/sign-in?signed-out=everywhere");
    assert.equal((await adminPage(laptop)).statusCode, 303);
    assert.equal((await adminPage(phone)).statusCode, 303);
    const rows = await connection.db
      .selectFrom("sessions")
      .innerJoin("accounts", "accounts.id", "sessions.account_id")
      .select("sessions.id")
      .where("accounts.email", "=", "ross@plymouth.gov.uk")
      .execute();
    assert.equal(rows.length, 0);
  });

  test("a session ends twelve hours after sign-in, and when its account is disabled", async () => {
    const cookie = await signIn();
    clock = new Date(START.getTime() + 12 * HOUR - 1000);
    try {
      assert.equal((await adminPage(cookie)).statusCode, 200);
      clock = new Date(START.getTime() + 12 * HOUR);
      assert.equal((await adminPage(cookie)).statusCode, 303);
    } finally {
      clock = START;
    }
    const leaving = await signIn("leaving@plymouth.gov.uk");
    assert.equal((await adminPage(leaving)).statusCode, 200);
    await disableAccount(connection.db, TEST_ACTOR, "leaving@plymouth.gov.uk");
    assert.equal((await adminPage(leaving)).statusCode, 303);
  });

  test("public pages set no cookie, even for someone signed in, and link to the sign-in page", async () => {
    const session = await signIn();
    const { cookie: csrf } = await signInForm();
    const cookie = `${session}; ${csrf}`;
    for (const url of [
      "/",
      CABINET,
      "/search?q=children",
      "/calendar",
      "/no/such/page",
      "/healthz",
      "/assets/witan.css",
    ]) {
      const response = await app.inject({ url, headers: { cookie } });
      assert.ok(response.statusCode < 500, `${url} answers`);
      assert.equal(response.headers["set-cookie"], undefined, `${url} sets no cookie`);
    }
    const home = await app.inject({ url: "/", headers: { cookie } });
    assert.match(home.body, /<a class="govuk-service-navigation__link" href="\/sign-in">\s*Sign in\s*<\/a>/);
  });
});
