import { CALL_IN_STATUSES, choiceText } from "../../../../domain/choices.js";
import { callInExpiry, deadlineStatus } from "../../../../domain/deadlines.js";
import { longDate } from "../../../../domain/wording.js";
import type { Db } from "../../../../db/connect.js";
import type { Row } from "../../../../db/schema.js";
import {
  decisionOfItem,
  decisionResource,
  findDecisionRecord,
  type DecisionRecord,
} from "../../../../records/admin/decisions-admin.js";
import { nationOf } from "../../../../records/admin/meetings.js";
import { resolutionsOf, type ItemRecord } from "../../../../records/admin/recording.js";
import {
  flagValue,
  optionalId,
  optionalText,
  textValue,
  type Field,
  type Values,
} from "../../../forms/fields.js";
import { londonDate } from "../../../format.js";
import { adminUrls } from "../admin-urls.js";
import { linkHtml, row, type OverviewPage, type Section } from "../overview.js";
import { formPage, viewPage, type Note, type Params, type ViewRequest } from "../pages.js";
import { decisionListPage } from "./decision-list.js";
import { itemName, linksFor, loadItem, resourceOf } from "./shared.js";

// Decision records of executive decisions (LGA 2000; the Executive Arrangements Regulations
// 2012, reg. 13): drafted by an officer, published with a call-in period counted in working days
// from publication by the deadline engine (RULES.md), or marked not subject to call-in when the
// decision is urgent, with the reason recorded. A published record changed is an amendment.

/** When call-in of a decision published on this day would end, under the authority's rules. */
export function callInEnds(authority: Row<"authorities">, published: string): string {
  return callInExpiry(published, nationOf(authority), authority.call_in_working_days);
}

type DecisionForm = {
  decision: Row<"decisions"> | null;
  item: ItemRecord | null;
  resolutions: Row<"resolutions">[];
};

function decisionFields(context: DecisionForm): Field[] {
  return [
    ...(context.resolutions.length === 0
      ? []
      : [
          {
            kind: "select",
            name: "resolution",
            label: "Resolution",
            hint: "The resolution this decision record is for, if any",
            options: context.resolutions.map((r) => ({
              value: String(r.id),
              text: `${r.number === "" ? "Unnumbered" : r.number} ${r.text.slice(0, 60)}`,
            })),
          } satisfies Field,
        ]),
    { kind: "text", name: "decision-maker", label: "Decision maker", isRequired: true, maxLength: 200 },
    { kind: "date", name: "decided-on", label: "Date of the decision", isRequired: true },
    { kind: "text", name: "title", label: "Title", isRequired: true, maxLength: 300 },
    { kind: "checkbox", name: "key", label: "Key decision", checkboxText: "This is a key decision" },
    { kind: "textarea", name: "reasons", label: "Reasons for the decision", maxLength: 10000, rows: 5 },
    {
      kind: "textarea",
      name: "options-rejected",
      label: "Other options considered and rejected",
      maxLength: 10000,
      rows: 4,
    },
    {
      kind: "textarea",
      name: "urgency-reason",
      label: "Reason for urgency",
      hint: "Only if the decision is urgent and so not subject to call-in",
      maxLength: 2000,
      rows: 3,
    },
  ];
}

function decisionInitial(context: DecisionForm & { item: ItemRecord | null }): Values {
  const d = context.decision;
  if (d === null) {
    return context.item === null
      ? {}
      : {
          "decision-maker": context.item.body.name,
          "decided-on": context.item.meeting.date,
          title: context.item.item.title,
        };
  }
  return {
    resolution: d.resolution_id === null ? null : String(d.resolution_id),
    "decision-maker": d.decision_maker,
    "decided-on": d.decided_on,
    title: d.title,
    key: d.is_key_decision,
    reasons: d.reasons,
    "options-rejected": d.options_rejected,
    "urgency-reason": d.urgency_reason,
  };
}

function decisionValues(values: Values) {
  return {
    resolution_id: optionalId(values, "resolution"),
    decision_maker: textValue(values, "decision-maker"),
    decided_on: textValue(values, "decided-on"),
    title: textValue(values, "title"),
    is_key_decision: flagValue(values, "key"),
    reasons: optionalText(values, "reasons"),
    options_rejected: optionalText(values, "options-rejected"),
    urgency_reason: optionalText(values, "urgency-reason"),
  };
}

const amendsDecision = (context: DecisionForm) =>
  context.decision !== null && context.decision.is_published
    ? { table: "decisions" as const, before: context.decision }
    : null;

