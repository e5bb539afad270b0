import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createAccount } from "../../../src/records/accounts.js";
import {
  OTHER,
  OWN,
  PASSWORD,
  errorSummaryText,
  openBackOffice,
  type BackOffice,
  type User,
} from "../../support/back-office.js";
import { TEST_ACTOR } from "../../support/demo.js";

// Accounts in the back office: an authority's administrators manage the accounts holding roles
// there, and nothing of any other authority; passwords never reach the audit log; resetting a
// password or disabling an account signs it out everywhere.

const NEW_PASSWORD = "correct horse battery staple";

describe("accounts in the back office", () => {
  let office: BackOffice;
  let own: number;
  let other: number;
  before(async () => {
    office = await openBackOffice();
    own = await office.authorityId(OWN);
    other = await office.authorityId(OTHER);
  });
  after(() => office.close());

  const db = () => office.connection.db;

  async function accountOf(email: string) {
    return db().selectFrom("accounts").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
  }

  async function rolesOf(email: string): Promise<string[]> {
    const account = await accountOf(email);
    const rows = await db()
      .selectFrom("account_roles")
      .select(["authority_id", "role"])
      .where("account_id", "=", account.id)
      .execute();
    return rows.map((row) => `${row.authority_id === own ? "own" : "other"}:${row.role}`).sort();
  }

  async function isSignedIn(user: User): Promise<boolean> {
    return (await office.get(user, "/admin")).statusCode === 200;
  }

  test("an administrator sees the accounts holding roles in their authority, and no others", async () => {
    const admin = await office.userFor("admin", OWN);
    const officer = await office.userFor("officer", OWN);
    const torbayOfficer = await office.userFor("officer", OTHER);
    const page = await office.get(admin, `/admin/authorities/${own}/accounts`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(officer.email.replace(".", "\\.")));
    assert.equal(page.body.includes(torbayOfficer.email), false);
    assert.match(page.body, /Democratic services officer/);
    assert.match(page.body, /Add an account/);
  });

  test("an officer may not manage accounts, nor a signed-out visitor", async () => {
    const officer = await office.userFor("officer", OWN);
    assert.equal((await office.get(officer, `/admin/authorities/${own}/accounts`)).statusCode, 403);
    const refused = await office.post(officer, `/admin/authorities/${own}/accounts/new`, {
      email: "sneaky@example.gov.uk",
      name: "Sneaky",
      password: NEW_PASSWORD,
      roles: "admin",
    });
    assert.equal(refused.statusCode, 403);
    assert.equal((await office.get(null, `/admin/authorities/${own}/accounts`)).statusCode, 303);
    const sneaky = await db()
      .selectFrom("accounts")
      .select("id")
      .where("email", "=", "sneaky@example.gov.uk");
    assert.equal(await sneaky.executeTakeFirst(), undefined);
  });

  test("an administrator adds an account with roles and a person; the password is not in the audit log", async () => {
    const admin = await office.userFor("admin", OWN);
    const person = await db()
      .selectFrom("people")
      .select("id")
      .where("name", "=", "Ross Jago")
      .executeTakeFirstOrThrow();
    const response = await office.post(admin, `/admin/authorities/${own}/accounts/new`, {
      email: " New.Officer@Plymouth.gov.uk ",
      name: "New Officer",
      password: NEW_PASSWORD,
      roles: ["officer", "author"],
      person: String(person.id),
    });
    assert.equal(response.statusCode, 303);
    const account = await accountOf("new.officer@plymouth.gov.uk");
    assert.equal(response.headers.location, `/admin/authorities/${own}/accounts/${account.id}?notice=added`);
    assert.equal(account.person_id, person.id);
    assert.notEqual(account.password_hash, NEW_PASSWORD);
    assert.deepEqual(await rolesOf(account.email), ["own:author", "own:officer"]);
    const audit = await db().selectFrom("audit_log").selectAll().where("actor", "=", admin.email).execute();
    assert.ok(audit.some((entry) => entry.record_table === "accounts" && entry.action === "insert"));
    for (const entry of audit) {
      assert.equal(`${entry.before}${entry.after}`.includes(NEW_PASSWORD), false);
      assert.equal(`${entry.before}${entry.after}`.includes(account.password_hash), false);
    }
    const page = await office.get(admin, `/admin/authorities/${own}/accounts/${account.id}`);
    assert.match(
      page.body,
      /Report author, Democratic services officer|Democratic services officer, Report author/,
    );
    assert.match(page.body, /Ross Jago/);
  });

  test("bad input on the new account form gets an error summary and saves nothing", async () => {
    const admin = await office.userFor("admin", OWN);
    const count = async () => (await db().selectFrom("accounts").select("id").execute()).length;
    const before = await count();
    const cases: [Record<string, string | string[]>, RegExp][] = [
      [
        { email: "", name: "", password: "", roles: [] },
        /Enter email address.*Enter name.*Enter password.*Select roles/,
      ],
      [{ email: "not an address", name: "A", password: NEW_PASSWORD, roles: "officer" }, /correct format/],
      [
        { email: "new.officer@plymouth.gov.uk", name: "A", password: NEW_PASSWORD, roles: "officer" },
        /already an account/,
      ],
      [
        { email: "short@example.gov.uk", name: "A", password: "too short", roles: "officer" },
        /at least 12 characters/,
      ],
      [
        { email: "x@example.gov.uk", name: "x".repeat(201), password: NEW_PASSWORD, roles: "wizard" },
        /Name must be 200 characters or fewer.*from the list/,
      ],
    ];
    for (const [fields, message] of cases) {
      const response = await office.post(admin, `/admin/authorities/${own}/accounts/new`, fields);
      assert.equal(response.statusCode, 400, JSON.stringify(fields));
      assert.match(errorSummaryText(response.body), message);
      assert.equal(response.body.includes(NEW_PASSWORD), false, "a password is never sent back");
      assert.match(response.body, /type="password"/);
    }
    assert.equal(await count(), before);
  });

  test("an administrator of Torbay cannot see or change Plymouth's accounts", async () => {
    const torbayAdmin = await office.userFor("admin", OTHER);
    const target = await accountOf("new.officer@plymouth.gov.uk");
    const rolesBefore = await rolesOf(target.email);
    assert.equal((await office.get(torbayAdmin, `/admin/authorities/${own}/accounts`)).statusCode, 403);
    assert.equal(
      (await office.get(torbayAdmin, `/admin/authorities/${own}/accounts/${target.id}`)).statusCode,
      403,
    );
    const viaPlymouth = await office.post(
      torbayAdmin,
      `/admin/authorities/${own}/accounts/${target.id}/roles`,
      {
        roles: ["admin"],
      },
    );
    assert.equal(viaPlymouth.statusCode, 403);
    const disable = await office.post(torbayAdmin, `/admin/authorities/${own}/accounts/${target.id}/access`, {
      confirm: "yes",
    });
    assert.equal(disable.statusCode, 403);
    // Through Torbay's own addresses, a Plymouth account is not there at all.
    for (const path of ["", "/roles", "/password", "/access"]) {
      const url = `/admin/authorities/${other}/accounts/${target.id}${path}`;
      assert.equal((await office.get(torbayAdmin, url)).statusCode, 404, url);
    }
    const grant = await office.post(torbayAdmin, `/admin/authorities/${other}/accounts/${target.id}/roles`, {
      roles: ["admin"],
    });
    assert.equal(grant.statusCode, 404);
    assert.deepEqual(await rolesOf(target.email), rolesBefore);
    assert.equal((await accountOf(target.email)).is_disabled, false);
  });

  test("an administrator grants and takes away roles here; the audit log records each", async () => {
    const admin = await office.userFor("admin", OWN);
    const target = await accountOf("new.officer@plymouth.gov.uk");
    const url = `/admin/authorities/${own}/accounts/${target.id}/roles`;
    const form = await office.get(admin, url);
    assert.match(form.body, /value="officer" checked/);
    const response = await office.post(admin, url, { roles: ["author", "member"] });
    assert.equal(response.statusCode, 303);
    assert.deepEqual(await rolesOf(target.email), ["own:author", "own:member"]);
    const links = await db()
      .selectFrom("audit_log")
      .select(["action", "authority_id"])
      .where("record_table", "=", "account_roles")
      .where("actor", "=", admin.email)
      .execute();
    assert.ok(links.some((entry) => entry.action === "delete" && entry.authority_id === own));
    assert.ok(links.some((entry) => entry.action === "insert" && entry.authority_id === own));
  });

  test("an administrator cannot take away their own last administrator role", async () => {
    const admin = await office.userFor("admin", OWN);
    const self = await accountOf(admin.email);
    const response = await office.post(admin, `/admin/authorities/${own}/accounts/${self.id}/roles`, {
      roles: ["officer"],
    });
    assert.equal(response.statusCode, 400);
    assert.match(errorSummaryText(response.body), /You cannot remove your own last administrator role/);
    assert.deepEqual(await rolesOf(admin.email), ["own:admin"]);
  });

  test("resetting a password signs the account out everywhere; the new password is checked", async () => {
    const admin = await office.userFor("admin", OWN);
    const author = await office.userFor("author", OWN);
    const target = await accountOf(author.email);
    assert.ok(await isSignedIn(author));
    const url = `/admin/authorities/${own}/accounts/${target.id}/password`;
    const weak = await office.post(admin, url, { password: author.email });
    assert.equal(weak.statusCode, 400);
    assert.match(errorSummaryText(weak.body), /must not be the email address/);
    assert.ok(await isSignedIn(author), "a refused reset changes nothing");
    const response = await office.post(admin, url, { password: NEW_PASSWORD });
    assert.equal(response.statusCode, 303);
    assert.equal(await isSignedIn(author), false);
    assert.notEqual((await accountOf(author.email)).password_hash, target.password_hash);
  });

  test("disabling an account signs it out; an administrator cannot disable themselves", async () => {
    const admin = await office.userFor("admin", OWN);
    const member = await office.userFor("member", OWN);
    const target = await accountOf(member.email);
    assert.ok(await isSignedIn(member));
    const url = `/admin/authorities/${own}/accounts/${target.id}/access`;
    const unconfirmed = await office.post(admin, url, {});
    assert.equal(unconfirmed.statusCode, 400);
    assert.ok(await isSignedIn(member));
    const response = await office.post(admin, url, { confirm: "yes" });
    assert.equal(response.statusCode, 303);
    assert.equal((await accountOf(member.email)).is_disabled, true);
    assert.equal(await isSignedIn(member), false);
    const listed = await office.get(admin, `/admin/authorities/${own}/accounts`);
    assert.match(listed.body, /Disabled/);

    const self = await accountOf(admin.email);
    const own_ = await office.post(admin, `/admin/authorities/${own}/accounts/${self.id}/access`, {
      confirm: "yes",
    });
    assert.equal(own_.statusCode, 400);
    assert.match(errorSummaryText(own_.body), /You cannot disable your own account/);
    assert.equal((await accountOf(admin.email)).is_disabled, false);
  });

  test("the audit log says how many sessions a reset or a disabling ended, on the account's own row", async () => {
    const admin = await office.userFor("admin", OWN);
    const officer = await office.userFor("officer", OWN);
    const target = await accountOf(officer.email);
    const reset = await office.post(admin, `/admin/authorities/${own}/accounts/${target.id}/password`, {
      password: NEW_PASSWORD,
    });
    assert.equal(reset.statusCode, 303);
    const disabled = await office.post(admin, `/admin/authorities/${own}/accounts/${target.id}/access`, {
      confirm: "yes",
    });
    assert.equal(disabled.statusCode, 303);
    const rows = await db()
      .selectFrom("audit_log")
      .select("reason")
      .where("action", "=", "update")
      .where("record_table", "=", "accounts")
      .where("record_id", "=", String(target.id))
      .where("actor", "=", admin.email)
      .orderBy("id")
      .execute();
    assert.deepEqual(
      rows.map((row) => row.reason),
      [
        "New password: signed out everywhere, 1 session ended",
        // The reset signed the officer out, so nothing was left to end.
        "Account disabled: signed out everywhere, 0 sessions ended",
      ],
    );
    const log = await office.get(admin, `/admin/authorities/${own}/audit`);
    assert.match(log.body, /New password: signed out everywhere, 1 session ended/);
  });

  test("an account that also holds roles in another authority is beyond one authority's administrator", async () => {
    const admin = await office.userFor("admin", OWN);
    const id = await createAccount(db(), TEST_ACTOR, {
      email: "shared@example.gov.uk",
      name: "Shared Officer",
      password: PASSWORD,
      grants: [
        { role: "officer", authorityId: own },
        { role: "admin", authorityId: other },
      ],
    });
    const before = await accountOf("shared@example.gov.uk");
    const page = await office.get(admin, `/admin/authorities/${own}/accounts/${id}`);
    assert.match(page.body, /also holds roles in Torbay Council/);
    const reset = await office.post(admin, `/admin/authorities/${own}/accounts/${id}/password`, {
      password: NEW_PASSWORD,
    });
    assert.equal(reset.statusCode, 400);
    assert.match(errorSummaryText(reset.body), /also holds roles in Torbay Council/);
    const disable = await office.post(admin, `/admin/authorities/${own}/accounts/${id}/access`, {
      confirm: "yes",
    });
    assert.equal(disable.statusCode, 400);
    const after = await accountOf("shared@example.gov.uk");
    assert.equal(after.password_hash, before.password_hash);
    assert.equal(after.is_disabled, false);
    // Its roles here are this administrator's to change, and only those.
    const roles = await office.post(admin, `/admin/authorities/${own}/accounts/${id}/roles`, {
      roles: ["author"],
    });
    assert.equal(roles.statusCode, 303);
    assert.deepEqual(await rolesOf("shared@example.gov.uk"), ["other:admin", "own:author"]);
  });
});
