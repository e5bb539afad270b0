import { MEMBERSHIP_ROLES, PERSON_KINDS, choiceText } from "../../../../domain/choices.js";
import { personNameKey } from "../../../../domain/names.js";
import { can } from "../../../../domain/policy.js";
import type { Db } from "../../../../db/connect.js";
import type { Row } from "../../../../db/schema.js";
import { findAuthorityRow } from "../../../../records/admin/authorities.js";
import {
  findPersonRecord,
  membershipsOfPerson,
  nameKeysOf,
  peopleOfAuthorities,
  referencesToPerson,
  type PersonRecord,
  type PersonReference,
} from "../../../../records/admin/people.js";
import { optionalText, textValue, type Field, type Values } from "../../../forms/fields.js";
import { adminUrls } from "../admin-urls.js";
import { linkHtml, row, type OverviewPage } from "../overview.js";
import { formPage, viewPage, type AdminPage } from "../pages.js";
import { isRemovalConfirmed, removalField } from "../removal.js";
import { dateText, personName } from "./wording.js";

// The people of an authority: councillors, officers and others who sit on its bodies. A person
// is known by their name within the authority, honorifics apart (src/domain/names.ts), the same
// key the bundle loader merges on, so a typed person and an imported one meet.

type AuthorityContext = { authority: Row<"authorities">; nameKeys: Map<string, number> };
type PersonContext = PersonRecord & { nameKeys: Map<string, number> };
type RemovalContext = PersonRecord & { references: PersonReference[] };

/** The address of this part's page beyond those named in adminUrls. */
export const personRemoveUrl = (id: number) => `/admin/people/${id}/remove`;

async function loadAuthority(db: Db, id: string): Promise<AuthorityContext | null> {
  const authority = await findAuthorityRow(db, Number(id));
  return authority === null ? null : { authority, nameKeys: await nameKeysOf(db, authority.id) };
}

async function loadPerson(db: Db, id: string): Promise<PersonContext | null> {
  const record = await findPersonRecord(db, Number(id));
  return record === null ? null : { ...record, nameKeys: await nameKeysOf(db, record.authority.id) };
}

const PERSON_FIELDS: readonly Field[] = [
  {
    kind: "text",
    name: "name",
    label: "Name",
    hint: "For example, Sue Dann",
    isRequired: true,
    maxLength: 200,
  },
  {
    kind: "text",
    name: "honorific",
    label: "Title (optional)",
    hint: "For example, Mrs or Dr. Leave out “Councillor”: it comes from the kind of person.",
    maxLength: 50,
    width: "short",
  },
  { kind: "radios", name: "kind", label: "Kind of person", isRequired: true, options: PERSON_KINDS },
  { kind: "text", name: "party", label: "Party or group (optional)", maxLength: 200 },
  { kind: "text", name: "ward", label: "Ward or division (optional)", maxLength: 200 },
  {
    kind: "text",
    name: "organisation",
    label: "Organisation (optional)",
    hint: "For someone from outside the council",
    maxLength: 200,
  },
  { kind: "text", name: "job-title", label: "Job title (optional)", maxLength: 200 },
];

/** The name must have letters or numbers, and not be someone else's in the same authority. */
function checkName(
  values: Values,
  nameKeys: Map<string, number>,
  ownId: number | null,
): Record<string, string> {
  const key = personNameKey(textValue(values, "name"));
  if (key === "") return { name: "Name must include letters or numbers" };
  const holder = nameKeys.get(key);
  if (holder !== undefined && holder !== ownId) {
    return { name: "There is already someone with this name in this authority" };
  }
  return {};
}

function personColumns(values: Values) {
  const name = textValue(values, "name");
  return {
    name,
    name_key: personNameKey(name),
    honorific: optionalText(values, "honorific"),
    kind: textValue(values, "kind"),
    party: optionalText(values, "party"),
    ward: optionalText(values, "ward"),
    organisation: optionalText(values, "organisation"),
    job_title: optionalText(values, "job-title"),
  };
}

