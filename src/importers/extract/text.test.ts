import assert from "node:assert/strict";
import { describe, test } from "node:test";
import iconv from "iconv-lite";
import { decodeText, looksBinary } from "./decode.js";
import { cleanText, joinPages, pagedText } from "./normalise.js";
import { extractPlain, looksLikeHtml } from "./plain.js";

describe("decoding text files", () => {
  test("UTF-8, with or without a byte-order mark", () => {
    const text = "Councillor Ó Briain – £5m “in principle”";
    assert.equal(decodeText(new TextEncoder().encode(text)), text);
    assert.equal(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])), text);
  });

  test("UTF-16 with a byte-order mark, both byte orders, and little-endian without one", () => {
    const text = "Minutes of the Planning Committee – 3 May";
    assert.equal(decodeText(Uint8Array.from([0xff, 0xfe, ...iconv.encode(text, "utf-16le")])), text);
    assert.equal(decodeText(Uint8Array.from([0xfe, 0xff, ...iconv.encode(text, "utf-16be")])), text);
    assert.equal(decodeText(new Uint8Array(iconv.encode(text, "utf-16le"))), text);
  });

  test("old Windows-1252 files: curly quotes, pound signs and dashes survive", () => {
    const text = "The Council’s budget of £5m – agreed “in principle”. Café owners objected.";
    assert.equal(decodeText(new Uint8Array(iconv.encode(text, "windows-1252"))), text);
    // Short texts are where guessing goes wrong; Windows-1252 must still win.
    assert.equal(decodeText(new Uint8Array(iconv.encode("“Q” £5 – café", "windows-1252"))), "“Q” £5 – café");
  });

  test("a charset the page declares is used when the bytes are not UTF-8", () => {
    const text = "Zażółć gęślą jaźń";
    assert.equal(decodeText(new Uint8Array(iconv.encode(text, "iso-8859-2")), "iso-8859-2"), text);
  });

  test("binary data is told from text", () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    assert.equal(looksBinary(decodeText(noise)), true);
    assert.equal(looksBinary("Minutes\n\n1. Apologies\f2. Minutes\t(Pages 1 - 6)"), false);
  });
});

describe("the normal form", () => {
  test('"\\n" line ends, NFC, no NULs or control characters but \\n, \\t and \\f', () => {
    const decomposed = "Cafe\u0301";
    assert.equal(
      cleanText(`a\r\nb\rc\u0000d\u0007e\tf\fg\u2028h ${decomposed}\uFEFF`),
      "a\nb\ncde\tf\fg\nh Café",
    );
  });

  test("form feeds mark pages; a trailing one does not start an empty page", () => {
    assert.deepEqual(pagedText("one\ftwo\fthree\f"), { text: "one\ftwo\fthree", pageStarts: [0, 4, 8] });
    assert.deepEqual(pagedText("no pages"), { text: "no pages", pageStarts: [0] });
  });

  test("joined pages know where each starts, and a page's own form feeds do not split it", () => {
    const { text, pageStarts } = joinPages(["first\fstill first", "", "third"]);
    assert.equal(text, "first\nstill first\f\fthird");
    assert.deepEqual(pageStarts, [0, 18, 19]);
    assert.equal(text.slice(pageStarts[2]), "third");
  });
});

describe("plain text and HTML told apart by content", () => {
  test("a page is HTML by its start, whatever its name", () => {
    assert.equal(looksLikeHtml("<!DOCTYPE html><html><body>x</body></html>"), true);
    assert.equal(looksLikeHtml("  <!-- saved --> <html lang=en>"), true);
    assert.equal(looksLikeHtml("For further information follow this link <http://example.org/>"), false);
    // A page's fragment, as a site's template includes it, starts wherever the template cut it.
    assert.equal(looksLikeHtml('<button aria-label="Close">×</button>\n<div class="minutes">'), true);
    assert.equal(looksLikeHtml("<Agenda item 5> is deferred"), false);
    assert.equal(
      extractPlain(new TextEncoder().encode("<html><body><p>Agenda</p></body></html>"), "a.txt", 1e6),
      "html",
    );
  });

  test("a Markdown page's front matter gives its title, and its escapes are undone", () => {
    const source =
      '---\ntitle: "Ashby Parish Council Minutes May"\ndate: "2017-07-12"\ncategories:\n  - "parish"\n---\n\nMinutes\n\n1\\. Election of Chairman\n\nA\\*B';
    const text = extractPlain(new TextEncoder().encode(source), "index.md", 1e6);
    assert.deepEqual(text, {
      file: "index.md",
      format: "text",
      text: "\nMinutes\n\n1. Election of Chairman\n\nA*B",
      pageStarts: [0],
      title: "Ashby Parish Council Minutes May",
    });
    const plain = extractPlain(new TextEncoder().encode("Item 1\\. kept"), "notes.txt", 1e6);
    assert.equal(plain !== "html" && plain.text, "Item 1\\. kept");
  });

  test("Markdown-ish text is kept as it is", () => {
    const source =
      "Wellbeing Committee**Wednesday 9 August 2017****Present:**\n\n- (a) concerns;\n\tIndented";
    const text = extractPlain(new TextEncoder().encode(source), "m.md", 1e6);
    assert.deepEqual(text, { file: "m.md", format: "text", text: source, pageStarts: [0] });
  });
});
