import type { Db } from "../../../../db/connect.js";
import type { Row } from "../../../../db/schema.js";
import { DOCUMENT_KINDS, ITEM_KINDS, choiceText } from "../../../../domain/choices.js";
import { can } from "../../../../domain/policy.js";
import {
  agendaOfMeeting,
  documentsOfItems,
  itemRowOf,
  peopleOfAuthorities,
  personName,
  type AgendaEntry,
  type ItemRecord,
  type MeetingRecord,
} from "../../../../records/admin/meetings.js";
import type { Writer } from "../../../../records/writer.js";
import { fileDescription } from "../../../format.js";
import {
  flagValue,
  optionalId,
  optionalNumber,
  optionalText,
  textValue,
  type Field,
  type Option,
  type Values,
} from "../../../forms/fields.js";
import { adminUrls } from "../admin-urls.js";
import { linkHtml, row, type OverviewPage } from "../overview.js";
import { formPage, viewPage, type AdminPage, type Params } from "../pages.js";
import { recordingSectionsOfItem } from "../recording/index.js";
import {
  checkItemIssues,
  issueFields,
  issueInitial,
  issueTitles,
  itemIssues,
  saveItemIssues,
  type ItemIssues,
} from "./item-issues.js";
import {
  NOT_FOUND,
  PART_FIELDS,
  canSee,
  checkPart,
  itemName,
  loadItem,
  loadMeeting,
  meetingName,
  meetingResource,
  paragraphText,
  partText,
  partValues,
  reindexMeeting,
} from "./shared.js";

// Agenda items: adding and changing one (its number and place, Part I or II with the paragraph
// of Schedule 12A, key decision, leads, and whether it is late and why), and the item's page with
// its facts and papers. A late item must say why it is urgent (LGA 1972 s.100B(4)(b); RULES.md).

type PeopleOptions = { councillors: Option[]; officers: Option[] };

type AgendaContext = MeetingRecord & { agenda: AgendaEntry[]; people: PeopleOptions; issues: ItemIssues };
type ItemContext = ItemRecord & { agenda: AgendaEntry[]; people: PeopleOptions; issues: ItemIssues };

async function peopleOptions(db: Db, authorityIds: number[]): Promise<PeopleOptions> {
  // The form draws its own empty choice, "None", first.
  const options = (kind: "councillor" | "officer") =>
    peopleOfAuthorities(db, authorityIds, kind).then((people) =>
      people.map((person) => ({
        value: String(person.id),
        text: person.honorific === null ? person.name : `${person.honorific} ${person.name}`,
      })),
    );
  return { councillors: await options("councillor"), officers: await options("officer") };
}

async function withAgenda<R extends MeetingRecord>(db: Db, record: R | null, itemId: number | null) {
  if (record === null) return null;
  return {
    ...record,
    agenda: await agendaOfMeeting(db, record.meeting.id),
    people: await peopleOptions(db, record.authorityIds),
    issues: await itemIssues(db, record.authorityIds, itemId),
  };
}

const loadAgenda = async (db: Db, params: Params) => withAgenda(db, await loadMeeting(db, params), null);
const loadItemWithAgenda = async (db: Db, params: Params) => {
  const record = await loadItem(db, params);
  return withAgenda(db, record, record?.item.id ?? null);
};

function itemFields(people: PeopleOptions, issues: ItemIssues, places: number): Field[] {
  return [
    {
      kind: "text",
      name: "number",
      label: "Item number",
      hint: "As printed on the agenda, for example 5 or 5a",
      isRequired: true,
      maxLength: 20,
      width: "short",
    },
    { kind: "text", name: "title", label: "Title", isRequired: true, maxLength: 300 },
    { kind: "select", name: "kind", label: "Kind of item", isRequired: true, options: ITEM_KINDS },
    {
      kind: "textarea",
      name: "description",
      label: "Description",
      hint: "What the item is about, as the agenda says it",
      maxLength: 5000,
    },
    ...PART_FIELDS,
    {
      kind: "checkbox",
      name: "key-decision",
      label: "Key decision",
      checkboxText: "This item is a key decision",
    },
    {
      kind: "text",
      name: "forward-plan",
      label: "Forward plan reference",
      hint: "For a key decision, its reference on the forward plan",
      maxLength: 50,
      width: "short",
    },
    { kind: "select", name: "lead-member", label: "Lead member", options: people.councillors },
    { kind: "select", name: "lead-officer", label: "Lead officer", options: people.officers },
    {
      kind: "checkbox",
      name: "late",
      label: "Late item",
      checkboxText: "This item was not available for the full period before the meeting",
    },
    {
      kind: "textarea",
      name: "urgency",
      label: "Reason for urgency",
      hint: "Why the item must be considered at this meeting: published with the item, and needed for a late item",
      maxLength: 1000,
    },
    {
      kind: "number",
      name: "position",
      label: "Place on the agenda",
      hint: `1 for the first item; leave empty to put it last (there are ${places} places)`,
      min: 1,
      max: places,
    },
    ...issueFields(issues),
  ];
}

