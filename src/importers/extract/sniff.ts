// What a file is, from its bytes rather than its name: councils' downloads are often misnamed
// ("agenda.pdf" that is an HTML error page, "minutes.doc" that is really .docx).

export type Sniffed =
  | { kind: "pdf" }
  | { kind: "zip" }
  | { kind: "text" }
  /** a format Witan does not read, with what it is, for the message */
  | { kind: "other"; what: string };

const SIGNATURES: { bytes: number[]; what: string }[] = [
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: "an old-style Office file (.doc, .xls or .ppt)",
  },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: "a TIFF image" },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: "a TIFF image" },
  { bytes: [0x1f, 0x8b], what: "a gzip archive" },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: "a RAR archive" },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: "a 7-Zip archive" },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: "an RTF document" },
];

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function sniff(bytes: Uint8Array): Sniffed {
  // The PDF header may follow a little junk (PDF 1.7, annex H: within the first 1024 bytes).
  if (indexOf(bytes.subarray(0, 1024), PDF_MAGIC) !== -1) return { kind: "pdf" };
  if (startsWith(bytes, ZIP_MAGIC)) return { kind: "zip" };
  for (const signature of SIGNATURES) {
    if (startsWith(bytes, signature.bytes)) return { kind: "other", what: signature.what };
  }
  return { kind: "text" };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

export function indexOf(bytes: Uint8Array, needle: number[], from = 0): number {
  const first = needle[0];
  for (let i = bytes.indexOf(first ?? 0, from); i !== -1; i = bytes.indexOf(first ?? 0, i + 1)) {
    if (i + needle.length > bytes.length) return -1;
    if (needle.every((byte, j) => bytes[i + j] === byte)) return i;
  }
  return -1;
}
