// The shapes of the record pages' URL segments, as JSON Schema for Fastify to check: anything
// else cannot name a record, and is answered "not found" by the error handler.

/** Slugs are lower-case words joined by hyphens. */
export const SLUG = { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength: 120 } as const;

/** Item numbers as printed: "27", "1839", "5a", "IV", "(i)". */
export const ITEM_NUMBER = { type: "string", pattern: "^[A-Za-z0-9().-]{1,20}$" } as const;

/** A document's key, the bundle's id for it. */
export const DOCUMENT_KEY = { type: "string", pattern: "^[A-Za-z0-9._~-]{1,200}$" } as const;

/** `<id>-<slug of name>`; the slug part is checked against the name by the route. */
export const PERSON = { type: "string", pattern: "^[0-9]{1,10}(-[a-z0-9]+)*$", maxLength: 140 } as const;

export const ID = { type: "string", pattern: "^[0-9]{1,10}$" } as const;

export function paramsSchema(properties: Record<string, object>) {
  return { type: "object", properties, required: Object.keys(properties) } as const;
}
