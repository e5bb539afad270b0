import { authorityFromCapitals } from "./authorities.js";
import { isOutsideBody, looksLikeBody } from "./bodies.js";
import { findDates, isDateLine } from "./dates.js";
import type { Line } from "./lines.js";
import { squash } from "./lines.js";
import { bodyName } from "./meeting-header.js";
import { REPORT_LABEL, REPORT_LABEL_CELL } from "./patterns.js";
import { looksLikeName, readPerson, type PersonRef } from "./people.js";
import { appendixTitles } from "./starts.js";

// A report: its metadata block ("Subject:", "Committee:", "Date:", "Cabinet Member:", "Author:",
// "Key Decision:", "Part:"), or, where it has none, what its text says: the body it is for
// ("Members of the Forum are asked to note …"), and the author, job title and date it ends with.

export type Report = {
  authority?: string;
  title?: string;
  body?: string;
  date?: string;
  leadMember?: PersonRef;
  /** the label that named the lead member: "Cabinet Member", "Portfolio Holder" */
  leadLabel?: string;
  seniorOfficer?: PersonRef;
  author?: PersonRef;
  keyDecision?: boolean;
  part?: "I" | "II";
  exemptParagraph?: string;
  reference?: string;
  /** the date the report is signed, at its end */
  signed?: string;
  appendices: string[];
  /** officers whose comments the report carries: "Legal officer consulted: Ann Bell, Solicitor" */
  consulted: PersonRef[];
  /** bodies that have considered the report's subject, or that it recommends to */
  referredBodies: string[];
  hasMetadata: boolean;
};

export function readReport(lines: Line[]): Report {
  const report: Report = {
    appendices: appendixTitles(lines, 0, lines.length),
    hasMetadata: false,
    consulted: [],
    referredBodies: [],
  };
  for (const line of lines.slice(0, 6)) {
    const authority = authorityFromCapitals(line.text);
    if (authority) report.authority ??= authority;
  }
  for (const { label, value } of labelled(lines)) {
    report.hasMetadata = true;
    applyLabel(report, label, value);
  }
  // "Report author: …", "Telephone: …" under the appendices: the author signs off at the end.
  for (const line of lines.filter((l) => l.text !== "").slice(-6)) {
    const found = labelOf(line);
    if (found && /^(author|report author|contact officer)$/.test(found.label))
      applyLabel(report, found.label, found.value);
  }
  report.consulted = consulted(lines);
  report.referredBodies = referredBodies(lines);
  if (!report.body) report.body = bodyFromText(lines);
  const end = signature(lines);
  if (end) {
    report.author ??= end.person;
    report.signed = end.date;
  }
  return report;
}

type Label = { label: string; value: string };

/** "Subject: Tree Strategy", or a table's row "Subject<tab>Tree Strategy" without the colon. */
function labelOf(line: Line | undefined): Label | undefined {
  const m = REPORT_LABEL.exec(line?.text ?? "");
  if (m) return { label: (m[1] ?? "").toLowerCase(), value: (m[2] ?? "").trim() };
  const [label = "", value = "", ...rest] = (line?.raw ?? "").split("\t").map((c) => c.trim());
  if (rest.length > 0 || !REPORT_LABEL_CELL.test(label)) return undefined;
  return { label: label.toLowerCase(), value: squash(value) };
}

/** The metadata block: each label with its value, continued on lines without a label. */
function labelled(lines: Line[]): Label[] {
  const start = lines.findIndex((l) => labelOf(l) !== undefined);
  if (start < 0) return [];
  const found: Label[] = [];
  let gap = 0;
  for (let i = start; i < lines.length && gap < 3; i++) {
    const text = lines[i]?.text ?? "";
    if (text === "") continue;
    const label = labelOf(lines[i]);
    if (label) {
      found.push(label);
      gap = 0;
      continue;
    }
    const last = found[found.length - 1];
    if (last && text.length < 120 && /^[\w.-]+(?:\s[\w.-]+)?\s*:|@/.test(text)) last.value += ` ${text}`;
    else gap++;
  }
  return found;
}

function applyLabel(report: Report, label: string, value: string): void {
  if (value === "") return;
  if (/^(subject|title of report|report title|title)$/.test(label)) report.title ??= squash(value);
  else if (/^(committee|meeting|report to|decision maker)$/.test(label)) {
    if (looksLikeBody(value) || value.split(" ").length <= 6) report.body ??= bodyName(value);
  } else if (/^(date|date of meeting)$/.test(label)) report.date ??= findDates(value)[0]?.iso;
  else if (/^(cabinet member|portfolio holder|lead member|executive member)$/.test(label)) {
    const person = personWithJob(value);
    if (person) report.leadMember ??= { ...person, councillor: true };
    report.leadLabel ??= label;
  } else if (
    /^(cmt member|smt member|elt member|senior officer|lead officer|lead director|responsible officer|responsible director|report of|report by)$/.test(
      label,
    )
  )
    report.seniorOfficer ??= personWithJob(value);
  else if (/^(author|report author|contact officer)$/.test(label)) report.author ??= personWithJob(value);
  else if (label === "key decision") {
    if (/^yes\b/i.test(value)) report.keyDecision = true;
    else if (/^no\b/i.test(value)) report.keyDecision = false;
  } else if (label === "part") {
    if (/^(II|2)\b/i.test(value)) report.part = "II";
    else if (/^(I|1)\b/i.test(value)) report.part = "I";
  } else if (label === "exempt") {
    // "Appendix B is exempt under paragraph 3" makes the appendix exempt, not the report.
    const paragraph = /paragraphs?\s+(\d+[a-z]?)/i.exec(value);
    if (paragraph?.[1] && !/\bappendi(x|ces)\b/i.test(value)) {
      report.exemptParagraph = paragraph[1];
      report.part = "II";
    }
  } else if (/^(ref|reference|forward plan ref|forward plan reference)$/.test(label))
    report.reference = value;
}