/** Party and ward for a councillor; job title and organisation for anyone else. */
function standing(person: Row<"people">): string {
  const parts =
    person.kind === "councillor" ? [person.party, person.ward] : [person.job_title, person.organisation];
  return parts.filter((part) => part !== null && part !== "").join(", ");
}

const peoplePage = viewPage<AuthorityContext>({
  path: "/admin/authorities/:authority/people",
  action: "read-records",
  load: (db, params) => loadAuthority(db, params.authority ?? ""),
  resource: ({ authority }) => ({ authorityId: authority.id }),
  async render({ authority }, request) {
    const people = await peopleOfAuthorities(request.deps.db, [authority.id]);
    const mayEdit = can(request.account, "edit-body", { authorityId: authority.id });
    const page: OverviewPage = {
      pageTitle: `People of ${authority.name}`,
      title: "Councillors, officers and others",
      caption: authority.name,
      back: adminUrls.authority(authority.id),
      notice: request.notice,
      csrfToken: request.csrfToken,
      sections: [
        {
          table: {
            caption: `People of ${authority.name}`,
            head: [{ text: "Name" }, { text: "Kind" }, { text: "Party and ward, or job" }],
            rows: people.map((person) => [
              linkHtml(adminUrls.person(person.id), personName(person)),
              { text: choiceText(PERSON_KINDS, person.kind) ?? "" },
              { text: standing(person) },
            ]),
            empty: "There are no people yet.",
          },
          links: mayEdit ? [{ href: adminUrls.newPerson(authority.id), text: "Add a person" }] : [],
        },
      ],
    };
    return { template: "admin/overview.njk", page };
  },
});

const newPersonPage = formPage<AuthorityContext>({
  path: "/admin/authorities/:authority/people/new",
  action: "edit-body",
  load: (db, params) => loadAuthority(db, params.authority ?? ""),
  resource: ({ authority }) => ({ authorityId: authority.id }),
  title: () => "Add a person",
  caption: ({ authority }) => authority.name,
  back: ({ authority }) => adminUrls.people(authority.id),
  submit: "Add person",
  fields: () => PERSON_FIELDS,
  check: (values, { nameKeys }) => checkName(values, nameKeys, null),
  async save(w, { authority }, { values }) {
    const id = await w.insert("people", { authority_id: authority.id, ...personColumns(values) });
    return { location: adminUrls.person(id), notice: "added" };
  },
});

const personEditPage = formPage<PersonContext>({
  path: "/admin/people/:person/edit",
  action: "edit-body",
  load: (db, params) => loadPerson(db, params.person ?? ""),
  resource: ({ person }) => ({ authorityId: person.authority_id }),
  title: () => "Change the person",
  caption: ({ person }) => personName(person),
  back: ({ person }) => adminUrls.person(person.id),
  submit: "Save changes",
  fields: () => PERSON_FIELDS,
  initial: ({ person }) => ({
    name: person.name,
    honorific: person.honorific,
    kind: person.kind,
    party: person.party,
    ward: person.ward,
    organisation: person.organisation,
    "job-title": person.job_title,
  }),
  check: (values, { nameKeys, person }) => checkName(values, nameKeys, person.id),
  async save(w, { person }, { values }) {
    await w.update("people", person, personColumns(values));
    return { location: adminUrls.person(person.id), notice: "saved" };
  },
});

const REFERENCE_WORDS: Record<PersonReference["what"], [string, string]> = {
  memberships: ["membership of a body", "memberships of bodies"],
  attendance: ["meeting's attendance", "meetings' attendance"],
  substitutions: [
    "substitution, as the member substituted for",
    "substitutions, as the member substituted for",
  ],
  declarations: ["declaration of interest", "declarations of interest"],
  resolutions: ["resolution, as proposer or seconder", "resolutions, as proposer or seconder"],
  leads: ["agenda item, as lead member or officer", "agenda items, as lead member or officer"],
  actions: ["action, as its owner", "actions, as their owner"],
  accounts: ["user account", "user accounts"],
};

