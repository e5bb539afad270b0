import type { BundleItem, BundleMeeting } from "../../domain/bundle.js";
import { looseKey } from "./bodies.js";

// An agenda pack carries the papers of its items in agenda order: the minutes for the minutes
// item, each report (with its appendices, letters and assessments) for the next item with papers,
// the work programme for the work-programme item. This keeps track of which item is next.

export class PackItems {
  readonly meeting: BundleMeeting;
  #cursor = -1;
  #current: BundleItem | undefined;

  constructor(meeting: BundleMeeting) {
    this.meeting = meeting;
  }

  /** The item a paper of this kind belongs to: the next one of that kind, preferring one whose
   * title the paper shares. */
  claim(kind: "minutes" | "report" | "work-programme", title?: string): BundleItem | undefined {
    const items = this.meeting.items;
    const open = items.map((item, index) => ({ item, index })).filter(({ index }) => index > this.#cursor);
    const fits = open.filter(({ item }) =>
      kind === "report"
        ? !["minutes", "work-programme", "apologies", "declarations"].includes(item.kind)
        : item.kind === kind,
    );
    const key = title ? looseKey(title) : "";
    const named = key ? fits.find(({ item }) => looseKey(item.title) === key) : undefined;
    const withPages = fits.find(({ item }) => item.pages !== undefined);
    const chosen = named ?? withPages ?? (kind === "report" ? undefined : fits[0]);
    if (!chosen) return undefined;
    this.#cursor = chosen.index;
    this.#current = chosen.item;
    return chosen.item;
  }

  /** The item of the paper read last: where an appendix goes. */
  get current(): BundleItem | undefined {
    return this.#current;
  }

  link(item: BundleItem | undefined, documentId: string): void {
    if (item && !item.documents.includes(documentId)) item.documents.push(documentId);
  }
}
