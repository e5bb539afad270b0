// Where every paper falls in the pack, worked out from page counts alone, before anything is
// drawn. As in council packs (the Plymouth sample: front sheet and agenda, then "Page 1"), the
// front sheet and agenda are not numbered and take an even number of pages, and numbering
// starts at 1 with the first paper. Each paper starts on an odd page, so on a right-hand page
// when printed double-sided: a paper with an odd number of pages is followed by a page left
// blank. A range printed in the agenda runs from a paper's first page to the page before the
// next paper starts, blank page included, as "(Pages 1 - 6)" does in the sample.

export type PageRange = { from: number; to: number };

export type PlannedPaper = {
  /** the printed page numbers the paper's own pages take */
  first: number;
  last: number;
  /** whether a blank page follows it */
  padded: boolean;
  /** what the agenda prints: its pages and any blank page after them */
  range: PageRange;
};

export type PagePlan = {
  /** per item, per paper, in agenda order */
  papers: PlannedPaper[][];
  /** per item: the range of all its papers, or null for an item without papers */
  items: (PageRange | null)[];
  /** numbered pages in the pack */
  numberedPages: number;
};

/** `pageCounts[i][p]` is the number of pages of paper p of item i; every count is at least 1. */
export function planPages(pageCounts: number[][]): PagePlan {
  let next = 1;
  const papers = pageCounts.map((counts) =>
    counts.map((count) => {
      if (!Number.isInteger(count) || count < 1) throw new Error(`A paper must have pages, not ${count}`);
      const first = next;
      const last = first + count - 1;
      const padded = count % 2 === 1;
      next = last + (padded ? 2 : 1);
      return { first, last, padded, range: { from: first, to: padded ? last + 1 : last } };
    }),
  );
  const items = papers.map((planned) => {
    const head = planned[0];
    const tail = planned.at(-1);
    return head && tail ? { from: head.range.from, to: tail.range.to } : null;
  });
  return { papers, items, numberedPages: next - 1 };
}

/** The front sheet and agenda take an even number of pages, so that page 1 is a right-hand page. */
export function frontMatterPadding(frontPages: number): number {
  return frontPages % 2;
}

/** "(Pages 7 - 28)", or "(Page 7)" for one page. */
export function rangeLabel(range: PageRange): string {
  return range.from === range.to ? `(Page ${range.from})` : `(Pages ${range.from} - ${range.to})`;
}
