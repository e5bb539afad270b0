import type { BundleDocument, BundleMeeting } from "../../domain/bundle.js";
import { isCapitals, titleCase } from "./bodies.js";
import { addLeadMember, addPerson, type Context, sourceOf, textOf } from "./context.js";
import { longDate } from "./dates.js";
import { datedEvents } from "./events.js";
import { documentId } from "./ids.js";
import { readAssessment } from "./assessment.js";
import { readLetter } from "./letter.js";
import type { Line } from "./lines.js";
import { bodyName } from "./meeting-header.js";
import type { PackItems } from "./pack.js";
import { REPORT_LABEL } from "./patterns.js";
import { addProsePeople, addReportedMeetings } from "./prose-people.js";
import type { Part } from "./recognise.js";
import type { Report } from "./report.js";
import { addWebFiles, meetingPacks } from "./web-item.js";

// The papers of a pack or a file of its own: a report, and the appendices, letters and
// assessments that follow it, each a document linked to the agenda item it serves.

export type Group = { report: Report; title: string; body?: string; date?: string };

export function reportDocument(
  lines: Line[],
  report: Report,
  ctx: Context,
  pack: PackItems | undefined,
): Group {
  const body = report.body ?? (ctx.hints.body ? bodyName(ctx.hints.body) : undefined);
  const date = report.date ?? report.signed;
  const title =
    report.title ?? (body ? `Report to ${body}` : (lines.find((l) => l.text !== "")?.text ?? "Report"));
  const item = pack?.claim("report", title);
  const doc: BundleDocument = {
    id: documentId(ctx.authority, body, date, title),
    title,
    kind: "report",
  };
  if (report.author) doc.author = addPerson(ctx, report.author);
  if (report.part) doc.part = report.part;
  if (report.exemptParagraph) doc.exemptParagraph = report.exemptParagraph;
  if (report.signed) doc.published = report.signed;
  // The body the report was written for, even when a pack puts it before another one.
  if (body) doc.body = ctx.out.body(ctx.authority, preferSpelling(body, ctx.doc.text));
  const leadMember = report.leadMember ? addLeadMember(ctx, report.leadMember, report.leadLabel) : undefined;
  const seniorOfficer = report.seniorOfficer ? addPerson(ctx, report.seniorOfficer) : undefined;
  for (const officer of report.consulted) addPerson(ctx, officer);
  for (const name of report.referredBodies) ctx.out.body(ctx.authority, preferSpelling(name, ctx.doc.text));
  const id = addDocument(ctx, lines, doc);
  pack?.link(item, id);
  addProsePeople(lines.map((l) => l.text).join("\n"), ctx);
  addReportedMeetings(lines.map((l) => l.text).join(" "), ctx);
  if (ctx.hints.issue) reportEvents(ctx, lines, id, report, { title, body });
  // A report to the meeting whose pack holds it tells that item's facts; a report to another
  // body (a Cabinet report put to scrutiny) does not.
  if (item && pack && body && pack.meeting.body === ctx.out.body(ctx.authority, body)) {
    if (report.keyDecision !== undefined) item.keyDecision = report.keyDecision;
    if (leadMember) item.leadMember = leadMember;
    if (seniorOfficer) item.leadOfficer = seniorOfficer;
    if (report.part) item.part = report.part;
    if (report.exemptParagraph) item.exemptParagraph = report.exemptParagraph;
    if (report.reference) item.forwardPlanRef = report.reference;
  }
  return { report, title, ...(body ? { body } : {}), ...(date ? { date } : {}) };
}

/** With --issue, a report's dated statements join that issue's timeline, and so does the report. */
function reportEvents(
  ctx: Context,
  lines: Line[],
  id: string,
  report: Report,
  { title, body }: { title: string; body: string | undefined },
): void {
  const issue = ctx.out.issue(ctx.hints.issue ?? "", ctx.authority);
  issue.documents = [...(issue.documents ?? []), id];
  // Reports wrap sentences across lines and page breaks: read the prose as one run of text,
  // without section headings ("3. Current Position") or paragraph numbers ("3.1").
  const prose = lines
    .map((l) => l.text)
    .filter((t) => t !== "" && !REPORT_LABEL.test(t))
    .filter((t) => !(/^\d+(?:\.\d+)*\.?\s+\S/.test(t) && t.length < 60 && !/[.;:]$/.test(t)))
    .join(" ")
    .replace(/(^|\s)\d+(?:\.\d+)+\s/g, " ");
  const events = datedEvents(prose, undefined, ctx, id, report.signed).filter((e) => e.date !== report.date);
  const by = report.author ? ` by ${report.author.name}` : "";
  const to = body ? ` to ${body}` : "";
  if (report.date) events.unshift({ date: report.date, text: `${title}: report${by}${to}`, document: id });
  else if (report.signed)
    events.unshift({ date: report.signed, text: `${title}: report${by}${to}`, document: id });
  issue.events = [...(issue.events ?? []), ...events];
}

