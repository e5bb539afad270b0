import { MEMBERSHIP_ROLES, choiceText } from "../../../../domain/choices.js";
import { can } from "../../../../domain/policy.js";
import { escapeHtml } from "../../../../domain/html.js";
import type { Db } from "../../../../db/connect.js";
import type { Row } from "../../../../db/schema.js";
import { findBodyRecord, listAuthorityRows, type BodyRecord } from "../../../../records/admin/authorities.js";
import {
  findMembershipLine,
  membershipsOfBody,
  peopleOfAuthorities,
  type MembershipLine,
} from "../../../../records/admin/people.js";
import { optionalText, textValue, type Field, type Option, type Values } from "../../../forms/fields.js";
import { adminUrls } from "../admin-urls.js";
import { linkHtml, type Section } from "../overview.js";
import { formPage, type AdminPage, type SectionsOf } from "../pages.js";
import { dateText, personName } from "./wording.js";

// Who sits on a body, in what role, from when and until when. A membership belongs to the body's
// own authority, whose officers keep it, even when the member is from a partner authority of a
// joint body. Ending a membership keeps it, with its last day; removing one is for mistakes.

/** Addresses of this part's membership pages beyond those named in adminUrls. */
export const membershipUrls = {
  end: (id: number) => `/admin/memberships/${id}/end`,
  remove: (id: number) => `/admin/memberships/${id}/remove`,
};

type NewMembershipContext = BodyRecord & { people: Option[]; members: Row<"memberships">[] };
type MembershipContext = { line: MembershipLine; record: BodyRecord; members: Row<"memberships">[] };

const bodyOwner = (record: BodyRecord) => ({ authorityId: record.body.authority_id });

async function loadBodyWithPeople(db: Db, id: string): Promise<NewMembershipContext | null> {
  const record = await findBodyRecord(db, Number(id));
  if (record === null) return null;
  const people = await peopleOfAuthorities(db, record.authorityIds);
  const authorities = new Map((await listAuthorityRows(db)).map((a) => [a.id, a.name]));
  // On a joint body, members come from every authority taking part: say whose each one is.
  const isJoint = record.authorityIds.length > 1;
  const options = people.map((person: Row<"people">) => ({
    value: String(person.id),
    text: isJoint
      ? `${personName(person)} (${authorities.get(person.authority_id) ?? ""})`
      : personName(person),
  }));
  const members = (await membershipsOfBody(db, record.body.id)).map((line) => line.membership);
  return { ...record, people: options, members };
}

async function loadMembership(db: Db, id: string): Promise<MembershipContext | null> {
  const line = await findMembershipLine(db, Number(id));
  if (line === null) return null;
  const record = await findBodyRecord(db, line.membership.body_id);
  if (record === null) return null;
  const members = (await membershipsOfBody(db, record.body.id)).map((other) => other.membership);
  return { line, record, members };
}

const ROLE_FIELD: Field = {
  kind: "radios",
  name: "role",
  label: "Role",
  isRequired: true,
  options: MEMBERSHIP_ROLES,
};
const FROM_FIELD: Field = { kind: "date", name: "from", label: "First day (optional)" };
const TO_FIELD: Field = {
  kind: "date",
  name: "to",
  label: "Last day (optional)",
  hint: "Leave this empty while they are still a member. For example, 7 5 2026",
};

/** A membership cannot end before it begins. */
function checkDates(values: Values, from: string | null, toField: string): Record<string, string> {
  const to = optionalText(values, toField);
  if (from !== null && to !== null && to < from) {
    return { [toField]: "Last day must be the same as or after the first day" };
  }
  return {};
}

/** Whether two spans of days meet; an open end runs for ever that way. */
function overlaps(aFrom: string | null, aTo: string | null, bFrom: string | null, bTo: string | null) {
  return (aFrom === null || bTo === null || aFrom <= bTo) && (bFrom === null || aTo === null || bFrom <= aTo);
}

/** A person is a member of a body once at any day: another membership of theirs there at any of
 * these dates is an error on `field`. */
function overlapError(
  members: readonly Row<"memberships">[],
  membership: { id?: number; personId: number; from: string | null; to: string | null },
  field: string,
): Record<string, string> {
  const { personId, from, to } = membership;
  const overlapping = members.some(
    (m) => m.id !== membership.id && m.person_id === personId && overlaps(m.from_date, m.to_date, from, to),
  );
  return overlapping
    ? { [field]: "They are already a member at those dates: change or end that membership instead" }
    : {};
}

function membershipName({ line }: MembershipContext): string {
  return `${personName(line.person)}, ${line.bodyName}`;
}

const newMembershipPage = formPage<NewMembershipContext>({
  path: "/admin/bodies/:body/memberships/new",
  action: "edit-body",
  load: (db, params) => loadBodyWithPeople(db, params.body ?? ""),
  resource: bodyOwner,
  title: () => "Add a member",
  caption: ({ body }) => body.name,
  back: ({ body }) => adminUrls.body(body.id),
  submit: "Add member",
  notes: ({ people, authority }) =>
    people.length === 0
      ? [{ text: `Add the person to ${authority.name}'s people first.`, isWarning: true }]
      : [],
  fields: ({ people }) => [
    { kind: "select", name: "person", label: "Person", isRequired: true, options: people },
    ROLE_FIELD,
    FROM_FIELD,
    TO_FIELD,
  ],
  check: (values, { members }) => {
    const from = optionalText(values, "from");
    const dates = checkDates(values, from, "to");
    if (Object.keys(dates).length > 0) return dates;
    const personId = Number(textValue(values, "person"));
    return overlapError(members, { personId, from, to: optionalText(values, "to") }, "person");
  },
  async save(w, { body }, { values }) {
    await w.insert("memberships", {
      authority_id: body.authority_id,
      body_id: body.id,
      person_id: Number(textValue(values, "person")),
      role: textValue(values, "role"),
      from_date: optionalText(values, "from"),
      to_date: optionalText(values, "to"),
    });
    return { location: adminUrls.body(body.id), notice: "added" };
  },
});