/** "Finance officer consulted: Kwabena Asamoah, Finance Business Partner", "Officer consulted -
 * …": a label ending in "consulted", and the officer with their post. */
const CONSULTED = /^(?:[A-Z][\w ]{0,40}\s)?(?:officers?\s+)?consulted\s*[:–-]\s*(\S.{3,160})$/i;

function consulted(lines: Line[]): PersonRef[] {
  return lines
    .map((l) => CONSULTED.exec(l.text)?.[1])
    .map((value) => (value ? personWithJob(value) : undefined))
    .filter((p) => p !== undefined);
}

/** "The draft was considered by the Place Scrutiny Panel on …", "(e) recommends to Council
 * that …": the council's bodies a report says have seen it, or that it sends a decision to. */
const CONSIDERED_BY =
  /\b(?:considered|scrutinised|reviewed|endorsed)\s+by\s+the\s+((?:[A-Z][\w'’-]*\s){1,5}(?:Committee|Sub-Committee|Panel|Board|Forum))\b/g;
const RECOMMENDS_TO = /\brecommends?\s+to\s+(?:the\s+)?(Full\s+Council|Council)\s+that\b/g;

function referredBodies(lines: Line[]): string[] {
  const text = squash(lines.map((l) => l.text).join(" ")).slice(0, 200000);
  const names = [...text.matchAll(CONSIDERED_BY), ...text.matchAll(RECOMMENDS_TO)]
    .map((m) => bodyName(m[1] ?? ""))
    .filter((name) => looksLikeBody(name) && !isOutsideBody(name));
  return [...new Set(names)];
}

/** "Daniel Cho, Leisure Services Manager" */
function personWithJob(value: string): PersonRef | undefined {
  // An email address or telephone number in brackets is contact detail, not part of the job.
  const plain = value.replace(/\s*\([^()]*(?:@|\d{4})[^()]*\)/g, "").replace(/\s*\S+@\S+/g, "");
  const [name, ...job] = plain.split(/\s*,\s*|\s+[–-]\s+/);
  const person = readPerson(name ?? "", false);
  if (!person) return undefined;
  const jobTitle = job
    .join(", ")
    .replace(/\s*(?:tel|telephone|email|e-mail)\b.*$/i, "")
    .trim();
  return jobTitle && !/\d|@/.test(jobTitle) ? { ...person, jobTitle } : person;
}

const ASKED =
  /([A-Z][\w'’]*(?:\s+(?:[A-Z][\w'’]*|and|of|&))*)\s+(?:is|are)\s+(?:asked|recommended|requested|invited)\s+to\b/;
const PURPOSE =
  /\b(?:to\s+(?:update|inform|advise|brief|ask|seek\s+approval\s+from)|report\s+to)\s+(?:the\s+)?([A-Z][\w'’]*(?:\s+(?:[A-Z][\w'’]*|and|of|&))*)/;

/** The body a report without a metadata block is for: "Housing Panel is asked to note …". */
function bodyFromText(lines: Line[]): string | undefined {
  const text = squash(lines.map((l) => l.text).join(" ")).slice(0, 50000);
  for (const pattern of [ASKED, PURPOSE]) {
    const m = pattern.exec(text);
    const name = m?.[1]?.replace(/^(?:The|That)\s+/, "");
    if (name && looksLikeBody(name)) return bodyName(name);
  }
  return undefined;
}

/** "Mark Turner / Director of Place / 10th January 2024" at the end. */
function signature(lines: Line[]): { person: PersonRef; date?: string } | undefined {
  const tail = lines.filter((l) => l.text !== "").slice(-6);
  for (let i = 0; i < tail.length - 1; i++) {
    const name = tail[i]?.text ?? "";
    const job = tail[i + 1]?.text ?? "";
    if (!looksLikeName(name) || name.split(" ").length < 2 || job.length > 100 || /[.;:]$/.test(job))
      continue;
    const person = readPerson(name, false);
    if (!person) continue;
    const dateLine = tail.slice(i + 2).find((l) => isDateLine(l.text));
    const date = dateLine ? findDates(dateLine.text)[0]?.iso : undefined;
    return { person: isDateLine(job) ? person : { ...person, jobTitle: job }, ...(date ? { date } : {}) };
  }
  return undefined;
}
