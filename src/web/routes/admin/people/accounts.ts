import { instant } from "../../../../domain/instant.js";
import { isEmailAddress, normaliseEmail, passwordProblem } from "../../../../domain/passwords.js";
import { ROLES, ROLE_NAMES, isRole, type Role } from "../../../../domain/policy.js";
import type { Db } from "../../../../db/connect.js";
import type { Row } from "../../../../db/schema.js";
import {
  accountsWithRolesIn,
  disableAccountRow,
  grantRole,
  replacePassword,
  revokeRole,
  type Account,
  type SignedInAccount,
} from "../../../../records/accounts.js";
import { findAccountHere, takenEmails, type AccountHere } from "../../../../records/admin/accounts-admin.js";
import { findAuthorityRow } from "../../../../records/admin/authorities.js";
import { peopleOfAuthorities } from "../../../../records/admin/people.js";
import { hashPassword } from "../../../../records/passwords.js";
import { choices, flagValue, optionalId, textValue, type Field, type Values } from "../../../forms/fields.js";
import { adminUrls } from "../admin-urls.js";
import { linkHtml, row, type OverviewPage } from "../overview.js";
import { formPage, viewPage, type AdminPage, type FormPageDefinition } from "../pages.js";
import { personName } from "./wording.js";

// Accounts, managed per authority by its administrators: the accounts holding a role there,
// adding one, granting and taking away the roles held there, resetting a password and disabling
// an account (both sign it out everywhere). An administrator changes only the roles held in
// their own authority; an account that also holds roles in an authority they do not administer
// is not theirs to disable or to give a new password, since that would reach into the other
// authority. Passwords are redacted from the audit log by the Writer.

export const accountUrls = {
  add: (authorityId: number) => `${adminUrls.accounts(authorityId)}/new`,
  account: (authorityId: number, id: number) => `${adminUrls.accounts(authorityId)}/${id}`,
  roles: (authorityId: number, id: number) => `${adminUrls.accounts(authorityId)}/${id}/roles`,
  password: (authorityId: number, id: number) => `${adminUrls.accounts(authorityId)}/${id}/password`,
  access: (authorityId: number, id: number) => `${adminUrls.accounts(authorityId)}/${id}/access`,
};

type AuthorityContext = { authority: Row<"authorities">; people: Row<"people">[] };
type NewAccountContext = AuthorityContext & { emails: Set<string> };
type AccountContext = AuthorityContext & AccountHere;

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, text: ROLE_NAMES[role] }));

async function loadAuthority(db: Db, id: string): Promise<AuthorityContext | null> {
  const authority = await findAuthorityRow(db, Number(id));
  return authority === null ? null : { authority, people: await peopleOfAuthorities(db, [authority.id]) };
}

async function loadNewAccount(db: Db, id: string): Promise<NewAccountContext | null> {
  const context = await loadAuthority(db, id);
  return context === null ? null : { ...context, emails: await takenEmails(db) };
}

async function loadAccount(db: Db, authorityId: string, accountId: string): Promise<AccountContext | null> {
  const context = await loadAuthority(db, authorityId);
  if (context === null) return null;
  const here = await findAccountHere(db, context.authority.id, Number(accountId));
  return here === null ? null : { ...context, ...here };
}

const owner = ({ authority }: { authority: Row<"authorities"> }) => ({ authorityId: authority.id });

function rolesIn(account: Account, authorityId: number): Role[] {
  return account.grants.filter((grant) => grant.authorityId === authorityId).map((grant) => grant.role);
}

function roleNames(roles: readonly Role[]): string {
  return ROLES.filter((role) => roles.includes(role))
    .map((role) => ROLE_NAMES[role])
    .join(", ");
}

/** The authorities where the account holds a role but the administrator is not one. */
function beyondReach(account: Account, admin: SignedInAccount): string[] {
  const administered = new Set(admin.grants.filter((g) => g.role === "admin").map((g) => g.authorityId));
  const names = account.grants.filter((g) => !administered.has(g.authorityId)).map((g) => g.authorityName);
  return [...new Set(names)];
}

function personField(people: Row<"people">[]): Field {
  return {
    kind: "select",
    name: "person",
    label: "Person (optional)",
    hint: "A councillor's account reads the exempt papers of the bodies they sit on",
    options: people.map((person) => ({ value: String(person.id), text: personName(person) })),
  };
}

const PASSWORD_FIELD: Field = {
  kind: "text",
  name: "password",
  label: "Password",
  hint: "At least 12 characters. Give it to them in person or by phone, never by email.",
  isRequired: true,
  maxLength: 256,
  isSecret: true,
};

