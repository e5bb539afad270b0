import { ACTION_STATUSES, choiceText, CONDITION_STATUSES } from "../../../../domain/choices.js";
import { longDate } from "../../../../domain/wording.js";
import type { Db } from "../../../../db/connect.js";
import type { Row } from "../../../../db/schema.js";
import {
  actionsOf,
  actionUpdatesOf,
  bodiesOfAuthorities,
  conditionsOf,
  documentsOfMeeting,
  evidenceOf,
  findAction,
  findCondition,
  nextPosition,
  peopleOf,
  type ResolutionRecord,
} from "../../../../records/admin/recording.js";
import type { Writer } from "../../../../records/writer.js";
import {
  optionalId,
  optionalText,
  textValue,
  type Field,
  type Option,
  type Values,
} from "../../../forms/fields.js";
import { adminUrls } from "../admin-urls.js";
import { linkHtml, row, type OverviewPage } from "../overview.js";
import { formPage, viewPage, type Params } from "../pages.js";
import { verbText, voteText } from "./resolutions.js";
import { loadResolution, personOptions, resolutionName, resourceOf } from "./shared.js";

// What follows from a resolution: conditions (an approval's terms, each with an assurance status
// and the papers that evidence it) and actions (who does what by when, with dated updates).

type ResolutionPageContext = ResolutionRecord & { people: Option[]; bodies: Option[]; documents: Option[] };

async function loadResolutionPage(db: Db, params: Params): Promise<ResolutionPageContext | null> {
  const record = await loadResolution(db, params);
  if (record === null) return null;
  const people = personOptions(await peopleOf(db, record.authorityIds));
  const bodies = (await bodiesOfAuthorities(db, record.authorityIds)).map((b) => ({
    value: String(b.id),
    text: b.name,
  }));
  const documents = (await documentsOfMeeting(db, record.meeting.id)).map((d) => ({
    value: String(d.id),
    text: d.title,
  }));
  return { ...record, people, bodies, documents };
}

const optionText = (options: Option[], id: number | null) =>
  id === null ? null : (options.find((option) => option.value === String(id))?.text ?? null);

const resolutionPage = viewPage<ResolutionPageContext>({
  path: "/admin/resolutions/:resolution",
  action: "edit-meeting",
  load: loadResolutionPage,
  resource: resourceOf,
  async render(context, request) {
    const { resolution: r, people, bodies } = context;
    const db = request.deps.db;
    const conditions = await conditionsOf(db, r.id);
    const evidence = await evidenceOf(
      db,
      conditions.map((c) => c.id),
    );
    const actions = await actionsOf(db, r.id);
    const page: OverviewPage = {
      pageTitle: resolutionName(context),
      title: resolutionName(context),
      caption: `${context.item.number}. ${context.item.title}`,
      back: adminUrls.item(context.item.id),
      notice: request.notice,
      csrfToken: request.csrfToken,
      sections: [
        {
          summary: [
            row("Number", r.number),
            row("Verb", verbText(r.verb)),
            row("Text", r.text),
            row("In principle", r.is_in_principle ? "Yes" : "No"),
            row("Proposer", optionText(people, r.proposer_id)),
            row("Seconder", optionText(people, r.seconder_id)),
            row("Vote", voteText(r)),
            row("Delegated to", r.delegated_to),
            row("Recommends to", optionText(bodies, r.recommends_to_body_id)),
            row(
              "Date of that meeting",
              r.recommends_to_date === null ? null : longDate(r.recommends_to_date),
            ),
          ],
          links: [
            { href: adminUrls.resolutionEdit(r.id), text: "Change the resolution" },
            { href: adminUrls.itemDecision(context.item.id), text: "Decision record for this item" },
          ],
        },
        {
          id: "conditions",
          heading: "Conditions",
          table: {
            caption: "Conditions",
            head: [
              { text: "Group" },
              { text: "Condition" },
              { text: "Status" },
              { text: "Owner" },
              { text: "Evidence" },
            ],
            rows: conditions.map((c) => [
              { text: c.group_title },
              linkHtml(adminUrls.conditionEdit(c.id), c.text),
              { text: choiceText(CONDITION_STATUSES, c.status) ?? c.status },
              { text: c.owner ?? "" },
              {
                text: evidence
                  .filter((e) => e.condition_id === c.id)
                  .map((e) => e.title)
                  .join("; "),
              },
            ]),
            empty: "There are no conditions.",
          },
          links: [{ href: adminUrls.newCondition(r.id), text: "Add a condition" }],
        },
        {
          id: "actions",
          heading: "Actions",
          table: {
            caption: "Actions",
            head: [{ text: "Action" }, { text: "Owner" }, { text: "Due" }, { text: "Status" }],
            rows: actions.map((a) => [
              linkHtml(adminUrls.action(a.id), a.text),
              { text: ownerText(a, people, bodies) },
              { text: a.due_date ?? "" },
              { text: choiceText(ACTION_STATUSES, a.status) ?? a.status },
            ]),
            empty: "There are no actions.",
          },
          links: [{ href: adminUrls.newAction(r.id), text: "Add an action" }],
        },
      ],
    };
    return { template: "admin/overview.njk", page };
  },
});

