import type { Block } from "./blocks.js";
import { rangeLabel, type PagePlan } from "./plan.js";
import type { OpenItem, PackFacts, WithheldItem } from "./types.js";
import { accessNotes, clockTime, exemptionWords, longDate, memberLines, shortDate } from "./wording.js";

// The front sheet and the agenda, as blocks for the typesetter. The agenda's page ranges come
// from the page plan, which is worked out before this is laid out: papers are numbered from
// the first page after the agenda, so the agenda's own length never moves them.

const INDENT = 18;

export function packTitle(facts: PackFacts): string {
  const what = facts.kind === "supplement" ? "Supplementary agenda" : "Agenda pack";
  const restricted = facts.audience === "restricted" ? " (restricted)" : "";
  return `${what}${restricted}: ${facts.body.name}, ${longDate(facts.meeting.date)}`;
}

export function frontSheetBlocks(facts: PackFacts): Block[] {
  const { meeting } = facts;
  const blocks: Block[] = [
    { kind: "paragraph", text: facts.authority.name, style: "title" },
    {
      kind: "paragraph",
      text:
        (facts.kind === "supplement" ? "Supplement to the agenda" : "Agenda pack") +
        (facts.audience === "restricted" ? ": restricted" : ""),
      style: "subtitle",
    },
  ];
  if (facts.audience === "restricted") {
    blocks.push({
      kind: "paragraph",
      bold: true,
      text:
        "NOT FOR PUBLICATION. This pack contains exempt information. It is for members of the " +
        `${facts.body.name} and officers only: do not pass it on.`,
    });
  }
  blocks.push({ kind: "space", points: 14 }, { kind: "heading", level: 1, text: facts.body.name });
  const when = [
    `Date: ${longDate(meeting.date)}`,
    ...(meeting.startTime ? [`Time: ${clockTime(meeting.startTime)}`] : []),
    ...(meeting.venue ? [`Venue: ${meeting.venue}`] : []),
  ];
  blocks.push({ kind: "paragraph", text: when.join("\n") });
  if (meeting.status === "cancelled") {
    blocks.push({ kind: "paragraph", bold: true, text: "This meeting has been cancelled." });
  }
  const members = memberLines(facts.members);
  if (members.length > 0) {
    blocks.push(
      { kind: "heading", level: 3, text: "Members" },
      { kind: "paragraph", text: members.join("\n") },
      {
        kind: "paragraph",
        text: "Members are invited to attend the above meeting to consider the items of business overleaf.",
      },
    );
  }
  const contact = [
    ...(meeting.contact ? [`Please ask for ${meeting.contact}`] : []),
    ...(meeting.publishedOn && facts.kind === "agenda"
      ? [`Published ${shortDate(meeting.publishedOn)}`]
      : []),
  ];
  if (contact.length > 0) {
    blocks.push(
      { kind: "heading", level: 3, text: "Contact" },
      { kind: "paragraph", text: contact.join("\n") },
    );
  }
  if (facts.kind === "supplement") {
    blocks.push(
      { kind: "heading", level: 3, text: "Late items" },
      {
        kind: "paragraph",
        text:
          "The chair has agreed that the items in this supplement may be considered at the meeting as a " +
          "matter of urgency, for the reasons given with each item (Local Government Act 1972, section 100B(4)(b)).",
      },
    );
  }
  blocks.push({ kind: "heading", level: 3, text: "Access to information" });
  for (const note of accessNotes(facts))
    blocks.push({ kind: "list-item", marker: "•", text: note, level: 0 });
  return blocks;
}

export function agendaBlocks(facts: PackFacts, plan: PagePlan): Block[] {
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: facts.kind === "supplement" ? "Supplementary agenda" : "Agenda" },
    { kind: "paragraph", text: `${facts.body.name}, ${longDate(facts.meeting.date)}`, style: "small" },
  ];
  if (facts.items.length === 0) blocks.push({ kind: "paragraph", text: "There are no items of business." });
  // Exempt business is printed under its own heading (councils take it last, after the
  // resolution to exclude the public); should public business follow it, it says so.
  let partTwo = false;
  for (const [index, item] of facts.items.entries()) {
    const exempt = item.withheld || item.part === "II";
    if (exempt && !partTwo) {
      blocks.push(
        { kind: "heading", level: 2, text: "Part II: exempt information" },
        {
          kind: "paragraph",
          text:
            `The ${facts.body.name} is likely to exclude the press and public for the following ` +
            "business, because it involves the likely disclosure of exempt information.",
        },
      );
    }
    if (!exempt && partTwo) blocks.push({ kind: "heading", level: 2, text: "Part I: public business" });
    partTwo = exempt;
    blocks.push(...(item.withheld ? withheldItem(item, facts) : openItem(item, index, plan, facts)));
  }
  return blocks;
}

function withheldItem(item: WithheldItem, facts: PackFacts): Block[] {
  return [
    {
      kind: "list-item",
      marker: `${item.number}.`,
      text: "Exempt information: not for publication",
      level: 0,
      bold: true,
    },
    {
      kind: "paragraph",
      text: `Under ${exemptionWords(item.exemptParagraph, facts.authority.nation)}.`,
      indent: INDENT,
    },
  ];
}

function openItem(item: OpenItem, index: number, plan: PagePlan, facts: PackFacts): Block[] {
  const blocks: Block[] = [
    { kind: "list-item", marker: `${item.number}.`, text: item.title, level: 0, bold: true },
  ];
  const range = plan.items[index];
  if (range) blocks.push({ kind: "paragraph", text: rangeLabel(range), indent: INDENT });
  if (item.part === "II") {
    blocks.push({
      kind: "paragraph",
      bold: true,
      indent: INDENT,
      text: `Not for publication: exempt under ${exemptionWords(item.exemptParagraph, facts.authority.nation)}.`,
    });
  }
  if (item.description) blocks.push({ kind: "paragraph", text: item.description, indent: INDENT });
  if (item.isLate) {
    blocks.push({
      kind: "paragraph",
      indent: INDENT,
      text: `Reason for urgency: ${item.urgencyReason ?? "not recorded"}`,
    });
  }
  if (item.isKeyDecision) blocks.push({ kind: "paragraph", text: "Key decision.", indent: INDENT });
  const papers = plan.papers[index] ?? [];
  if (item.papers.length > 1) {
    const lines = item.papers.map((paper, p) => {
      const planned = papers[p];
      const restricted = paper.part === "II" ? " (not for publication)" : "";
      return `${paper.title}${restricted} ${planned ? rangeLabel(planned.range) : ""}`.trim();
    });
    for (const line of lines) blocks.push({ kind: "list-item", marker: "–", text: line, level: 1 });
  }
  return blocks;
}