/** "2 memberships of bodies; 1 declaration of interest" */
function referencesText(references: PersonReference[]): string {
  return references
    .map(({ what, count }) => `${count} ${REFERENCE_WORDS[what][count === 1 ? 0 : 1]}`)
    .join("; ");
}

/** A person named by other records stays: the page says what names them, and has no button. */
function refusal({ person, references }: RemovalContext): string[] | null {
  if (references.length === 0) return null;
  return [
    `${personName(person)} cannot be removed, because other records name them: ${referencesText(references)}.`,
    "Change or remove those records first. To record that someone has left a body, end their membership instead: they stay on the record as a past member.",
  ];
}

const personRemovePage = formPage<RemovalContext>({
  path: "/admin/people/:person/remove",
  action: "edit-body",
  async load(db, params) {
    const record = await findPersonRecord(db, Number(params.person));
    return record === null ? null : { ...record, references: await referencesToPerson(db, record.person.id) };
  },
  resource: ({ person }) => ({ authorityId: person.authority_id }),
  title: ({ person }) => `Remove ${personName(person)}`,
  caption: ({ authority }) => authority.name,
  back: ({ person }) => adminUrls.person(person.id),
  submit: "Continue",
  closed: refusal,
  notes: () => [{ text: "Remove a person only if they were added by mistake or twice." }],
  fields: ({ person }) => [removalField(personName(person))],
  async save(w, { person, authority }, { values }) {
    if (!isRemovalConfirmed(values)) return { location: adminUrls.person(person.id), notice: "kept" };
    // Checked again in the transaction: a record may have named them since the page was loaded.
    if ((await referencesToPerson(w.trx, person.id)).length > 0) {
      return { location: personRemoveUrl(person.id), notice: "kept" };
    }
    await w.delete("people", person);
    return { location: adminUrls.people(authority.id), notice: "removed" };
  },
});

const personPage = viewPage<PersonContext>({
  path: "/admin/people/:person",
  action: "read-records",
  load: (db, params) => loadPerson(db, params.person ?? ""),
  resource: ({ person }) => ({ authorityId: person.authority_id }),
  async render({ person, authority }, request) {
    const memberships = await membershipsOfPerson(request.deps.db, person.id);
    const mayEdit = can(request.account, "edit-body", { authorityId: person.authority_id });
    const page: OverviewPage = {
      pageTitle: personName(person),
      title: personName(person),
      caption: authority.name,
      back: adminUrls.people(authority.id),
      notice: request.notice,
      csrfToken: request.csrfToken,
      sections: [
        {
          summary: [
            row("Name", person.name),
            row("Title", person.honorific),
            row("Kind", choiceText(PERSON_KINDS, person.kind)),
            row("Party or group", person.party),
            row("Ward or division", person.ward),
            row("Organisation", person.organisation),
            row("Job title", person.job_title),
          ],
          links: mayEdit
            ? [
                { href: adminUrls.personEdit(person.id), text: "Change the person" },
                { href: personRemoveUrl(person.id), text: "Remove the person" },
              ]
            : [],
        },
        {
          heading: "Memberships",
          table: {
            caption: `Bodies ${person.name} sits on`,
            head: [{ text: "Body" }, { text: "Role" }, { text: "From" }, { text: "To" }],
            rows: memberships.map(({ membership, bodyName }) => [
              linkHtml(adminUrls.body(membership.body_id), bodyName),
              { text: choiceText(MEMBERSHIP_ROLES, membership.role) ?? "" },
              { text: dateText(membership.from_date) },
              { text: dateText(membership.to_date) },
            ]),
            empty: "They are not a member of any body. Add members from a body's page.",
          },
        },
      ],
    };
    return { template: "admin/overview.njk", page };
  },
});

export const PERSON_PAGES: AdminPage[] = [
  peoplePage,
  newPersonPage,
  personPage,
  personEditPage,
  personRemovePage,
];
