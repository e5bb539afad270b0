import { isIsoDate } from "../../domain/calendar.js";

// Back-office forms as data: each form is a list of fields, read and checked here by one pure
// function, and drawn by one template (views/macros/form-fields.njk) with the GOV.UK Design
// System's components. Error messages follow the Design System's wording for each component.

export type Option = { value: string; text: string };

type Common = {
  name: string;
  label: string;
  hint?: string;
  isRequired?: boolean;
  /** The message when a required answer is not given, for a question the Design System words
   * its own way (a yes or no: "Select yes if you want to remove it"). */
  missingMessage?: string;
};

export type Field =
  | (Common & {
      kind: "text";
      maxLength: number;
      width?: "short" | "full";
      /** a password: typed unseen, and never sent back to the browser */
      isSecret?: boolean;
    })
  | (Common & { kind: "textarea"; maxLength: number; rows?: number })
  | (Common & { kind: "number"; min: number; max: number })
  | (Common & { kind: "date" })
  | (Common & { kind: "time" })
  | (Common & { kind: "select" | "radios"; options: readonly Option[] })
  | (Common & { kind: "checkbox"; checkboxText: string })
  | (Common & { kind: "checkboxes"; options: readonly Option[] })
  | (Common & { kind: "file"; accept: string });

/** What a form posted, as text: a date is three boxes, so it is three values. */
export type RawValues = Record<string, string | string[] | undefined>;

/** What a form means once checked: null for a field left empty. A file field's value is read
 * by the route (it is not in the posted text) and is absent here. */
export type Value = string | number | boolean | string[] | null;
export type Values = Record<string, Value>;

export type FieldErrors = Record<string, string>;

export type ReadForm = { values: Values; errors: FieldErrors };

export const DATE_PARTS = ["day", "month", "year"] as const;

/** "Title" → "title", but "Part II reason" keeps its capitals after the first word. */
function inSentence(label: string): string {
  const [first = "", ...rest] = label.split(" ");
  const lowered = /^[A-Z][a-z]/.test(first) ? first.toLowerCase() : first;
  return [lowered, ...rest].join(" ");
}

/** One field's text; a name posted twice is not one field's text, so it reads as empty. */
function trimmed(raw: RawValues, name: string): string {
  const value = raw[name];
  return typeof value === "string" ? value.trim() : "";
}

function chosen(raw: RawValues, name: string): string[] {
  const value = raw[name];
  if (value === undefined) return [];
  return (typeof value === "string" ? [value] : value)
    .map((text) => text.trim())
    .filter((text) => text !== "");
}

/** "14:30", "2:30pm", "2pm", "14.30" → "14:30"; anything else → null. */
export function readTime(text: string): string | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? "0");
  const half = match[3]?.toLowerCase();
  if (half !== undefined) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half === "pm" ? 12 : 0);
  } else if (match[2] === undefined) {
    return null;
  }
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

function readDate(field: Field, raw: RawValues): { value: string | null; error?: string } {
  const day = trimmed(raw, `${field.name}-day`);
  const month = trimmed(raw, `${field.name}-month`);
  const year = trimmed(raw, `${field.name}-year`);
  const label = field.label;
  if (day === "" && month === "" && year === "") {
    return field.isRequired ? { value: null, error: `Enter ${inSentence(label)}` } : { value: null };
  }
  const missing = DATE_PARTS.filter((_, index) => [day, month, year][index] === "");
  if (missing.length > 0) return { value: null, error: `${label} must include a ${missing.join(" and ")}` };
  if (![day, month, year].every((part) => /^\d+$/.test(part))) {
    return { value: null, error: `${label} must be a real date` };
  }
  if (year.length !== 4) return { value: null, error: `Year must include 4 numbers` };
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  if (!isIsoDate(iso)) return { value: null, error: `${label} must be a real date` };
  return { value: iso };
}

