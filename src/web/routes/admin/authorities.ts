import { BODY_KINDS, choiceText } from "../../../domain/choices.js";
import { can } from "../../../domain/policy.js";
import { slugify } from "../../../domain/names.js";
import type { Db } from "../../../db/connect.js";
import type { Row } from "../../../db/schema.js";
import {
  bodiesOfAuthority,
  bodyResource,
  findAuthorityRow,
  findBodyRecord,
  listAuthorityRows,
  type BodyRecord,
} from "../../../records/admin/authorities.js";
import { uniqueSlug } from "../../../records/slugs.js";
import { choices, optionalText, textValue, type Field, type Option } from "../../forms/fields.js";
import { adminUrls } from "./admin-urls.js";
import { meetingSectionsOfBody } from "./meetings/index.js";
import { memberSectionsOfBody } from "./people/index.js";
import { planSectionsOfBody } from "./plans/index.js";
import { linkHtml, row, type OverviewPage } from "./overview.js";
import { formPage, viewPage, type AdminPage } from "./pages.js";

// Authorities and their bodies: the authority's page in the back office, its bodies, and the
// forms that add and change a body, a joint body included (its officers are the lead
// authority's; every authority taking part is listed).

type AuthorityContext = { authority: Row<"authorities">; authorities: Row<"authorities">[] };

async function loadAuthority(db: Db, id: string): Promise<AuthorityContext | null> {
  const authority = await findAuthorityRow(db, Number(id));
  return authority === null ? null : { authority, authorities: await listAuthorityRows(db) };
}

const authorityResource = (context: { authority: Row<"authorities"> }) => ({
  authorityId: context.authority.id,
});

function partnerOptions(authorities: Row<"authorities">[], ownId: number): Option[] {
  return authorities
    .filter((authority) => authority.id !== ownId)
    .map((authority) => ({ value: String(authority.id), text: authority.name }));
}

function bodyFields(authorities: Row<"authorities">[], ownId: number): Field[] {
  const partners = partnerOptions(authorities, ownId);
  return [
    { kind: "text", name: "name", label: "Name", isRequired: true, maxLength: 200 },
    { kind: "radios", name: "kind", label: "Kind of body", isRequired: true, options: BODY_KINDS },
    {
      kind: "textarea",
      name: "purpose",
      label: "Purpose",
      hint: "What the body is for, in a sentence or two, as residents will read it",
      maxLength: 2000,
    },
    ...(partners.length === 0
      ? []
      : [
          {
            kind: "checkboxes",
            name: "partners",
            label: "Other authorities taking part",
            hint: "For a joint committee or partnership board. Your authority runs its meetings.",
            options: partners,
          } satisfies Field,
        ]),
  ];
}

const authorityPage = viewPage<AuthorityContext>({
  path: "/admin/authorities/:authority",
  action: "read-records",
  load: (db, params) => loadAuthority(db, params.authority ?? ""),
  resource: authorityResource,
  async render(context, request) {
    const { authority } = context;
    const bodies = await bodiesOfAuthority(request.deps.db, authority.id);
    const page: OverviewPage = {
      pageTitle: authority.name,
      title: authority.name,
      caption: "Authority",
      back: adminUrls.home(),
      notice: request.notice,
      csrfToken: request.csrfToken,
      sections: [
        {
          heading: "Bodies",
          table: {
            caption: `Bodies of ${authority.name}`,
            head: [{ text: "Name" }, { text: "Kind" }, { text: "Joint" }],
            rows: bodies.map((body) => [
              linkHtml(adminUrls.body(body.id), body.name),
              { text: choiceText(BODY_KINDS, body.kind) ?? "" },
              { text: body.is_joint ? "Yes" : "No" },
            ]),
            empty: "There are no bodies yet.",
          },
          links: can(request.account, "edit-body", { authorityId: authority.id })
            ? [{ href: adminUrls.newBody(authority.id), text: "Add a body" }]
            : [],
        },
        {
          heading: "People and plans",
          links: [
            { href: adminUrls.people(authority.id), text: "Councillors, officers and others" },
            { href: adminUrls.forwardPlan(authority.id), text: "Forward plan of key decisions" },
            ...(can(request.account, "edit-meeting", { authorityId: authority.id })
              ? [{ href: adminUrls.decisions(authority.id), text: "Decision records" }]
              : []),
          ],
        },
        {
          heading: "Settings",
          summary: [
            row("Nation", sentence(authority.nation)),
            row("Governance", authority.governance === null ? null : sentence(authority.governance)),
            row("Call-in period", `${authority.call_in_working_days} working days`),
          ],
          links: can(request.account, "edit-authority", { authorityId: authority.id })
            ? [{ href: adminUrls.authorityEdit(authority.id), text: "Change the settings" }]
            : [],
        },
      ],
    };
    return { template: "admin/overview.njk", page };
  },
});

