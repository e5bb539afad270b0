// Welsh councils print headings, labels and roles in Welsh and English side by side ("Dyddiad /
// Date:", "Cynghorydd / Councillor", "(Cadeirydd / Chair)", "(Tudalennau / Pages 1 - 8)"). The
// parsers read the English half. The Welsh words below are the common labels and role words of
// committee papers (a vocabulary of the language, not of any one council); a pair is read only
// when its first half starts with one of them.

const WELSH = new Set(
  [
    ...["cyfarfod", "dyddiad", "amser", "lleoliad", "aelodau", "aelod", "swyddog", "cyswllt"],
    ...["cyhoeddwyd", "cynghorydd", "cynghorwyr", "cadeirydd", "is-gadeirydd", "tudalennau", "tudalen"],
    ...["presennol", "ymddiheuriadau", "hefyd", "yn", "rhan", "eitem", "agenda", "cofnodion"],
    ...["pwyllgor", "cabinet", "cyngor", "gwahoddir", "ymholiadau", "dyddiad", "penderfyniad"],
  ].map((w) => w.toLowerCase()),
);

const LABEL_PAIR = /^([^/:\t\d]{2,40}?)\s+\/\s+([A-Za-z][^/:\t\d]{1,40}?)\s*:\s*(.*)$/;
const LEADING_PAIR = /^([^/\t\d(]{2,30}?)\s+\/\s+(?=[A-Z])/;
const BRACKET_PAIR = /\(([^()/\d]{2,40}?)\s+\/\s+([^()/]{2,60})\)/g;

function isWelsh(words: string): boolean {
  const first = words.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  return WELSH.has(first);
}

/** "Dydd Llun, 14 Hydref 2024 / Monday, 14 October 2024" → the English half; "Eleri Jones, Swyddog
 * Gwasanaethau Democrataidd / Democratic Services Officer" → the name and the English title. */
function englishValue(value: string): string {
  const halves = value.split(" / ");
  if (halves.length !== 2) return value;
  const [welsh = "", english = ""] = halves;
  const comma = welsh.lastIndexOf(", ");
  if (comma > 0 && isWelsh(welsh.slice(comma + 2)) && !english.includes(", "))
    return `${welsh.slice(0, comma)}, ${english}`;
  return english;
}

/** The English half of a bilingual line; any other line as it is. */
export function englishHalf(text: string): string {
  if (!text.includes(" / ")) return text;
  let out = text;
  const label = LABEL_PAIR.exec(out);
  if (label && isWelsh(label[1] ?? "")) {
    // A value in both languages, "Dydd Llun, 14 Hydref 2024 / Monday, 14 October 2024", keeps its second half.
    out = `${label[2] ?? ""}: ${englishValue(label[3] ?? "")}`.trim();
  } else {
    const leading = LEADING_PAIR.exec(out);
    if (
      leading &&
      isWelsh(leading[1] ?? "") &&
      /^(?:Councillors?|Cllrs?)\b/.test(out.slice(leading[0].length))
    )
      out = out.slice(leading[0].length);
  }
  return out.replace(BRACKET_PAIR, (whole, welsh: string, english: string) =>
    isWelsh(welsh) ? `(${english})` : whole,
  );
}
