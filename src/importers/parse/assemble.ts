import type { BundleDocument } from "../../domain/bundle.js";
import { readAgenda } from "./agenda.js";
import { parseArticle } from "./article.js";
import { parseCommitteePage } from "./committee-page.js";
import { addLeadMember, addPerson, type Context, lacks, sourceOf } from "./context.js";
import { longDate } from "./dates.js";
import { readFrontSheet } from "./front-sheet.js";
import { parseDecisionNotices } from "./decision-notice.js";
import { documentId } from "./ids.js";
import { parseIssueHistory } from "./issue-history.js";
import { itemKind, markedKeyDecision } from "./item-kinds.js";
import type { Line } from "./lines.js";
import { bodyName, readHeading } from "./meeting-header.js";
import { parseMeetingPage } from "./meeting-page.js";
import { parseMeetingsList } from "./meetings-list.js";
import { parseMinutes } from "./minutes.js";
import { readPerson } from "./people.js";
import { PackItems } from "./pack.js";
import { CO_OPTED_POST } from "./patterns.js";
import {
  addDocument,
  addMeetingPacks,
  attachment,
  type Group,
  preferSpelling,
  reportDocument,
} from "./papers.js";
import { addWorkProgramme } from "./programme-entries.js";
import type { Part } from "./recognise.js";
import { readReport } from "./report.js";
import { addWebFiles, linkedFiles, listedPapers } from "./web-item.js";

// Turns the recognised parts of one document into bundle records, in document order, linking
// each paper of an agenda pack to its agenda item.

export function assemble(parts: Part[], ctx: Context): string[] {
  const names: string[] = [];
  let pack: PackItems | undefined;
  let packSpan: Line[] = [];
  let group: Group | undefined;
  for (const part of parts) {
    names.push(part.kind);
    switch (part.kind) {
      case "front-sheet": {
        pack = frontSheet(part.lines, ctx);
        if (pack) addMeetingPacks(ctx, part.lines, pack.meeting);
        packSpan = part.lines;
        break;
      }
      case "agenda": {
        pack ??= agendaMeeting(part.lines, ctx);
        if (pack) agenda(part.lines, pack, ctx);
        packSpan = [...packSpan, ...part.lines];
        if (pack) packDocument(pack, packSpan, ctx);
        break;
      }
      case "minutes": {
        group = undefined;
        const meeting = parseMinutes(part.lines, ctx);
        if (!meeting) break;
        const draft = meeting.minutesStatus === "draft";
        const id = addDocument(ctx, part.lines, {
          id: documentId(meeting.authority, meeting.body, meeting.date, "minutes"),
          title: `${meeting.body}, ${longDate(meeting.date)}: ${draft ? "draft minutes" : "minutes"}`,
          kind: "minutes",
          body: meeting.body,
        });
        pack?.link(pack.claim("minutes"), id);
        break;
      }
      case "report": {
        const report = readReport(part.lines);
        if (report.hasMetadata) names.push("report-metadata");
        group = reportDocument(part.lines, report, ctx, pack);
        break;
      }
      case "appendix":
      case "letter":
      case "assessment": {
        attachment(part, ctx, group, pack);
        break;
      }
      case "work-programme": {
        group = undefined;
        const id = addWorkProgramme(part.lines, ctx, pack?.meeting.body);
        if (id) pack?.link(pack.claim("work-programme"), id);
        break;
      }
      case "decisions":
        group = undefined;
        parseDecisionNotices(part.lines, ctx);
        break;
      case "issue-history":
        parseIssueHistory(part.lines, ctx);
        break;
      case "meeting-page":
        parseMeetingPage(part.lines, ctx);
        break;
      case "committee-page":
        parseCommitteePage(part.lines, ctx);
        break;
      case "meetings-list":
        parseMeetingsList(part.lines, ctx);
        break;
      case "article":
        parseArticle(part.lines, ctx);
        break;
      case "other":
        ctx.warnings.push(
          `${ctx.doc.file}: some text was not recognised (from character ${part.lines[0]?.from ?? 0})`,
        );
        break;
    }
  }
  return names;
}

