import { attendanceChartSvg } from "../../publishing/svg/attendance-chart.js";
import type { Person } from "../../records/public/people.js";
import type {
  AttendanceFigures,
  ItemLed,
  PersonDeclaration,
  PersonMembership,
} from "../../records/public/person-record.js";
import { personLabel, roleLabel, sentenceCase } from "../format.js";
import { bodyUrl, peopleUrl, personUrl } from "../urls.js";
import { authorityTrail } from "./breadcrumbs.js";
import { counted, dateText, itemHref, itemText, type Breadcrumb, type Phrase } from "./labels.js";

// A person's page: who they are, what they sit on, how often they came, what they declared and
// what they led.

type Cell = { text?: string; parts?: Phrase; secondary?: string; format?: string };

export type PersonPage = {
  pageTitle: string;
  breadcrumbs: Breadcrumb[];
  caption: string;
  heading: string;
  facts: { key: { text: string }; value: { text: string } }[];
  memberships: Cell[][];
  attendance: Cell[][];
  chart: { svg: string; label: string } | null;
  declarations: Cell[][];
  itemsLed: Cell[][];
  calendar: string;
};

export function personPage(input: {
  person: Person;
  memberships: PersonMembership[];
  attendance: AttendanceFigures[];
  declarations: PersonDeclaration[];
  itemsLed: ItemLed[];
  today: string;
}): PersonPage {
  const { person } = input;
  const name = personLabel(person);
  const facts: [string, string | null][] = [
    ["Role", person.kind === "councillor" ? "Councillor" : sentenceCase(person.kind)],
    ["Party", person.party],
    ["Ward", person.ward],
    ["Job title", person.jobTitle],
    ["Organisation", person.organisation],
  ];
  const attendanceRows = input.attendance.filter((a) => a.attended + a.apologies + a.absent > 0);
  const chart = attendanceChartSvg({
    id: "attendance-chart",
    title: `Attendance of ${name} at meetings, by body`,
    description: attendanceRows
      .map(
        (a) =>
          `${a.name}: attended ${a.attended}, apologies ${a.apologies}, absent ${a.absent}, of ${counted(a.attended + a.apologies + a.absent, "meeting")}.`,
      )
      .join(" "),
    rows: attendanceRows.map((a) => ({
      label: a.name,
      attended: a.attended,
      apologies: a.apologies,
      absent: a.absent,
    })),
  });
  return {
    pageTitle: `${name}, ${person.authorityName}`,
    breadcrumbs: [
      ...authorityTrail({ name: person.authorityName, slug: person.authority }),
      { text: "People", href: peopleUrl() },
    ],
    caption: person.authorityName,
    heading: name,
    facts: facts.flatMap(([key, value]) =>
      value === null || value === "" ? [] : [{ key: { text: key }, value: { text: value } }],
    ),
    memberships: input.memberships.map((m) => [
      { parts: [{ text: m.name, href: bodyUrl(m.authority.slug, m.slug) }], secondary: m.authority.name },
      { text: roleLabel(m.role) },
      {
        text:
          m.to !== null && m.to < input.today
            ? `Until ${dateText(m.to)}`
            : m.from !== null
              ? `Since ${dateText(m.from)}`
              : "Current",
      },
    ]),
    attendance: input.attendance.map((a) => [
      { parts: [{ text: a.name, href: bodyUrl(a.authority, a.slug) }] },
      { text: String(a.attended), format: "numeric" },
      { text: String(a.apologies), format: "numeric" },
      { text: String(a.absent), format: "numeric" },
      { text: String(a.inAttendance), format: "numeric" },
    ]),
    chart: chart === null ? null : { svg: chart, label: `Chart of ${name}'s attendance` },
    declarations: input.declarations.map((d) => [
      { parts: [{ text: itemText(d.item), href: itemHref(d.item) }], secondary: d.item.title },
      { text: sentenceCase(d.kind) },
      { text: d.nature ?? "" },
    ]),
    itemsLed: input.itemsLed.map((led) => [
      { parts: [{ text: led.item.title, href: itemHref(led.item) }], secondary: itemText(led.item) },
      { text: led.role === "lead-member" ? "Lead member" : "Lead officer" },
    ]),
    calendar: `${personUrl(person.authority, person)}/calendar.ics`,
  };
}
