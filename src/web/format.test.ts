import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  clockTime,
  fileDescription,
  fileSize,
  londonDate,
  longDate,
  pageRange,
  paragraphs,
  personLabel,
  roleLabel,
  sentenceCase,
  textBlocks,
  timeRange,
} from "./format.js";

describe("dates and times in the GOV.UK style", () => {
  test("long dates name the weekday", () => {
    assert.equal(longDate("2017-09-20"), "Wednesday 20 September 2017");
    assert.equal(longDate("2024-02-29"), "Thursday 29 February 2024");
  });

  test("times drop zero minutes and say midday and midnight", () => {
    assert.equal(clockTime("10:00"), "10am");
    assert.equal(clockTime("17:10"), "5:10pm");
    assert.equal(clockTime("12:00"), "midday");
    assert.equal(clockTime("00:00"), "midnight");
    assert.equal(clockTime("12:30"), "12:30pm");
    assert.equal(clockTime("00:15"), "12:15am");
    assert.equal(timeRange("15:00", "17:10"), "3pm to 5:10pm");
    assert.equal(timeRange("10:00", null), "10am");
    assert.equal(timeRange(null, "17:10"), null);
  });

  test("today is the date in London, not the server's zone", () => {
    // 23:30 UTC on 30 June is already 1 July in British Summer Time.
    assert.equal(londonDate(new Date("2017-06-30T23:30:00Z")), "2017-07-01");
    assert.equal(londonDate(new Date("2017-12-31T23:30:00Z")), "2017-12-31");
  });
});

describe("files, pages and names", () => {
  test("sizes in binary units", () => {
    assert.equal(fileSize(668672), "653 KB");
    assert.equal(fileSize(900), "900 bytes");
    assert.equal(fileSize(5 * 1024 * 1024 + 300 * 1024), "5.3 MB");
    assert.equal(fileDescription("application/pdf", 668672), "PDF, 653 KB");
    assert.equal(fileDescription("application/pdf", null), "PDF");
    assert.equal(fileDescription(null, null), null);
  });

  test("page ranges", () => {
    assert.equal(pageRange({ from: 7, to: 28 }), "Pages 7 to 28");
    assert.equal(pageRange({ from: 3, to: 3 }), "Page 3");
    assert.equal(pageRange(null), null);
  });

  test("people, roles and codes", () => {
    assert.equal(
      personLabel({ name: "Aspinall", honorific: "Mrs", kind: "councillor" }),
      "Councillor Mrs Aspinall",
    );
    assert.equal(personLabel({ name: "Ross Jago", honorific: null, kind: "officer" }), "Ross Jago");
    assert.equal(roleLabel("vice-chair"), "Vice-Chair");
    assert.equal(roleLabel("lead-officer"), "Lead officer");
    assert.equal(sentenceCase("agenda-pack"), "Agenda pack");
  });

  test("text keeps its line breaks as paragraphs", () => {
    assert.deepEqual(paragraphs("First.\n\n  Second.\nThird."), ["First.", "Second.", "Third."]);
  });

  test("lines written as dashes become bulleted lists", () => {
    assert.deepEqual(textBlocks("Based on -\n- one;\n- two;\nAfter.\n- three"), [
      { paragraph: "Based on -" },
      { bullets: ["one;", "two;"] },
      { paragraph: "After." },
      { bullets: ["three"] },
    ]);
  });
});
