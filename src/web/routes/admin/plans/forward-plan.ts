import type { Db } from "../../../../db/connect.js";
import type { Row } from "../../../../db/schema.js";
import type { Nation } from "../../../../domain/calendar.js";
import { nationOf } from "../../../../records/admin/meetings.js";
import { checkKeyDecisionNotice, KEY_DECISION_NOTICE_CLEAR_DAYS } from "../../../../domain/deadlines.js";
import { can } from "../../../../domain/policy.js";
import { findAuthorityRow } from "../../../../records/admin/authorities.js";
import {
  findPlanEntry,
  itemChoicesOfAuthority,
  planEntriesOfAuthority,
  type ItemChoice,
} from "../../../../records/admin/plans.js";
import {
  flagValue,
  optionalId,
  optionalText,
  textValue,
  type Field,
  type Values,
} from "../../../forms/fields.js";
import { longDate } from "../../../format.js";
import { adminUrls } from "../admin-urls.js";
import { linkHtml, type OverviewPage, type Section } from "../overview.js";
import { formPage, viewPage, type Note } from "../pages.js";
import { isRemovalConfirmed, removalField, removeLink } from "../removal.js";

// The forward plan of key decisions: the notices an executive must publish at least 28 clear
// days before it takes a key decision (2012 Regulations reg 9; RULES.md). Each notice says
// whether it gave that much notice; a short one is a warning (the general exception and special
// urgency routes exist for it), never a refusal.

/** What the notice rule says of one entry, in words; null when it has no dates to compare. */
export function noticeShortfall(entry: Row<"forward_plan_entries">, nation: Nation): string | null {
  if (entry.first_published === null || entry.expected_date === null) return null;
  const check = checkKeyDecisionNotice(entry.first_published, entry.expected_date, nation);
  if (!check.short) return null;
  const calendar = Math.max(0, check.calendarClearDaysGiven);
  const working = Math.max(0, check.workingClearDaysGiven);
  return (
    `${entry.reference}: first published ${longDate(entry.first_published)}, ` +
    `${calendar} clear days (${working} counting working days only) before the expected decision on ${longDate(entry.expected_date)}. ` +
    `A key decision needs ${KEY_DECISION_NOTICE_CLEAR_DAYS} clear days' notice, or a general exception or special urgency notice.`
  );
}

function noticeStatus(entry: Row<"forward_plan_entries">, nation: Nation): string {
  if (entry.first_published === null || entry.expected_date === null) return "Dates not given";
  return noticeShortfall(entry, nation) === null ? "28 clear days met" : "Short notice";
}

type PlanContext = { authority: Row<"authorities">; items: ItemChoice[] };
type EntryContext = PlanContext & { entry: Row<"forward_plan_entries"> };

async function loadAuthorityPlan(db: Db, id: string): Promise<PlanContext | null> {
  const authority = await findAuthorityRow(db, Number(id));
  return authority === null ? null : { authority, items: await itemChoicesOfAuthority(db, authority.id) };
}

async function loadEntry(db: Db, id: string): Promise<EntryContext | null> {
  const record = await findPlanEntry(db, Number(id));
  if (record === null) return null;
  return { ...record, items: await itemChoicesOfAuthority(db, record.authority.id) };
}

/** The address of this part's page beyond those named in adminUrls. */
export const planEntryRemoveUrl = (id: number) => `/admin/plan-entries/${id}/remove`;

const resource = (context: { authority: Row<"authorities"> }) => ({ authorityId: context.authority.id });