export function attachment(
  part: Part,
  ctx: Context,
  group: Group | undefined,
  pack: PackItems | undefined,
): void {
  const first = part.lines.find((l) => l.text !== "")?.text ?? "";
  const listed = (test: (title: string) => boolean) => {
    const n = group?.report.appendices.findIndex(test) ?? -1;
    const title = n >= 0 ? group?.report.appendices[n] : undefined;
    return title ? `Appendix ${n + 1}: ${title}` : undefined;
  };
  const doc: BundleDocument = { id: "", title: "", kind: part.kind };
  if (part.kind === "letter") {
    const letter = readLetter(part.lines);
    if (letter.author) {
      doc.author = ctx.out.person({
        name: letter.author.name,
        kind: "external",
        ...(letter.author.jobTitle ? { jobTitle: letter.author.jobTitle } : {}),
      });
    }
    if (letter.addressee) {
      addPerson(ctx, letter.addressee, letter.addresseeAuthority ?? ctx.authority);
      if (letter.addresseeAuthority) ctx.out.authority(letter.addresseeAuthority);
    }
    if (letter.date) doc.published = letter.date;
    const described = `Letter${letter.author ? ` from ${letter.author.name}` : ""}${letter.addressee ? ` to ${letter.addressee.name}` : ""}`;
    doc.title = listed((t) => /\bletter\b/i.test(t)) ?? described;
  } else if (part.kind === "assessment") {
    const assessment = readAssessment(part.lines);
    if (assessment.officer) doc.author = addPerson(ctx, assessment.officer);
    if (assessment.approver) addPerson(ctx, assessment.approver);
    if (assessment.date) doc.published = assessment.date;
    const heading = isCapitals(assessment.title) ? titleCase(assessment.title) : assessment.title;
    doc.title = listed((t) => /\bassessment\b/i.test(t)) ?? (group ? `${heading}: ${group.title}` : heading);
  } else {
    // "Appendix 1. Prospectus" in the report's list, "Prospectus (Heads of Terms) for …" on the page.
    const n =
      group?.report.appendices.findIndex((t) => first.toLowerCase().startsWith(t.toLowerCase())) ?? -1;
    doc.title = n >= 0 && !/^appendix\b/i.test(first) ? `Appendix ${n + 1}: ${first}` : first;
  }
  // Appendices share the report's Part: a Part II report's appendices are exempt with it.
  if (group?.report.part) doc.part = group.report.part;
  doc.id = documentId(ctx.authority, group?.body, group?.date, doc.title);
  const id = addDocument(ctx, part.lines, doc);
  pack?.link(pack.current, id);
}

/** The packs a meeting's front sheet lists ("Public Reports Pack (PDF, 94 pages)"): documents of
 * that meeting's body, each known by the meeting and its own title. */
export function addMeetingPacks(ctx: Context, lines: Line[], meeting: BundleMeeting): string[] {
  const packs = meetingPacks(lines).map((pack) => ({
    ...pack,
    title: `${meeting.body}, ${longDate(meeting.date)}: ${pack.title}`,
    body: meeting.body,
  }));
  return addWebFiles(ctx, packs, { authority: meeting.authority, body: meeting.body, date: meeting.date });
}

const MEDIA_TYPES: Partial<Record<string, string>> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html",
};

export function addDocument(ctx: Context, lines: Line[], doc: BundleDocument): string {
  const source = sourceOf(ctx, lines);
  const full: BundleDocument = { ...doc, authority: ctx.authority, text: textOf(ctx, lines) };
  // A part of a PDF pack is a PDF; plain text is a conversion, so it claims no original format.
  const mediaType = MEDIA_TYPES[ctx.doc.format];
  if (mediaType && !full.mediaType) full.mediaType = mediaType;
  if (source) full.source = source;
  return ctx.out.document(full);
}

/** A heading in capitals is better written as the document writes it elsewhere. */
export function preferSpelling(name: string, text: string): string {
  const words = name.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (words.length === 0 || words.length > 12) return name;
  const pattern = new RegExp(`\\b${words.join("[ \\t]+")}\\b`, "gi");
  let seen = 0;
  for (const m of text.slice(0, 2_000_000).matchAll(pattern)) {
    if (!isCapitals(m[0])) return m[0];
    if (++seen > 50) break;
  }
  return name;
}
