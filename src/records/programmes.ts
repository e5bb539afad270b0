import type { BundleWorkProgrammeEntry } from "../domain/bundle.js";
import type { Writer } from "./writer.js";

/** A work-programme entry is known by its title and planned meeting (or none) in its body's year. */
export async function saveWorkProgrammeEntry(
  w: Writer,
  f: { authorityId: number; bodyId: number; position: number; entry: BundleWorkProgrammeEntry },
) {
  const e = f.entry;
  return w.upsert(
    "work_programme_entries",
    {
      body_id: f.bodyId,
      title: e.title,
      meeting_date: e.meetingDate,
      ...(e.municipalYear ? { municipal_year: e.municipalYear } : {}),
    },
    {
      authority_id: f.authorityId,
      position: f.position,
      priority_score: e.priorityScore,
      priority_band: e.priorityBand,
      reason: e.reason,
      responsible: e.responsible,
      kind: e.kind,
    },
  );
}
