import assert from "node:assert/strict";
import { test } from "node:test";
import { actionState } from "./actions.js";

test("an open action is overdue once its due date has passed, not on the day", () => {
  assert.equal(actionState({ status: "open", due: "2018-01-29" }, "2018-01-29"), "open");
  assert.equal(actionState({ status: "open", due: "2018-01-29" }, "2018-01-30"), "overdue");
  assert.equal(actionState({ status: "open", due: null }, "2030-01-01"), "open");
});

test("done and cancelled actions are never overdue; an unknown status counts as open", () => {
  assert.equal(actionState({ status: "done", due: "2017-09-25" }, "2020-01-01"), "done");
  assert.equal(actionState({ status: "cancelled", due: "2017-09-25" }, "2020-01-01"), "cancelled");
  assert.equal(actionState({ status: "in-progress", due: "2017-09-25" }, "2020-01-01"), "overdue");
});
