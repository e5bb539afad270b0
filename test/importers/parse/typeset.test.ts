import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { load } from "cheerio/slim";
import { extractText } from "../../../src/importers/extract/index.js";
import { parseDocument } from "../../../src/importers/parse/index.js";
import { bundleFacts, score } from "./facts.js";
import { expected, type Expected } from "./support.js";

// Fixtures laid out as councils' own software prints them (./typeset/*.html, printed by
// scripts/typeset-fixtures.ts with headless Chromium, and some with LibreOffice Writer too): text
// placed in runs on the page, tables with ruled cells that wrap, minute numbers in a hanging
// column, running heads and page numbers on every page, a landscape table. The PDFs go through
// the real extractor and parsers, and the facts a reader finds in the text form must all come out,
// and nothing else but each document's own format.

type Case = {
  /** the PDF in ./typeset/, laid out from ./typeset/<name>.html */
  pdf: string;
  /** the text form it lays out: a fixture (./fixtures/<name>.txt) or a sample (../shared/samples) */
  name: string;
  sample?: true;
  /** a known parser gap, reported as TODO until it is fixed (never skipped silently) */
  todo?: string;
};

const CASES: Case[] = [
  { pdf: "harrowdale-planning-minutes.pdf", name: "harrowdale-planning-minutes" },
  { pdf: "harrowdale-planning-minutes.lo.pdf", name: "harrowdale-planning-minutes" },
  { pdf: "tynemere-combined-authority-board-agenda.pdf", name: "tynemere-combined-authority-board-agenda" },
  { pdf: "harrowdale-cabinet-report.pdf", name: "harrowdale-cabinet-report" },
  { pdf: "harrowdale-cabinet-report.lo.pdf", name: "harrowdale-cabinet-report" },
  { pdf: "wexcombe-scrutiny-work-programme.pdf", name: "wexcombe-scrutiny-work-programme" },
  { pdf: "kestrel-bay-cabinet-decision-notices.pdf", name: "kestrel-bay-cabinet-decision-notices" },
  {
    pdf: "plymouth-wellbeing-scrutiny-2017-09-20-agenda-pack.pdf",
    name: "plymouth-wellbeing-scrutiny-2017-09-20-agenda-pack",
    sample: true,
  },
  { pdf: "marston-vale-full-council-minutes.pdf", name: "marston-vale-full-council-minutes" },
];

const read = (path: string) => readFileSync(new URL(path, import.meta.url));
const textForm = ({ name, sample }: Case) =>
  read(sample ? `../../../../shared/samples/${name}.txt` : `./fixtures/${name}.txt`).toString("utf8");

describe("fixtures typeset as councils print them", () => {
  for (const c of CASES) {
    it(c.pdf, c.todo === undefined ? {} : { todo: c.todo }, async () => {
      const file = `${c.name}.txt`;
      const doc = await extractText(new Uint8Array(read(`./typeset/${c.pdf}`)), c.pdf);
      assert.equal(doc.format, "pdf");
      // Named as the text form, so that the facts' document keys compare.
      const named = { ...doc, file };
      const want = expectation(c.sample ? file : `fixtures/${file}`, named.text);
      const parsed = parseDocument(named, want.hints);
      const result = score(bundleFacts(want.source), bundleFacts(parsed.bundle));
      assert.deepEqual(result.missing, []);
      // The one fact the text form cannot have: each document's own format.
      const mediaTypes = (want.source.documents ?? []).map(
        (d) => `document-media-type|${file}@${d.source?.from ?? "?"}|application/pdf`,
      );
      assert.deepEqual(result.extra.sort(), mediaTypes.sort());
    });
  }
});

describe("the typeset pages print their text form's words", () => {
  const typeset = new Map(CASES.map((c) => [c.name, c]));
  for (const c of typeset.values()) {
    it(`${c.name}.html`, () => {
      assert.deepEqual(printedWords(read(`./typeset/${c.name}.html`).toString("utf8")), words(textForm(c)));
    });
  }
});

/**
 * An expectation file names where each document starts by its first words as the text form has
 * them ("Committee**Wednesday 9 August 2017", "PLYMOUTH CITY COUNCIL\n\nSubject:"), which a
 * printed page parts with a tab, a line break or bold type instead. Each is found in the PDF's text
 * word by word, and the expectation is read against a text that holds it at that place.
 */
function expectation(name: string, text: string): Expected {
  const json: { documents?: { at?: string }[] } = JSON.parse(
    read(`../expected/${name.replace(/\.txt$/, ".json")}`).toString("utf8"),
  );
  let starts = " ".repeat(text.length);
  for (const at of (json.documents ?? []).flatMap((d) => (d.at === undefined ? [] : [d.at]))) {
    const pattern = words(at).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const found = new RegExp(pattern.join("\\s+")).exec(text);
    if (!found) throw new Error(`${name}: no text "${at}" in the PDF's text`);
    starts = starts.slice(0, found.index) + at + starts.slice(found.index + at.length);
  }
  return expected(name, { file: name.replace(/^.*\//, ""), format: "pdf", text: starts, pageStarts: [0] });
}

// The page numbers a text form keeps ("Page 2 of 3") are printed by the PDF's footer; and the
// samples were converted from PDF with some Markdown and HTML ("**bold**", "- " before a list item,
// "[a link](#)", "<http://…>", a list's "<ul …>" tag), which print as type, not words.
const PAGE_NUMBER = /^page \d+( of \d+)?$/i;

function words(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => !PAGE_NUMBER.test(line.trim()))
    .map((line) => line.replace(/^\s*- /, ""))
    .join(" ")
    .replace(/\*\*/g, " ")
    .replace(/\[([^\]]*)\]\(#\)/g, "$1")
    .replace(/<(https?:[^>]*)>/g, "$1")
    .replace(/<ul [^>]*>/g, " ")
    .split(/\s+/)
    .filter((w) => w !== "");
}

/** The words a page prints, in order: block elements part words, numbered lists print their
 * numbers, and page furniture marked as such (an "Agenda Item 5" stamp) is left out. */
function printedWords(html: string): string[] {
  const $ = load(html);
  $("head, [data-furniture]").remove();
  $("ol").each((_, list) => {
    const start = Number($(list).attr("start") ?? "1");
    $(list)
      .children("li")
      .each((i, item) => void $(item).prepend(`${start + i}. `));
  });
  $("p, div, section, h1, h2, h3, h4, li, td, th, br, tr, table").each((_, block) => {
    $(block).before(" ").after(" ");
  });
  return $("body")
    .text()
    .split(/\s+/)
    .filter((w) => w !== "");
}