function sentence(value: string): string {
  const spaced = value.replaceAll("-", " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

const NATIONS: Option[] = [
  { value: "england", text: "England" },
  { value: "wales", text: "Wales" },
  { value: "scotland", text: "Scotland" },
  { value: "northern-ireland", text: "Northern Ireland" },
];

const GOVERNANCE: Option[] = [
  { value: "leader-and-cabinet", text: "Leader and cabinet" },
  { value: "mayor-and-cabinet", text: "Elected mayor and cabinet" },
  { value: "committee-system", text: "Committee system" },
  { value: "parish", text: "Parish or town council" },
  { value: "combined-authority", text: "Combined authority" },
];

const authorityEditPage = formPage<AuthorityContext>({
  path: "/admin/authorities/:authority/edit",
  action: "edit-authority",
  load: (db, params) => loadAuthority(db, params.authority ?? ""),
  resource: authorityResource,
  title: () => "Change the settings",
  caption: (context) => context.authority.name,
  back: (context) => adminUrls.authority(context.authority.id),
  submit: "Save changes",
  fields: () => [
    {
      kind: "radios",
      name: "nation",
      label: "Nation",
      hint: "Bank holidays and the rules for clear days differ between the nations",
      isRequired: true,
      options: NATIONS,
    },
    { kind: "radios", name: "governance", label: "Governance", options: GOVERNANCE },
    {
      kind: "number",
      name: "call-in",
      label: "Call-in period in working days",
      hint: "How long after a decision is published it may be called in (often 5)",
      isRequired: true,
      min: 0,
      max: 30,
    },
  ],
  initial: ({ authority }) => ({
    nation: authority.nation,
    governance: authority.governance,
    "call-in": authority.call_in_working_days,
  }),
  async save(w, { authority }, { values }) {
    await w.update("authorities", authority, {
      nation: textValue(values, "nation"),
      governance: optionalText(values, "governance"),
      call_in_working_days: Number(values["call-in"]),
    });
    return { location: adminUrls.authority(authority.id), notice: "saved" };
  },
});

const newBodyPage = formPage<AuthorityContext>({
  path: "/admin/authorities/:authority/bodies/new",
  action: "edit-body",
  load: (db, params) => loadAuthority(db, params.authority ?? ""),
  resource: authorityResource,
  title: () => "Add a body",
  caption: (context) => context.authority.name,
  back: (context) => adminUrls.authority(context.authority.id),
  submit: "Add body",
  fields: ({ authorities, authority }) => bodyFields(authorities, authority.id),
  async save(w, { authority }, { values }) {
    const name = textValue(values, "name");
    const partners = choices(values, "partners").map(Number);
    const id = await w.insert("bodies", {
      authority_id: authority.id,
      name,
      slug: await uniqueSlug(w.trx, "bodies", slugify(name), authority.id),
      kind: textValue(values, "kind"),
      purpose: optionalText(values, "purpose"),
      is_joint: partners.length > 0,
    });
    for (const authorityId of [authority.id, ...partners]) {
      await w.link("body_authorities", { body_id: id, authority_id: authorityId });
    }
    return { location: adminUrls.body(id), notice: "added" };
  },
});

type BodyContext = BodyRecord & { authorities: Row<"authorities">[] };

async function loadBody(db: Db, id: string): Promise<BodyContext | null> {
  const record = await findBodyRecord(db, Number(id));
  return record === null ? null : { ...record, authorities: await listAuthorityRows(db) };
}

const bodyEditPage = formPage<BodyContext>({
  path: "/admin/bodies/:body/edit",
  action: "edit-body",
  load: (db, params) => loadBody(db, params.body ?? ""),
  resource: (context) => ({ authorityId: context.body.authority_id }),
  title: () => "Change the body",
  caption: (context) => context.body.name,
  back: (context) => adminUrls.body(context.body.id),
  submit: "Save changes",
  fields: ({ authorities, body }) => bodyFields(authorities, body.authority_id),
  initial: ({ body, authorityIds }) => ({
    name: body.name,
    kind: body.kind,
    purpose: body.purpose,
    partners: authorityIds.filter((id) => id !== body.authority_id).map(String),
  }),
  async save(w, { body, authorityIds }, { values }) {
    const partners = choices(values, "partners").map(Number);
    await w.update("bodies", body, {
      name: textValue(values, "name"),
      kind: textValue(values, "kind"),
      purpose: optionalText(values, "purpose"),
      is_joint: partners.length > 0,
    });
    const wanted = new Set([body.authority_id, ...partners]);
    for (const authorityId of wanted)
      await w.link("body_authorities", { body_id: body.id, authority_id: authorityId });
    for (const authorityId of authorityIds.filter((id) => !wanted.has(id))) {
      await w.unlink("body_authorities", { body_id: body.id, authority_id: authorityId });
    }
    return { location: adminUrls.body(body.id), notice: "saved" };
  },
});

const bodyPage = viewPage<BodyContext>({
  path: "/admin/bodies/:body",
  action: "read-records",
  load: (db, params) => loadBody(db, params.body ?? ""),
  resource: bodyResource,
  async render(context, request) {
    const { body, authority, authorities, authorityIds } = context;
    const partners = authorities.filter((a) => authorityIds.includes(a.id) && a.id !== body.authority_id);
    const page: OverviewPage = {
      pageTitle: body.name,
      title: body.name,
      caption: authority.name,
      back: adminUrls.authority(authority.id),
      notice: request.notice,
      csrfToken: request.csrfToken,
      sections: [
        {
          summary: [
            row("Kind", choiceText(BODY_KINDS, body.kind)),
            row("Purpose", body.purpose),
            row("Run by", authority.name),
            ...(partners.length > 0 ? [row("Also taking part", partners.map((a) => a.name).join(", "))] : []),
          ],
          links: can(request.account, "edit-body", { authorityId: body.authority_id })
            ? [{ href: adminUrls.bodyEdit(body.id), text: "Change the body" }]
            : [],
        },
        // Its members, its meetings and its work programme, from the parts of the back office
        // that keep them.
        ...(await memberSectionsOfBody(context, request)),
        ...(await meetingSectionsOfBody(context, request)),
        ...(await planSectionsOfBody(context, request)),
      ],
    };
    return { template: "admin/overview.njk", page };
  },
});

export const AUTHORITY_PAGES: AdminPage[] = [
  authorityPage,
  authorityEditPage,
  newBodyPage,
  bodyPage,
  bodyEditPage,
];
