import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { ROLES, ROLE_NAMES, type Role } from "../../domain/policy.js";
import type { SignedInAccount } from "../../records/accounts.js";
import { clockTime, longDate } from "../format.js";

// The back office's home page: who is signed in, the roles they hold in each authority, and the
// tasks still to come, shown as a task list that is marked plainly as not working yet.

type Text = { text: string };
export type SummaryRow = { key: Text; value: Text };
export type TaskListItem = { title: Text; hint: Text; status: { tag: { text: string; classes: string } } };

export type AdminHomePage = {
  pageTitle: string;
  name: string;
  email: string;
  roles: SummaryRow[];
  tasks: TaskListItem[];
  sessionEnds: string;
  csrfToken: string;
};

type Task = { title: string; hint: string; for: Role[] };

// What issue 5 builds next, for the roles that will do it.
const COMING_NEXT: Task[] = [
  {
    title: "Set up bodies, people and memberships",
    hint: "Committees, joint bodies, councillors and officers, and who sits on what",
    for: ["officer"],
  },
  {
    title: "Schedule meetings",
    hint: "One at a time or a municipal year's schedule; cancel and re-arrange",
    for: ["officer"],
  },
  {
    title: "Build and publish agendas",
    hint: "Items, Part II items, reports, and the publication deadlines",
    for: ["officer"],
  },
  {
    title: "Write and upload reports",
    hint: "Reports and appendices as PDF or Word documents",
    for: ["officer", "author"],
  },
  {
    title: "Record meetings",
    hint: "Attendance, declarations of interest, minutes, resolutions and votes",
    for: ["officer"],
  },
  {
    title: "Record decisions and keep the forward plan",
    hint: "Decision records, call-in, key decision notices and work programmes",
    for: ["officer"],
  },
  {
    title: "Read the papers of your committees",
    hint: "Including exempt (Part II) papers of the bodies you sit on",
    for: ["member"],
  },
  { title: "Manage accounts", hint: "Add people, give them roles, reset passwords", for: ["admin"] },
  { title: "Read the audit log", hint: "Every change, by record and by person", for: ["admin"] },
];

const LONDON = tz("Europe/London");

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
  const held = new Set(account.grants.map((grant) => grant.role));
  return {
    pageTitle: "Back office",
    name: account.name,
    email: account.email,
    roles: rolesByAuthority(account),
    tasks: COMING_NEXT.filter((task) => task.for.some((role) => held.has(role))).map((task) => ({
      title: { text: task.title },
      hint: { text: task.hint },
      status: { tag: { text: "Coming next", classes: "govuk-tag--grey" } },
    })),
    sessionEnds: sessionEnds(expiresAt),
    csrfToken,
  };
}
