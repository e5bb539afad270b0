import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseBundle } from "../../../src/domain/bundle-validate.js";
import { parseDocument } from "../../../src/importers/parse/index.js";
import { bundleFacts, score } from "./facts.js";
import { expected, sample, SAMPLES, unresolved } from "./support.js";

// Each sample imported and checked fact by fact against test/importers/expected/<sample>.json,
// which was written by reading the document, not by running the importer. A fact the importer
// does not yet find must be listed here, so a gap is visible rather than silently tolerated.

const KNOWN_GAPS: Record<string, string[]> = {
  "plymouth-issue-history-torbay-partnership.txt": [],
  "plymouth-wellbeing-scrutiny-2017-09-20-agenda-pack.txt": [],
  "torbay-schools-forum-2018-01-report.txt": [],
};

describe("importing the samples", () => {
  for (const name of SAMPLES) {
    describe(name, () => {
      const doc = sample(name);
      const want = expected(name, doc);
      const parsed = parseDocument(doc, want.hints);

      it("recognises the document's parts", () => {
        assert.deepEqual(parsed.parts, want.parts);
      });

      it("produces a bundle that validates and whose references all resolve", () => {
        parseBundle(JSON.parse(JSON.stringify(parsed.bundle)));
        assert.deepEqual(unresolved(parsed.bundle), []);
      });

      it("finds every fact a reader finds", () => {
        const result = score(bundleFacts(want.source), bundleFacts(parsed.bundle));
        assert.deepEqual(result.missing, KNOWN_GAPS[name] ?? []);
      });

      it("keeps provenance: every item and document points into the file", () => {
        const spans = [
          ...parsed.bundle.documents.map((d) => d.source),
          ...parsed.bundle.meetings.flatMap((m) => m.items.map((i) => i.source)),
        ];
        for (const span of spans) {
          assert.ok(span, "a record without a source span");
          assert.equal(span.file, name);
          assert.ok(span.from >= 0 && span.from < span.to && span.to <= doc.text.length);
        }
      });

      it("is deterministic: the same text gives the same bundle", () => {
        assert.equal(JSON.stringify(parseDocument(doc, want.hints)), JSON.stringify(parsed));
      });
    });
  }
});
