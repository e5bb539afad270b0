import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findAuthorities, mostNamedAuthority } from "../../../src/importers/parse/authorities.js";
import { bodyKind, titleCase } from "../../../src/importers/parse/bodies.js";
import { findDates, findTime, municipalYear } from "../../../src/importers/parse/dates.js";
import { documentId } from "../../../src/importers/parse/ids.js";
import { cleanTitle, followsInSeries, itemKind } from "../../../src/importers/parse/item-kinds.js";
import { unfoldColumns } from "../../../src/importers/parse/columns.js";
import { joinProse, splitLines, withoutRunningHeads } from "../../../src/importers/parse/lines.js";
import { minuteTableLines } from "../../../src/importers/parse/minute-table.js";
import { readVotes } from "../../../src/importers/parse/motions.js";
import { readMarker } from "../../../src/importers/parse/numbering.js";
import { readPeopleList, readPerson } from "../../../src/importers/parse/people.js";
import { segment } from "../../../src/importers/parse/recognise.js";
import { findResolutions } from "../../../src/importers/parse/resolutions.js";

// The small readers the parsers are built from, each on the forms councils write.

describe("dates and times", () => {
  it("reads dates as British documents write them", () => {
    const iso = (text: string) => findDates(text).map((d) => d.iso);
    assert.deepEqual(iso("Wednesday 20 September 2017"), ["2017-09-20"]);
    assert.deepEqual(iso("10th January 2018 and 1st April, 2018"), ["2018-01-10", "2018-04-01"]);
    assert.deepEqual(iso("Meeting: 25/09/2017 - City Council"), ["2017-09-25"]);
    assert.deepEqual(iso("on 05.09.2017"), ["2017-09-05"]);
    assert.deepEqual(iso("September 20, 2017"), ["2017-09-20"]);
    assert.deepEqual(iso("2024-03-14"), ["2024-03-14"]);
    assert.deepEqual(iso("31 February 2017, 2017-2018, 3.1 the report"), []);
  });

  it("reads times of day", () => {
    const time = (text: string) => findTime(text)?.time;
    assert.equal(time("10 am"), "10:00");
    assert.equal(time("3.00 pm"), "15:00");
    assert.equal(time("at 7.30pm in the Village Hall"), "19:30");
    assert.equal(time("12 noon"), "12:00");
    assert.equal(time("18:45"), "18:45");
    assert.equal(time("item 2 amended"), undefined);
  });

  it("reads a municipal year", () => {
    assert.equal(municipalYear("Work Programme 2017-2018"), "2017/18");
    assert.equal(municipalYear("Work Programme 2023/24"), "2023/24");
    assert.equal(municipalYear("2017-2019"), undefined);
  });
});

describe("people", () => {
  it("reads lists with a shared title, honorifics and roles", () => {
    const people = readPeopleList("Councillors Mrs Abbott, Baker (Chair), Dr Carr and D. Hartley.");
    assert.deepEqual(
      people.map((p) => [p.name, p.honorific, p.role, p.councillor]),
      [
        ["Abbott", "Mrs", undefined, true],
        ["Baker", undefined, "chair", true],
        ["Carr", "Dr", undefined, true],
        ["D. Hartley", undefined, undefined, true],
      ],
    );
    assert.equal(readPeopleList("Councillor James, Vice Chair.")[0]?.role, "vice-chair");
  });

  it("splits a bracket into job title, organisation, party and role", () => {
    assert.deepEqual(readPerson("Jan Hale (Nursing Director – NHS North)", false), {
      name: "Jan Hale",
      councillor: false,
      jobTitle: "Nursing Director",
      organisation: "NHS North",
    });
    assert.equal(
      readPerson("Kim Lowe (Northmoor Hospitals NHS Trust)", false)?.organisation,
      "Northmoor Hospitals NHS Trust",
    );
    const smith = readPerson("Councillor A Smith (Lab) (Chair)", false);
    assert.deepEqual([smith?.name, smith?.party, smith?.role], ["A Smith", "Lab", "chair"]);
    assert.equal(readPerson("3 members of the public", false), undefined);
  });
});

