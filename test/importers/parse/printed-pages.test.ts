import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ExtractedText } from "../../../src/importers/types.js";
import { labelApart } from "../../../src/importers/parse/decision-notice.js";
import { parseDocument } from "../../../src/importers/parse/index.js";
import { joinProse, splitLines, withoutRunningHeads } from "../../../src/importers/parse/lines.js";
import { segment } from "../../../src/importers/parse/recognise.js";
import { readWorkProgramme } from "../../../src/importers/parse/work-programme.js";

// The rules that read a document as office software prints it to PDF: page furniture (running
// heads from page 1 on, an agenda item stamp), a report's list of its appendices, a label's value
// on the label's own line, and a table row whose empty cells the page does not show.

const pdf = (file: string, text: string): ExtractedText => ({ file, format: "pdf", text, pageStarts: [0] });
const texts = (text: string) => withoutRunningHeads(text, splitLines(text)).map((l) => l.text);

describe("running heads and stamps", () => {
  it("sets aside a running head from page 1, where it opens the text, so a clause broken by the page reads on", () => {
    const head = "Full Council - 3 June 2025";
    const text = [
      head,
      "",
      "Oakvale Council",
      "RESOLVED:",
      "1. That Councillor Abel be appointed to the Trust.",
      "",
      "Page 1\f" + head,
      "",
      "2. That Councillor Bray be appointed to the Board.",
      "",
      "Page 2",
    ].join("\n");
    const lines = withoutRunningHeads(text, splitLines(text));
    assert.ok(!lines.some((l) => l.text === head));
    assert.equal(
      joinProse(lines.slice(3)),
      "RESOLVED:\n1. That Councillor Abel be appointed to the Trust.\n\n2. That Councillor Bray be appointed to the Board.",
    );
  });

  it("keeps a heading that opens only two documents of a long pack, and sets aside one by the page number on three pages", () => {
    const page = (n: number, first: string) =>
      [first, "", `Some text on page ${n}.`, "", `Page ${n}`].join("\n");
    const committee = "Wellbeing Scrutiny Committee";
    const head = "Wellbeing Scrutiny Committee - 9 August 2017";
    const firsts = [committee, committee, "A", head, head, head, "B", "C", "D", "E"];
    const text = firsts.map((first, n) => page(n + 1, first)).join("\f");
    const printed = texts(text);
    assert.equal(printed.filter((t) => t === committee).length, 2);
    assert.equal(printed.filter((t) => t === head).length, 0);
  });

  it("keeps the council's name atop page 1 as the letterhead that says whose paper it is", () => {
    const page = (n: number) =>
      ["OAKVALE BOROUGH COUNCIL", "", "DECISION NOTICE", "", `Page ${n} of 3`].join("\n");
    const printed = texts([page(1), page(2), page(3)].join("\f"));
    assert.equal(printed[0], "OAKVALE BOROUGH COUNCIL");
    assert.equal(printed.filter((t) => t === "OAKVALE BOROUGH COUNCIL").length, 1);
  });

  it('sets aside an "Agenda Item 5" stamp heading a page, and keeps the words elsewhere', () => {
    const text = [
      "Public Document Pack",
      "Agenda Item 5",
      "",
      "Report to:\tCabinet",
      "Agenda Item 5",
      "1. Purpose",
    ].join("\n");
    assert.deepEqual(texts(text), ["", "", "", "Report to:\tCabinet", "Agenda Item 5", "1. Purpose"]);
    assert.deepEqual(texts("Introduction\f\nAgenda Item 12a\nReport title"), [
      "Introduction",
      "",
      "",
      "Report title",
    ]);
  });

  it("keys a report at its labels, not at the stamp above them", () => {
    const report = [
      "Agenda Item 5",
      "",
      "Report to:\tCabinet",
      "Date of meeting:\t12 June 2024",
      "Report title:\tPark Lighting",
      "Report author:\tAna Ruiz, Parks Manager",
      "",
      "1. Purpose of the report",
      "1.1 To seek approval to replace the lighting in Oakvale Park.",
    ].join("\n");
    const parsed = parseDocument(pdf("report.pdf", report), { authority: "Oakvale Borough Council" });
    assert.equal(parsed.bundle.documents?.[0]?.source?.from, report.indexOf("Report to:"));
  });
});

describe("a report's list of its appendices", () => {
  const report = (heading: string) => [
    "Report to:\tCabinet",
    "Date of meeting:\t12 June 2024",
    "Report title:\tPark Lighting",
    "Report author:\tAna Ruiz, Parks Manager",
    "",
    "1. Purpose of the report",
    "1.1 To seek approval to replace the lighting in Oakvale Park.",
    "",
    heading,
    "",
    "Appendix A - Lighting survey",
    "Appendix B - Costs (exempt)",
  ];
  const kinds = (lines: string[]) => segment(splitLines(lines.join("\n"))).map((p) => p.kind);

  it("under its heading, names the appendices and starts none", () => {
    assert.deepEqual(kinds(report("Appendices")), ["report"]);
    assert.deepEqual(kinds(report("Background papers:")), ["report"]);
    assert.deepEqual(kinds(report("7. List of appendices")), ["report"]);
  });

  it("does not stop an appendix that follows on its own page from starting", () => {
    const pack = [
      ...report("Appendices"),
      "",
      "Page 3\fAppendix A - Lighting survey",
      "",
      "The survey found 40 lamps.",
    ];
    assert.deepEqual(kinds(pack), ["report", "appendix"]);
  });
});

