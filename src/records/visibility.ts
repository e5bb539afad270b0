import { sql, type RawBuilder } from "kysely";

// The visibility rules of src/domain/visibility.ts, stated in SQL for queries that filter in the
// database. visibility.test.ts checks that both forms agree on every combination of facts, so
// the rule has one meaning whichever path a query takes.

const column = (alias: string, name: string) => sql.ref(`${alias}.${name}`);

/** meetingIsPublic: the agenda is published. */
export function publicMeeting(meeting: string): RawBuilder<boolean> {
  return sql<boolean>`(${column(meeting, "is_agenda_published")} = ${true})`;
}

/** itemIsPublic: Part I, and its meeting is public. */
export function publicItem(item: string, meeting: string): RawBuilder<boolean> {
  return sql<boolean>`(${column(item, "part")} = 'I' and ${publicMeeting(meeting)})`;
}

/** minutesArePublic: published as draft or approved, and the meeting is public. */
export function publicMinutes(meeting: string): RawBuilder<boolean> {
  return sql<boolean>`(${column(meeting, "minutes_status")} in ('draft', 'approved') and ${publicMeeting(meeting)})`;
}

/** itemMinutesArePublic: the item is public and so are its meeting's minutes. */
export function publicItemMinutes(item: string, meeting: string): RawBuilder<boolean> {
  return sql<boolean>`(${publicItem(item, meeting)} and ${publicMinutes(meeting)})`;
}

/** documentIsPublic: Part I, published, and standing alone or belonging to a public item. */
export function publicDocument(document: string): RawBuilder<boolean> {
  const id = column(document, "id");
  return sql<boolean>`(${column(document, "part")} = 'I' and ${column(document, "is_published")} = ${true} and (
    not exists (select 1 from item_documents vd where vd.document_id = ${id})
    or exists (
      select 1 from item_documents vd
      join agenda_items vi on vi.id = vd.item_id
      join meetings vm on vm.id = vi.meeting_id
      where vd.document_id = ${id} and ${publicItem("vi", "vm")})))`;
}
