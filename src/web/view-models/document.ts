import type { DocumentRecord } from "../../records/public/documents.js";
import { fileDescription, sentenceCase } from "../format.js";
import { bodyUrl, documentDownloadUrl, documentUrl, issueUrl } from "../urls.js";
import { authorityTrail } from "./breadcrumbs.js";
import { amendmentNotes } from "./meeting.js";
import { cellItems, documentBlocks, type DocumentBlock } from "./document-text.js";
import { dateText, itemLink, type Breadcrumb, type Link, type Phrase } from "./labels.js";

// A document's page: its text as accessible HTML beside the original file, and where it came
// from. The text is structure made from the extracted text; every word of it is escaped.

type Cell = { items: string[] };

export type TextBlockView =
  | { kind: "page"; id: string; text: string }
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; lines: string[] }
  | { kind: "list"; isBulleted: boolean; items: string[] }
  | {
      kind: "table";
      caption: string;
      head: { text: string }[] | null;
      rows: Cell[][];
      firstCellIsHeader: boolean;
    };

export type DocumentPage = {
  pageTitle: string;
  breadcrumbs: Breadcrumb[];
  caption: string;
  heading: string;
  facts: { key: { text: string }; value: { text: string } | { parts: Phrase } }[];
  download: { href: string; text: string } | null;
  provenance: { key: { text: string }; value: { text: string } | { parts: Phrase } }[];
  items: Link[];
  issues: Link[];
  blocks: TextBlockView[];
  /** "Amended on 2 March 2026: …" for each change since publication */
  amendments: string[];
};

function blockView(block: DocumentBlock): TextBlockView {
  switch (block.kind) {
    case "page":
      return { kind: "page", id: `page-${block.number}`, text: `Page ${block.number}` };
    case "heading":
    case "paragraph":
      return block;
    case "list":
      return { kind: "list", isBulleted: block.style === "bullet", items: block.items };
    case "table":
      return {
        kind: "table",
        caption: block.caption ?? "Table",
        head: block.head === null ? null : block.head.map((text) => ({ text })),
        rows: block.rows.map((row) => row.map((cell) => ({ items: cellItems(cell) }))),
        firstCellIsHeader: block.head === null,
      };
  }
}

export function documentPage(document: DocumentRecord): DocumentPage {
  const format = fileDescription(document.mediaType, document.sizeBytes);
  const facts: DocumentPage["facts"] = [
    { key: { text: "Kind" }, value: { text: sentenceCase(document.kind) } },
  ];
  if (document.published)
    facts.push({ key: { text: "Published" }, value: { text: dateText(document.published) } });
  if (document.author) facts.push({ key: { text: "Author" }, value: { text: document.author } });
  if (document.publisher) facts.push({ key: { text: "Publisher" }, value: { text: document.publisher } });
  if (document.body) {
    facts.push({
      key: { text: "Written for" },
      value: {
        parts: [{ text: document.body.name, href: bodyUrl(document.body.authority, document.body.slug) }],
      },
    });
  }
  if (format) facts.push({ key: { text: "Original file" }, value: { text: format } });
  if (document.version > 1)
    facts.push({ key: { text: "Version" }, value: { text: String(document.version) } });

  const provenance: DocumentPage["provenance"] = [];
  if (document.source) {
    const { file, from, to } = document.source;
    provenance.push({ key: { text: "Source file" }, value: { text: file } });
    provenance.push({
      key: { text: "Where in the file" },
      value: { text: `Characters ${from.toLocaleString("en-GB")} to ${to.toLocaleString("en-GB")}` },
    });
  }
  if (document.sourceDocument) {
    const source = document.sourceDocument;
    provenance.push({
      key: { text: "Imported from" },
      value: { parts: [{ text: source.title, href: documentUrl(source.authority, source.key) }] },
    });
  }
  if (document.url) provenance.push({ key: { text: "Published copy" }, value: { text: document.url } });

  return {
    pageTitle: document.title,
    breadcrumbs: [...authorityTrail({ name: document.authorityName, slug: document.authority })],
    caption: `${sentenceCase(document.kind)}, ${document.authorityName}`,
    heading: document.title,
    facts,
    download: document.hasFile
      ? {
          href: documentDownloadUrl(document.authority, document.key),
          text: `Download the original${format ? ` (${format})` : ""}`,
        }
      : null,
    provenance,
    items: document.items.map(itemLink),
    issues: document.issues.map((issue) => ({ text: issue.title, href: issueUrl(issue.slug) })),
    blocks: document.text === null ? [] : documentBlocks(document.text).map(blockView),
    amendments: amendmentNotes(document.amendments),
  };
}