const accountsPage = viewPage<AuthorityContext>({
  path: "/admin/authorities/:authority/accounts",
  action: "manage-accounts",
  load: (db, params) => loadAuthority(db, params.authority ?? ""),
  resource: owner,
  async render({ authority }, request) {
    const accounts = await accountsWithRolesIn(request.deps.db, authority.id);
    const page: OverviewPage = {
      pageTitle: `Accounts of ${authority.name}`,
      title: "Accounts",
      caption: authority.name,
      back: adminUrls.authority(authority.id),
      notice: request.notice,
      csrfToken: request.csrfToken,
      sections: [
        {
          paragraphs: [`Everyone who holds a role in ${authority.name}.`],
          table: {
            caption: `Accounts holding a role in ${authority.name}`,
            head: [{ text: "Name" }, { text: "Email address" }, { text: "Roles here" }, { text: "Status" }],
            rows: accounts.map((account) => [
              linkHtml(accountUrls.account(authority.id, account.id), account.name),
              { text: account.email },
              { text: roleNames(rolesIn(account, authority.id)) },
              { text: account.isDisabled ? "Disabled" : "Active" },
            ]),
            empty: "There are no accounts yet.",
          },
          links: [{ href: accountUrls.add(authority.id), text: "Add an account" }],
        },
      ],
    };
    return { template: "admin/overview.njk", page };
  },
});

const newAccountPage = formPage<NewAccountContext>({
  path: "/admin/authorities/:authority/accounts/new",
  action: "manage-accounts",
  load: (db, params) => loadNewAccount(db, params.authority ?? ""),
  resource: owner,
  title: () => "Add an account",
  caption: ({ authority }) => authority.name,
  back: ({ authority }) => adminUrls.accounts(authority.id),
  submit: "Add account",
  fields: ({ people, authority }) => [
    { kind: "text", name: "email", label: "Email address", isRequired: true, maxLength: 254 },
    { kind: "text", name: "name", label: "Name", isRequired: true, maxLength: 200 },
    PASSWORD_FIELD,
    {
      kind: "checkboxes",
      name: "roles",
      label: `Roles in ${authority.name}`,
      isRequired: true,
      options: ROLE_OPTIONS,
    },
    personField(people),
  ],
  check(values, { emails }): Record<string, string> {
    const email = normaliseEmail(textValue(values, "email"));
    if (!isEmailAddress(email)) {
      return { email: "Enter an email address in the correct format, like name@example.com" };
    }
    if (emails.has(email)) return { email: "There is already an account with this email address" };
    const problem = passwordProblem(textValue(values, "password"), email);
    return problem === null ? {} : { password: problem };
  },
  async save(w, { authority }, { values, now }) {
    const id = await w.insert("accounts", {
      email: normaliseEmail(textValue(values, "email")),
      name: textValue(values, "name"),
      password_hash: await hashPassword(textValue(values, "password")),
      created_at: instant(now),
      person_id: optionalId(values, "person"),
    });
    for (const role of choices(values, "roles").filter(isRole)) {
      await grantRole(w, id, { role, authorityId: authority.id });
    }
    return { location: accountUrls.account(authority.id, id), notice: "added" };
  },
});

const accountPage = viewPage<AccountContext>({
  path: "/admin/authorities/:authority/accounts/:account",
  action: "manage-accounts",
  load: (db, params) => loadAccount(db, params.authority ?? "", params.account ?? ""),
  resource: owner,
  async render({ authority, account, people }, request) {
    const elsewhere = account.grants.filter((grant) => grant.authorityId !== authority.id);
    const person = people.find((p) => p.id === account.personId);
    const outOfReach = beyondReach(account, request.account);
    const here = (path: string, text: string) => ({ href: path, text });
    const page: OverviewPage = {
      pageTitle: account.name,
      title: account.name,
      caption: `Account, ${authority.name}`,
      back: adminUrls.accounts(authority.id),
      notice: request.notice,
      csrfToken: request.csrfToken,
      sections: [
        {
          summary: [
            row("Email address", account.email),
            row("Status", account.isDisabled ? "Disabled: cannot sign in" : "Active"),
            row("Roles here", roleNames(rolesIn(account, authority.id))),
            row(
              "Roles elsewhere",
              elsewhere.map((grant) => `${ROLE_NAMES[grant.role]}, ${grant.authorityName}`).join("; ") ||
                "None",
            ),
            row(
              "Person",
              person ? personName(person) : account.personId === null ? null : "In another authority",
            ),
          ],
          links: [here(accountUrls.roles(authority.id, account.id), "Change the roles and person")],
        },
        outOfReach.length > 0
          ? {
              heading: "Password and access",
              inset: `This account also holds roles in ${outOfReach.join(", ")}. Only an administrator of every authority it holds a role in can reset its password or disable it.`,
            }
          : {
              heading: "Password and access",
              links: [
                here(accountUrls.password(authority.id, account.id), "Reset the password"),
                here(
                  accountUrls.access(authority.id, account.id),
                  account.isDisabled ? "Enable the account" : "Disable the account",
                ),
              ],
            },
      ],
    };
    return { template: "admin/overview.njk", page };
  },
});

