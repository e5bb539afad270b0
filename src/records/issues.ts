import type { BundleIssue, BundleIssueEvent } from "../domain/bundle.js";
import { slugify } from "../domain/names.js";
import { uniqueSlug } from "./slugs.js";
import type { Writer } from "./writer.js";

/** An issue is known by its title within the authority that follows it. */
export async function saveIssue(
  w: Writer,
  authorityId: number,
  issue: BundleIssue,
): Promise<{ id: number; changed: boolean }> {
  const existing = await w.trx
    .selectFrom("issues")
    .select("id")
    .where("authority_id", "=", authorityId)
    .where("title", "=", issue.title)
    .executeTakeFirst();
  const values = { status: issue.status, summary: issue.summary };
  if (existing) return w.upsert("issues", { id: existing.id }, values);
  const slug = await uniqueSlug(w.trx, "issues", slugify(issue.title));
  return {
    id: await w.insert("issues", { ...values, authority_id: authorityId, title: issue.title, slug }),
    changed: true,
  };
}

export async function linkIssueItem(w: Writer, issueId: number, itemId: number) {
  return w.link("issue_items", { issue_id: issueId, item_id: itemId });
}

export async function linkIssueDocument(w: Writer, issueId: number, documentId: number) {
  return w.link("issue_documents", { issue_id: issueId, document_id: documentId });
}

export type IssueEventFacts = {
  authorityId: number;
  issueId: number;
  event: BundleIssueEvent;
  eventAuthorityId?: number;
  bodyId?: number;
  documentId?: number;
};

export async function saveIssueEvent(w: Writer, f: IssueEventFacts) {
  return w.upsert(
    "issue_events",
    { issue_id: f.issueId, date: f.event.date, text: f.event.text },
    {
      authority_id: f.authorityId,
      event_authority_id: f.eventAuthorityId,
      body_id: f.bodyId,
      document_id: f.documentId,
    },
  );
}