function entryFields(items: ItemChoice[]): Field[] {
  return [
    {
      kind: "text",
      name: "reference",
      label: "Reference",
      hint: "Unique in your forward plan, for example FP-2026-014",
      isRequired: true,
      maxLength: 50,
      width: "short",
    },
    { kind: "text", name: "title", label: "Title", isRequired: true, maxLength: 300 },
    {
      kind: "text",
      name: "decision-maker",
      label: "Decision maker",
      hint: "For example, Cabinet, or the Cabinet Member for Children and Young People",
      isRequired: true,
      maxLength: 200,
    },
    { kind: "date", name: "expected-date", label: "Expected date of the decision", isRequired: true },
    { kind: "date", name: "first-published", label: "Date first published", isRequired: true },
    {
      kind: "checkbox",
      name: "exempt",
      label: "Exempt information",
      checkboxText: "The notice itself contains exempt information",
      hint: "An exempt notice is kept off the public forward plan",
    },
    {
      kind: "textarea",
      name: "consultees",
      label: "Consultees",
      hint: "Who will be consulted, and how",
      maxLength: 2000,
      rows: 3,
    },
    {
      kind: "select",
      name: "item",
      label: "Agenda item where the decision is taken",
      options: items.map((item) => ({
        value: String(item.id),
        text: `${longDate(item.date)}, ${item.bodyName}: ${item.number}. ${item.title}`,
      })),
    },
  ];
}

function entryValues(values: Values) {
  return {
    reference: textValue(values, "reference"),
    title: textValue(values, "title"),
    decision_maker: textValue(values, "decision-maker"),
    expected_date: optionalText(values, "expected-date"),
    first_published: optionalText(values, "first-published"),
    is_exempt: flagValue(values, "exempt"),
    consultees: optionalText(values, "consultees"),
    item_id: optionalId(values, "item"),
  };
}

const TAKEN = "Another notice in your forward plan has this reference";

function referenceErrors(
  others: readonly Row<"forward_plan_entries">[],
  values: Values,
): Record<string, string> {
  const reference = optionalText(values, "reference");
  return others.some((entry) => entry.reference === reference) ? { reference: TAKEN } : {};
}

const forwardPlanPage = viewPage<PlanContext>({
  path: "/admin/authorities/:authority/forward-plan",
  action: "read-records",
  load: (db, params) => loadAuthorityPlan(db, params.authority ?? ""),
  resource,
  async render({ authority }, request) {
    const nation = nationOf(authority);
    const all = await planEntriesOfAuthority(request.deps.db, authority.id);
    // An exempt notice's very title may be exempt: only those who read exempt papers see it.
    const seesExempt = can(request.account, "read-exempt", { authorityId: authority.id });
    const entries = all.filter((entry) => seesExempt || !entry.is_exempt);
    const mayEdit = can(request.account, "edit-meeting", { authorityId: authority.id });
    const warnings = entries.flatMap((entry) => noticeShortfall(entry, nation) ?? []);
    const section: Section = {
      heading: "Notices of key decisions",
      warnings,
      table: {
        caption: `Forward plan of ${authority.name}`,
        head: [
          { text: "Reference" },
          { text: "Title" },
          { text: "Decision maker" },
          { text: "Expected" },
          { text: "First published" },
          { text: "Notice" },
          ...(mayEdit ? [{ text: "Action" }] : []),
        ],
        rows: entries.map((entry) => [
          mayEdit ? linkHtml(adminUrls.planEntry(entry.id), entry.reference) : { text: entry.reference },
          { text: entry.is_exempt ? `${entry.title} (exempt)` : entry.title },
          { text: entry.decision_maker },
          { text: entry.expected_date === null ? "Not given" : longDate(entry.expected_date) },
          { text: entry.first_published === null ? "Not given" : longDate(entry.first_published) },
          { text: noticeStatus(entry, nation) },
          ...(mayEdit ? [removeLink(planEntryRemoveUrl(entry.id), entry.reference)] : []),
        ]),
        empty: "There are no notices of key decisions yet.",
      },
      ...(mayEdit
        ? { links: [{ href: adminUrls.newPlanEntry(authority.id), text: "Add a key decision" }] }
        : {}),
    };
    const page: OverviewPage = {
      pageTitle: `Forward plan – ${authority.name}`,
      title: "Forward plan of key decisions",
      caption: authority.name,
      back: adminUrls.authority(authority.id),
      notice: request.notice,
      csrfToken: request.csrfToken,
      sections: [
        {
          paragraphs: [
            `A key decision must be in the forward plan at least ${KEY_DECISION_NOTICE_CLEAR_DAYS} clear days before it is taken.`,
          ],
        },
        section,
      ],
    };
    return { template: "admin/overview.njk", page };
  },
});

