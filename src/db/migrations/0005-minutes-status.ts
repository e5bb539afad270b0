import { sql, type Kysely } from "kysely";

// Minutes became public only once published (issue 5): a meeting's minutes_status must now be
// "draft" or "approved" for its minutes, resolutions, declarations and attendance to be shown.
// Until now every record came from an import, where minutes carried were minutes published, so a
// database made before this migration holds no unpublished minutes. Its meetings that carry
// minutes with the status still "none" are marked "draft", as the loader now marks them
// (src/records/meeting-writes.ts), and so keep showing what they showed.
export function minutesStatusMigration() {
  async function up(db: Kysely<unknown>): Promise<void> {
    await sql`
      update meetings set minutes_status = 'draft'
      where minutes_status = 'none'
        and (
          exists (select 1 from attendances a where a.meeting_id = meetings.id)
          or exists (
            select 1 from agenda_items i
            where i.meeting_id = meetings.id
              and (
                coalesce(i.minutes, '') <> ''
                or exists (select 1 from resolutions r where r.item_id = i.id)
                or exists (select 1 from declarations d where d.item_id = i.id)
              )
          )
        )
    `.execute(db);
  }
  return { up };
}
