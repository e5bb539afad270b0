import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  decisionIsPublic,
  documentIsPublic,
  itemIsPublic,
  itemMinutesArePublic,
  meetingIsPublic,
  minutesArePublic,
  minutesLabel,
  type ItemFacts,
  type MinutesFacts,
} from "./visibility.js";

const published = { isAgendaPublished: true };
const unpublished = { isAgendaPublished: false };
const publicItem: ItemFacts = { part: "I", meeting: published };
const exemptItem: ItemFacts = { part: "II", meeting: published };
const unpublishedItem: ItemFacts = { part: "I", meeting: unpublished };

describe("meetings and items", () => {
  test("a meeting is public once its agenda is published", () => {
    assert.equal(meetingIsPublic(published), true);
    assert.equal(meetingIsPublic(unpublished), false);
  });

  test("a Part I item of a published meeting is public", () => {
    assert.equal(itemIsPublic(publicItem), true);
  });

  test("a Part II item is never public, even when its meeting is published", () => {
    assert.equal(itemIsPublic(exemptItem), false);
    assert.equal(itemIsPublic({ part: "II", meeting: unpublished }), false);
  });

  test("an unpublished meeting hides its Part I items", () => {
    assert.equal(itemIsPublic(unpublishedItem), false);
  });
});

describe("documents", () => {
  test("a published Part I document with no items stands alone and is public", () => {
    assert.equal(documentIsPublic({ part: "I", isPublished: true, items: [] }), true);
  });

  test("a Part II document is never public, whatever its items", () => {
    assert.equal(documentIsPublic({ part: "II", isPublished: true, items: [] }), false);
    assert.equal(documentIsPublic({ part: "II", isPublished: true, items: [publicItem] }), false);
  });

  test("an unpublished document is never public, whatever its items", () => {
    assert.equal(documentIsPublic({ part: "I", isPublished: false, items: [] }), false);
    assert.equal(documentIsPublic({ part: "I", isPublished: false, items: [publicItem] }), false);
  });

  test("a Part I document only under Part II or unpublished items is not public", () => {
    assert.equal(documentIsPublic({ part: "I", isPublished: true, items: [exemptItem] }), false);
    assert.equal(documentIsPublic({ part: "I", isPublished: true, items: [unpublishedItem] }), false);
    assert.equal(
      documentIsPublic({ part: "I", isPublished: true, items: [exemptItem, unpublishedItem] }),
      false,
    );
  });

  test("one public item among several makes a Part I published document public", () => {
    assert.equal(
      documentIsPublic({ part: "I", isPublished: true, items: [exemptItem, publicItem, unpublishedItem] }),
      true,
    );
    assert.equal(
      documentIsPublic({ part: "I", isPublished: true, items: [unpublishedItem, publicItem] }),
      true,
    );
  });
});

describe("decisions", () => {
  test("a published decision with no item is public", () => {
    assert.equal(decisionIsPublic({ isPublished: true, item: null }), true);
  });

  test("an unpublished decision is not public, even on a public item", () => {
    assert.equal(decisionIsPublic({ isPublished: false, item: null }), false);
    assert.equal(decisionIsPublic({ isPublished: false, item: publicItem }), false);
  });

  test("a published decision follows its item", () => {
    assert.equal(decisionIsPublic({ isPublished: true, item: publicItem }), true);
    assert.equal(decisionIsPublic({ isPublished: true, item: exemptItem }), false);
    assert.equal(decisionIsPublic({ isPublished: true, item: unpublishedItem }), false);
  });
});

describe("minutes", () => {
  test("minutes typed but not published are not public, even on a published agenda", () => {
    assert.equal(minutesArePublic({ ...published, minutesStatus: "none" }), false);
  });

  test("draft and approved minutes of a published meeting are public", () => {
    assert.equal(minutesArePublic({ ...published, minutesStatus: "draft" }), true);
    assert.equal(minutesArePublic({ ...published, minutesStatus: "approved" }), true);
  });

  test("published minutes of a meeting whose agenda is unpublished are not public", () => {
    assert.equal(minutesArePublic({ ...unpublished, minutesStatus: "draft" }), false);
    assert.equal(minutesArePublic({ ...unpublished, minutesStatus: "approved" }), false);
  });

  test("what is recorded under an item needs both a public item and public minutes", () => {
    const draft: MinutesFacts = { ...published, minutesStatus: "draft" };
    assert.equal(itemMinutesArePublic({ part: "I", meeting: draft }), true);
    assert.equal(itemMinutesArePublic({ part: "II", meeting: draft }), false);
    assert.equal(
      itemMinutesArePublic({ part: "I", meeting: { ...published, minutesStatus: "none" } }),
      false,
    );
    assert.equal(
      itemMinutesArePublic({ part: "I", meeting: { ...unpublished, minutesStatus: "draft" } }),
      false,
    );
  });
});

describe("minutesLabel", () => {
  test("draft minutes are labelled as not yet approved", () => {
    const label = minutesLabel("draft");
    assert.notEqual(label, null);
    assert.match(label ?? "", /draft/i);
  });

  test("approved minutes, and no minutes, carry no label", () => {
    assert.equal(minutesLabel("approved"), null);
    assert.equal(minutesLabel("none"), null);
  });
});
