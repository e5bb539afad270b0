// Synthetic council documents in the layouts of the samples and of other councils' styles
// (an agenda pack's front sheet, agenda and draft minutes; "RESOLVED:" minutes of a district
// council's planning committee; a parish council's minutes), with invented councils, people
// and dates. Seeded, so a corpus is the same on every run. Used by the import tests and by
// bench/import.ts.

export type SyntheticDocument = {
  name: string;
  text: string;
  layout: "agenda-pack" | "resolved-minutes" | "parish-minutes";
  authority: string;
  body: string;
  /** YYYY-MM-DD */
  date: string;
  items: number;
};

const PLACES = [
  "Northmoor",
  "Eastbrook",
  "Kelder",
  "Ashby Vale",
  "Redwater",
  "Holmfirth Cross",
  "Tamberly",
  "Greystone",
];
const KINDS = ["District Council", "Borough Council", "City Council", "County Council"];
const BODIES = [
  "Planning Committee",
  "Licensing Sub-Committee",
  "Overview and Scrutiny Board",
  "Cabinet",
  "Audit and Governance Committee",
  "Housing Overview and Scrutiny Panel",
];
const SURNAMES = [
  "Ashworth",
  "Bellamy",
  "Carver",
  "Dunmore",
  "Ellery",
  "Fairbairn",
  "Gostelow",
  "Hargreave",
  "Ingham",
  "Jessop",
  "Kettleby",
  "Lowther",
  "Marchbank",
  "Nettleton",
  "Ormerod",
  "Pennock",
  "Quarmby",
  "Ridsdale",
  "Stobart",
  "Thackeray",
  "Umpleby",
  "Varley",
  "Whitworth",
  "Yeadon",
];
const INITIALS = ["A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "P", "R", "S", "T"];
const TOPICS = [
  "Local Plan Review",
  "Leisure Centre Refurbishment",
  "Car Parking Charges",
  "Homelessness Strategy",
  "Air Quality Action Plan",
  "Budget Monitoring Quarter 2",
  "Street Lighting Replacement",
  "Community Safety Partnership",
  "Waste Collection Contract",
  "Town Centre Regeneration",
  "Flood Risk Management",
  "Corporate Risk Register",
  "Treasury Management Strategy",
];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const WORDS = (
  "members asked about the timetable for consultation and the officer explained that the proposals " +
  "would be reported back to the committee once the responses had been analysed the chair thanked " +
  "officers for the report and noted the concerns raised regarding funding staffing and the impact " +
  "on residents in the wards affected by the scheme further information would be circulated"
).split(" ");

/** A small seeded generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
function pick<T>(rng: Rng, list: readonly T[]): T {
  const chosen = list[Math.floor(rng() * list.length)];
  if (chosen === undefined) throw new Error("pick from an empty list");
  return chosen;
}

function sentence(rng: Rng): string {
  const n = 12 + Math.floor(rng() * 20);
  const words = Array.from({ length: n }, () => pick(rng, WORDS));
  const text = words.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(rng: Rng): string {
  return Array.from({ length: 2 + Math.floor(rng() * 4) }, () => sentence(rng)).join(" ");
}

function person(rng: Rng): string {
  return `${pick(rng, INITIALS)} ${pick(rng, SURNAMES)}`;
}

/** `n` different surnames. */
function surnames(rng: Rng, n: number): string[] {
  const pool = [...SURNAMES];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [pool[i], pool[j]] = [pool[j] ?? "", pool[i] ?? ""];
  }
  return pool.slice(0, n);
}