type ItemDecisionForm = DecisionForm & { item: ItemRecord };

async function loadItemDecision(db: Db, params: Params): Promise<ItemDecisionForm | null> {
  const item = await loadItem(db, params);
  if (item === null) return null;
  return {
    item,
    decision: await decisionOfItem(db, item.item.id),
    resolutions: await resolutionsOf(db, item.item.id),
  };
}

const itemDecisionPage = formPage<ItemDecisionForm>({
  path: "/admin/items/:item/decision",
  action: "edit-meeting",
  load: loadItemDecision,
  resource: (context) => resourceOf(context.item),
  title: (context) => (context.decision === null ? "Record the decision" : "Change the decision record"),
  caption: (context) => itemName(context.item),
  back: (context) => adminUrls.item(context.item.item.id),
  submit: "Save decision record",
  fields: decisionFields,
  initial: decisionInitial,
  amends: amendsDecision,
  async save(w, context, { values }) {
    if (context.decision !== null) {
      await w.update("decisions", context.decision, decisionValues(values));
      return { location: adminUrls.decision(context.decision.id), notice: "saved" };
    }
    const id = await w.insert("decisions", {
      authority_id: context.item.item.authority_id,
      item_id: context.item.item.id,
      is_published: false,
      ...decisionValues(values),
    });
    return { location: adminUrls.decision(id), notice: "added" };
  },
});

const loadDecision = (db: Db, params: Params) => findDecisionRecord(db, Number(params.decision));

const editDecisionPage = formPage<DecisionRecord>({
  path: "/admin/decisions/:decision/edit",
  action: "edit-meeting",
  load: loadDecision,
  resource: decisionResource,
  title: () => "Change the decision record",
  caption: (context) => context.decision.title,
  back: (context) => adminUrls.decision(context.decision.id),
  submit: "Save decision record",
  fields: decisionFields,
  initial: decisionInitial,
  amends: amendsDecision,
  async save(w, context, { values }) {
    await w.update("decisions", context.decision, decisionValues(values));
    return { location: adminUrls.decision(context.decision.id), notice: "saved" };
  },
});

function publishNotes(context: DecisionRecord, today: string): Note[] {
  const { authority } = context;
  return [
    {
      text: `Published today, ${longDate(today)}, the decision may be called in until the end of ${longDate(callInEnds(authority, today))} (${authority.call_in_working_days} working days, the authority's call-in period). It may not be implemented before then unless it is urgent.`,
    },
  ];
}

const publishDecisionPage = formPage<DecisionRecord>({
  path: "/admin/decisions/:decision/publish",
  action: "publish-decision",
  // A published decision has no "publish" form: it is changed by amendment instead.
  load: async (db, params) => {
    const record = await loadDecision(db, params);
    return record === null || record.decision.is_published ? null : record;
  },
  resource: decisionResource,
  title: () => "Publish the decision",
  caption: (context) => context.decision.title,
  back: (context) => adminUrls.decision(context.decision.id),
  submit: "Publish decision",
  notes: publishNotes,
  fields: () => [
    {
      kind: "checkbox",
      name: "urgent",
      label: "Urgency",
      checkboxText: "This decision is urgent and is not subject to call-in",
    },
    {
      kind: "textarea",
      name: "urgency-reason",
      label: "Reason for urgency",
      hint: "Why any delay would seriously prejudice the council's or the public's interests. It is published with the decision.",
      maxLength: 2000,
      rows: 3,
    },
  ],
  initial: (context) => ({ "urgency-reason": context.decision.urgency_reason }),
  check(values): Record<string, string> {
    if (flagValue(values, "urgent") && optionalText(values, "urgency-reason") === null)
      return { "urgency-reason": "Enter the reason the decision is urgent" };
    return {};
  },
  async save(w, context, { values, now }) {
    const today = londonDate(now);
    const isUrgent = flagValue(values, "urgent");
    await w.update("decisions", context.decision, {
      is_published: true,
      published_on: today,
      call_in_expires_on: isUrgent ? null : callInEnds(context.authority, today),
      call_in_status: isUrgent ? "not-applicable" : "open",
      urgency_reason: isUrgent ? optionalText(values, "urgency-reason") : context.decision.urgency_reason,
    });
    return { location: adminUrls.decision(context.decision.id), notice: "published" };
  },
});

const CALL_IN_OUTCOMES = CALL_IN_STATUSES.filter((choice) => choice.value !== "not-applicable");

