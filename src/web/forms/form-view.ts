import { DATE_PARTS, fieldAnchor, type Field, type FieldErrors, type RawValues } from "./fields.js";

// A form's fields as the parameters of the GOV.UK Design System's Nunjucks macros, with the
// values the user typed and the messages for what was wrong. views/macros/form-fields.njk calls
// the macro each component names; nothing else decides how a field looks.

export type Component =
  | "govukInput"
  | "govukTextarea"
  | "govukDateInput"
  | "govukSelect"
  | "govukRadios"
  | "govukCheckboxes"
  | "govukFileUpload";

export type FieldView = { component: Component; params: Record<string, unknown> };

export type ErrorLink = { text: string; href: string };

export type FormView = { fields: FieldView[]; errorList: ErrorLink[] };

function errorMessage(errors: FieldErrors, name: string) {
  const text = errors[name];
  return text === undefined ? undefined : { text };
}

function hint(field: Field) {
  return field.hint === undefined ? undefined : { text: field.hint };
}

function legend(field: Field) {
  return { legend: { text: field.label, classes: "govuk-fieldset__legend--s" } };
}

function label(field: Field) {
  return { text: field.label, classes: "govuk-label--s" };
}

function fieldView(field: Field, raw: RawValues, errors: FieldErrors): FieldView {
  const common = { hint: hint(field), errorMessage: errorMessage(errors, field.name) };
  const given = raw[field.name];
  const value = typeof given === "string" ? given : "";
  switch (field.kind) {
    case "text":
      return {
        component: "govukInput",
        params: {
          ...common,
          id: field.name,
          name: field.name,
          label: label(field),
          value: field.isSecret ? "" : value,
          classes: field.width === "short" ? "govuk-input--width-20" : undefined,
          spellcheck: !field.isSecret,
          ...(field.isSecret ? { type: "password", autocomplete: "new-password" } : {}),
        },
      };
    case "number":
      return {
        component: "govukInput",
        params: {
          ...common,
          id: field.name,
          name: field.name,
          label: label(field),
          value,
          inputmode: "numeric",
          classes: "govuk-input--width-5",
          spellcheck: false,
        },
      };
    case "time":
      return {
        component: "govukInput",
        params: {
          ...common,
          id: field.name,
          name: field.name,
          label: label(field),
          value,
          classes: "govuk-input--width-5",
          hint: { text: field.hint ?? "For example, 14:30 or 2:30pm" },
          spellcheck: false,
        },
      };
    case "textarea":
      return {
        component: "govukTextarea",
        params: {
          ...common,
          id: field.name,
          name: field.name,
          label: label(field),
          value,
          rows: field.rows ?? 5,
        },
      };
    case "date": {
      const isWrong = errors[field.name] !== undefined;
      return {
        component: "govukDateInput",
        params: {
          ...common,
          id: field.name,
          namePrefix: field.name,
          fieldset: legend(field),
          hint: { text: field.hint ?? "For example, 27 3 2026" },
          items: DATE_PARTS.map((part) => ({
            name: part,
            label: part[0]?.toUpperCase() + part.slice(1),
            value: typeof raw[`${field.name}-${part}`] === "string" ? raw[`${field.name}-${part}`] : "",
            classes: `${part === "year" ? "govuk-input--width-4" : "govuk-input--width-2"}${isWrong ? " govuk-input--error" : ""}`,
          })),
        },
      };
    }
    case "select":
      return {
        component: "govukSelect",
        params: {
          ...common,
          id: field.name,
          name: field.name,
          label: label(field),
          items: [
            { value: "", text: field.isRequired ? "Choose one" : "None" },
            ...field.options.map((option) => ({ ...option, selected: option.value === value })),
          ],
        },
      };
    case "radios":
      return {
        component: "govukRadios",
        params: {
          ...common,
          idPrefix: field.name,
          name: field.name,
          fieldset: legend(field),
          items: field.options.map((option) => ({ ...option, checked: option.value === value })),
        },
      };
    case "checkbox":
      return {
        component: "govukCheckboxes",
        params: {
          ...common,
          idPrefix: field.name,
          name: field.name,
          fieldset: legend(field),
          items: [{ value: "yes", text: field.checkboxText, checked: value === "yes" }],
        },
      };
    case "checkboxes": {
      const ticked = Array.isArray(given) ? given : [value];
      return {
        component: "govukCheckboxes",
        params: {
          ...common,
          idPrefix: field.name,
          name: field.name,
          fieldset: legend(field),
          items: field.options.map((option) => ({ ...option, checked: ticked.includes(option.value) })),
        },
      };
    }
    case "file":
      return {
        component: "govukFileUpload",
        params: {
          ...common,
          id: field.name,
          name: field.name,
          label: label(field),
          attributes: { accept: field.accept },
        },
      };
  }
}

/** The view of a form: its fields in order, and the error summary's links in the same order. */
export function formView(fields: readonly Field[], raw: RawValues, errors: FieldErrors): FormView {
  return {
    fields: fields.map((field) => fieldView(field, raw, errors)),
    errorList: fields.flatMap((field) => {
      const text = errors[field.name];
      return text === undefined ? [] : [{ text, href: `#${fieldAnchor(field)}` }];
    }),
  };
}