describe("authorities and bodies", () => {
  it("finds authority names and the one a text names most", () => {
    assert.deepEqual(
      findAuthorities("Members of Eastbridge Borough Council's cabinet met the Isle of Wight Council.").map(
        (a) => a.name,
      ),
      ["Eastbridge Borough Council", "Isle of Wight Council"],
    );
    assert.deepEqual(findAuthorities("the Council House, and the City Council"), []);
    assert.deepEqual(
      findAuthorities("Minutes of Holmfirth Fire and Rescue Authority; the Modern Council site").map(
        (a) => a.name,
      ),
      ["Holmfirth Fire and Rescue Authority"],
    );
    assert.equal(
      mostNamedAuthority("Westford Council. Westford Council. Westford Council. Eastbridge Council."),
      "Westford Council",
    );
    assert.equal(mostNamedAuthority("Westford Council. Eastbridge Council."), undefined);
  });

  it("names and kinds of bodies", () => {
    assert.equal(
      titleCase("HEALTH OVERVIEW AND SCRUTINY COMMITTEE"),
      "Health Overview and Scrutiny Committee",
    );
    assert.equal(bodyKind("Planning Sub-Committee"), "sub-committee");
    assert.equal(bodyKind("Cabinet"), "executive");
    assert.equal(bodyKind("County Council"), "full-council");
    assert.equal(bodyKind("Schools Forum"), "forum");
  });
});

describe("numbering", () => {
  it("reads clause markers and tells roman from letters", () => {
    assert.equal(readMarker("(i) Should the council")?.style, "lower-roman");
    assert.equal(readMarker("- 1. to note the update")?.printed, "1");
    assert.equal(readMarker("a)   Leadership")?.style, "lower-alpha");
    const h = readMarker("(h) eighth");
    assert.ok(h);
    assert.equal(readMarker("(i) ninth", [h])?.style, "lower-alpha");
    assert.equal(readMarker("A. Smith said"), undefined);
  });

  it("follows a minute series", () => {
    assert.ok(followsInSeries("19", "20"));
    assert.ok(followsInSeries("24/117", "24/118"));
    assert.ok(followsInSeries("CAB 45/23", "CAB 46/23"));
    assert.ok(!followsInSeries("25", "2"));
    assert.ok(!followsInSeries("PL/45", "CAB/46"));
    assert.ok(!followsInSeries("19", "2019"));
  });

  it("nests resolutions by style", () => {
    const lines = splitLines(
      [
        "RESOLVED:",
        "1. Endorses the plan, subject to the following:",
        "(i) first;",
        "(ii) second;",
        "2. Notes the report.",
      ].join("\n"),
    );
    const found = findResolutions(lines).drafts;
    assert.deepEqual(
      found.map((d) => [d.number, d.children.map((c) => c.number)]),
      [
        ["1", ["(i)", "(ii)"]],
        ["2", []],
      ],
    );
  });
});

describe("votes", () => {
  it("reads counts, recorded votes and unanimity", () => {
    assert.deepEqual(readVotes("The motion was carried by 30 votes to 12 with 3 abstentions."), {
      for: 30,
      against: 12,
      abstain: 3,
    });
    assert.deepEqual(readVotes("(For 20, Against 5, Abstentions 2)"), { for: 20, against: 5, abstain: 2 });
    assert.deepEqual(readVotes("The motion was lost by 10 votes to 20."), { for: 10, against: 20 });
    assert.deepEqual(
      readVotes("FOR: Councillors Abbott, Baker and Carr AGAINST: Councillor Dixon ABSTAIN: None"),
      {
        for: 3,
        against: 1,
        abstain: 0,
      },
    );
    assert.deepEqual(readVotes("Members voted unanimously in favour."), { unanimous: true });
    assert.equal(readVotes("The report was noted."), undefined);
  });
});

