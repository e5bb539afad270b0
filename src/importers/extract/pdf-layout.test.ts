import assert from "node:assert/strict";
import { test } from "node:test";
import { layoutPage, type PdfTextItem } from "./pdf-layout.js";

const item = (str: string, x: number, y: number, size = 10): PdfTextItem => ({
  str,
  x,
  y,
  width: str.length * size * 0.5,
  height: size,
});

test("items on one baseline make a line, joined by spaces at word gaps and tabs at column gaps", () => {
  const text = layoutPage([
    item("1.", 50, 700),
    item("Apologies", 62, 700),
    item("(Pages", 300, 700),
    item("1 - 6)", 333, 700),
    item("Councillor", 50, 688),
    item("Smith", 102, 688),
  ]);
  assert.equal(text, "1. Apologies\t(Pages 1 - 6)\nCouncillor Smith");
});

test("a wide gap between lines is a paragraph break; a jump back up starts a new block", () => {
  const text = layoutPage([
    item("First", 50, 700),
    item("paragraph", 50, 688),
    item("Second", 50, 650),
    item("Column two", 320, 700),
  ]);
  assert.equal(text, "First\nparagraph\n\nSecond\n\nColumn two");
});

test("a superscript stays on its line; items drawn right to left are put in order", () => {
  const text = layoutPage([item("September", 80, 700), item("20", 50, 700), item("th", 60, 703, 6)]);
  assert.equal(text, "20th September");
});

test("spaces drawn as items and empty items add nothing", () => {
  assert.equal(
    layoutPage([item("Part", 50, 700), item(" ", 70, 700), item("I", 73, 700), item("", 0, 0)]),
    "Part I",
  );
});

test("a paragraph wrapped at the right edge is joined into one line again", () => {
  const text = layoutPage([
    item("MINUTES of a meeting of the Planning Committee held at the", 50, 700),
    item("Council Offices on Tuesday 14 March 2023 at 6.30 pm", 50, 688),
    item("Present:", 50, 660),
    item("Councillors Ashworth, Bellamy, Carver and Dunmore were all", 50, 648),
    item("1. Apologies were received from Councillor Ellery, Councillor", 50, 636),
    item("Fairbairn and Councillor Gostelow.", 50, 624),
    item("Date\tItem", 50, 612),
  ]);
  assert.equal(
    text,
    [
      "MINUTES of a meeting of the Planning Committee held at the Council Offices on Tuesday 14 March 2023 at 6.30 pm",
      "",
      "Present:",
      "Councillors Ashworth, Bellamy, Carver and Dunmore were all",
      "1. Apologies were received from Councillor Ellery, Councillor Fairbairn and Councillor Gostelow.",
      "Date\tItem",
    ].join("\n"),
  );
});

test("a line broken on purpose, where the next word would have fitted, is kept", () => {
  const text = layoutPage([
    item("The Committee considered the report of the Head of Planning on the", 50, 700),
    item("application and the representations received from residents.", 50, 688),
    item("Ballard House", 50, 660),
    item("Anytown AB1 2CD", 50, 648),
    item("Members asked whether the conditions proposed would protect the", 50, 620),
    item("amenity of neighbouring properties.", 50, 608),
  ]);
  assert.equal(
    text,
    [
      "The Committee considered the report of the Head of Planning on the application and the representations received from residents.",
      "",
      "Ballard House",
      "Anytown AB1 2CD",
      "",
      "Members asked whether the conditions proposed would protect the amenity of neighbouring properties.",
    ].join("\n"),
  );
});

test("a short page is left as it is", () => {
  assert.equal(
    layoutPage([item("2. Declarations of Interest", 50, 700), item("None.", 50, 688)]),
    "2. Declarations of Interest\nNone.",
  );
});
