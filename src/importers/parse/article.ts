import type { BundleDocument } from "../../domain/bundle.js";
import { findAuthorities } from "./authorities.js";
import type { Context } from "./context.js";
import { sourceOf } from "./context.js";
import { findDates } from "./dates.js";
import { datedEvents } from "./events.js";
import { documentId } from "./ids.js";
import type { Line } from "./lines.js";

// A news article about council business: title, byline, date, publisher, the body text without
// the site's subscription and navigation lines, the authorities it names, and the dated events it
// reports. Dates in prose ("on Monday (11 November)", "on Thursday, November 28") are read by
// chrono-node relative to the article's own date, never to today's.

const BYLINE =
  /^(?:By|Written\s+by|Author:?|Reporter:?)\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})(?:\s*[,|–-]\s*(.+))?$/;
const DATELINE = /^(?:Published|Posted|First\s+published|Date)\s*:?\s*(.+)$/i;
const BOILERPLATE =
  /^(?:subscribe|sign\s+up|share\s+(?:this|on|via)|read\s+more|related\s+(?:articles|stories|topics)|advertisement|follow\s+us|newsletter|cookies?\b|accept\s+(?:all\s+)?cookies|comments?\b|most\s+read|trending|privacy|terms\s+(?:and|&)|skip\s+to|menu$|home$|news$|sport$|©|copyright|click\s+here|get\s+(?:the|our)\b|download\s+(?:the|our)\s+app|more\s+on\s+this\s+story|image\s+(?:caption|source|copyright)|photo:|picture:|updated\s*:?|want\s+to\s+|we\s+use\s+cookies|don['’]t\s+miss|support\s+(?:local|our)\s+journalism|log\s+in|register)/i;
const PUBLISHER_LINE =
  /^(?:The\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:Gazette|Echo|Herald|News|Post|Mail|Times|Chronicle|Observer|Argus|Standard|Express|Journal|Telegraph|Mercury|Advertiser|Live|Reporter|Press|Courier|Sentinel|Guardian)$|^Local\s+Democracy\s+Reporting\s+Service$|^BBC\s+News$/;

export type Article = {
  title: string;
  author?: string;
  date?: string;
  publisher?: string;
  paragraphs: Line[][];
};

export function looksLikeArticle(lines: Line[]): boolean {
  const texts = lines.map((l) => l.text).filter((t) => t !== "");
  const head = texts.slice(0, 15);
  const byline = head.some((t) => BYLINE.test(t));
  const dated = head.some((t) => (DATELINE.test(t) || t.length < 80) && findDates(t).length > 0);
  const prose = texts.filter((t) => t.length >= 60 && /[.!?"”]$/.test(t)).length;
  const civic = /\b(council|councillors?|committee|cabinet|mayor|authority)\b/i.test(
    texts.join(" ").slice(0, 50000),
  );
  return (byline || dated) && (byline || prose >= 4) && prose >= 2 && civic;
}

export function readArticle(lines: Line[], docTitle: string | undefined): Article {
  const texts = lines.filter((l) => l.text !== "");
  let title = docTitle?.split(/\s+[|–-]\s+/)[0]?.trim();
  let publisher = docTitle?.includes(" | ") ? docTitle.split(" | ").at(-1)?.trim() : undefined;
  let author: string | undefined;
  let date: string | undefined;
  const paragraphs: Line[][] = [];
  for (const [i, line] of texts.entries()) {
    const text = line.text;
    const byline = BYLINE.exec(text);
    if (byline?.[1] && !author) {
      author = byline[1];
      if (byline[2] && !findDates(byline[2]).length) publisher ??= byline[2].trim();
      continue;
    }
    const dateline = DATELINE.exec(text);
    if (
      i < 15 &&
      !date &&
      (dateline || (text.length < 80 && findDates(text).length > 0 && !/[.!?]$/.test(text)))
    ) {
      date = findDates(dateline?.[1] ?? text)[0]?.iso;
      if (date) continue;
    }
    const copyright = /^(?:©|copyright|\(c\))\s*(?:\d{4}\s+)?(.+?)\.?$/i.exec(text);
    if (copyright?.[1]) {
      // The copyright holder publishes; a credit line near the top may name an agency instead.
      publisher = copyright[1].replace(/,?\s*all rights reserved\.?$/i, "").trim();
      continue;
    }
    if (PUBLISHER_LINE.test(text) && i < 15) {
      publisher ??= text;
      continue;
    }
    if (BOILERPLATE.test(text)) continue;
    if (!title && text.length < 200 && !/[.]$/.test(text)) {
      title = text;
      continue;
    }
    if (text.split(/\s+/).length < 6 && !/[.!?"”]$/.test(text)) continue;
    paragraphs.push([line]);
  }
  return {
    title: title ?? "Untitled article",
    ...(author ? { author } : {}),
    ...(date ? { date } : {}),
    ...(publisher ? { publisher } : {}),
    paragraphs,
  };
}

export function parseArticle(lines: Line[], ctx: Context): void {
  const article = readArticle(lines, ctx.doc.title);
  const bodyText = article.paragraphs.map((p) => p.map((l) => l.text).join(" ")).join("\n\n");
  for (const { name } of findAuthorities(bodyText)) ctx.out.authority(name);
  const doc: BundleDocument = {
    id: documentId(article.publisher ?? "article", article.date, article.title),
    title: article.title,
    kind: "external-article",
    text: bodyText,
    authority: ctx.authority,
  };
  if (article.date) doc.published = article.date;
  if (article.author) doc.author = article.author;
  if (article.publisher) doc.publisher = article.publisher;
  const source = sourceOf(ctx, lines);
  if (source) doc.source = source;
  const id = ctx.out.document(doc);
  const issue = ctx.out.issue(ctx.hints.issue ?? article.title, ctx.authority);
  issue.documents = [...(issue.documents ?? []), id];
  issue.events = [...(issue.events ?? []), ...datedEvents(bodyText, article.date, ctx, id)];
}