function checkItem(values: Values, agenda: AgendaEntry[], itemId?: number): Record<string, string> {
  const errors: Record<string, string> = { ...checkPart(values) };
  const number = optionalText(values, "number");
  if (agenda.some((entry) => entry.id !== itemId && entry.number === number)) {
    errors.number = "Another item of this meeting has this number";
  }
  if (flagValue(values, "late") && optionalText(values, "urgency") === null) {
    errors.urgency = "Enter the reason for urgency: a late item must have one";
  }
  return errors;
}

function itemValues(values: Values) {
  return {
    number: textValue(values, "number"),
    title: textValue(values, "title"),
    kind: textValue(values, "kind"),
    description: optionalText(values, "description"),
    ...partValues(values),
    is_key_decision: flagValue(values, "key-decision"),
    forward_plan_ref: optionalText(values, "forward-plan"),
    lead_member_id: optionalId(values, "lead-member"),
    lead_officer_id: optionalId(values, "lead-officer"),
    is_late: flagValue(values, "late"),
    urgency_reason: optionalText(values, "urgency"),
  };
}

/** Puts the item at its place (1 for first; null for last) and numbers every place again. */
export async function placeItem(
  w: Writer,
  agenda: AgendaEntry[],
  item: Row<"agenda_items">,
  place: number | null,
) {
  const others = agenda.filter((entry) => entry.id !== item.id).map(itemRowOf);
  const at = place === null ? others.length : Math.min(Math.max(place - 1, 0), others.length);
  const order: Row<"agenda_items">[] = [...others.slice(0, at), item, ...others.slice(at)];
  for (const [index, entry] of order.entries()) {
    await w.update("agenda_items", entry, { position: index + 1 });
  }
}

const newItemPage = formPage<AgendaContext>({
  path: "/admin/meetings/:meeting/items/new",
  action: "edit-meeting",
  load: loadAgenda,
  resource: meetingResource,
  title: () => "Add an agenda item",
  caption: meetingName,
  back: ({ meeting }) => adminUrls.meeting(meeting.id),
  submit: "Add item",
  fields: ({ people, issues, agenda }) => itemFields(people, issues, agenda.length + 1),
  initial: ({ agenda }) => ({ number: String(agenda.length + 1), part: "I", kind: "report" }),
  check: (values, { agenda, issues }) => ({
    ...checkItem(values, agenda),
    ...checkItemIssues(values, issues),
  }),
  async save(w, record, { values }) {
    const { meeting, agenda } = record;
    const id = await w.insert("agenda_items", {
      ...itemValues(values),
      authority_id: meeting.authority_id,
      meeting_id: meeting.id,
      position: agenda.length + 1,
    });
    const item = await w.trx
      .selectFrom("agenda_items")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    await placeItem(w, agenda, item, optionalNumber(values, "position"));
    await saveItemIssues(w, item, record.issues, values);
    await reindexMeeting(w, meeting.id);
    return { location: adminUrls.item(id), notice: "added" };
  },
});

