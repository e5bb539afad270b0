import { escapeHtml } from "../../../domain/html.js";
import { textValue, type Field, type Values } from "../../forms/fields.js";

// The question a removal page asks before it removes a record for good: yes or no, neither
// chosen at first, so that a removal is never one careless click.

export function removalField(what: string): Field {
  return {
    kind: "radios",
    name: "confirm",
    label: `Are you sure you want to remove ${what}?`,
    hint: "This cannot be undone. The audit log keeps what was removed.",
    isRequired: true,
    missingMessage: `Select yes if you want to remove ${what}, or no to keep it`,
    options: [
      { value: "yes", text: "Yes, remove it" },
      { value: "no", text: "No, keep it" },
    ],
  };
}

export function isRemovalConfirmed(values: Values): boolean {
  return textValue(values, "confirm") === "yes";
}

/** A table's "Remove" link, which says to a screen reader what it removes. */
export function removeLink(href: string, what: string): { html: string } {
  return {
    html: `<a class="govuk-link" href="${escapeHtml(href)}">Remove<span class="govuk-visually-hidden"> ${escapeHtml(what)}</span></a>`,
  };
}
