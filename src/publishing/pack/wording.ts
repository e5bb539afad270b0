import type { PackFacts, PackMember } from "./types.js";

// How the pack writes names and the statutory notes; dates and times are the portal's
// (src/domain/wording.ts).

import { clockTime, longDate } from "../../domain/wording.js";

export { clockTime, longDate };

/** "2017-09-12" → "12 September 2017". */
export function shortDate(isoDate: string): string {
  return longDate(isoDate).replace(/^\S+ /, "");
}

function personName(member: PackMember): string {
  return member.honorific ? `${member.honorific} ${member.name}` : member.name;
}

/** "Mrs Bridgeman, Cook and Tuohy" */
function listOf(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`;
}

/** The members as a front sheet prints them: "Councillor Mrs Aspinall, Chair", then the rest. */
export function memberLines(members: PackMember[]): string[] {
  const title = (m: PackMember) => (m.kind === "councillor" ? `Councillor ${personName(m)}` : personName(m));
  const lines: string[] = [];
  for (const [role, label] of [
    ["chair", "Chair"],
    ["vice-chair", "Vice-Chair"],
  ] as const) {
    for (const member of members.filter((m) => m.role === role)) lines.push(`${title(member)}, ${label}`);
  }
  const rest = members.filter((m) => m.role !== "chair" && m.role !== "vice-chair");
  const councillors = rest.filter((m) => m.kind === "councillor").map(personName);
  if (councillors.length === 1) lines.push(`Councillor ${councillors.join("")}.`);
  if (councillors.length > 1) lines.push(`Councillors ${listOf(councillors)}.`);
  const others = rest.filter((m) => m.kind !== "councillor");
  if (others.length > 0) lines.push(`Co-opted and other members: ${listOf(others.map(personName))}.`);
  return lines;
}

/** The paragraph of Schedule 12A an exempt item is exempt under, in words. */
export function exemptionWords(paragraph: string | null, nation: string): string {
  const schedule =
    nation === "scotland"
      ? "Schedule 7A to the Local Government (Scotland) Act 1973"
      : "Part 1 of Schedule 12A to the Local Government Act 1972";
  return paragraph ? `paragraph ${paragraph} of ${schedule}` : schedule;
}

/** The line across the top of every page of an exempt paper in a restricted pack. */
export function exemptBanner(paragraph: string | null, nation: string): string {
  const schedule = nation === "scotland" ? "Schedule 7A" : "Schedule 12A";
  const where = paragraph ? `paragraph ${paragraph} of ${schedule}` : schedule;
  return `NOT FOR PUBLICATION: exempt information under ${where}`;
}

/** The access-to-information notes of the front sheet, with their statutory sources. */
export function accessNotes(facts: PackFacts): string[] {
  const scotland = facts.authority.nation === "scotland";
  const act = scotland
    ? "the Local Government (Scotland) Act 1973, sections 50A to 50K"
    : "the Local Government Act 1972, Part VA";
  const notes = [
    `This meeting is open to the public, except while the ${facts.body.name} considers exempt information, ` +
      `when it may resolve to exclude the press and public (${act}).`,
  ];
  // A supplement is published after the agenda, on a date the records do not yet hold.
  if (facts.meeting.publishedOn && facts.kind === "agenda") {
    notes.push(`This agenda and its reports were published on ${shortDate(facts.meeting.publishedOn)}.`);
  }
  if (facts.audience === "public") {
    notes.push(
      "Papers containing exempt information are not published: the agenda lists such items by number only.",
    );
  }
  if (facts.authority.nation === "england") {
    notes.push(
      "Anyone may film, record or report on the public parts of the meeting " +
        "(Openness of Local Government Bodies Regulations 2014).",
    );
  }
  if (facts.meeting.webcastUrl) notes.push(`The meeting is webcast: ${facts.meeting.webcastUrl}`);
  notes.push(
    "Page numbers start after the agenda. Each paper starts on a right-hand page when printed double-sided, " +
      "so some pages are intentionally left blank.",
  );
  return notes;
}
