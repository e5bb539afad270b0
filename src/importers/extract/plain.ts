import type { ExtractedText } from "../types.js";
import { declaredCharset, decodeText, looksBinary } from "./decode.js";
import { cleanText, pagedText } from "./normalise.js";
import { FORMATS_READ, tooMuchText, unreadable } from "./problems.js";

// Files without a binary signature: HTML pages, recognised by their content (a saved web page
// is often named .txt or .aspx), and plain or Markdown-ish text, which is kept as it is.

/** Plain text, extracted; or "html" for a page, which the extraction worker reads. */
export function extractPlain(bytes: Uint8Array, file: string, maxChars: number): ExtractedText | "html" {
  const decoded = decodeText(bytes, declaredCharset(bytes));
  if (looksBinary(decoded)) throw unreadable(file, `holds binary data, not text: ${FORMATS_READ}`);
  if (decoded.length > maxChars) throw unreadable(file, tooMuchText(maxChars));
  if (looksLikeHtml(decoded)) return "html";
  return { file, format: "text", ...pagedText(cleanText(decoded)) };
}

const HTML_START =
  /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|h[1-6]|section|article)\b/i;

export function looksLikeHtml(text: string): boolean {
  return HTML_START.test(text.slice(0, 4096));
}
