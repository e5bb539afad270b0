import type { ExtractedText } from "../types.js";
import { declaredCharset, decodeText, looksBinary } from "./decode.js";
import { cleanText, pagedText } from "./normalise.js";
import { FORMATS_READ, tooMuchText, unreadable } from "./problems.js";

// Files without a binary signature: HTML pages, recognised by their content (a saved web page
// is often named .txt or .aspx), and plain or Markdown-ish text, which is kept as it is but for
// two things a Markdown file adds: its front matter, whose title is the document's title, and
// the backslashes that keep "1\. Election of Chairman" from becoming a list.

/** Plain text, extracted; or "html" for a page, which the extraction worker reads. */
export function extractPlain(bytes: Uint8Array, file: string, maxChars: number): ExtractedText | "html" {
  const decoded = decodeText(bytes, declaredCharset(bytes));
  if (looksBinary(decoded)) throw unreadable(file, `holds binary data, not text: ${FORMATS_READ}`);
  if (decoded.length > maxChars) throw unreadable(file, tooMuchText(maxChars));
  if (looksLikeHtml(decoded)) return "html";
  const cleaned = cleanText(decoded);
  const front = FRONT_MATTER.exec(cleaned);
  const body = front ? cleaned.slice(front[0].length) : cleaned;
  const markdown = front !== null || /\.(?:md|markdown)$/i.test(file);
  const text = markdown ? body.replace(MARKDOWN_ESCAPE, "$1") : body;
  const title = front ? frontMatterTitle(front[1] ?? "") : undefined;
  return { file, format: "text", ...pagedText(text), ...(title ? { title } : {}) };
}

/** YAML front matter, as static sites put it at the head of a page: "---", "key: value" lines, "---". */
const FRONT_MATTER = /^---[ \t]*\n((?:[ \t]*(?:[A-Za-z_][\w-]*[ \t]*:.*|-.*|)\n){0,80}?)---[ \t]*(?:\n|$)/;
const MARKDOWN_ESCAPE = /\\([\\`*_{}[\]()#+\-.!|>~])/g;

function frontMatterTitle(yaml: string): string | undefined {
  const m = /^title[ \t]*:[ \t]*(["']?)(.+?)\1[ \t]*$/m.exec(yaml);
  return m?.[2]?.trim() || undefined;
}

const HTML_START =
  /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|link|style|script|div|span|p|a|table|ul|ol|dl|h[1-6]|section|article|header|nav|main|form|button|time|img|hr|br)\b[^<>]*>/i;

export function looksLikeHtml(text: string): boolean {
  return HTML_START.test(text.slice(0, 4096));
}
