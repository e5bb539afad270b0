import type { Db } from "../../../../db/connect.js";
import type { Row } from "../../../../db/schema.js";
import {
  bodiesOfAuthorities,
  findResolutionRecord,
  nextPosition,
  resolutionsOf,
  type ItemRecord,
} from "../../../../records/admin/recording.js";
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
import { linkHtml, type Section } from "../overview.js";
import { formPage, type Params, type ViewRequest } from "../pages.js";
import { loadItemWithPeople, type ItemWithPeople } from "./declarations.js";
import { itemName, linksFor, may, reindexMeeting, resourceOf } from "./shared.js";

// Minutes per item and the resolutions made on it: numbered as printed, nested under a parent
// resolution ("1." then "(a)", "(b)"), with who proposed and seconded them and how the vote went.

const minutesPage = formPage<ItemRecord>({
  path: "/admin/items/:item/minutes",
  action: "edit-meeting",
  load: (db, params) => loadItemWithPeople(db, params),
  resource: resourceOf,
  title: () => "Minutes of the item",
  caption: itemName,
  back: (context) => adminUrls.item(context.item.id),
  submit: "Save minutes",
  fields: () => [
    {
      kind: "textarea",
      name: "minutes",
      label: "Minutes",
      hint: "What was discussed, as the minutes will print it. Resolutions are added separately.",
      maxLength: 50000,
      rows: 12,
    },
  ],
  initial: (context) => ({ minutes: context.item.minutes }),
  // Once minutes are published, a change to them is an amendment with a reason (issue 5, part 4).
  amends: (context) =>
    context.meeting.minutes_status !== "none" &&
    context.meeting.is_agenda_published &&
    context.item.part === "I"
      ? { table: "agenda_items", before: context.item }
      : null,
  async save(w, context, { values }) {
    await w.update("agenda_items", context.item, { minutes: optionalText(values, "minutes") });
    await reindexMeeting(w, context.meeting.id);
    return { location: adminUrls.item(context.item.id), notice: "saved" };
  },
});

// Stored as the importers store them (src/importers/parse/resolutions.ts), so typed and imported
// resolutions agree.
const VERBS: Option[] = ["resolved", "agreed", "recommended", "noted", "endorsed", "approved"].map(
  (verb) => ({
    value: verb,
    text: verb.charAt(0).toUpperCase() + verb.slice(1),
  }),
);

export const verbText = (verb: string | null): string | null =>
  verb === null ? null : (VERBS.find((option) => option.value === verb)?.text ?? verb);

type ResolutionForm = ItemWithPeople & {
  resolutions: Row<"resolutions">[];
  bodies: Row<"bodies">[];
  resolution: Row<"resolutions"> | null;
};

async function loadNew(db: Db, params: Params): Promise<ResolutionForm | null> {
  const record = await loadItemWithPeople(db, params);
  if (record === null) return null;
  return {
    ...record,
    resolution: null,
    resolutions: await resolutionsOf(db, record.item.id),
    bodies: await bodiesOfAuthorities(db, record.authorityIds),
  };
}

async function loadExisting(db: Db, params: Params): Promise<ResolutionForm | null> {
  const found = await findResolutionRecord(db, Number(params.resolution));
  if (found === null) return null;
  const record = await loadNew(db, { item: String(found.item.id) });
  return record === null ? null : { ...record, resolution: found.resolution };
}

/** A resolution and those nested under it, which cannot be its parent. */
function family(resolutions: Row<"resolutions">[], id: number): Set<number> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of resolutions) {
      if (r.parent_id !== null && ids.has(r.parent_id) && !ids.has(r.id)) {
        ids.add(r.id);
        grew = true;
      }
    }
  }
  return ids;
}

function resolutionLabel(resolution: Row<"resolutions">): string {
  const text = resolution.text.length > 60 ? `${resolution.text.slice(0, 60)}…` : resolution.text;
  return `${resolution.number === "" ? "Unnumbered" : resolution.number} ${text}`;
}

const voteField = (name: string, label: string): Field => ({
  kind: "number",
  name,
  label,
  min: 0,
  max: 1000,
});