const itemEditPage = formPage<ItemContext>({
  path: "/admin/items/:item/edit",
  action: "edit-meeting",
  load: loadItemWithAgenda,
  resource: meetingResource,
  title: () => "Change the agenda item",
  caption: itemName,
  back: ({ item }) => adminUrls.item(item.id),
  submit: "Save changes",
  fields: ({ people, issues, agenda }) => itemFields(people, issues, agenda.length),
  initial: ({ item, agenda, issues }) => ({
    ...issueInitial(issues),
    number: item.number,
    title: item.title,
    kind: item.kind,
    description: item.description,
    part: item.part,
    paragraph: item.exempt_paragraph,
    "key-decision": item.is_key_decision,
    "forward-plan": item.forward_plan_ref,
    "lead-member": item.lead_member_id === null ? null : String(item.lead_member_id),
    "lead-officer": item.lead_officer_id === null ? null : String(item.lead_officer_id),
    late: item.is_late,
    urgency: item.urgency_reason,
    position: agenda.findIndex((entry) => entry.id === item.id) + 1,
  }),
  check: (values, { agenda, item, issues }) => ({
    ...checkItem(values, agenda, item.id),
    ...checkItemIssues(values, issues),
  }),
  // Once the agenda is out, a Part I item is public: its change is a published amendment.
  amends: ({ item, meeting }) =>
    meeting.is_agenda_published && item.part === "I" ? { table: "agenda_items", before: item } : null,
  async save(w, { item, agenda, meeting, issues }, { values }) {
    await w.update("agenda_items", item, itemValues(values));
    await saveItemIssues(w, item, issues, values);
    const changed = await w.trx
      .selectFrom("agenda_items")
      .selectAll()
      .where("id", "=", item.id)
      .executeTakeFirstOrThrow();
    await placeItem(w, agenda, changed, optionalNumber(values, "position"));
    await reindexMeeting(w, meeting.id);
    return { location: adminUrls.item(item.id), notice: "saved" };
  },
});

const itemPage = viewPage<ItemRecord>({
  path: "/admin/items/:item",
  action: "read-records",
  load: loadItem,
  resource: meetingResource,
  hidesRefusal: ({ item, meeting }) => item.part === "II" || !meeting.is_agenda_published,
  async render(record, request) {
    const { item, meeting } = record;
    if (!canSee(request.account, record, { part: item.part, isPublished: meeting.is_agenda_published })) {
      return NOT_FOUND;
    }
    const { db } = request.deps;
    const resource = meetingResource(record);
    const mayReadExempt = can(request.account, "read-exempt", resource);
    const papers = ((await documentsOfItems(db, [item.id])).get(item.id) ?? []).filter(
      (paper) => paper.part !== "II" || mayReadExempt,
    );
    const edit = can(request.account, "edit-meeting", resource)
      ? { href: adminUrls.itemEdit(item.id), text: "Change", visuallyHiddenText: "the item" }
      : undefined;
    const page: OverviewPage = {
      pageTitle: `${itemName(record)}: ${meetingName(record)}`,
      title: itemName(record),
      caption: meetingName(record),
      back: adminUrls.meeting(meeting.id),
      notice: request.notice,
      csrfToken: request.csrfToken,
      sections: [
        {
          summary: [
            row("Kind", choiceText(ITEM_KINDS, item.kind), edit),
            row("Description", item.description),
            row("Part", partText(item.part, item.exempt_paragraph)),
            ...(item.part === "II" ? [row("Exempt because", paragraphText(item.exempt_paragraph))] : []),
            row("Key decision", item.is_key_decision ? "Yes" : "No"),
            row("Forward plan reference", item.forward_plan_ref),
            row("Lead member", await personName(db, item.lead_member_id)),
            row("Lead officer", await personName(db, item.lead_officer_id)),
            row("Late item", item.is_late ? "Yes" : "No"),
            row("Reason for urgency", item.urgency_reason),
            row("Issues", await issueTitles(db, item.id)),
          ],
          ...(edit ? { links: [{ href: adminUrls.itemEdit(item.id), text: "Change the item" }] } : {}),
        },
        {
          heading: "Documents",
          table: {
            caption: `Documents of item ${item.number}`,
            head: [
              { text: "Title" },
              { text: "Kind" },
              { text: "Part" },
              { text: "File" },
              { text: "Published" },
            ],
            rows: papers.map((paper) => [
              linkHtml(adminUrls.document(paper.id), paper.title),
              { text: choiceText(DOCUMENT_KINDS, paper.kind) ?? "" },
              { text: partText(paper.part, paper.exempt_paragraph) },
              { text: fileDescription(paper.media_type, paper.size_bytes) ?? "" },
              { text: paper.is_published ? "Yes" : "Not yet" },
            ]),
            empty: "There are no documents yet.",
          },
          ...(can(request.account, "write-report", resource)
            ? { links: [{ href: adminUrls.newDocument(item.id), text: "Upload a document" }] }
            : {}),
        },
        ...(await recordingSectionsOfItem(item.id, request)),
      ],
    };
    return { template: "admin/overview.njk", page };
  },
});

export const ITEM_PAGES: AdminPage[] = [newItemPage, itemEditPage, itemPage];
