import chardet from "chardet";
import iconv from "iconv-lite";

// Bytes to a string for text and HTML files. Councils' older files are often Windows-1252
// (curly quotes, "£", "–" from Word); newer ones UTF-8; some exports UTF-16 with a byte-order
// mark. The order matters: a byte-order mark is certain; valid UTF-8 is almost never an accident
// for non-ASCII text; only then is a guess made, and the guess defaults to Windows-1252 because
// Latin-1 would turn its curly quotes and dashes into control characters.

/** Decodes bytes as text; `declared` is a charset the file names itself (HTML <meta charset>). */
export function decodeText(bytes: Uint8Array, declared?: string): string {
  const bom = byteOrderMark(bytes);
  if (bom) return new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length));
  const utf16 = utf16WithoutMark(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return utf8;
  if (declared && isSingleByteCharset(declared)) return iconv.decode(bytes, declared);
  return iconv.decode(bytes, guessSingleByteCharset(bytes));
}

function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/** UTF-16 without a mark shows as a zero byte in every other position of mostly-ASCII text. */
function utf16WithoutMark(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const sample = bytes.subarray(0, 4096);
  if (sample.length < 8 || sample.length % 2 !== 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const SINGLE_BYTE = /^(windows-125\d|iso-8859-\d{1,2}|latin1|us-ascii|ascii|koi8-[ru]|macintosh)$/i;

function isSingleByteCharset(name: string): boolean {
  return SINGLE_BYTE.test(name) && iconv.encodingExists(name);
}

/**
 * chardet is unsure on short texts and often puts a Central European code page a little ahead
 * of Windows-1252 ("£" would read as "Ł"); in British councils' files Windows-1252 is by far the
 * likelier, so another charset wins only by a clear margin.
 */
function guessSingleByteCharset(bytes: Uint8Array): string {
  const guesses = chardet.analyse(bytes.subarray(0, 64 * 1024));
  const western = Math.max(0, ...guesses.filter((g) => WESTERN.test(g.name)).map((g) => g.confidence));
  const best = guesses.find((g) => isSingleByteCharset(g.name));
  if (!best || WESTERN.test(best.name)) return "windows-1252";
  return best.confidence >= western * 1.5 && best.confidence - western >= 15 ? best.name : "windows-1252";
}

// ISO-8859-1 is what chardet says for most Windows-1252 text; Windows-1252 is its superset.
const WESTERN = /^(windows-1252|iso-8859-1|iso-8859-15)$/i;

/**
 * Binary data decoded as a single-byte charset is full of control characters; real text has
 * next to none. Counted on the raw decoded string, before they are cleaned away.
 */
export function looksBinary(decoded: string): boolean {
  const sample = decoded.slice(0, 64 * 1024);
  if (sample.length === 0) return false;
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/g)?.length ?? 0;
  return controls > Math.max(2, sample.length * 0.01);
}

/** The charset an HTML page declares in its first bytes (<meta charset> or http-equiv). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
}