function frontSheet(lines: Line[], ctx: Context): PackItems | undefined {
  const sheet = readFrontSheet(lines);
  const body = sheet.body ?? (ctx.hints.body ? bodyName(ctx.hints.body) : undefined);
  const date = sheet.date ?? ctx.hints.date;
  if (!body || !date) {
    lacks(ctx, "front sheet", body ? "date" : "committee");
    return undefined;
  }
  const meeting = ctx.out.meeting(ctx.authority, preferSpelling(body, ctx.doc.text), date);
  meeting.published = true;
  meeting.minutesStatus ??= "none";
  if (sheet.start) meeting.start = sheet.start;
  if (sheet.venue) meeting.venue = sheet.venue;
  if (sheet.published) meeting.agendaPublished = sheet.published;
  if (sheet.contact) meeting.contact = addPerson(ctx, sheet.contact);
  // A joint body lists each member's council, the host's too; that is the member's organisation.
  const councils = new Set(sheet.members.map((m) => m.organisation).filter((o) => o !== undefined));
  for (const member of sheet.members) {
    // A co-opted or independent member sits on the body without being a councillor.
    const coopted = !member.organisation && CO_OPTED_POST.test(member.jobTitle ?? "");
    const person = addPerson(ctx, { ...member, councillor: !coopted, external: coopted });
    if (councils.size >= 2 && member.organisation && !coopted)
      ctx.out.person({ name: person, kind: "councillor", organisation: member.organisation });
    const role = member.role ?? "member";
    ctx.out.membership({ person, body: meeting.body, authority: meeting.authority, role });
  }
  if (sheet.signatory) addPerson(ctx, sheet.signatory);
  // A joint body's councils are authorities of the bundle; its clerk serves it from one of them.
  for (const council of sheet.constituents ?? []) ctx.out.authority(council);
  if (sheet.clerk) {
    const clerk = addPerson(ctx, sheet.clerk);
    if (sheet.clerk.organisation)
      ctx.out.person({ name: clerk, kind: "officer", organisation: sheet.clerk.organisation });
    ctx.out.membership({ person: clerk, body: meeting.body, authority: meeting.authority, role: "clerk" });
  }
  return new PackItems(meeting);
}

/** An agenda without a front sheet names its meeting in its heading. */
function agendaMeeting(lines: Line[], ctx: Context): PackItems | undefined {
  const heading = readHeading(lines.slice(0, 12));
  const body = heading.body ?? ctx.hints.body;
  const date = heading.date ?? ctx.hints.date;
  if (!body || !date) return undefined;
  const meeting = ctx.out.meeting(ctx.authority, preferSpelling(bodyName(body), ctx.doc.text), date);
  meeting.published = true;
  if (heading.start) meeting.start ??= heading.start;
  if (heading.venue) meeting.venue ??= heading.venue;
  return new PackItems(meeting);
}

function agenda(lines: Line[], pack: PackItems, ctx: Context): void {
  for (const a of readAgenda(lines)) {
    const item = ctx.out.item(pack.meeting, a.number, a.title, itemKind(a.title));
    if (a.pages) item.pages = a.pages;
    if (a.description) item.description = a.description;
    if (a.part === "II") item.part = "II";
    if (a.exemptParagraph) item.exemptParagraph = a.exemptParagraph;
    if (a.keyDecision || (a.lines[0] && markedKeyDecision(a.lines[0].text))) item.keyDecision = true;
    const lead = a.leadMember ? readPerson(a.leadMember.name, true) : undefined;
    if (lead && a.leadMember) item.leadMember = addLeadMember(ctx, lead, a.leadMember.label);
    const source = sourceOf(ctx, a.lines);
    if (source) item.source = source;
    const where = { authority: pack.meeting.authority, body: pack.meeting.body, date: pack.meeting.date };
    const papers = [...linkedFiles(a.lines, a.title), ...listedPapers(a.papers, a.title)].map((p) =>
      item.part === "II" ? { ...p, part: "II" as const } : p,
    );
    for (const id of addWebFiles(ctx, papers, { ...where, itemKind: item.kind }))
      if (!item.documents.includes(id)) item.documents.push(id);
  }
}

function packDocument(pack: PackItems, lines: Line[], ctx: Context): void {
  const m = pack.meeting;
  const doc: BundleDocument = {
    id: documentId(m.authority, m.body, m.date, "agenda"),
    title: `${m.body}, ${longDate(m.date)}: agenda`,
    kind: "agenda-pack",
    body: m.body,
  };
  if (m.agendaPublished) doc.published = m.agendaPublished;
  addDocument(ctx, lines, doc);
}