function listed(names: string[]): string {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`;
}

type Meeting = { authority: string; body: string; date: Date; time: string };

function meetingOf(rng: Rng, index: number): Meeting {
  const place = pick(rng, PLACES);
  // One meeting a day from 2015 on, so every document in a corpus has its own meeting.
  const date = new Date(Date.UTC(2015, 0, 5) + index * 86_400_000);
  return {
    authority: `${place} ${pick(rng, KINDS)}`,
    body: pick(rng, BODIES),
    date,
    time: pick(rng, ["10 am", "2 pm", "6.30 pm", "7 pm"]),
  };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const longDate = (d: Date) =>
  `${DAYS[d.getUTCDay()] ?? ""} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ""} ${d.getUTCFullYear()}`;

function agendaPack(rng: Rng, m: Meeting, targetSize: number): { text: string; items: number } {
  const chair = pick(rng, SURNAMES);
  const vice = pick(rng, SURNAMES);
  const members = surnames(rng, 9);
  const lines = [
    "",
    "Democratic Services",
    m.authority,
    `Please ask for ${person(rng)}`,
    `T 01632 ${String(100000 + Math.floor(rng() * 899999))}`,
    `Published ${longDate(new Date(m.date.getTime() - 8 * 86_400_000))}`,
    "",
    m.body.toUpperCase(),
    "",
    longDate(m.date),
    m.time,
    "Committee Room 2, Civic Centre",
    "",
    "Members:",
    "",
    `Councillor ${chair}, Chair`,
    "",
    `Councillor ${vice}, Vice Chair`,
    "",
    `Councillors ${listed(members)}.`,
    "",
    m.body,
    "",
  ];
  const titles = [
    "Apologies",
    "Declarations of Interest",
    "Minutes",
    ...TOPICS.slice(0, 3 + Math.floor(rng() * 8)),
  ];
  let page = 1;
  titles.forEach((title, i) => {
    lines.push(`${i + 1}. ${title}`, "");
    if (i >= 2) {
      const pages = 2 + Math.floor(rng() * 10);
      lines.push(`(Pages ${page} - ${page + pages - 1})`, "");
      page += pages;
    }
    lines.push(paragraph(rng), "");
  });
  lines.push(`${m.body}**${longDate(new Date(m.date.getTime() - 42 * 86_400_000))}**Present:**`, "");
  lines.push(`Councillor ${chair}, in the Chair.`, "", `Councillors ${listed(members.slice(0, 6))}.`, "");
  lines.push(`Apologies for absence: Councillors ${listed(members.slice(6))}.`, "");
  let items = 0;
  for (let n = 10; lines.join("\n").length < targetSize || items < 3; n++) {
    items++;
    lines.push(`${n}. **${pick(rng, TOPICS)}**`, "");
    for (let p = 0; p < 1 + Math.floor(rng() * 4); p++) lines.push(paragraph(rng), "");
    lines.push("Agreed –", "", `- 1. to note the report;`, `- 2. ${sentence(rng)}`, "");
  }
  return { text: lines.join("\n"), items: titles.length };
}

function resolvedMinutes(rng: Rng, m: Meeting, targetSize: number): { text: string; items: number } {
  const members = surnames(rng, 10);
  const lines = [
    m.authority.toUpperCase(),
    "",
    `MINUTES of a meeting of the ${m.body.toUpperCase()} held at the Council Offices, High Street, on ${longDate(m.date)} at ${m.time}`,
    "",
    `PRESENT: Councillor ${members[0] ?? ""} (Chairman); Councillors ${listed(members.slice(1, 7))}`,
    "",
    `APOLOGIES: Councillors ${listed(members.slice(7))}`,
    "",
  ];
  let items = 0;
  for (let n = 100 + Math.floor(rng() * 300); lines.join("\n").length < targetSize || items < 3; n++) {
    items++;
    lines.push(`${n}. ${pick(rng, TOPICS).toUpperCase()}`, "");
    for (let p = 0; p < 1 + Math.floor(rng() * 3); p++) lines.push(paragraph(rng), "");
    const against = Math.floor(rng() * 4);
    lines.push(
      `It was proposed by Councillor ${pick(rng, members)} and seconded by Councillor ${pick(rng, members)}.`,
      "",
      `Upon being put to the vote there were ${7 - against} votes for, ${against} against and 0 abstentions.`,
      "",
      `RESOLVED: That ${sentence(rng).toLowerCase()}`,
      "",
    );
  }
  return { text: lines.join("\n"), items };
}

function parishMinutes(rng: Rng, m: Meeting, targetSize: number): { text: string; items: number } {
  const place = m.authority.split(" ")[0] ?? "Parish";
  const d = m.date;
  const lines = [
    `${place.toUpperCase()} PARISH COUNCIL`,
    "",
    `Minutes of the Meeting of ${place} Parish Council held on ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ""} ${d.getUTCFullYear()} at 7.30pm in the Village Hall`,
    "",
    `Present: Cllrs ${surnames(rng, 6).join(", ")}`,
    `In attendance: ${person(rng)} (Clerk) and 3 members of the public`,
    "",
  ];
  let items = 0;
  const year = String(d.getUTCFullYear()).slice(2);
  for (let n = 1; lines.join("\n").length < targetSize || items < 3; n++) {
    items++;
    lines.push(`${year}/${String(n).padStart(3, "0")} ${pick(rng, TOPICS)}`, paragraph(rng), "");
  }
  return { text: lines.join("\n"), items };
}

const LAYOUTS: SyntheticDocument["layout"][] = ["agenda-pack", "resolved-minutes", "parish-minutes"];

/** `count` documents averaging about `averageSize` characters, in all three layouts. */
export function syntheticCorpus(count: number, averageSize: number, seed = 20171): SyntheticDocument[] {
  const rng = random(seed);
  return Array.from({ length: count }, (_, index) => {
    const m = meetingOf(rng, index);
    // Sizes from a fifth to twice the average, as real minutes vary.
    const target = Math.round(averageSize * (0.2 + rng() * 1.8));
    const layout = LAYOUTS[index % LAYOUTS.length] ?? "agenda-pack";
    const made =
      layout === "agenda-pack"
        ? agendaPack(rng, m, target)
        : layout === "resolved-minutes"
          ? resolvedMinutes(rng, m, target)
          : parishMinutes(rng, m, target);
    return {
      name: `${String(index + 1).padStart(4, "0")}-${layout}.txt`,
      text: made.text,
      layout,
      authority:
        layout === "parish-minutes" ? `${m.authority.split(" ")[0] ?? ""} Parish Council` : m.authority,
      body: layout === "parish-minutes" ? `${m.authority.split(" ")[0] ?? ""} Parish Council` : m.body,
      date: iso(m.date),
      items: made.items,
    };
  });
}
