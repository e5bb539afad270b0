import { choiceText, DECLARATION_KINDS } from "../../../../domain/choices.js";
import type { Db } from "../../../../db/connect.js";
import {
  attendancesOf,
  declarationsOf,
  findDeclaration,
  peopleOf,
  type ItemRecord,
  type PersonOption,
} from "../../../../records/admin/recording.js";
import { escapeHtml } from "../../../../domain/html.js";
import { optionalText, textValue, type Option } from "../../../forms/fields.js";
import { adminUrls } from "../admin-urls.js";
import { isRemovalConfirmed, removalField } from "../removal.js";
import type { Section } from "../overview.js";
import { formPage, type Params, type ViewRequest } from "../pages.js";
import { itemName, linksFor, loadItem, personName, personOptions, resourceOf } from "./shared.js";

// Declarations of interest on an item: who declared, what kind of interest (the members' code
// of conduct's categories), and its nature as the minutes record it.

export type ItemWithPeople = ItemRecord & { people: Option[] };

/** Everyone who may be named on the item's record, those at the meeting first. */
export async function loadItemWithPeople(db: Db, params: Params): Promise<ItemWithPeople | null> {
  const record = await loadItem(db, params);
  if (record === null) return null;
  const attendees: PersonOption[] = (await attendancesOf(db, record.meeting.id)).map((line) => ({
    id: line.person_id,
    name: line.name,
    honorific: line.honorific,
  }));
  const others = (await peopleOf(db, record.authorityIds)).filter(
    (person) => !attendees.some((attendee) => attendee.id === person.id),
  );
  return { ...record, people: personOptions([...attendees, ...others]) };
}

const newDeclarationPage = formPage<ItemWithPeople>({
  path: "/admin/items/:item/declarations/new",
  action: "edit-meeting",
  load: loadItemWithPeople,
  resource: resourceOf,
  title: () => "Add a declaration of interest",
  caption: itemName,
  back: (context) => adminUrls.item(context.item.id),
  submit: "Add declaration",
  fields: (context) => [
    {
      kind: "select",
      name: "person",
      label: "Who declared the interest",
      hint: "Those recorded as attending come first",
      isRequired: true,
      options: context.people,
    },
    { kind: "radios", name: "kind", label: "Kind of interest", isRequired: true, options: DECLARATION_KINDS },
    {
      kind: "textarea",
      name: "nature",
      label: "Nature of the interest",
      hint: "As the minutes record it, for example: Governor of a school named in the report",
      maxLength: 1000,
      rows: 3,
    },
  ],
  async save(w, context, { values }) {
    await w.insert("declarations", {
      authority_id: context.item.authority_id,
      item_id: context.item.id,
      person_id: Number(textValue(values, "person")),
      kind: textValue(values, "kind"),
      nature: optionalText(values, "nature"),
    });
    return { location: adminUrls.item(context.item.id), notice: "added" };
  },
});

type DeclarationContext = NonNullable<Awaited<ReturnType<typeof findDeclaration>>>;

const removeDeclarationPage = formPage<DeclarationContext>({
  path: "/admin/declarations/:declaration/remove",
  action: "edit-meeting",
  load: (db, params) => findDeclaration(db, Number(params.declaration)),
  resource: resourceOf,
  title: () => "Remove the declaration of interest",
  caption: itemName,
  back: (context) => adminUrls.item(context.item.id),
  submit: "Remove declaration",
  fields: () => [removalField("the declaration of interest")],
  async save(w, context, { values }) {
    if (!isRemovalConfirmed(values)) return { location: adminUrls.item(context.item.id), notice: "kept" };
    await w.delete("declarations", context.declaration);
    return { location: adminUrls.item(context.item.id), notice: "removed" };
  },
});
export const DECLARATION_PAGES = [newDeclarationPage, removeDeclarationPage];

export async function declarationsSection(record: ItemRecord, request: ViewRequest): Promise<Section> {
  const lines = await declarationsOf(request.deps.db, record.item.id);
  return {
    id: "declarations",
    heading: "Declarations of interest",
    table: {
      caption: "Declarations of interest",
      head: [{ text: "Name" }, { text: "Kind" }, { text: "Nature" }, { text: "Action" }],
      rows: lines.map((line) => [
        { text: personName(line) },
        { text: choiceText(DECLARATION_KINDS, line.kind) ?? line.kind },
        { text: line.nature ?? "" },
        {
          html: `<a class="govuk-link" href="${adminUrls.declarationRemove(line.id)}">Remove<span class="govuk-visually-hidden"> the declaration of ${escapeHtml(personName(line))}</span></a>`,
        },
      ]),
      empty: "No declarations of interest have been recorded.",
    },
    links: linksFor(request, record, "edit-meeting", [
      { href: adminUrls.newDeclaration(record.item.id), text: "Add a declaration of interest" },
    ]),
  };
}
