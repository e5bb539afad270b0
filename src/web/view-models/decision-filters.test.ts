import assert from "node:assert/strict";
import { test } from "node:test";
import { decisionsHref, readDecisionForm } from "./decision-filters.js";

test("filters are read from the query string into a search", () => {
  const { filter, errors } = readDecisionForm({
    authority: "plymouth-city-council",
    body: "cabinet",
    "from-day": "1",
    "from-month": "8",
    "from-year": "2017",
    "to-day": "30",
    "to-month": "09",
    "to-year": "2017",
    key: "yes",
    callIn: "not-called-in",
  });
  assert.deepEqual(errors, []);
  assert.deepEqual(filter, {
    authority: "plymouth-city-council",
    body: "cabinet",
    from: "2017-08-01",
    to: "2017-09-30",
    isKeyDecision: true,
    callInStatus: "not-called-in",
  });
});

test("a field in error is named and left out of the search; the others still apply", () => {
  const { filter, errors } = readDecisionForm({
    "from-day": "31",
    "from-month": "2",
    "from-year": "2017",
    "to-year": "2017",
    key: "maybe",
    callIn: "<script>",
    authority: "Plymouth City Council",
    body: "cabinet",
  });
  assert.deepEqual(
    errors.map((e) => e.field),
    ["authority", "key", "callIn", "from", "to"],
  );
  assert.deepEqual(filter, { body: "cabinet" });
});

test("dates the wrong way round are an error on the second", () => {
  const { filter, errors } = readDecisionForm({
    "from-day": "2",
    "from-month": "9",
    "from-year": "2017",
    "to-day": "1",
    "to-month": "9",
    "to-year": "2017",
  });
  assert.deepEqual(errors, [{ field: "to", text: "Decided to must be the same as or after decided from" }]);
  assert.deepEqual(filter, {});
});

test("links to other pages keep the filters", () => {
  const { form } = readDecisionForm({
    body: "cabinet",
    "from-day": "1",
    "from-month": "8",
    "from-year": "2017",
  });
  assert.equal(
    decisionsHref(form, 2),
    "/decisions?body=cabinet&from-day=1&from-month=8&from-year=2017&page=2",
  );
  assert.equal(decisionsHref(readDecisionForm({}).form, 1), "/decisions");
});
