import { emptyBundle, type BundleItem } from "../../../src/domain/bundle.js";
import type { ExtractedText, ImportHints, ParsedDocument } from "../../../src/importers/types.js";

// A stand-in for the real parsers (src/importers/parse), for tests of the road around them:
// it reads "Authority:", "Body:" and "Date:" lines and numbered items ("3. Title"), uses the
// hints for what is missing, and makes one document that spans the whole file. Text without a
// date or an item is "not recognised".

export function standInParser(doc: ExtractedText, hints: ImportHints): ParsedDocument {
  const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.+)$`, "m").exec(doc.text)?.[1]?.trim();
  const authority = field("Authority") ?? hints.authority;
  const body = field("Body") ?? hints.body;
  const date = field("Date") ?? hints.date;
  const items: BundleItem[] = [...doc.text.matchAll(/^(\d{1,3})\.[ \t]+(\S.*)$/gm)].map((m) => ({
    number: m[1] ?? "",
    title: (m[2] ?? "").trim(),
    kind: "other",
    part: "I",
    resolutions: [],
    declarations: [],
    documents: [],
  }));
  const bundle = emptyBundle();
  if (!authority || !body || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || items.length === 0) {
    return { bundle, parts: [], warnings: [] };
  }
  const id = `${doc.file}#minutes`;
  bundle.authorities.push({ name: authority });
  bundle.bodies.push({ name: body, authority, kind: "committee" });
  bundle.documents.push({
    id,
    title: doc.title ?? `Minutes, ${body}, ${date}`,
    kind: "minutes",
    authority,
    source: { file: doc.file, from: 0, to: doc.text.length },
  });
  bundle.meetings.push({
    authority,
    body,
    date,
    published: true,
    attendance: [],
    items: items.map((item, i) => (i === 0 ? { ...item, documents: [id] } : item)),
  });
  return { bundle, parts: ["minutes"], warnings: [] };
}
