import type { Part } from "../../domain/bundle.js";
import type { PackAudience, PackKindName } from "../../records/packs.js";

// What an agenda pack is built from. The compiler sees only these facts (and the file store,
// through an argument): the records layer has already applied the visibility rules, so a
// public pack's facts hold no exempt title or paper to leak.

/** Who a pack is for. A restricted pack holds exempt (Part II) items and papers: for members of
 * the body and officers only. */
export type Audience = PackAudience;

/** The agenda pack proper, or the supplement that carries late items (LGA 1972 s.100B(4)(b)). */
export type PackKind = PackKindName;

export const PDF = "application/pdf";
export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Where a paper's content comes from, decided before compiling so that it is part of the
 * input hash: an original file in the store, or the extracted text, or nothing at all. */
export type PaperSource =
  | { kind: "pdf"; fileKey: string }
  | { kind: "docx"; fileKey: string }
  | { kind: "text"; text: string }
  /** the record names a paper whose content Witan does not hold */
  | { kind: "missing"; mediaType: string | null };

export type PackPaper = {
  /** the document's key (the bundle's id): named in errors so an officer can find it */
  key: string;
  title: string;
  part: Part;
  exemptParagraph: string | null;
  source: PaperSource;
  /** the content's identity for the input hash: the file's SHA-256 or the text's */
  contentHash: string;
};

/** An item the audience may read in full. */
export type OpenItem = {
  withheld: false;
  number: string;
  title: string;
  description: string | null;
  part: Part;
  exemptParagraph: string | null;
  isKeyDecision: boolean;
  isLate: boolean;
  urgencyReason: string | null;
  papers: PackPaper[];
};

/** All a public pack may say of an exempt item: its number and the paragraph it is exempt under. */
export type WithheldItem = { withheld: true; number: string; exemptParagraph: string | null };

export type PackItem = OpenItem | WithheldItem;

export type PackMember = { name: string; honorific: string | null; kind: string; role: string };

export type PackFacts = {
  kind: PackKind;
  audience: Audience;
  authority: { name: string; slug: string; nation: string };
  body: { name: string };
  meeting: {
    slug: string;
    /** YYYY-MM-DD */
    date: string;
    startTime: string | null;
    endTime: string | null;
    venue: string | null;
    status: string;
    /** YYYY-MM-DD; also the pack's creation date, so the bytes do not depend on the clock */
    publishedOn: string | null;
    contact: string | null;
    webcastUrl: string | null;
  };
  /** the body's members on the day of the meeting, chair and vice-chair first */
  members: PackMember[];
  items: PackItem[];
};