const newPlanEntryPage = formPage<PlanContext & { others: Row<"forward_plan_entries">[] }>({
  path: "/admin/authorities/:authority/forward-plan/new",
  action: "edit-meeting",
  async load(db, params) {
    const context = await loadAuthorityPlan(db, params.authority ?? "");
    if (context === null) return null;
    return { ...context, others: await planEntriesOfAuthority(db, context.authority.id) };
  },
  resource,
  title: () => "Add a key decision",
  caption: (context) => context.authority.name,
  back: (context) => adminUrls.forwardPlan(context.authority.id),
  submit: "Add to the forward plan",
  fields: (context) => entryFields(context.items),
  check: (values, context) => referenceErrors(context.others, values),
  notes: () => [
    {
      text: `Publish the notice at least ${KEY_DECISION_NOTICE_CLEAR_DAYS} clear days before the decision is taken.`,
    },
  ],
  async save(w, { authority }, { values }) {
    await w.insert("forward_plan_entries", { authority_id: authority.id, ...entryValues(values) });
    return { location: adminUrls.forwardPlan(authority.id), notice: "added" };
  },
});

const planEntryPage = formPage<EntryContext & { others: Row<"forward_plan_entries">[] }>({
  path: "/admin/plan-entries/:planEntry",
  action: "edit-meeting",
  async load(db, params) {
    const context = await loadEntry(db, params.planEntry ?? "");
    if (context === null) return null;
    const all = await planEntriesOfAuthority(db, context.authority.id);
    return { ...context, others: all.filter((entry) => entry.id !== context.entry.id) };
  },
  resource,
  title: () => "Change the key decision",
  caption: (context) => `${context.entry.reference}: ${context.entry.title}`,
  back: (context) => adminUrls.forwardPlan(context.authority.id),
  submit: "Save changes",
  fields: (context) => entryFields(context.items),
  initial: ({ entry }) => ({
    reference: entry.reference,
    title: entry.title,
    "decision-maker": entry.decision_maker,
    "expected-date": entry.expected_date,
    "first-published": entry.first_published,
    exempt: entry.is_exempt,
    consultees: entry.consultees,
    item: entry.item_id === null ? null : String(entry.item_id),
  }),
  check: (values, context) => referenceErrors(context.others, values),
  // A notice not marked exempt is on the public forward plan: its change is a published amendment.
  amends: ({ entry }) => (entry.is_exempt ? null : { table: "forward_plan_entries", before: entry }),
  notes({ entry, authority }): Note[] {
    const shortfall = noticeShortfall(entry, nationOf(authority));
    return shortfall === null ? [] : [{ text: shortfall, isWarning: true }];
  },
  async save(w, { entry, authority }, { values }) {
    await w.update("forward_plan_entries", entry, entryValues(values));
    return { location: adminUrls.forwardPlan(authority.id), notice: "saved" };
  },
});

const planEntryRemovePage = formPage<EntryContext>({
  path: "/admin/plan-entries/:planEntry/remove",
  action: "edit-meeting",
  load: (db, params) => loadEntry(db, params.planEntry ?? ""),
  resource,
  title: () => "Remove the key decision from the forward plan",
  caption: (context) => `${context.entry.reference}: ${context.entry.title}`,
  back: (context) => adminUrls.forwardPlan(context.authority.id),
  submit: "Continue",
  notes: () => [
    {
      text: "Remove a notice only if it was added by mistake. A decision that will not now be taken is usually shown as withdrawn: change its title to say so.",
    },
  ],
  fields: ({ entry }) => [removalField(entry.reference)],
  async save(w, { entry, authority }, { values }) {
    if (!isRemovalConfirmed(values)) return { location: adminUrls.forwardPlan(authority.id), notice: "kept" };
    await w.delete("forward_plan_entries", entry);
    return { location: adminUrls.forwardPlan(authority.id), notice: "removed" };
  },
});

export const FORWARD_PLAN_PAGES = [forwardPlanPage, newPlanEntryPage, planEntryPage, planEntryRemovePage];
