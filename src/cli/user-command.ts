import type { Command } from "commander";
import type { Config } from "../config.js";
import { ROLES, isRole, type Grant, type Role } from "../domain/policy.js";
import { WitanError } from "../errors.js";
import {
  createAccount,
  disableAccount,
  findAccount,
  listAccounts,
  setPassword,
  type Account,
} from "../records/accounts.js";
import { findAuthorityId } from "../records/authorities.js";
import { openServices } from "../wiring.js";
import { passwordFromStdin, passwordFromTerminal } from "./password-input.js";

// `witan user add|list|disable|reset-password`: accounts from the command line, for the first
// administrator and for whoever runs the server. Every change is audited as "witan user".

const CLI_ACTOR = { name: "witan user", accountId: null };

type AddOptions = { name: string; role: string[]; authority: string[]; passwordStdin?: boolean };
type PasswordOptions = { passwordStdin?: boolean };

const collect = (value: string, previous: string[]) => [...previous, value];

function readPassword(options: PasswordOptions): Promise<string> {
  return options.passwordStdin ? passwordFromStdin() : passwordFromTerminal();
}

function roles(values: string[]): Role[] {
  return values.map((value) => {
    if (!isRole(value))
      throw new WitanError("BAD_INPUT", `--role must be one of ${ROLES.join(", ")}, not "${value}"`);
    return value;
  });
}

function describeGrants(account: Account): string {
  if (account.grants.length === 0) return "no roles";
  return account.grants.map((grant) => `${grant.role} in ${grant.authorityName}`).join(", ");
}

export function registerUserCommand(program: Command, config: () => Config): void {
  const user = program.command("user").description("Manage the accounts that sign in to the back office");

  user
    .command("add")
    .description("Add an account, with roles in one or more authorities")
    .argument("<email>", "the email address the person signs in with")
    .requiredOption("--name <name>", "the person's name, as the back office shows it")
    .option("--role <role>", `a role: ${ROLES.join(", ")} (repeat for several)`, collect, [])
    .option("--authority <name>", "the authority the roles are held in (repeat for several)", collect, [])
    .option("--password-stdin", "read the password from the first line of standard input")
    .action(async (email: string, options: AddOptions) => {
      const wanted = roles(options.role);
      if (wanted.length === 0 || options.authority.length === 0) {
        throw new WitanError("BAD_INPUT", "Give at least one --role and one --authority");
      }
      const { connection } = await openServices(config());
      try {
        const grants: Grant[] = [];
        for (const name of options.authority) {
          const authorityId = await findAuthorityId(connection.db, name);
          if (authorityId === undefined) {
            throw new WitanError(
              "BAD_INPUT",
              `There is no authority named "${name}": import a bundle that names it first`,
            );
          }
          for (const role of wanted) grants.push({ role, authorityId });
        }
        if (await findAccount(connection.db, email)) {
          throw new WitanError("BAD_INPUT", `There is already an account for ${email}`);
        }
        const password = await readPassword(options);
        await createAccount(connection.db, CLI_ACTOR, { email, name: options.name, password, grants });
        const account = await findAccount(connection.db, email);
        if (account) console.log(`Added ${account.email}: ${describeGrants(account)}.`);
      } finally {
        await connection.close();
      }
    });

  user
    .command("list")
    .description("List the accounts, their roles and whether they are disabled")
    .action(async () => {
      const { connection } = await openServices(config());
      try {
        const accounts = await listAccounts(connection.db);
        if (accounts.length === 0) console.log("There are no accounts yet: add one with `witan user add`.");
        for (const account of accounts) {
          const status = account.isDisabled ? " (disabled)" : "";
          console.log(`${account.email}\t${account.name}\t${describeGrants(account)}${status}`);
        }
      } finally {
        await connection.close();
      }
    });

  user
    .command("disable")
    .description("Stop an account signing in and end its sessions; its history stays")
    .argument("<email>", "the account's email address")
    .action(async (email: string) => {
      const { connection } = await openServices(config());
      try {
        const changed = await disableAccount(connection.db, CLI_ACTOR, email);
        console.log(
          changed ? `Disabled ${email}; it is signed out everywhere.` : `${email} was already disabled.`,
        );
      } finally {
        await connection.close();
      }
    });

  user
    .command("reset-password")
    .description("Set a new password for an account and sign it out everywhere")
    .argument("<email>", "the account's email address")
    .option("--password-stdin", "read the password from the first line of standard input")
    .action(async (email: string, options: PasswordOptions) => {
      const { connection } = await openServices(config());
      try {
        // Asked only once the account is known to exist, so no one types a password in vain.
        if (!(await findAccount(connection.db, email))) {
          throw new WitanError("NOT_FOUND", `There is no account for ${email}`);
        }
        const password = await readPassword(options);
        await setPassword(connection.db, CLI_ACTOR, email, password);
        console.log(`Set a new password for ${email}; it is signed out everywhere.`);
      } finally {
        await connection.close();
      }
    });
}
