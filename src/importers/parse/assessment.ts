import { findDates } from "./dates.js";
import type { Line } from "./lines.js";
import { readPerson, type PersonRef } from "./people.js";

// An impact assessment as a table of label and value cells: "Responsible Officer<tab>Fiona Wells",
// "Date of Assessment<tab>17 August 2017", and the approver "…approving EIA.<tab>Name, Job".

export type Assessment = { title: string; date?: string; officer?: PersonRef; approver?: PersonRef };

export function readAssessment(lines: Line[]): Assessment {
  const heading = lines.find((l) => l.text !== "")?.text ?? "Impact assessment";
  const assessment: Assessment = { title: heading };
  for (const line of lines) {
    const cells = line.raw.split("\t").map((c) => c.trim());
    const label = (cells[0] ?? "").toLowerCase();
    const value = cells[1] ?? "";
    if (!value) continue;
    if (/^date\s+of\s+(?:assessment|completion)/.test(label)) assessment.date ??= findDates(value)[0]?.iso;
    else if (
      /^(?:responsible|lead|assessing)\s+officer|^completed\s+by|^assessment\s+(?:completed\s+)?by/.test(
        label,
      )
    )
      assessment.officer ??= readPerson(value, false);
    else if (/\bapprov/.test(label)) {
      const [name, ...job] = value.split(/\s*,\s*/);
      const person = readPerson(name ?? "", false);
      if (person) assessment.approver = job.length > 0 ? { ...person, jobTitle: job.join(", ") } : person;
      const dateAt = cells.findIndex((c) => /^date$/i.test(c));
      if (dateAt >= 0) assessment.date ??= findDates(cells[dateAt + 1] ?? "")[0]?.iso;
    }
  }
  return assessment;
}
