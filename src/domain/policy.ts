// Who may do what in the back office (issue 5), as one pure function of the account's facts and
// the record's. Every role is held for one authority; an account may hold several roles in
// several authorities. Roles are independent and compose: an administrator manages accounts and
// reads the audit log but, unless also an officer, does not run meetings or read exempt papers,
// which are for officers and for the members of the body (LGA 1972 Schedule 12A; issue 5, part 5).

export const ROLES = ["admin", "officer", "author", "member"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return ROLES.some((role) => role === value);
}

export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  admin: "Administrator",
  officer: "Democratic services officer",
  author: "Report author",
  member: "Councillor",
};

export type Grant = { role: Role; authorityId: number };

export type AccountFacts = {
  isDisabled: boolean;
  grants: readonly Grant[];
  /** the bodies the account's person sits on today (see currentBodyIds); empty if no person */
  bodyIds: readonly number[];
};

export type Resource = {
  /** the authority the record belongs to: for a joint body's records, the lead authority */
  authorityId: number;
  /** a joint body's records: every authority that takes part, the lead one included */
  authorityIds?: readonly number[];
  /** the body whose meeting, item or paper this is */
  bodyId?: number;
};

/** What a role may do, and whether it may do it for any authority taking part in a joint body
 * ("participant") or only for the authority the record belongs to ("owner"), whose officers run
 * the body's meetings. */
const ACTION_RULES = {
  /** the back office's pages of an authority's published records: anyone with a role there */
  "read-records": { roles: ["admin", "officer", "author", "member"], scope: "participant" },
  /** agendas, minutes and decisions not yet published */
  "read-draft": { roles: ["officer", "author"], scope: "participant" },
  /** Part II items and documents; members only for the bodies they sit on */
  "read-exempt": { roles: ["officer", "member"], scope: "participant", isMembersOwnBodies: true },
  /** draft reports and documents for an item */
  "write-report": { roles: ["officer", "author"], scope: "participant" },
  /** meetings, items, attendance, declarations, minutes, resolutions, actions */
  "edit-meeting": { roles: ["officer"], scope: "owner" },
  /** bodies, people and memberships */
  "edit-body": { roles: ["officer"], scope: "owner" },
  "publish-agenda": { roles: ["officer"], scope: "owner" },
  "publish-minutes": { roles: ["officer"], scope: "owner" },
  "publish-decision": { roles: ["officer"], scope: "owner" },
  /** accounts and their roles in the authority */
  "manage-accounts": { roles: ["admin"], scope: "owner" },
  "read-audit-log": { roles: ["admin"], scope: "owner" },
  /** the authority's settings: nation, governance, call-in period, key-decision threshold */
  "edit-authority": { roles: ["admin"], scope: "owner" },
} as const satisfies Record<
  string,
  { roles: readonly Role[]; scope: "owner" | "participant"; isMembersOwnBodies?: true }
>;

export type Action = keyof typeof ACTION_RULES;
export const ACTIONS = Object.keys(ACTION_RULES).filter(isAction);

function isAction(value: string): value is Action {
  return Object.hasOwn(ACTION_RULES, value);
}

export function can(account: AccountFacts, action: Action, resource: Resource): boolean {
  if (account.isDisabled) return false;
  const rule = ACTION_RULES[action];
  const authorities =
    rule.scope === "owner"
      ? [resource.authorityId]
      : [resource.authorityId, ...(resource.authorityIds ?? [])];
  return account.grants.some((grant) => {
    if (!authorities.includes(grant.authorityId)) return false;
    if (!rule.roles.some((role) => role === grant.role)) return false;
    // A councillor reads the exempt papers of the bodies they sit on, and no others.
    if (grant.role === "member" && "isMembersOwnBodies" in rule)
      return resource.bodyId !== undefined && account.bodyIds.includes(resource.bodyId);
    return true;
  });
}

/** The back office is for anyone holding a role in some authority. */
export function canUseBackOffice(account: AccountFacts): boolean {
  return !account.isDisabled && account.grants.length > 0;
}

export type MembershipDates = { bodyId: number; from: string | null; to: string | null };

/** The bodies whose membership covers this date (YYYY-MM-DD), both ends included. */
export function currentBodyIds(memberships: readonly MembershipDates[], today: string): number[] {
  const current = memberships.filter(
    (m) => (m.from === null || m.from <= today) && (m.to === null || today <= m.to),
  );
  return [...new Set(current.map((m) => m.bodyId))];
}
