import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { rawFromValues, rawValues, readForm, readTime, type Field } from "./fields.js";
import { formView } from "./form-view.js";

const FIELDS: Field[] = [
  { kind: "text", name: "title", label: "Title", isRequired: true, maxLength: 10 },
  { kind: "number", name: "votes", label: "Votes for", min: 0, max: 200 },
  { kind: "date", name: "date", label: "Date of the meeting", isRequired: true },
  { kind: "time", name: "start", label: "Start time" },
  {
    kind: "radios",
    name: "part",
    label: "Part",
    isRequired: true,
    options: [{ value: "I", text: "Part I" }],
  },
  { kind: "checkbox", name: "late", label: "Late item", checkboxText: "This item is late" },
  { kind: "checkboxes", name: "partners", label: "Partners", options: [{ value: "2", text: "Torbay" }] },
];

const GOOD = {
  title: "Budget",
  votes: "7",
  "date-day": "29",
  "date-month": "8",
  "date-year": "2017",
  start: "2pm",
  part: "I",
  late: "yes",
  partners: ["2"],
};

describe("reading a back-office form", () => {
  test("a good form gives typed values and no errors", () => {
    const { values, errors } = readForm(FIELDS, GOOD);
    assert.deepEqual(errors, {});
    assert.deepEqual(values, {
      title: "Budget",
      votes: 7,
      date: "2017-08-29",
      start: "14:00",
      part: "I",
      late: true,
      partners: ["2"],
    });
  });

  test("each kind of wrong value gets the GOV.UK message", () => {
    const { errors } = readForm(FIELDS, {
      title: "x".repeat(11),
      votes: "seven",
      "date-day": "31",
      "date-month": "2",
      "date-year": "2026",
      start: "25:00",
      part: "III",
      partners: ["9"],
    });
    assert.deepEqual(errors, {
      title: "Title must be 10 characters or fewer",
      votes: "Votes for must be a whole number",
      date: "Date of the meeting must be a real date",
      start: "Start time must be a real time, like 14:30 or 2:30pm",
      part: "Select part from the list",
      partners: "Select partners from the list",
    });
  });

  test("empty required fields and half-given dates say what is missing", () => {
    const { errors } = readForm(FIELDS, { "date-day": "3", "date-month": "" });
    assert.equal(errors.title, "Enter title");
    assert.equal(errors.date, "Date of the meeting must include a month and year");
    assert.equal(errors.part, "Select part");
    assert.equal(readForm(FIELDS, { ...GOOD, votes: "-1" }).errors.votes, "Votes for must be 0 or more");
    assert.equal(readForm(FIELDS, { ...GOOD, "date-year": "17" }).errors.date, "Year must include 4 numbers");
  });

  test("a name posted twice is not taken for a single field's value", () => {
    assert.equal(readForm(FIELDS, { ...GOOD, title: ["a", "b"] }).errors.title, "Enter title");
  });

  test("times in the ways people write them", () => {
    assert.equal(readTime("14:30"), "14:30");
    assert.equal(readTime("2.30pm"), "14:30");
    assert.equal(readTime("12am"), "00:00");
    assert.equal(readTime("12pm"), "12:00");
    assert.equal(readTime("14"), null);
    assert.equal(readTime("13pm"), null);
  });

  test("stored values fill the form again, and read back to themselves", () => {
    const { values } = readForm(FIELDS, GOOD);
    assert.deepEqual(readForm(FIELDS, rawFromValues(FIELDS, values)).values, values);
  });

  test("multipart fields come as objects with a value", () => {
    assert.deepEqual(rawValues({ title: { type: "field", value: "Budget" }, file: { type: "file" } }), {
      title: "Budget",
    });
  });

  test("the error summary links to each field, a date to its day box, in the form's order", () => {
    const { errors } = readForm(FIELDS, {});
    const view = formView(FIELDS, {}, errors);
    assert.deepEqual(
      view.errorList.map((link) => link.href),
      ["#title", "#date-day", "#part"],
    );
  });
});
