import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseBundle } from "../../../src/domain/bundle-validate.js";
import { WitanError } from "../../../src/errors.js";
import { ParserBug, parseDocument } from "../../../src/importers/parse/index.js";
import type { ExtractedText } from "../../../src/importers/types.js";
import { extracted, fixture, sample, SAMPLES, unresolved } from "./support.js";

// Whatever the text, the parser returns a bundle that validates and resolves, or throws a
// WitanError naming the file; it never throws anything else, and it stays fast on hostile input.

const TEXTS = [
  ...SAMPLES.map((name) => sample(name).text),
  fixture("kingsford-county-council-minutes.txt").text,
  fixture("eastbridge-cabinet-agenda-and-minutes.txt").text,
  fixture("eastbridge-gazette-article.txt").text,
];

function attempt(text: string, hints = { authority: "Fuzz Borough Council" }): void {
  let parsed;
  try {
    parsed = parseDocument(extracted("fuzz.txt", text), hints);
  } catch (error) {
    assert.ok(error instanceof WitanError, `not a WitanError: ${String(error)}`);
    assert.match(error.message, /fuzz\.txt/);
    return;
  }
  parseBundle(JSON.parse(JSON.stringify(parsed.bundle)));
  assert.deepEqual(unresolved(parsed.bundle), []);
}

/** A sample cut, spliced, repeated and salted with random characters. */
const mutated = fc
  .record({
    base: fc.constantFrom(...TEXTS),
    cuts: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 40 })), { maxLength: 8 }),
  })
  .map(({ base, cuts }) =>
    cuts.reduce((text, [a, b, insert]) => {
      const from = a % (text.length + 1);
      const to = Math.min(text.length, from + (b % 400));
      return text.slice(0, from) + insert + text.slice(to);
    }, base),
  );

describe("parsing hostile text", () => {
  it("refuses empty and blank text with a message naming the file", () => {
    for (const text of ["", "   \n\n\t", "\f\f"]) {
      assert.throws(
        () => parseDocument(extracted("empty.txt", text), {}),
        (e: unknown) =>
          e instanceof WitanError && e.code === "DOCUMENT_UNRECOGNISED" && e.message.includes("empty.txt"),
      );
    }
  });

  it("refuses prose in no layout it knows", () => {
    const text = "It was a bright cold day in April, and the clocks were striking thirteen.\n".repeat(40);
    assert.throws(
      () => parseDocument(extracted("novel.txt", text), {}),
      (e: unknown) => e instanceof WitanError && e.code === "DOCUMENT_UNRECOGNISED",
    );
  });

  it("survives random text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 3000 }), (text) => attempt(text)),
      { numRuns: 300 },
    );
  });

  it("survives mutated council documents", () => {
    fc.assert(
      fc.property(mutated, (text) => attempt(text)),
      { numRuns: 150 },
    );
  });

  it("gives the same bundle for the same mutated text", () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const run = () => {
          try {
            return JSON.stringify(
              parseDocument(extracted("fuzz.txt", text), { authority: "Fuzz Borough Council" }),
            );
          } catch (error) {
            return String(error);
          }
        };
        assert.equal(run(), run());
      }),
      { numRuns: 40 },
    );
  });
});

describe("parsing stays fast", () => {
  const LIMIT_MS = 4000;
  const cases: [string, string][] = [
    ["one 2 MB line", "Councillor ".repeat(200_000)],
    ["100,000 numbered lines", "1. Apologies\n".repeat(100_000)],
    ["a long attendance list", `Present:\n${"Councillors Abbott, Baker, Carr and Dixon,\n".repeat(20_000)}`],
    ["deep clause numbering", `RESOLVED:\n${"(a) that the report be noted\n(i) and\n".repeat(20_000)}`],
    ["unbalanced brackets", `${"((((( Councillor Mrs ".repeat(50_000)}`],
    ["greetings without closings", "Dear Sir,\n".repeat(50_000)],
    ["labels without values", "Subject:\nCommittee:\nDate:\n".repeat(30_000)],
    [
      "a pack repeated to 3 MB",
      sample("plymouth-wellbeing-scrutiny-2017-09-20-agenda-pack.txt").text.repeat(50),
    ],
    [
      "tables of empty cells",
      "Date of meeting\tAgenda item\tScore\n".concat("\t\t\t\t\t\t\n".repeat(100_000)),
    ],
    ["decision verbs everywhere", "Requests the Committee to ".repeat(100_000)],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const started = performance.now();
      attempt(text);
      const took = performance.now() - started;
      assert.ok(took < LIMIT_MS, `${Math.round(took)} ms for ${text.length} characters`);
    });
  }
});

describe("a bug in the parser", () => {
  it("surfaces as a bug naming the file, not as an unrecognised document", () => {
    // A text that is not a string cannot come from the extractors: the parser fails inside.
    const broken: ExtractedText = JSON.parse(
      '{"file":"broken.txt","format":"text","text":null,"pageStarts":[0]}',
    );
    assert.throws(
      () => parseDocument(broken, {}),
      (e: unknown) =>
        e instanceof ParserBug && !(e instanceof WitanError) && e.message.includes("broken.txt"),
    );
  });
});
