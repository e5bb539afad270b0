import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { htmlToText } from "./html.js";

// A council "agenda and minutes" page in the shape ModernGov and similar systems publish.
const PAGE = `<!DOCTYPE html>
<html lang="en"><head><title>Agenda for Planning Committee on Tuesday, 14th March, 2023, 6.30 pm</title>
<style>.x{}</style><script>var tracking = 1;</script></head>
<body>
<header><a href="/">Skip to content</a> Northmoor District Council</header>
<nav><ul><li><a href="/councillors">Councillors</a></li></ul></nav>
<div id="modgov">
  <h1>Agenda and minutes</h1>
  <p>Venue:   Council Chamber,
     Civic Centre</p>
  <table>
    <tr><th>No.</th><th>Item</th></tr>
    <tr><td>45.</td><td><p><strong>Declarations of Interest</strong></p><p>None were declared.</p></td></tr>
    <tr><td>46.</td><td><a href="/documents/s1234/Report.pdf">Land at Mill Lane <img src="pdf.gif" alt="PDF 653 KB"></a></td></tr>
  </table>
  <ol type="a"><li>first</li><li value="5">fifth<ul><li>nested</li></ul></li></ol>
  <p>Contact: <a href="mailto:committees@example.gov.uk">committees@example.gov.uk</a> <a href="#top">Back to top</a></p>
  <div style="display:none">hidden text</div>
</div>
<footer>Copyright Northmoor District Council</footer>
</body></html>`;

describe("HTML to text", () => {
  const page = htmlToText(PAGE, "agenda.html", "html");

  test("keeps the content and drops scripts, styles, navigation, banners and footers", () => {
    assert.equal(
      page.text,
      [
        "Agenda and minutes",
        "",
        "Venue: Council Chamber, Civic Centre",
        "",
        "No.\tItem",
        // A paragraph inside a cell keeps its line, indented to its cell's column.
        "45.\tDeclarations of Interest",
        "\tNone were declared.",
        "46.\tLand at Mill Lane PDF 653 KB",
        "",
        "a. first",
        "e. fifth",
        "  - nested",
        "",
        "Contact: committees@example.gov.uk Back to top",
      ].join("\n"),
    );
    assert.equal(page.title, "Agenda for Planning Committee on Tuesday, 14th March, 2023, 6.30 pm");
    assert.deepEqual(page.pageStarts, [0]);
  });

  test("links keep the span of their text, so an item knows its documents", () => {
    const links = page.links ?? [];
    assert.deepEqual(
      links.map((l) => [l.text, l.href]),
      [
        ["Land at Mill Lane PDF 653 KB", "/documents/s1234/Report.pdf"],
        ["committees@example.gov.uk", "mailto:committees@example.gov.uk"],
      ],
    );
    for (const link of links) assert.equal(page.text.slice(link.from, link.to), link.text);
  });

  test("an article's own header is content, not page furniture; <main> is preferred to the page", () => {
    const article = htmlToText(
      `<body><div>Subscribe now!</div><main><article><header><h1>Council agrees partnership</h1>
       <p>By A Reporter, 12 November 2019</p></header><p>The council voted on Monday (11 November).</p></article></main></body>`,
      "news.html",
      "html",
    );
    assert.equal(
      article.text,
      "Council agrees partnership\n\nBy A Reporter, 12 November 2019\n\nThe council voted on Monday (11 November).",
    );
  });

  test("a definition list reads as a table of terms and definitions, a second definition under the first", () => {
    const text = htmlToText(
      `<h2>Meeting Details</h2><dl><dt>Date</dt><dd>Wednesday, 5 March 2025</dd>
       <div><dt>Venue</dt><dd>Council Chamber</dd></div>
       <dt>Contact</dt><dd>Committee Services</dd><dd>01632 960000</dd></dl><p>After.</p>`,
      "x.html",
      "html",
    ).text;
    assert.equal(
      text,
      [
        "Meeting Details",
        "",
        "Date\tWednesday, 5 March 2025",
        "Venue\tCouncil Chamber",
        "Contact\tCommittee Services",
        "\t01632 960000",
        "",
        "After.",
      ].join("\n"),
    );
  });

  test("preformatted text is kept; one-column and nested tables read as blocks", () => {
    const text = htmlToText(
      `<pre>  Item   Pages\n  1.     1 - 6</pre><table><tr><td><h2>Minutes</h2><p>Agreed.</p></td></tr></table>`,
      "x.html",
      "html",
    ).text;
    assert.equal(text, "  Item   Pages\n  1.     1 - 6\n\nMinutes\n\nAgreed.");
  });
});
