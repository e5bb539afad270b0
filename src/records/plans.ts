import type { BundleForwardPlanEntry } from "../domain/bundle.js";
import type { Writer } from "./writer.js";

/** A forward-plan entry (a key decision notice) is known by its reference within its authority. */
export async function saveForwardPlanEntry(w: Writer, authorityId: number, entry: BundleForwardPlanEntry) {
  return w.upsert(
    "forward_plan_entries",
    { authority_id: authorityId, reference: entry.reference },
    {
      title: entry.title,
      decision_maker: entry.decisionMaker,
      expected_date: entry.expectedDate,
      first_published: entry.firstPublished,
      is_exempt: entry.exempt,
      consultees: entry.consultees,
    },
  );
}