function resolutionFields(context: ResolutionForm): Field[] {
  const excluded =
    context.resolution === null ? new Set<number>() : family(context.resolutions, context.resolution.id);
  return [
    {
      kind: "text",
      name: "number",
      label: "Number",
      hint: "As printed, for example 1. or (i) or (a). Leave empty if it has none.",
      maxLength: 20,
      width: "short",
    },
    {
      kind: "select",
      name: "parent",
      label: "Part of resolution",
      hint: "For a resolution nested under another",
      options: context.resolutions
        .filter((r) => !excluded.has(r.id))
        .map((r) => ({ value: String(r.id), text: resolutionLabel(r) })),
    },
    { kind: "textarea", name: "text", label: "Text", isRequired: true, maxLength: 10000, rows: 6 },
    {
      kind: "select",
      name: "verb",
      label: "Verb",
      hint: "The word the minutes open it with",
      options: VERBS,
    },
    {
      kind: "checkbox",
      name: "in-principle",
      label: "In principle",
      checkboxText: "Agreed in principle only",
    },
    { kind: "select", name: "proposer", label: "Proposer", options: context.people },
    { kind: "select", name: "seconder", label: "Seconder", options: context.people },
    voteField("votes-for", "Votes for"),
    voteField("votes-against", "Votes against"),
    voteField("votes-abstain", "Abstentions"),
    { kind: "checkbox", name: "unanimous", label: "Unanimous", checkboxText: "Carried unanimously" },
    {
      kind: "text",
      name: "delegated-to",
      label: "Delegated to",
      hint: "Who is given authority to act, for example the Director of Place",
      maxLength: 500,
    },
    {
      kind: "select",
      name: "recommends-to",
      label: "Recommends to",
      hint: "The body a recommendation goes to",
      options: context.bodies.map((body) => ({ value: String(body.id), text: body.name })),
    },
    {
      kind: "date",
      name: "recommends-date",
      label: "Date of that meeting",
      hint: "The meeting of that body the recommendation goes to",
    },
  ];
}

function checkResolution(values: Values): Record<string, string> {
  const errors: Record<string, string> = {};
  const against = optionalNumber(values, "votes-against") ?? 0;
  if (flagValue(values, "unanimous") && against > 0)
    errors["votes-against"] = "A unanimous vote cannot have votes against";
  const proposer = optionalText(values, "proposer");
  if (proposer !== null && proposer === optionalText(values, "seconder"))
    errors.seconder = "The seconder must be someone other than the proposer";
  if (values["recommends-date"] !== null && values["recommends-to"] === null)
    errors["recommends-to"] = "Select the body the recommendation goes to";
  return errors;
}

function resolutionValues(values: Values) {
  return {
    number: optionalText(values, "number") ?? "",
    parent_id: optionalId(values, "parent"),
    text: textValue(values, "text"),
    verb: optionalText(values, "verb"),
    is_in_principle: flagValue(values, "in-principle"),
    proposer_id: optionalId(values, "proposer"),
    seconder_id: optionalId(values, "seconder"),
    votes_for: optionalNumber(values, "votes-for"),
    votes_against: optionalNumber(values, "votes-against"),
    votes_abstain: optionalNumber(values, "votes-abstain"),
    is_unanimous: flagValue(values, "unanimous"),
    delegated_to: optionalText(values, "delegated-to"),
    recommends_to_body_id: optionalId(values, "recommends-to"),
    recommends_to_date: optionalText(values, "recommends-date"),
  };
}

const common = {
  action: "edit-meeting",
  resource: resourceOf,
  caption: itemName,
  fields: resolutionFields,
  check: checkResolution,
} as const;

const newResolutionPage = formPage<ResolutionForm>({
  ...common,
  path: "/admin/items/:item/resolutions/new",
  load: loadNew,
  title: () => "Add a resolution",
  back: (context) => adminUrls.item(context.item.id),
  submit: "Add resolution",
  async save(w, context, { values }) {
    const id = await w.insert("resolutions", {
      authority_id: context.item.authority_id,
      item_id: context.item.id,
      position: await nextPosition(w.trx, "resolutions", context.item.id),
      ...resolutionValues(values),
    });
    await reindexMeeting(w, context.meeting.id);
    return { location: adminUrls.resolution(id), notice: "added" };
  },
});

