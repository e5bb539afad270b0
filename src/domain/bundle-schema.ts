// The bundle's JSON Schema, kept beside its TypeScript type (bundle.ts) and written to
// schema/bundle.schema.json, where reviewers and other tools read it; a test fails when the
// committed file drifts from this one.

type Schema = Record<string, unknown>;

const text: Schema = { type: "string", minLength: 1 };
const optionalText: Schema = { type: "string" };
const date: Schema = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", format: "date" };
const time: Schema = { type: "string", pattern: "^([01]\\d|2[0-3]):[0-5]\\d$" };
const part: Schema = { enum: ["I", "II"] };
const count: Schema = { type: "integer", minimum: 0 };

function object(required: Record<string, Schema>, optional: Record<string, Schema> = {}): Schema {
  return {
    type: "object",
    additionalProperties: false,
    required: Object.keys(required),
    properties: { ...required, ...optional },
  };
}

const list = (items: Schema): Schema => ({ type: "array", items });
const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` });

const sourceSpan = object({ file: text, from: count, to: count });

const resolution = object(
  { number: optionalText, text: optionalText, children: list(ref("resolution")) },
  {
    verb: optionalText,
    inPrinciple: { type: "boolean" },
    proposer: text,
    seconder: text,
    votes: object({}, { for: count, against: count, abstain: count, unanimous: { type: "boolean" } }),
    recommendsTo: object({ authority: text, body: text }, { date }),
    respondsTo: object({ authority: text, body: text, date, item: text, number: text }),
    delegatedTo: text,
    conditions: list(object({ group: optionalText, text }, { status: text, owner: text })),
    actions: list(object({ text }, { owner: text, due: date, status: text })),
  },
);

const item = object(
  {
    number: text,
    title: text,
    kind: text,
    part,
    resolutions: list(ref("resolution")),
    declarations: list(object({ person: text, kind: text }, { nature: optionalText })),
    documents: list(text),
  },
  {
    pages: { type: "array", items: { type: "integer", minimum: 1 }, minItems: 2, maxItems: 2 },
    minutes: optionalText,
    minutesTruncated: { type: "boolean" },
    description: optionalText,
    exemptParagraph: text,
    late: { type: "boolean" },
    urgencyReason: text,
    keyDecision: { type: "boolean" },
    forwardPlanRef: text,
    leadMember: text,
    leadOfficer: text,
    source: sourceSpan,
  },
);

const meeting = object(
  {
    authority: text,
    body: text,
    date,
    attendance: list(
      object(
        { person: text, status: { enum: ["present", "apologies", "absent", "substitute", "in-attendance"] } },
        { role: text, substituteFor: text },
      ),
    ),
    items: list(item),
  },
  {
    start: time,
    end: time,
    venue: text,
    contact: text,
    agendaPublished: date,
    published: { type: "boolean" },
    minutesStatus: { enum: ["none", "draft", "approved"] },
    status: { enum: ["scheduled", "cancelled", "held"] },
    webcast: text,
  },
);

const nation: Schema = { enum: ["england", "wales", "scotland", "northern-ireland"] };

export const bundleSchema: Schema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://witan.example/schema/bundle.schema.json",
  title: "Witan bundle",
  description:
    "Councils' meetings, items, resolutions, documents and issues, as imported and exported by Witan.",
  ...object(
    {
      format: { const: "witan-bundle/1" },
      authorities: list(object({ name: text }, { nation, governance: text })),
      bodies: list(
        object(
          { name: text, authority: { anyOf: [text, { type: "null" }] }, kind: text },
          { authorities: list(text), purpose: optionalText },
        ),
      ),
      people: list(
        object(
          { name: text, kind: { enum: ["councillor", "officer", "external"] } },
          {
            honorific: text,
            authority: text,
            organisation: text,
            jobTitle: text,
            party: text,
            ward: text,
          },
        ),
      ),
      memberships: list(
        object({ person: text, body: text, authority: text, role: text }, { from: date, to: date }),
      ),
      meetings: list(meeting),
      documents: list(
        object(
          { id: text, title: text, kind: text },
          {
            mediaType: text,
            sizeBytes: count,
            published: date,
            author: text,
            publisher: text,
            text: optionalText,
            source: sourceSpan,
            authority: text,
            part,
            exemptParagraph: text,
            url: text,
            body: text,
            sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
          },
        ),
      ),
      issues: list(
        object(
          {
            title: text,
            items: list(object({ authority: text, body: text, date, number: text })),
          },
          {
            documents: list(text),
            authority: text,
            status: text,
            summary: optionalText,
            events: list(object({ date, text }, { authority: text, body: text, document: text })),
          },
        ),
      ),
      workProgramme: list(
        object(
          {
            authority: text,
            body: text,
            meetingDate: { anyOf: [date, { type: "null" }] },
            title: text,
          },
          {
            priorityScore: { type: "number" },
            priorityBand: { enum: ["low", "medium", "high"] },
            reason: optionalText,
            responsible: optionalText,
            kind: text,
            municipalYear: text,
          },
        ),
      ),
    },
    {
      forwardPlan: list(
        object(
          { authority: text, reference: text, title: text, decisionMaker: text },
          { expectedDate: date, firstPublished: date, exempt: { type: "boolean" }, consultees: optionalText },
        ),
      ),
      decisions: list(
        object(
          { authority: text, decisionMaker: text, date, title: text },
          {
            item: object({ body: text, date, number: text }),
            keyDecision: { type: "boolean" },
            published: date,
            callInExpires: date,
            callInStatus: { enum: ["not-applicable", "open", "not-called-in", "called-in"] },
            implementation: date,
            urgencyReason: text,
            reasons: optionalText,
            optionsRejected: optionalText,
          },
        ),
      ),
    },
  ),
  $defs: { resolution },
};

/** The committed form of the schema: schema/bundle.schema.json. */
export function bundleSchemaJson(): string {
  return `${JSON.stringify(bundleSchema, null, 2)}\n`;
}
