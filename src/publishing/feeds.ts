import { Feed } from "feed";
import { escapeHtml } from "../domain/html.js";

// Atom (RFC 4287) and RSS 2.0 feeds, made with the feed package: records in, XML text out.
// The feed package writes entry titles and summaries as HTML (Atom type="html", RSS CDATA)
// without escaping them, so they are escaped here: stored text stays text in every reader, and
// no text can close the CDATA section early.

export type FeedEntry = {
  /** stable and unique: readers use it to tell new entries from old */
  id: string;
  title: string;
  link: string;
  /** when the entry last changed, or the date it is about */
  date: Date;
  /** plain text; each line becomes a line of the summary */
  summary: string;
};

function htmlLines(text: string): string {
  return text
    .split(/\n+/)
    .map((line) => escapeHtml(line.trim()))
    .filter((line) => line !== "")
    .join("<br>");
}

export type FeedSpec = {
  id: string;
  title: string;
  description: string;
  /** the web page the feed follows */
  link: string;
  /** where this feed is fetched from */
  self: { atom?: string; rss?: string };
  author: string;
  copyright: string;
  entries: FeedEntry[];
  /** used when there are no entries, so the feed's own date is still stable */
  fallbackUpdated: Date;
};

function build(spec: FeedSpec): Feed {
  const updated = spec.entries.reduce<Date | null>(
    (latest, entry) => (latest === null || entry.date > latest ? entry.date : latest),
    null,
  );
  const feed = new Feed({
    id: spec.id,
    title: spec.title,
    description: spec.description,
    link: spec.link,
    language: "en-GB",
    updated: updated ?? spec.fallbackUpdated,
    generator: "Witan",
    feedLinks: spec.self,
    author: { name: spec.author },
    copyright: spec.copyright,
  });
  for (const entry of spec.entries) {
    feed.addItem({
      id: entry.id,
      guid: entry.id,
      title: escapeHtml(entry.title),
      link: entry.link,
      date: entry.date,
      description: htmlLines(entry.summary),
    });
  }
  return feed;
}

export function atomFeed(spec: FeedSpec): string {
  return build(spec).atom1();
}

export function rssFeed(spec: FeedSpec): string {
  return build(spec).rss2();
}
