// Word's automatic numbering ("1.", "(a)", "iii)") is not in a paragraph's text: Word draws it
// from the list definitions in word/numbering.xml, and mammoth turns such paragraphs into HTML
// lists without their numbers. Minutes and agendas number their items that way, and the parsers
// read those numbers, so the labels are worked out here, in document order, as Word would: one
// counter per list definition and level, deeper levels restarting when a shallower one moves on.

type Level = { start: number; format: string; text: string };
type Numbering = {
  /** numId → abstractNumId, with the levels it restarts */
  nums: Map<string, { abstract: string; starts: Map<number, number> }>;
  /** abstractNumId → levels */
  abstracts: Map<string, Map<number, Level>>;
  /** paragraph styleId → numId and level, for styles that carry numbering */
  styles: Map<string, { numId: string; level: number }>;
};

const attr = (xml: string, name: string) => new RegExp(`<w:${name}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1];

export function readNumbering(numberingXml: string, stylesXml = ""): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const m of numberingXml.matchAll(
    /<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g,
  )) {
    const levels = new Map<number, Level>();
    for (const l of (m[2] ?? "").matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const body = l[2] ?? "";
      levels.set(Number(l[1]), {
        start: Number(attr(body, "start") ?? "1"),
        format: attr(body, "numFmt") ?? "decimal",
        text: attr(body, "lvlText") ?? `%${Number(l[1]) + 1}.`,
      });
    }
    abstracts.set(m[1] ?? "", levels);
  }
  const nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  for (const m of numberingXml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const body = m[2] ?? "";
    const starts = new Map<number, number>();
    for (const o of body.matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = attr(o[2] ?? "", "startOverride");
      if (start !== undefined) starts.set(Number(o[1]), Number(start));
    }
    nums.set(m[1] ?? "", { abstract: attr(body, "abstractNumId") ?? "", starts });
  }
  const styles = new Map<string, { numId: string; level: number }>();
  for (const m of stylesXml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(m[2] ?? "")?.[1];
    const numId = numPr ? attr(numPr, "numId") : undefined;
    if (numPr && numId) styles.set(m[1] ?? "", { numId, level: Number(attr(numPr, "ilvl") ?? "0") });
  }
  return { nums, abstracts, styles };
}

/** The label Word shows before each paragraph of document.xml, in order; undefined where there
 * is none (no numbering, bullets, or numbering set to "none"). */
export function paragraphLabels(documentXml: string, numbering: Numbering): (string | undefined)[] {
  const labels: (string | undefined)[] = [];
  const counters = new Map<string, number[]>();
  const restarted = new Set<string>();
  for (const m of documentXml.matchAll(/<w:p\b(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(m[1] ?? "")?.[1] ?? "";
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr)?.[1];
    const style = numbering.styles.get(attr(pPr, "pStyle") ?? "");
    const numId = numPr ? attr(numPr, "numId") : style?.numId;
    const level = numPr ? Number(attr(numPr, "ilvl") ?? "0") : (style?.level ?? 0);
    const num = numId === undefined ? undefined : numbering.nums.get(numId);
    const levels = num ? numbering.abstracts.get(num.abstract) : undefined;
    const def = levels?.get(level);
    if (!num || !levels || !def || def.format === "bullet" || def.format === "none") {
      labels.push(undefined);
      continue;
    }
    const count = counters.get(num.abstract) ?? [];
    // A list instance that restarts a level (w:startOverride) does so at its first paragraph.
    const override = num.starts.get(level);
    const key = `${numId ?? ""}:${level}`;
    if (override !== undefined && !restarted.has(key)) {
      restarted.add(key);
      count[level] = override;
    } else count[level] = (count[level] ?? def.start - 1) + 1;
    count.length = level + 1;
    counters.set(num.abstract, count);
    labels.push(
      def.text.replace(/%(\d)/g, (_, n: string) => {
        const at = Number(n) - 1;
        const l = levels.get(at);
        return formatNumber(count[at] ?? l?.start ?? 1, l?.format ?? "decimal");
      }),
    );
  }
  return labels;
}

export function formatNumber(n: number, format: string): string {
  if (format === "lowerLetter") return letters(n);
  if (format === "upperLetter") return letters(n).toUpperCase();
  if (format === "lowerRoman") return roman(n).toLowerCase();
  if (format === "upperRoman") return roman(n);
  if (format === "decimalZero") return n < 10 ? `0${n}` : String(n);
  return String(n);
}

/** Word's letters repeat past z: a … z, aa … zz. */
function letters(n: number): string {
  const index = (n - 1) % 26;
  return String.fromCharCode(97 + index).repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let rest = Math.max(1, Math.min(n, 3999));
  let out = "";
  for (const [value, numeral] of table) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

type Element = { type?: string; children?: Element[]; numbering?: unknown; value?: string };

/** A mammoth document transform: each numbered paragraph gets its label as text and stops being
 * a list item, so the label reaches the parsers as "3. Minutes" does in a typed document.
 * Paragraphs are met in document order, as in document.xml. */
export function labelParagraphs(labels: (string | undefined)[]): (document: Element) => Element {
  let next = 0;
  const visit = (element: Element): void => {
    if (element.type === "paragraph") {
      const label = labels[next++];
      const first = element.children?.find((c) => c.type === "run");
      if (label !== undefined && first?.children) {
        first.children.unshift({ type: "text", value: `${label} ` });
        element.numbering = null;
      }
    }
    for (const child of element.children ?? []) visit(child);
  };
  return (document) => {
    visit(document);
    return document;
  };
}
