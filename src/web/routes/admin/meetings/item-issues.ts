import type { Db } from "../../../../db/connect.js";
import { slugify } from "../../../../domain/names.js";
import { reindex } from "../../../../records/search.js";
import { uniqueSlug } from "../../../../records/slugs.js";
import type { Writer } from "../../../../records/writer.js";
import { choices, optionalText, type Field, type Option, type Values } from "../../../forms/fields.js";

// The issues an agenda item belongs to: an issue is followed across meetings, bodies and
// authorities, and its public page lists every item linked to it. An officer links an item to
// issues already known, or starts a new one from the item.

export type ItemIssues = { options: Option[]; linked: number[] };

/** The issues of the meeting's authorities, and those this item is linked to already. */
export async function itemIssues(db: Db, authorityIds: number[], itemId: number | null): Promise<ItemIssues> {
  const issues = await db
    .selectFrom("issues")
    .select(["id", "title"])
    .where("authority_id", "in", authorityIds)
    .orderBy("title")
    .execute();
  const linked =
    itemId === null
      ? []
      : await db.selectFrom("issue_items").select("issue_id").where("item_id", "=", itemId).execute();
  return {
    options: issues.map((issue) => ({ value: String(issue.id), text: issue.title })),
    linked: linked.map((link) => link.issue_id),
  };
}

/** "Leisure centre contract; Budget 2026/27", or null when the item is part of no issue. */
export async function issueTitles(db: Db, itemId: number): Promise<string | null> {
  const rows = await db
    .selectFrom("issue_items")
    .innerJoin("issues", "issues.id", "issue_items.issue_id")
    .select("issues.title")
    .where("issue_items.item_id", "=", itemId)
    .orderBy("issues.title")
    .execute();
  return rows.length === 0 ? null : rows.map((row) => row.title).join("; ");
}

export function issueFields(issues: ItemIssues): Field[] {
  return [
    ...(issues.options.length === 0
      ? []
      : [
          {
            kind: "checkboxes",
            name: "issues",
            label: "Issues this item is part of",
            hint: "Its page on the public site follows the issue from meeting to meeting",
            options: issues.options,
          } satisfies Field,
        ]),
    {
      kind: "text",
      name: "new-issue",
      label: "Start a new issue with this item",
      hint: "Its title, for example Leisure centre contract. Leave empty if there is none.",
      maxLength: 300,
    },
  ];
}

export function issueInitial(issues: ItemIssues): Values {
  return { issues: issues.linked.map(String) };
}

/** A new issue's title must not be one already known (titles are unique in an authority). */
export function checkItemIssues(values: Values, issues: ItemIssues): Record<string, string> {
  const title = optionalText(values, "new-issue")?.toLowerCase();
  if (title === undefined || !issues.options.some((option) => option.text.toLowerCase() === title)) return {};
  return { "new-issue": "There is already an issue with this title: choose it from the list instead" };
}

/** Links the item to the issues chosen (and a new one, if named), unlinking the others. */
export async function saveItemIssues(
  w: Writer,
  item: { id: number; authority_id: number },
  issues: ItemIssues,
  values: Values,
): Promise<void> {
  const wanted = new Set(choices(values, "issues").map(Number));
  const title = optionalText(values, "new-issue");
  if (title !== null) {
    const id = await w.insert("issues", {
      authority_id: item.authority_id,
      title,
      slug: await uniqueSlug(w.trx, "issues", slugify(title), item.authority_id),
    });
    wanted.add(id);
  }
  for (const issueId of wanted) await w.link("issue_items", { issue_id: issueId, item_id: item.id });
  const dropped = issues.linked.filter((issueId) => !wanted.has(issueId));
  for (const issueId of dropped) await w.unlink("issue_items", { issue_id: issueId, item_id: item.id });
  await reindex(w.trx, {
    meetings: new Set(),
    documents: new Set(),
    issues: new Set([...wanted, ...dropped]),
  });
}
