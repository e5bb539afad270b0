import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { ROLES, ROLE_NAMES, type Role } from "../../domain/policy.js";
import type { SignedInAccount } from "../../records/accounts.js";
import { adminUrls } from "../routes/admin/admin-urls.js";
import { clockTime, longDate } from "../format.js";

// The back office's home page: who is signed in, the roles they hold in each authority, and
// where to go in each of those authorities: its page (bodies, people, plans) for everyone, and
// its accounts and audit log for its administrators.

type Text = { text: string };
export type SummaryRow = { key: Text; value: Text };
export type Link = { href: string; text: string };
export type AuthorityLinks = { name: string; links: Link[] };

export type AdminHomePage = {
  pageTitle: string;
  name: string;
  email: string;
  roles: SummaryRow[];
  authorities: AuthorityLinks[];
  sessionEnds: string;
  csrfToken: string;
};

const LONDON = tz("Europe/London");

/** Each authority the account holds a role in, by name, with the pages its roles there open. */
function authorityLinks(account: SignedInAccount): AuthorityLinks[] {
  const byId = new Map<number, AuthorityLinks>();
  for (const grant of account.grants) {
    const entry = byId.get(grant.authorityId) ?? {
      name: grant.authorityName,
      links: [{ href: adminUrls.authority(grant.authorityId), text: "Bodies, meetings, people and plans" }],
    };
    if (grant.role === "admin") {
      entry.links.push(
        { href: adminUrls.accounts(grant.authorityId), text: "Accounts" },
        { href: adminUrls.audit(grant.authorityId), text: "Audit log" },
      );
    }
    byId.set(grant.authorityId, entry);
  }
  return [...byId.values()];
}

function rolesByAuthority(account: SignedInAccount): SummaryRow[] {
  const byAuthority = new Map<string, Role[]>();
  for (const grant of account.grants) {
    byAuthority.set(grant.authorityName, [...(byAuthority.get(grant.authorityName) ?? []), grant.role]);
  }
  return [...byAuthority].map(([authority, roles]) => ({
    key: { text: authority },
    // In the order of ROLES: administrator, officer, author, councillor.
    value: {
      text: ROLES.filter((role) => roles.includes(role))
        .map((role) => ROLE_NAMES[role])
        .join(", "),
    },
  }));
}

/** "You will be asked to sign in again after 9pm on Monday 2 March 2026." */
function sessionEnds(expiresAt: string): string {
  const end = new Date(expiresAt);
  const date = longDate(format(end, "yyyy-MM-dd", { in: LONDON }));
  return `You will be asked to sign in again after ${clockTime(format(end, "HH:mm", { in: LONDON }))} on ${date}.`;
}

export function adminHomePage(account: SignedInAccount, expiresAt: string, csrfToken: string): AdminHomePage {
  return {
    pageTitle: "Back office",
    name: account.name,
    email: account.email,
    roles: rolesByAuthority(account),
    authorities: authorityLinks(account),
    sessionEnds: sessionEnds(expiresAt),
    csrfToken,
  };
}
