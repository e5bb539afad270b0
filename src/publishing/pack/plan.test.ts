import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { frontMatterPadding, planPages, rangeLabel } from "./plan.js";

test("papers are numbered from 1, each starting on an odd page, ranges running to the next paper", () => {
  // The Plymouth sample: minutes of 5 pages, a report with appendices, a work programme of 2.
  const plan = planPages([[], [5], [11, 6, 2, 3], [2]]);
  assert.equal(plan.items[0], null);
  assert.deepEqual(plan.items[1], { from: 1, to: 6 });
  assert.deepEqual(
    plan.papers[2]?.map((p) => [p.first, p.last, p.range.to]),
    [
      [7, 17, 18],
      [19, 24, 24],
      [25, 26, 26],
      [27, 29, 30],
    ],
  );
  assert.deepEqual(plan.items[2], { from: 7, to: 30 });
  assert.deepEqual(plan.items[3], { from: 31, to: 32 });
  assert.equal(plan.numberedPages, 32);
});

test("for any page counts: odd starts, even ends, ranges that tile the numbered pages", () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 5 }), { maxLength: 12 }),
      (counts) => {
        const plan = planPages(counts);
        let next = 1;
        for (const [i, papers] of plan.papers.entries()) {
          for (const [p, paper] of papers.entries()) {
            assert.equal(paper.first, next);
            assert.equal(paper.first % 2, 1);
            assert.equal(paper.last - paper.first + 1, counts[i]?.[p]);
            assert.equal(paper.range.to % 2, 0);
            next = paper.range.to + 1;
          }
        }
        assert.equal(plan.numberedPages, next - 1);
      },
    ),
  );
});

test("a paper without pages is refused; front matter is padded to an even length", () => {
  assert.throws(() => planPages([[0]]));
  assert.equal(frontMatterPadding(3), 1);
  assert.equal(frontMatterPadding(2), 0);
  assert.equal(rangeLabel({ from: 7, to: 28 }), "(Pages 7 - 28)");
  assert.equal(rangeLabel({ from: 7, to: 7 }), "(Page 7)");
});
