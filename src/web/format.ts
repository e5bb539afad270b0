import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { clockTime, longDate } from "../domain/wording.js";
import type { PersonName } from "../records/meetings.js";

// How the portal writes dates, times, sizes and names, following the GOV.UK style guide:
// "Wednesday 20 September 2017", "10am", "5:30pm", "midday", "Pages 7 to 28".

const LONDON = tz("Europe/London");

/** Today's date where the councils are, whatever the server's time zone. */
export function londonDate(instant: Date): string {
  return format(instant, "yyyy-MM-dd", { in: LONDON });
}

export { clockTime, longDate };

export function timeRange(start: string | null, end: string | null): string | null {
  if (start === null) return null;
  return end === null ? clockTime(start) : `${clockTime(start)} to ${clockTime(end)}`;
}

/** Sizes in binary units, as file managers show them: 668,672 bytes is "653 KB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const FORMATS: Record<string, string> = {
  "application/pdf": "PDF",
  "application/msword": "MS Word Document",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "MS Word Document",
  "application/vnd.ms-excel": "MS Excel Spreadsheet",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "MS Excel Spreadsheet",
  "application/vnd.oasis.opendocument.text": "ODT",
  "text/html": "HTML",
  "text/plain": "Plain text",
  "text/csv": "CSV",
};

export function fileFormat(mediaType: string): string {
  return FORMATS[mediaType] ?? mediaType;
}

/** "PDF, 653 KB"; null when nothing is known of the file. */
export function fileDescription(mediaType: string | null, sizeBytes: number | null): string | null {
  const parts = [
    ...(mediaType === null ? [] : [fileFormat(mediaType)]),
    ...(sizeBytes === null ? [] : [fileSize(sizeBytes)]),
  ];
  return parts.length === 0 ? null : parts.join(", ");
}

export function pageRange(pages: { from: number; to: number } | null): string | null {
  if (pages === null) return null;
  return pages.from === pages.to ? `Page ${pages.from}` : `Pages ${pages.from} to ${pages.to}`;
}

/** A stored code as words: "agenda-pack" → "Agenda pack". */
export function sentenceCase(code: string): string {
  const words = code.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Councillor Mrs Aspinall", "Ross Jago", "Dr Hong Tan". */
export function personLabel(person: PersonName): string {
  const name = person.honorific ? `${person.honorific} ${person.name}` : person.name;
  return person.kind === "councillor" ? `Councillor ${name}` : name;
}

const ROLES: Record<string, string> = { chair: "Chair", "vice-chair": "Vice-Chair" };

export function roleLabel(role: string): string {
  return ROLES[role] ?? sentenceCase(role);
}

/** Stored text keeps its line breaks; each non-empty line is shown as a paragraph. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

export type TextBlock = { paragraph: string } | { bullets: string[] };

/** Paragraphs, with runs of lines written as "- …" (as minutes print their lists) made into
 * bulleted lists. */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const line of paragraphs(text)) {
    const bullet = /^[-•–]\s+(.*)$/.exec(line)?.[1];
    const last = blocks.at(-1);
    if (bullet === undefined) blocks.push({ paragraph: line });
    else if (last && "bullets" in last) last.bullets.push(bullet);
    else blocks.push({ bullets: [bullet] });
  }
  return blocks;
}