const callInPage = formPage<DecisionRecord>({
  path: "/admin/decisions/:decision/call-in",
  action: "publish-decision",
  load: loadDecision,
  resource: decisionResource,
  title: () => "Record call-in",
  caption: (context) => context.decision.title,
  back: (context) => adminUrls.decision(context.decision.id),
  submit: "Save call-in",
  fields: () => [
    {
      kind: "radios",
      name: "status",
      label: "Call-in",
      hint: "Called in: members asked for it to be reviewed by scrutiny within the period. Not called in: the period ended without that.",
      isRequired: true,
      options: CALL_IN_OUTCOMES,
    },
  ],
  initial: (context) => ({ status: context.decision.call_in_status }),
  check(_values, context): Record<string, string> {
    if (!context.decision.is_published) return { status: "Publish the decision before recording call-in" };
    if (context.decision.call_in_status === "not-applicable")
      return { status: "This decision was urgent, so it is not subject to call-in" };
    return {};
  },
  async save(w, context, { values }) {
    await w.update("decisions", context.decision, { call_in_status: textValue(values, "status") });
    return { location: adminUrls.decision(context.decision.id), notice: "saved" };
  },
});

function callInText(decision: Row<"decisions">, today: string): string | null {
  if (decision.call_in_expires_on === null) return null;
  const status = deadlineStatus(decision.call_in_expires_on, today);
  const when = longDate(decision.call_in_expires_on);
  if (status.state === "upcoming") return `End of ${when} (${status.daysRemaining} days from today)`;
  if (status.state === "due-today") return `End of ${when} (today)`;
  return `End of ${when} (ended)`;
}

const decisionPage = viewPage<DecisionRecord>({
  path: "/admin/decisions/:decision",
  action: "edit-meeting",
  load: loadDecision,
  resource: decisionResource,
  async render(context, request) {
    const { decision: d, item } = context;
    const published = d.is_published && d.published_on !== null;
    const sections: Section[] = [
      {
        summary: [
          row(
            "Status",
            published ? `Published on ${longDate(d.published_on ?? "")}` : "Draft: not published",
          ),
          row("Decision maker", d.decision_maker),
          row("Date of the decision", longDate(d.decided_on)),
          row("Key decision", d.is_key_decision ? "Yes" : "No"),
          row("Reasons", d.reasons),
          row("Options rejected", d.options_rejected),
          row("Reason for urgency", d.urgency_reason),
          row("Call-in", published ? choiceText(CALL_IN_STATUSES, d.call_in_status) : null),
          row("Call-in period ends", callInText(d, request.today)),
        ],
        links: [
          { href: adminUrls.decisionEdit(d.id), text: "Change the decision record" },
          // The publish page is for a decision not yet published, whether or not its date is known.
          ...(d.is_published
            ? d.call_in_status === "not-applicable"
              ? []
              : [{ href: adminUrls.decisionCallIn(d.id), text: "Record call-in" }]
            : [{ href: adminUrls.decisionPublish(d.id), text: "Publish the decision" }]),
        ],
      },
    ];
    if (item !== null)
      sections.push({
        heading: "Made at",
        table: {
          caption: "Made at",
          head: [{ text: "Item" }],
          rows: [[linkHtml(adminUrls.item(item.item.id), itemName(item))]],
          empty: "",
        },
      });
    const page: OverviewPage = {
      pageTitle: d.title,
      title: d.title,
      caption: "Decision record",
      back: item === null ? adminUrls.decisions(d.authority_id) : adminUrls.item(item.item.id),
      notice: request.notice,
      csrfToken: request.csrfToken,
      sections,
    };
    return { template: "admin/overview.njk", page };
  },
});

export const DECISION_PAGES = [
  decisionListPage,
  itemDecisionPage,
  editDecisionPage,
  publishDecisionPage,
  callInPage,
  decisionPage,
];

export async function decisionSection(record: ItemRecord, request: ViewRequest): Promise<Section> {
  const decision = await decisionOfItem(request.deps.db, record.item.id);
  return {
    id: "decision",
    heading: "Decision record",
    paragraphs: decision === null ? ["No decision record has been made for this item."] : [],
    ...(decision === null
      ? {}
      : {
          summary: [
            row("Title", decision.title),
            row("Status", decision.is_published ? "Published" : "Draft"),
            row("Call-in period ends", callInText(decision, request.today)),
          ],
        }),
    links: linksFor(request, record, "edit-meeting", [
      decision === null
        ? { href: adminUrls.itemDecision(record.item.id), text: "Record the decision" }
        : { href: adminUrls.decision(decision.id), text: "The decision record" },
    ]),
  };
}
