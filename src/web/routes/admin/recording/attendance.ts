import { ATTENDANCE_STATUSES, choiceText, MEMBERSHIP_ROLES } from "../../../../domain/choices.js";
import type { Db } from "../../../../db/connect.js";
import {
  attendancesOf,
  membersOn,
  peopleOf,
  type AttendanceLine,
  type MeetingRecord,
  type PersonOption,
} from "../../../../records/admin/recording.js";
import { optionalId, optionalText, type Field, type Values } from "../../../forms/fields.js";
import { adminUrls } from "../admin-urls.js";
import type { Section } from "../overview.js";
import { formPage, type Params, type ViewRequest } from "../pages.js";
import { linksFor, loadMeeting, meetingName, personName, personOptions, resourceOf } from "./shared.js";

// Attendance at a meeting: one form listing the body's members on the day, each with their
// status, and anyone else who was there (officers, other councillors, substitutes). A status
// left as "None" means nothing is recorded for that person, so a row set by mistake is removed.

type Listed = PersonOption & { role: string | null };

type AttendanceContext = MeetingRecord & {
  listed: Listed[];
  attendances: AttendanceLine[];
  people: PersonOption[];
};

async function loadAttendance(db: Db, params: Params): Promise<AttendanceContext | null> {
  const record = await loadMeeting(db, params);
  if (record === null) return null;
  const members = await membersOn(db, record.body.id, record.meeting.date);
  const attendances = await attendancesOf(db, record.meeting.id);
  const listed: Listed[] = [...members];
  for (const line of attendances) {
    if (!listed.some((person) => person.id === line.person_id)) {
      listed.push({ id: line.person_id, name: line.name, honorific: line.honorific, role: line.role });
    }
  }
  return { ...record, listed, attendances, people: await peopleOf(db, record.authorityIds) };
}

const statusField = (person: Listed): Field => ({
  kind: "select",
  name: `status-${person.id}`,
  label: `Attendance of ${personName(person)}`,
  hint: choiceText(MEMBERSHIP_ROLES, person.role) ?? undefined,
  options: ATTENDANCE_STATUSES,
});

function attendanceFields(context: AttendanceContext): Field[] {
  const people = personOptions(context.people);
  return [
    ...context.listed.map(statusField),
    {
      kind: "select",
      name: "other-person",
      label: "Someone else in attendance",
      hint: "An officer, another councillor or a guest who is not a member of the body",
      options: people,
    },
    { kind: "select", name: "other-status", label: "Their attendance", options: ATTENDANCE_STATUSES },
    {
      kind: "text",
      name: "other-role",
      label: "Their role at the meeting",
      hint: "For example, Director of Public Health",
      maxLength: 200,
    },
    { kind: "select", name: "substitute", label: "Substitute", options: people },
    {
      kind: "select",
      name: "substitute-for",
      label: "Substituting for",
      options: personOptions(context.listed),
    },
  ];
}

function checkAttendance(values: Values): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values["other-person"] !== null && values["other-status"] === null)
    errors["other-status"] = "Select their attendance";
  if (values["other-person"] === null && values["other-status"] !== null)
    errors["other-person"] = "Select someone else in attendance";
  if (values.substitute !== null && values["substitute-for"] === null)
    errors["substitute-for"] = "Select who the substitute is substituting for";
  if (values.substitute === null && values["substitute-for"] !== null)
    errors.substitute = "Select the substitute";
  if (values.substitute !== null && values.substitute === values["substitute-for"])
    errors["substitute-for"] = "A member cannot substitute for themselves";
  return errors;
}

const attendancePage = formPage<AttendanceContext>({
  path: "/admin/meetings/:meeting/attendance",
  action: "edit-meeting",
  load: loadAttendance,
  resource: resourceOf,
  title: () => "Attendance",
  caption: meetingName,
  back: (context) => adminUrls.meeting(context.meeting.id),
  submit: "Save attendance",
  fields: attendanceFields,
  initial: (context) =>
    Object.fromEntries(context.attendances.map((line) => [`status-${line.person_id}`, line.status])),
  check: checkAttendance,
  async save(w, context, { values }) {
    const meetingId = context.meeting.id;
    const authorityId = context.meeting.authority_id;
    const record = async (
      personId: number,
      values: { status: string; role?: string | null; substitute_for_person_id?: number },
    ) =>
      w.upsert(
        "attendances",
        { meeting_id: meetingId, person_id: personId },
        { authority_id: authorityId, ...values },
      );
    for (const person of context.listed) {
      const status = optionalText(values, `status-${person.id}`);
      const existing = context.attendances.find((line) => line.person_id === person.id);
      if (status !== null) await record(person.id, { status, ...(existing ? {} : { role: person.role }) });
      else if (existing) await w.delete("attendances", existing);
    }
    const other = optionalId(values, "other-person");
    const otherStatus = optionalText(values, "other-status");
    if (other !== null && otherStatus !== null)
      await record(other, { status: otherStatus, role: optionalText(values, "other-role") });
    const substitute = optionalId(values, "substitute");
    const substituteFor = optionalId(values, "substitute-for");
    if (substitute !== null && substituteFor !== null)
      await record(substitute, { status: "substitute", substitute_for_person_id: substituteFor });
    return { location: adminUrls.meeting(meetingId), notice: "saved" };
  },
});

export const ATTENDANCE_PAGES = [attendancePage];

/** Who was there, for the meeting's page. */
export async function attendanceSection(record: MeetingRecord, request: ViewRequest): Promise<Section> {
  const lines = await attendancesOf(request.deps.db, record.meeting.id);
  return {
    id: "attendance",
    heading: "Attendance",
    table: {
      caption: "Attendance",
      head: [{ text: "Name" }, { text: "Attendance" }, { text: "Role or substituting for" }],
      rows: lines.map((line) => [
        { text: personName(line) },
        { text: choiceText(ATTENDANCE_STATUSES, line.status) ?? line.status },
        {
          text:
            line.substitute_for_name === null
              ? (choiceText(MEMBERSHIP_ROLES, line.role) ?? "")
              : `Substituting for ${line.substitute_for_name}`,
        },
      ]),
      empty: "No attendance has been recorded.",
    },
    links: linksFor(request, record, "edit-meeting", [
      { href: adminUrls.attendance(record.meeting.id), text: "Record attendance" },
    ]),
  };
}