const editResolutionPage = formPage<ResolutionForm>({
  ...common,
  path: "/admin/resolutions/:resolution/edit",
  load: loadExisting,
  title: () => "Change the resolution",
  back: (context) =>
    context.resolution === null
      ? adminUrls.item(context.item.id)
      : adminUrls.resolution(context.resolution.id),
  submit: "Save changes",
  initial: ({ resolution: r }): Values =>
    r === null
      ? {}
      : {
          number: r.number,
          parent: r.parent_id === null ? null : String(r.parent_id),
          text: r.text,
          verb: r.verb,
          "in-principle": r.is_in_principle,
          proposer: r.proposer_id === null ? null : String(r.proposer_id),
          seconder: r.seconder_id === null ? null : String(r.seconder_id),
          "votes-for": r.votes_for,
          "votes-against": r.votes_against,
          "votes-abstain": r.votes_abstain,
          unanimous: r.is_unanimous,
          "delegated-to": r.delegated_to,
          "recommends-to": r.recommends_to_body_id === null ? null : String(r.recommends_to_body_id),
          "recommends-date": r.recommends_to_date,
        },
  async save(w, context, { values }) {
    if (context.resolution === null) throw new Error("A resolution's form is for a resolution");
    await w.update("resolutions", context.resolution, resolutionValues(values));
    await reindexMeeting(w, context.meeting.id);
    return { location: adminUrls.resolution(context.resolution.id), notice: "saved" };
  },
});

export const RESOLUTION_PAGES = [minutesPage, newResolutionPage, editResolutionPage];

/** "For 7, against 2, abstentions 1", or "Unanimous". */
export function voteText(r: Row<"resolutions">): string {
  const counts = [
    r.votes_for === null ? null : `for ${r.votes_for}`,
    r.votes_against === null ? null : `against ${r.votes_against}`,
    r.votes_abstain === null ? null : `abstentions ${r.votes_abstain}`,
  ].filter((part) => part !== null);
  const text = counts.length === 0 ? "" : counts.join(", ");
  if (r.is_unanimous) return text === "" ? "Unanimous" : `Unanimous (${text})`;
  return text === "" ? "" : text.charAt(0).toUpperCase() + text.slice(1);
}

/** The resolutions in the order they are printed, each with how deep it is nested. */
export function nested(
  resolutions: Row<"resolutions">[],
): { resolution: Row<"resolutions">; depth: number }[] {
  const out: { resolution: Row<"resolutions">; depth: number }[] = [];
  const known = new Set(resolutions.map((r) => r.id));
  const visit = (parentId: number | null, depth: number) => {
    for (const r of resolutions) {
      const parent = r.parent_id !== null && known.has(r.parent_id) ? r.parent_id : null;
      if (parent !== parentId) continue;
      out.push({ resolution: r, depth });
      visit(r.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export async function minutesSections(record: ItemRecord, request: ViewRequest): Promise<Section[]> {
  const resolutions = nested(await resolutionsOf(request.deps.db, record.item.id));
  return [
    {
      id: "minutes",
      heading: "Minutes",
      paragraphs:
        record.item.minutes === null
          ? ["No minutes have been recorded for this item."]
          : record.item.minutes.split(/\n\s*\n/),
      links: linksFor(request, record, "edit-meeting", [
        { href: adminUrls.minutes(record.item.id), text: "Write the minutes of this item" },
      ]),
    },
    {
      id: "resolutions",
      heading: "Resolutions",
      table: {
        caption: "Resolutions",
        head: [{ text: "Number" }, { text: "Resolution" }, { text: "Vote" }],
        rows: resolutions.map(({ resolution: r, depth }) => [
          { text: `${"— ".repeat(depth)}${r.number === "" ? "Unnumbered" : r.number}` },
          may(request, "edit-meeting", record)
            ? linkHtml(adminUrls.resolution(r.id), r.text)
            : { text: r.text },
          { text: voteText(r) },
        ]),
        empty: "No resolutions have been recorded for this item.",
      },
      links: linksFor(request, record, "edit-meeting", [
        { href: adminUrls.newResolution(record.item.id), text: "Add a resolution" },
      ]),
    },
  ];
}