function ownerText(action: Row<"actions">, people: Option[], bodies: Option[]): string {
  return [optionText(people, action.owner_person_id), optionText(bodies, action.owner_body_id), action.owner]
    .filter((part) => part !== null)
    .join(", ");
}

// Conditions

type ConditionForm = ResolutionPageContext & { condition: Row<"conditions"> | null };

function conditionFields(context: ConditionForm): Field[] {
  return [
    {
      kind: "text",
      name: "group",
      label: "Group",
      hint: "The heading the condition is listed under, for example Pre-commencement",
      maxLength: 200,
    },
    { kind: "textarea", name: "text", label: "Condition", isRequired: true, maxLength: 5000, rows: 4 },
    {
      kind: "radios",
      name: "status",
      label: "Assurance status",
      isRequired: true,
      options: CONDITION_STATUSES,
    },
    { kind: "text", name: "owner", label: "Owner", hint: "Who must meet the condition", maxLength: 200 },
    {
      kind: "select",
      name: "evidence",
      label: "Evidence",
      hint: "A paper of this meeting that shows the condition is met",
      options: context.documents,
    },
  ];
}

async function saveCondition(w: Writer, context: ConditionForm, values: Values) {
  const fields = {
    group_title: optionalText(values, "group") ?? "",
    text: textValue(values, "text"),
    status: textValue(values, "status"),
    owner: optionalText(values, "owner"),
  };
  const id =
    context.condition === null
      ? await w.insert("conditions", {
          authority_id: context.resolution.authority_id,
          resolution_id: context.resolution.id,
          position: await nextPosition(w.trx, "conditions", context.resolution.id),
          ...fields,
        })
      : (await w.update("conditions", context.condition, fields), context.condition.id);
  const evidence = optionalId(values, "evidence");
  if (evidence !== null) await w.link("condition_evidence", { condition_id: id, document_id: evidence });
}

const newConditionPage = formPage<ConditionForm>({
  path: "/admin/resolutions/:resolution/conditions/new",
  action: "edit-meeting",
  load: async (db, params) => {
    const context = await loadResolutionPage(db, params);
    return context === null ? null : { ...context, condition: null };
  },
  resource: resourceOf,
  title: () => "Add a condition",
  caption: resolutionName,
  back: (context) => adminUrls.resolution(context.resolution.id),
  submit: "Add condition",
  fields: conditionFields,
  initial: () => ({ status: "open" }),
  async save(w, context, { values }) {
    await saveCondition(w, context, values);
    return { location: adminUrls.resolution(context.resolution.id), notice: "added" };
  },
});

const editConditionPage = formPage<ConditionForm>({
  path: "/admin/conditions/:condition/edit",
  action: "edit-meeting",
  load: async (db, params) => {
    const found = await findCondition(db, Number(params.condition));
    if (found === null) return null;
    const context = await loadResolutionPage(db, { resolution: String(found.resolution.id) });
    return context === null ? null : { ...context, condition: found.row };
  },
  resource: resourceOf,
  title: () => "Change the condition",
  caption: resolutionName,
  back: (context) => adminUrls.resolution(context.resolution.id),
  submit: "Save changes",
  fields: conditionFields,
  initial: ({ condition: c }): Values =>
    c === null ? {} : { group: c.group_title, text: c.text, status: c.status, owner: c.owner },
  async save(w, context, { values }) {
    await saveCondition(w, context, values);
    return { location: adminUrls.resolution(context.resolution.id), notice: "saved" };
  },
});

// Actions

type ActionForm = ResolutionPageContext & { action: Row<"actions"> | null };

function actionFields(context: ActionForm): Field[] {
  return [
    { kind: "textarea", name: "text", label: "Action", isRequired: true, maxLength: 2000, rows: 3 },
    {
      kind: "select",
      name: "owner-person",
      label: "Owner",
      hint: "The person responsible",
      options: context.people,
    },
    {
      kind: "select",
      name: "owner-body",
      label: "Owning body",
      hint: "Or the body responsible",
      options: context.bodies,
    },
    {
      kind: "text",
      name: "owner",
      label: "Owner as written",
      hint: "For example, Head of Highways, when the owner is a post rather than a person",
      maxLength: 200,
    },
    { kind: "date", name: "due", label: "Due date" },
    { kind: "radios", name: "status", label: "Status", isRequired: true, options: ACTION_STATUSES },
  ];
}

function checkAction(values: Values): Record<string, string> {
  return values["owner-person"] !== null && values["owner-body"] !== null
    ? { "owner-body": "Choose a person or a body as the owner, not both" }
    : {};
}

function actionValues(values: Values) {
  return {
    text: textValue(values, "text"),
    owner_person_id: optionalId(values, "owner-person"),
    owner_body_id: optionalId(values, "owner-body"),
    owner: optionalText(values, "owner"),
    due_date: optionalText(values, "due"),
    status: textValue(values, "status"),
  };
}