describe("a decision printed beside its label", () => {
  const notice = (decision: string[]) =>
    [
      "OAKVALE BOROUGH COUNCIL",
      "",
      "DECISION NOTICE",
      "",
      "Decision maker:\tCabinet",
      "Date of decision:\tTuesday 18 March 2025",
      "Agenda item:\t6",
      "Subject:\tPark Lighting",
      ...decision,
      "",
      "Reasons for the decision:\tThe lamps are failing.",
      "Call-in deadline:\t5.00 pm on Thursday 27 March 2025",
    ].join("\n");
  const resolutions = (decision: string[]) =>
    parseDocument(pdf("notice.pdf", notice(decision)), {}).bundle.meetings?.[0]?.items[0]?.resolutions ?? [];

  it("reads the value as the first line under the label", () => {
    const [line] = splitLines("Decision:\t1. To adopt the plan.");
    assert.ok(line);
    const parts = labelApart({ field: "decision", lines: [line], value: "1. To adopt the plan." });
    assert.deepEqual(
      parts.map((l) => [l.text, l.from, l.to]),
      [
        ["Decision:", 0, 10],
        ["1. To adopt the plan.", 10, 31],
      ],
    );
  });

  it("keeps each numbered clause, without its number", () => {
    const found = resolutions([
      "Decision:\t1. To adopt the lighting plan at Appendix A.",
      "",
      "2. To delegate authority to the Director of Place to let the contract.",
    ]);
    assert.deepEqual(
      found.map((r) => [r.number, r.text]),
      [
        ["1", "To adopt the lighting plan at Appendix A."],
        ["2", "To delegate authority to the Director of Place to let the contract."],
      ],
    );
    assert.equal(found[1]?.verb, "delegated");
    const under = resolutions([
      "Decision:",
      "1. To adopt the lighting plan at Appendix A.",
      "2. To delegate authority to the Director of Place to let the contract.",
    ]);
    assert.deepEqual(
      found.map((r) => r.verb),
      under.map((r) => r.verb),
    );
  });

  it("gives a one-sentence decision its own verb, as under the label", () => {
    const beside = resolutions(["Decision:\tTo approve the lighting plan."]);
    const under = resolutions(["Decision:", "To approve the lighting plan."]);
    assert.deepEqual(
      beside.map((r) => [r.text, r.verb]),
      [["To approve the lighting plan.", "approved"]],
    );
    assert.deepEqual(
      beside.map((r) => r.verb),
      under.map((r) => r.verb),
    );
  });
});

describe("a work programme table as a PDF prints it", () => {
  const header =
    "Date of meeting\tAgenda item\tPrioritisation Score\tReason for consideration\tResponsible Officer";
  const programme = (rows: string[]) =>
    readWorkProgramme(splitLines(["Work Programme 2024-2025", "", header, "", ...rows].join("\n"))).rows;

  it("ends the dated rows at a row across the table, and reads a wrapped one-cell row as a topic", () => {
    const rows = programme([
      "11 April 2025\tLibraries\t3 (Medium)\tMember request\tAna Ruiz",
      "",
      "Items to be scheduled",
      "",
      "Parks to be reviewed by the",
      "Place Overview and Scrutiny",
      "Panel",
      "",
      "\tBus Services\t5 (High)\tMember request\tBo Lee",
      "",
      "Wednesday 10 September 2025",
      "",
      "\tAllotments\t2 (Low)\t-\t-",
      "",
      "Please note that the programme may change at short notice.",
    ]);
    assert.deepEqual(
      rows.map((r) => [r.meetingDate, r.title]),
      [
        ["2025-04-11", "Libraries"],
        [null, "Parks to be reviewed by the Place Overview and Scrutiny Panel"],
        [null, "Bus Services"],
        ["2025-09-10", "Allotments"],
      ],
    );
  });

  it("reads a row that lost its empty cells by what each cell holds", () => {
    const rows = programme([
      "Select Committee Reviews",
      "",
      "Primary Care Services\tPID to be developed",
      "",
      "Dementia Care\t4 (High)\tMember request\tAna Ruiz",
      "",
      "TBC\tSchool Places",
    ]);
    assert.deepEqual(rows, [
      {
        meetingDate: null,
        title: "Primary Care Services",
        reason: "PID to be developed",
        kind: "select-review",
      },
      {
        meetingDate: null,
        title: "Dementia Care",
        priorityScore: 4,
        priorityBand: "high",
        reason: "Member request",
        responsible: "Ana Ruiz",
        kind: "select-review",
      },
      { meetingDate: null, title: "School Places", kind: "select-review" },
    ]);
  });

  it("gives the programme read from a PDF the PDF's media type", () => {
    const text = [
      "Oakvale Borough Council",
      "Place Overview and Scrutiny Panel",
      "Work Programme 2024-2025",
      "",
      header,
      "11 April 2025\tLibraries\t3 (Medium)\tMember request\tAna Ruiz",
    ].join("\n");
    const parsed = parseDocument(pdf("programme.pdf", text), {});
    const documents = parsed.bundle.documents ?? [];
    assert.deepEqual(
      documents.map((d) => [d.kind, d.mediaType]),
      [["work-programme", "application/pdf"]],
    );
  });
});
