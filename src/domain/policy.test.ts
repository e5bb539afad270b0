import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  ACTIONS,
  ROLES,
  can,
  canUseBackOffice,
  currentBodyIds,
  isRole,
  type AccountFacts,
  type Action,
  type Resource,
  type Role,
} from "./policy.js";

const OWN = 1;
const OTHER = 2;
const PARTNER = 3;
const COMMITTEE = 10;
const OTHER_COMMITTEE = 11;

// The expected answer for each action and role in the role's own authority, written out by hand
// so that a change to the rules has to change this table too. Members are asked about a paper of
// a body they sit on; "member elsewhere" is the same member asked about another body's paper.
const ALLOWED: Record<Action, Role[]> = {
  "read-records": ["admin", "officer", "author", "member"],
  "read-draft": ["officer", "author"],
  "read-exempt": ["officer", "member"],
  "write-report": ["officer", "author"],
  "edit-meeting": ["officer"],
  "edit-body": ["officer"],
  "publish-agenda": ["officer"],
  "publish-minutes": ["officer"],
  "publish-decision": ["officer"],
  "manage-accounts": ["admin"],
  "read-audit-log": ["admin"],
  "edit-authority": ["admin"],
};

function account(role: Role, authorityId: number, bodyIds: number[] = [COMMITTEE]): AccountFacts {
  return { isDisabled: false, grants: [{ role, authorityId }], bodyIds };
}

const paper = (authorityId: number, bodyId = COMMITTEE): Resource => ({ authorityId, bodyId });

describe("the authorisation matrix: every role × own or other authority × action", () => {
  test("the table covers every action", () => {
    assert.deepEqual(Object.keys(ALLOWED).sort(), [...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const expected = ALLOWED[action].includes(role);
      test(`${role} ${expected ? "may" : "may not"} ${action} in their own authority`, () => {
        assert.equal(can(account(role, OWN), action, paper(OWN)), expected);
      });
      test(`${role} may not ${action} in another authority`, () => {
        assert.equal(can(account(role, OTHER), action, paper(OWN)), false);
      });
    }
    const elsewhere = action === "read-records";
    test(`a member ${elsewhere ? "may" : "may not"} ${action} for a body they do not sit on`, () => {
      assert.equal(can(account("member", OWN), action, paper(OWN, OTHER_COMMITTEE)), elsewhere);
    });
    test(`a disabled account may not ${action}, whatever its roles`, () => {
      const all: AccountFacts = {
        isDisabled: true,
        grants: ROLES.map((role) => ({ role, authorityId: OWN })),
        bodyIds: [COMMITTEE],
      };
      assert.equal(can(all, action, paper(OWN)), false);
    });
  }
});

describe("members and exempt papers", () => {
  test("a member reads exempt papers of their body only with a member role in its authority", () => {
    const officerOnTheBody = account("author", OWN);
    assert.equal(can(officerOnTheBody, "read-exempt", paper(OWN)), false);
    assert.equal(can(account("member", OTHER), "read-exempt", paper(OWN)), false);
    assert.equal(can(account("member", OWN), "read-exempt", paper(OWN)), true);
  });

  test("a record with no body gives a member nothing", () => {
    assert.equal(can(account("member", OWN), "read-exempt", { authorityId: OWN }), false);
  });
});

describe("joint bodies", () => {
  const joint: Resource = { authorityId: OWN, authorityIds: [OWN, PARTNER], bodyId: COMMITTEE };

  test("a partner authority's officers and authors read and contribute", () => {
    for (const action of ["read-draft", "read-exempt", "write-report"] as const) {
      assert.equal(can(account("officer", PARTNER), action, joint), true, action);
    }
    assert.equal(can(account("author", PARTNER), "write-report", joint), true);
    assert.equal(can(account("member", PARTNER), "read-exempt", joint), true);
  });

  test("only the lead authority's officers run the meetings", () => {
    for (const action of ["edit-meeting", "publish-agenda", "publish-minutes", "publish-decision"] as const) {
      assert.equal(can(account("officer", PARTNER), action, joint), false, action);
      assert.equal(can(account("officer", OWN), action, joint), true, action);
    }
  });

  test("an authority outside the joint body gets nothing", () => {
    for (const action of ACTIONS) assert.equal(can(account("officer", OTHER), action, joint), false, action);
  });
});

describe("roles in several authorities", () => {
  test("each grant counts only in its own authority", () => {
    const both: AccountFacts = {
      isDisabled: false,
      grants: [
        { role: "admin", authorityId: OWN },
        { role: "officer", authorityId: OTHER },
      ],
      bodyIds: [],
    };
    assert.equal(can(both, "manage-accounts", { authorityId: OWN }), true);
    assert.equal(can(both, "manage-accounts", { authorityId: OTHER }), false);
    assert.equal(can(both, "edit-meeting", paper(OTHER)), true);
    assert.equal(can(both, "edit-meeting", paper(OWN)), false);
  });
});

describe("the back office", () => {
  test("is open to anyone with a role, and to no one without or disabled", () => {
    for (const role of ROLES) assert.equal(canUseBackOffice(account(role, OWN)), true, role);
    assert.equal(canUseBackOffice({ isDisabled: false, grants: [], bodyIds: [] }), false);
    assert.equal(canUseBackOffice({ ...account("admin", OWN), isDisabled: true }), false);
  });
});

describe("roles", () => {
  test("are recognised by name", () => {
    assert.equal(isRole("officer"), true);
    assert.equal(isRole("superuser"), false);
    assert.equal(isRole("Officer"), false);
  });
});

describe("current memberships", () => {
  const memberships = [
    { bodyId: 1, from: "2017-05-01", to: "2018-05-01" },
    { bodyId: 2, from: null, to: "2017-01-31" },
    { bodyId: 3, from: "2018-01-01", to: null },
    { bodyId: 4, from: null, to: null },
    { bodyId: 4, from: "2017-01-01", to: null },
  ];

  test("count on both their first and last days, and once per body", () => {
    assert.deepEqual(currentBodyIds(memberships, "2017-05-01"), [1, 4]);
    assert.deepEqual(currentBodyIds(memberships, "2018-05-01"), [1, 3, 4]);
    assert.deepEqual(currentBodyIds(memberships, "2017-01-31"), [2, 4]);
    assert.deepEqual(currentBodyIds(memberships, "2018-05-02"), [3, 4]);
  });
});