const newActionPage = formPage<ActionForm>({
  path: "/admin/resolutions/:resolution/actions/new",
  action: "edit-meeting",
  load: async (db, params) => {
    const context = await loadResolutionPage(db, params);
    return context === null ? null : { ...context, action: null };
  },
  resource: resourceOf,
  title: () => "Add an action",
  caption: resolutionName,
  back: (context) => adminUrls.resolution(context.resolution.id),
  submit: "Add action",
  fields: actionFields,
  initial: () => ({ status: "open" }),
  check: checkAction,
  async save(w, context, { values }) {
    const id = await w.insert("actions", {
      authority_id: context.resolution.authority_id,
      resolution_id: context.resolution.id,
      position: await nextPosition(w.trx, "actions", context.resolution.id),
      ...actionValues(values),
    });
    return { location: adminUrls.action(id), notice: "added" };
  },
});

async function loadAction(db: Db, params: Params): Promise<(ActionForm & { action: Row<"actions"> }) | null> {
  const found = await findAction(db, Number(params.action));
  if (found === null) return null;
  const context = await loadResolutionPage(db, { resolution: String(found.resolution.id) });
  return context === null ? null : { ...context, action: found.row };
}

const editActionPage = formPage<ActionForm & { action: Row<"actions"> }>({
  path: "/admin/actions/:action/edit",
  action: "edit-meeting",
  load: loadAction,
  resource: resourceOf,
  title: () => "Change the action",
  caption: resolutionName,
  back: (context) => adminUrls.action(context.action.id),
  submit: "Save changes",
  fields: actionFields,
  initial: ({ action: a }) => ({
    text: a.text,
    "owner-person": a.owner_person_id === null ? null : String(a.owner_person_id),
    "owner-body": a.owner_body_id === null ? null : String(a.owner_body_id),
    owner: a.owner,
    due: a.due_date,
    status: a.status,
  }),
  check: checkAction,
  async save(w, context, { values }) {
    await w.update("actions", context.action, actionValues(values));
    return { location: adminUrls.action(context.action.id), notice: "saved" };
  },
});

const actionPage = viewPage<ActionForm & { action: Row<"actions"> }>({
  path: "/admin/actions/:action",
  action: "edit-meeting",
  load: loadAction,
  resource: resourceOf,
  async render(context, request) {
    const { action: a } = context;
    const updates = await actionUpdatesOf(request.deps.db, a.id);
    const page: OverviewPage = {
      pageTitle: "Action",
      title: "Action",
      caption: resolutionName(context),
      back: adminUrls.resolution(context.resolution.id),
      notice: request.notice,
      csrfToken: request.csrfToken,
      sections: [
        {
          summary: [
            row("Action", a.text),
            row("Owner", ownerText(a, context.people, context.bodies)),
            row("Due", a.due_date),
            row("Status", choiceText(ACTION_STATUSES, a.status)),
          ],
          links: [{ href: adminUrls.actionEdit(a.id), text: "Change the action" }],
        },
        {
          id: "updates",
          heading: "Updates",
          table: {
            caption: "Updates",
            head: [{ text: "When" }, { text: "Update" }, { text: "Status" }],
            rows: updates.map((u) => [
              { text: u.at.slice(0, 10) },
              { text: u.text },
              { text: choiceText(ACTION_STATUSES, u.status) ?? "" },
            ]),
            empty: "There are no updates yet.",
          },
          links: [{ href: adminUrls.newActionUpdate(a.id), text: "Add an update" }],
        },
      ],
    };
    return { template: "admin/overview.njk", page };
  },
});

const newActionUpdatePage = formPage<ActionForm & { action: Row<"actions"> }>({
  path: "/admin/actions/:action/updates/new",
  action: "edit-meeting",
  load: loadAction,
  resource: resourceOf,
  title: () => "Add an update",
  caption: (context) => context.action.text,
  back: (context) => adminUrls.action(context.action.id),
  submit: "Add update",
  fields: () => [
    { kind: "textarea", name: "text", label: "Update", isRequired: true, maxLength: 2000, rows: 4 },
    {
      kind: "radios",
      name: "status",
      label: "Status of the action now",
      hint: "Leave unchosen if it has not changed",
      options: ACTION_STATUSES,
    },
  ],
  async save(w, context, { values, account, now }) {
    const status = optionalText(values, "status");
    await w.insert("action_updates", {
      authority_id: context.action.authority_id,
      action_id: context.action.id,
      at: now.toISOString(),
      account_id: account.id,
      text: textValue(values, "text"),
      status,
    });
    if (status !== null) await w.update("actions", context.action, { status });
    return { location: adminUrls.action(context.action.id), notice: "added" };
  },
});

export const CONDITION_AND_ACTION_PAGES = [
  resolutionPage,
  newConditionPage,
  editConditionPage,
  newActionPage,
  editActionPage,
  actionPage,
  newActionUpdatePage,
];