describe("items and documents", () => {
  it("kinds of standing items", () => {
    assert.equal(itemKind("Apologies for absence"), "apologies");
    assert.equal(itemKind("Declarations of Interest"), "declarations");
    assert.equal(itemKind("Minutes of the previous meeting"), "minutes");
    assert.equal(itemKind("Chair's Urgent Business"), "urgent-business");
    assert.equal(itemKind("Public Questions"), "public-participation");
    assert.equal(itemKind("Scrutiny Work Programme"), "work-programme");
    assert.equal(itemKind("Exclusion of the Press and Public"), "other");
    assert.equal(itemKind("Leisure Centre Refurbishment"), "report");
    assert.equal(itemKind("Welcome, introductions and apologies"), "apologies");
    assert.equal(itemKind("Welcome and announcements"), "other");
  });

  it("blanks a running head printed beside the page number on every page", () => {
    const head = "Kelso Council - Audit Committee - 2 May 2025";
    const text = [
      "Page 1",
      head,
      "1. Accounts",
      "The draft accounts and",
      "Page 2",
      head,
      "the notes.",
      "Page 3",
      head,
    ].join("\n");
    const lines = withoutRunningHeads(text, splitLines(text));
    assert.ok(!lines.some((l) => l.text === head));
    assert.equal(joinProse(lines.slice(3, 7)), "The draft accounts and the notes.");
    const once = ["Page 1", head, "Text"].join("\n");
    assert.ok(withoutRunningHeads(once, splitLines(once)).some((l) => l.text === head));
  });

  it("reads minutes laid out as an item, discussion and action table, ending with the table", () => {
    const text = [
      "Minute\tNotes\tAction by",
      "7. Play area\tThe clerk reported on repairs.\t",
      "\tRESOLVED: That the repairs proceed.\tClerk to order parts by 1 May 2025",
      "8. Any other business\tNone.\t",
      "",
      "Next meeting: 4 June 2025",
    ].join("\n");
    const lines = minuteTableLines(splitLines(text)) ?? [];
    assert.deepEqual(
      lines.map((l) => l.text),
      [
        "7. Play area",
        "The clerk reported on repairs.",
        "RESOLVED: That the repairs proceed.",
        "Action: Clerk to order parts by 1 May 2025",
        "8. Any other business",
        "None.",
      ],
    );
    const title = lines[0];
    assert.equal(title && text.slice(title.from, title.to), "7. Play area");
    assert.equal(minuteTableLines(splitLines("Item\tCost\n1. Paint\t£40")), undefined);
  });

  it("drops a contents line's dotted leader and pages from the title", () => {
    assert.equal(cleanTitle("Minutes of the last meeting ........ 5 - 12"), "Minutes of the last meeting");
    assert.equal(cleanTitle("Budget Monitoring . . . . . 41"), "Budget Monitoring");
    assert.equal(cleanTitle("Fees and Charges 2025/26"), "Fees and Charges 2025/26");
  });

  it("gives a paper the same id whichever file names it", () => {
    const a = documentId("Westford Council", "Cabinet", "2019-11-11", "Shared Services with Eastbridge");
    const b = documentId("Westford Council", "Cabinet", "2019-11-11", "Shared services with Eastbridge");
    assert.equal(a, b);
    assert.match(a, /^westford-council-cabinet-2019-11-11-shared-services-with-eastbridge-[0-9a-z]{7}$/);
  });
});

