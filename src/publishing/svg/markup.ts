// SVG markup from plain data: every text and attribute value is escaped here, so a title or a
// name taken from a record can never become markup. The pictures are strings the templates
// insert as they are, which is why nothing else may build them.

export type Attributes = Record<string, string | number | null | undefined>;

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Coordinates to a tenth of a pixel: enough precision, and stable output for tests. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function attributeValue(value: string | number): string {
  return typeof value === "number" ? String(round(value)) : escapeXml(value);
}

function attributeList(attributes: Attributes): string {
  return Object.entries(attributes)
    .flatMap(([key, value]) =>
      value === null || value === undefined ? [] : [` ${key}="${attributeValue(value)}"`],
    )
    .join("");
}

/** An element; children are markup already made by these functions. */
export function element(name: string, attributes: Attributes = {}, children: string[] = []): string {
  const attrs = attributeList(attributes);
  return children.length === 0 ? `<${name}${attrs}/>` : `<${name}${attrs}>${children.join("")}</${name}>`;
}

/** An element holding text, escaped. */
export function textElement(name: string, attributes: Attributes, text: string): string {
  return `<${name}${attributeList(attributes)}>${escapeXml(text)}</${name}>`;
}

/** Splits a label into lines of at most `width` characters, at spaces; a longer word stands alone. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** Multi-line text: one tspan per line, the first on the given baseline. */
export function textLines(attributes: Attributes, lines: string[], lineHeight: number): string {
  const x = attributes.x ?? 0;
  const spans = lines.map((line, index) =>
    textElement("tspan", { x, dy: index === 0 ? undefined : lineHeight }, line),
  );
  return element("text", attributes, spans);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Apr 2017" for a date at midnight UTC, whatever the server's time zone. */
export function monthLabel(date: Date, withYear: boolean): string {
  const month = MONTHS[date.getUTCMonth()] ?? "";
  return withYear ? `${month} ${date.getUTCFullYear()}` : month;
}

/** "2017-09-20" as midnight UTC on that day. */
export function utcDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}