/** The pages about one account in one authority: same record, same permission, same way back. */
function accountForm(
  definition: Omit<FormPageDefinition<AccountContext>, "action" | "load" | "resource" | "caption" | "back">,
): AdminPage {
  return formPage<AccountContext>({
    action: "manage-accounts",
    load: (db, params) => loadAccount(db, params.authority ?? "", params.account ?? ""),
    resource: owner,
    caption: ({ account }) => `${account.name} (${account.email})`,
    back: ({ authority, account }) => accountUrls.account(authority.id, account.id),
    ...definition,
  });
}

/** An administrator may not take away their own last administrator role: someone must be left
 * who can give it back, and it is easily done by mistake. */
function checkOwnAdminRole(
  values: Values,
  { account, authority }: AccountContext,
  admin: SignedInAccount,
): Record<string, string> {
  if (account.id !== admin.id || choices(values, "roles").includes("admin")) return {};
  const adminElsewhere = admin.grants.some((g) => g.role === "admin" && g.authorityId !== authority.id);
  const adminHere = rolesIn(account, authority.id).includes("admin");
  return adminHere && !adminElsewhere ? { roles: "You cannot remove your own last administrator role" } : {};
}

const rolesPage = accountForm({
  path: "/admin/authorities/:authority/accounts/:account/roles",
  title: () => "Change the roles and person",
  submit: "Save changes",
  fields: ({ authority, people, account }) => [
    {
      kind: "checkboxes",
      name: "roles",
      label: `Roles in ${authority.name}`,
      hint: "Take away every role to remove the account from this authority",
      options: ROLE_OPTIONS,
    },
    // A person of another authority is not this administrator's to change.
    ...(account.personId === null || people.some((p) => p.id === account.personId)
      ? [personField(people)]
      : []),
  ],
  initial: ({ account, authority }) => ({
    roles: rolesIn(account, authority.id),
    person: account.personId === null ? null : String(account.personId),
  }),
  check: checkOwnAdminRole,
  async save(w, { authority, account, row: before, people }, { values }) {
    const wanted = choices(values, "roles").filter(isRole);
    for (const role of ROLES) {
      const grant = { role, authorityId: authority.id };
      await (wanted.includes(role) ? grantRole(w, account.id, grant) : revokeRole(w, account.id, grant));
    }
    if (account.personId === null || people.some((p) => p.id === account.personId)) {
      await w.update("accounts", before, { person_id: optionalId(values, "person") });
    }
    const location =
      wanted.length > 0 ? accountUrls.account(authority.id, account.id) : adminUrls.accounts(authority.id);
    return { location, notice: "saved" };
  },
});

/** Another authority's roles on the account put its password and access out of reach. */
function checkReach(
  field: string,
  { account }: AccountContext,
  admin: SignedInAccount,
): Record<string, string> {
  const outOfReach = beyondReach(account, admin);
  if (outOfReach.length === 0) return {};
  return { [field]: `You cannot change this account: it also holds roles in ${outOfReach.join(", ")}` };
}

const passwordPage = accountForm({
  path: "/admin/authorities/:authority/accounts/:account/password",
  title: () => "Reset the password",
  submit: "Reset password",
  notes: () => [{ text: "This signs the account out everywhere." }],
  fields: () => [{ ...PASSWORD_FIELD, label: "New password" }],
  check(values, context, admin) {
    const reach = checkReach("password", context, admin);
    if (Object.keys(reach).length > 0) return reach;
    const problem = passwordProblem(textValue(values, "password"), context.account.email);
    return problem === null ? {} : { password: problem };
  },
  async save(w, { authority, account, row: before }, { values }) {
    await replacePassword(w, before, await hashPassword(textValue(values, "password")));
    return { location: accountUrls.account(authority.id, account.id), notice: "saved" };
  },
});

const accessPage = accountForm({
  path: "/admin/authorities/:authority/accounts/:account/access",
  title: ({ account }) => (account.isDisabled ? "Enable the account" : "Disable the account"),
  submit: "Confirm",
  notes: ({ account }) =>
    account.isDisabled
      ? [{ text: "They will be able to sign in again with their password." }]
      : [
          {
            text: "They will be signed out everywhere and unable to sign in. Their records and the audit log stay.",
          },
        ],
  fields: ({ account }) => [
    {
      kind: "checkbox",
      name: "confirm",
      label: account.isDisabled ? "Enable the account" : "Disable the account",
      checkboxText: account.isDisabled
        ? "Yes, let this account sign in again"
        : "Yes, disable this account and sign it out everywhere",
    },
  ],
  check(values, context, admin) {
    if (!flagValue(values, "confirm")) return { confirm: "Confirm that you want to do this" };
    if (context.account.id === admin.id) return { confirm: "You cannot disable your own account" };
    return checkReach("confirm", context, admin);
  },
  async save(w, { authority, account, row: before }) {
    await (account.isDisabled
      ? w.update("accounts", before, { is_disabled: false })
      : disableAccountRow(w, before));
    return { location: accountUrls.account(authority.id, account.id), notice: "saved" };
  },
});

export const ACCOUNT_PAGES: AdminPage[] = [
  accountsPage,
  newAccountPage,
  accountPage,
  rolesPage,
  passwordPage,
  accessPage,
];
