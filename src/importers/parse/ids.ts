import { slugify } from "../../domain/names.js";

// Document ids built from what the document is (authority, body, date, title), not from where
// it was read, so the same paper reached through two files (a pack, an issue page) is one record
// and a re-import changes nothing. A short hash keeps ids unique when titles share a long prefix.

export function documentId(...parts: (string | undefined)[]): string {
  const key = parts
    .filter((p): p is string => p !== undefined && p !== "")
    .map((p) =>
      p
        .normalize("NFKD")
        .toLowerCase()
        .replace(/['‘’`]/g, "")
        .replace(/[^a-z0-9]+/g, " ")
        .trim(),
    )
    .join(" ");
  const slug = slugify(key).slice(0, 70).replace(/-+$/, "");
  return `${slug}-${fnv1a(key)}`;
}

/** FNV-1a, 32 bits, as 7 base-36 digits: small, fast and the same everywhere. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, "0");
}