describe("where parts start", () => {
  const kinds = (text: string) =>
    segment(splitLines(text)).map((p) => [p.kind, p.lines.find((l) => l.text)?.text]);

  it("reads a summons to a meeting as its front sheet, not a letter, and the agenda after it", () => {
    const text = [
      "ASHBURN DISTRICT COUNCIL",
      "",
      "Dear Councillor",
      "",
      "You are hereby summoned to attend a meeting of the CABINET to be held on MONDAY, 3 MARCH 2025 at 6.00 pm.",
      "",
      "Yours faithfully",
      "",
      "Chief Executive",
      "",
      "Date of Publication: Friday, 21 February 2025",
      "",
      "AGENDA",
      "",
      "1.\tAPOLOGIES FOR ABSENCE",
      "",
      "2.\tDECLARATIONS OF INTEREST",
      "",
      "3.\tBUDGET 2025/26",
      "\t(Pages 5 - 20)",
    ].join("\n");
    assert.deepEqual(kinds(text), [
      ["front-sheet", "ASHBURN DISTRICT COUNCIL"],
      ["agenda", "AGENDA"],
    ]);
  });

  it("takes a Welsh council's bilingual heading, however long, as the heading of its minutes", () => {
    const text = [
      "CYNGOR SIR ABERLLYN",
      "ABERLLYN COUNTY COUNCIL",
      "",
      "PWYLLGOR CRAFFU",
      "SCRUTINY COMMITTEE",
      "",
      "Cofnodion cyfarfod a gynhaliwyd / Minutes of the meeting held on",
      "Dydd Iau, 15 Mai 2025 / Thursday, 15 May 2025 am / at 10.00 am",
      "",
      "Yn bresennol / Present:",
      "Cynghorydd / Councillor Menna Rhys (Cadeirydd / Chair)",
    ].join("\n");
    assert.deepEqual(kinds(text), [["minutes", "CYNGOR SIR ABERLLYN"]]);
  });

  it("reads a decision notice set out under numbered headings, with the post that decided", () => {
    const text = [
      "MAYORAL DECISION NOTICE",
      "",
      "Decision reference:\tMD/2025/017",
      "Title:\tBus Fund Release",
      "Decision maker:\tThe Mayor of the Tarn Combined Authority, Nia Pryce",
      "Date of decision:\tMonday 2 June 2025",
      "",
      "1. Decision",
      "",
      "I have decided to release the fund.",
      "",
      "2. Reasons",
      "",
      "The routes would otherwise close.",
    ].join("\n");
    assert.deepEqual(kinds(text), [["decisions", "MAYORAL DECISION NOTICE"]]);
  });

  it("takes the venue and a time before the date as the heading of minutes", () => {
    const text = [
      "ASHBURN COUNCIL",
      "",
      "Minutes",
      "",
      "Planning Committee",
      "",
      "10.00 am, Tuesday 11 March 2025",
      "",
      "Council Chamber, Ashburn House, Ashburn",
      "",
      "Present",
      "",
      "Councillors Baird (Convener) and Cowie.",
    ].join("\n");
    assert.deepEqual(kinds(text), [["minutes", "ASHBURN COUNCIL"]]);
  });
});

describe("text in columns", () => {
  it("reads members beside their roles as rows, a wrapped role continuing its row", () => {
    const table = [
      "Councillor Rosa Farr (Chair)        Leader of the Council and Portfolio Holder for",
      "                                    Strategy",
      "Councillor Ed Sadler                Portfolio Holder for Finance",
      "Councillor Pia Kalsi                Portfolio Holder for Housing",
    ].join("\n");
    assert.deepEqual(
      unfoldColumns(splitLines(table)).map((l) => l.raw),
      [
        "Councillor Rosa Farr (Chair)\tLeader of the Council and Portfolio Holder for",
        "\tStrategy",
        "Councillor Ed Sadler\tPortfolio Holder for Finance",
        "Councillor Pia Kalsi\tPortfolio Holder for Housing",
      ],
    );
  });

  const text = [
    "Licensing Committee                         Members",
    "Date:  Monday 3 March 2025                  Councillor Ann Lee (Chair)",
    "                                            Councillor Bo Tran",
    "Time:  10.00 am                             Councillor Cy Moss",
    "",
    "    continued on an indented line           of its own",
    "4.   Annual Report                          9 - 36",
  ].join("\n");
  const lines = unfoldColumns(splitLines(text));

  it("reads side-by-side columns as the left one, then the right one, each keeping its span", () => {
    assert.deepEqual(
      lines.slice(0, 9).map((l) => l.text),
      [
        "Licensing Committee",
        "Date:  Monday 3 March 2025",
        "Time:  10.00 am",
        "",
        "Members",
        "Councillor Ann Lee (Chair)",
        "Councillor Bo Tran",
        "Councillor Cy Moss",
        "",
      ],
    );
    for (const l of lines.filter((x) => !x.raw.includes("\t"))) assert.equal(text.slice(l.from, l.to), l.raw);
    const member = lines.find((l) => l.text === "Councillor Bo Tran");
    assert.equal(member && text.slice(member.from, member.to), "Councillor Bo Tran");
  });

  it("reads a run of spaces inside a line as a cell boundary, and page numbers as no column", () => {
    assert.equal(lines.at(-1)?.raw, "4.\tAnnual Report\t9 - 36");
  });
});