/** The pages about one membership: the same record, the same permission, back to the body. */
function membershipForm(
  definition: Pick<
    Parameters<typeof formPage<MembershipContext>>[0],
    "path" | "title" | "submit" | "fields" | "save"
  > &
    Partial<Parameters<typeof formPage<MembershipContext>>[0]>,
): AdminPage {
  return formPage<MembershipContext>({
    action: "edit-body",
    load: (db, params) => loadMembership(db, params.membership ?? ""),
    resource: ({ record }) => bodyOwner(record),
    caption: membershipName,
    back: ({ record }) => adminUrls.body(record.body.id),
    ...definition,
  });
}

const membershipEditPage = membershipForm({
  path: "/admin/memberships/:membership/edit",
  title: () => "Change the membership",
  submit: "Save changes",
  fields: () => [ROLE_FIELD, FROM_FIELD, TO_FIELD],
  initial: ({ line: { membership } }) => ({
    role: membership.role,
    from: membership.from_date,
    to: membership.to_date,
  }),
  check: (values, { line: { membership }, members }) => {
    const from = optionalText(values, "from");
    const dates = checkDates(values, from, "to");
    if (Object.keys(dates).length > 0) return dates;
    const to = optionalText(values, "to");
    return overlapError(members, { id: membership.id, personId: membership.person_id, from, to }, "from");
  },
  async save(w, { line: { membership }, record }, { values }) {
    await w.update("memberships", membership, {
      role: textValue(values, "role"),
      from_date: optionalText(values, "from"),
      to_date: optionalText(values, "to"),
    });
    return { location: adminUrls.body(record.body.id), notice: "saved" };
  },
});

const membershipEndPage = membershipForm({
  path: "/admin/memberships/:membership/end",
  title: () => "End the membership",
  submit: "End membership",
  notes: () => [{ text: "They stay on the record as a past member, with the dates they served." }],
  fields: () => [{ ...TO_FIELD, label: "Last day", hint: "For example, 7 5 2026", isRequired: true }],
  check: (values, { line: { membership } }) => checkDates(values, membership.from_date, "to"),
  async save(w, { line: { membership }, record }, { values }) {
    await w.update("memberships", membership, { to_date: textValue(values, "to") });
    return { location: adminUrls.body(record.body.id), notice: "saved" };
  },
});

const membershipRemovePage = membershipForm({
  path: "/admin/memberships/:membership/remove",
  title: () => "Remove the membership",
  submit: "Remove membership",
  notes: () => [
    {
      text: "Remove a membership only if it was added by mistake: it will not appear as a past membership. To record that someone has left, end the membership instead.",
      isWarning: true,
    },
  ],
  fields: () => [],
  async save(w, { line: { membership }, record }) {
    await w.delete("memberships", membership);
    return { location: adminUrls.body(record.body.id), notice: "removed" };
  },
});

/** Change, end (if it has not ended) and remove, each link saying whose membership it is. */
function membershipActions(membership: Row<"memberships">, name: string): { html: string } {
  const links = [
    { href: adminUrls.membershipEdit(membership.id), text: "Change" },
    ...(membership.to_date === null ? [{ href: membershipUrls.end(membership.id), text: "End" }] : []),
    { href: membershipUrls.remove(membership.id), text: "Remove" },
  ];
  const hidden = `<span class="govuk-visually-hidden"> ${escapeHtml(name)}'s membership</span>`;
  return {
    html: links
      .map((link) => `<a class="govuk-link" href="${escapeHtml(link.href)}">${link.text}${hidden}</a>`)
      .join(" "),
  };
}

/** The body's members, past and present, for the body's page. */
export const memberSectionsOfBody: SectionsOf<BodyRecord> = async (record, request) => {
  const members = await membershipsOfBody(request.deps.db, record.body.id);
  const mayEdit = can(request.account, "edit-body", bodyOwner(record));
  const section: Section = {
    heading: "Members",
    table: {
      caption: `Members of ${record.body.name}`,
      head: [
        { text: "Person" },
        { text: "Role" },
        { text: "From" },
        { text: "To" },
        ...(mayEdit ? [{ text: "Actions" }] : []),
      ],
      rows: members.map(({ membership, person }) => [
        linkHtml(adminUrls.person(person.id), personName(person)),
        { text: choiceText(MEMBERSHIP_ROLES, membership.role) ?? "" },
        { text: dateText(membership.from_date) },
        { text: dateText(membership.to_date) },
        ...(mayEdit ? [membershipActions(membership, personName(person))] : []),
      ]),
      empty: "There are no members yet.",
    },
    links: mayEdit ? [{ href: adminUrls.newMembership(record.body.id), text: "Add a member" }] : [],
  };
  return [section];
};

export const MEMBERSHIP_PAGES: AdminPage[] = [
  newMembershipPage,
  membershipEditPage,
  membershipEndPage,
  membershipRemovePage,
];