function readField(field: Field, raw: RawValues): { value: Value; error?: string } {
  if (field.kind === "date") return readDate(field, raw);
  if (field.kind === "checkbox") return { value: trimmed(raw, field.name) === "yes" };
  if (field.kind === "file") return { value: null };
  if (field.kind === "checkboxes") {
    const values = [...new Set(chosen(raw, field.name))];
    if (values.length === 0 && field.isRequired)
      return { value: [], error: `Select ${inSentence(field.label)}` };
    if (!values.every((value) => field.options.some((option) => option.value === value))) {
      return { value: [], error: `Select ${inSentence(field.label)} from the list` };
    }
    return { value: values };
  }
  const text = trimmed(raw, field.name);
  const described = inSentence(field.label);
  if (text === "") {
    if (!field.isRequired) return { value: null };
    const verb = field.kind === "select" || field.kind === "radios" ? "Select" : "Enter";
    return { value: null, error: field.missingMessage ?? `${verb} ${described}` };
  }
  switch (field.kind) {
    case "text":
    case "textarea":
      if ([...text].length > field.maxLength) {
        return { value: null, error: `${field.label} must be ${field.maxLength} characters or fewer` };
      }
      return { value: text };
    case "number": {
      if (!/^-?\d+$/.test(text)) return { value: null, error: `${field.label} must be a whole number` };
      const number = Number(text);
      if (number < field.min) return { value: null, error: `${field.label} must be ${field.min} or more` };
      if (number > field.max) return { value: null, error: `${field.label} must be ${field.max} or less` };
      return { value: number };
    }
    case "time": {
      const time = readTime(text);
      if (time === null) {
        return { value: null, error: `${field.label} must be a real time, like 14:30 or 2:30pm` };
      }
      return { value: time };
    }
    case "select":
    case "radios":
      if (!field.options.some((option) => option.value === text)) {
        return { value: null, error: `Select ${described} from the list` };
      }
      return { value: text };
  }
}

/** Reads a posted form against its fields: every value, and a message for each field that is
 * wrong. Unknown posted names are ignored. */
export function readForm(fields: readonly Field[], raw: RawValues): ReadForm {
  const values: Values = {};
  const errors: FieldErrors = {};
  for (const field of fields) {
    const { value, error } = readField(field, raw);
    values[field.name] = value;
    if (error !== undefined) errors[field.name] = error;
  }
  return { values, errors };
}

/** The posted body as text values, from a urlencoded form or a multipart one (whose fields come
 * as objects with a value). Anything else (a repeated name, a file) is dropped, so a field reads
 * as empty rather than as something it never was. */
export function rawValues(body: unknown): RawValues {
  if (typeof body !== "object" || body === null) return {};
  const raw: RawValues = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === "string") raw[name] = value;
    else if (Array.isArray(value))
      raw[name] = value.filter((item): item is string => typeof item === "string");
    else if (typeof value === "object" && value !== null && "type" in value && value.type === "field") {
      const text: unknown = "value" in value ? value.value : undefined;
      if (typeof text === "string") raw[name] = text;
    }
  }
  return raw;
}

/** The raw form of stored values, to fill an edit form. */
export function rawFromValues(fields: readonly Field[], values: Values): RawValues {
  const raw: RawValues = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === null || value === undefined) continue;
    if (field.kind === "date" && typeof value === "string") {
      const [year = "", month = "", day = ""] = value.split("-");
      raw[`${field.name}-day`] = String(Number(day));
      raw[`${field.name}-month`] = String(Number(month));
      raw[`${field.name}-year`] = year;
    } else if (field.kind === "checkbox") {
      raw[field.name] = value === true ? "yes" : "";
    } else if (Array.isArray(value)) {
      raw[field.name] = value;
    } else {
      raw[field.name] = String(value);
    }
  }
  return raw;
}

/** The id an error summary links to: a date's first box, a choice's first option. */
export function fieldAnchor(field: Field): string {
  return field.kind === "date" ? `${field.name}-day` : field.name;
}

// Readers of checked values, for the code that saves them. A missing required value is a bug in
// the form's definition, not the user's input, so it throws.

export function textValue(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== "string") throw new Error(`Form value ${name} should be text`);
  return value;
}

export function choices(values: Values, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : [];
}

export function optionalText(values: Values, name: string): string | null {
  const value = values[name];
  return typeof value === "string" ? value : null;
}

export function optionalNumber(values: Values, name: string): number | null {
  const value = values[name];
  return typeof value === "number" ? value : null;
}

export function flagValue(values: Values, name: string): boolean {
  return values[name] === true;
}

/** An option's id from a select of records, or null for none. */
export function optionalId(values: Values, name: string): number | null {
  const value = optionalText(values, name);
  return value === null ? null : Number(value);
}
