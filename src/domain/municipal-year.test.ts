import assert from "node:assert/strict";
import { test } from "node:test";
import { municipalYearOf, parseMunicipalYear } from "./municipal-year.js";

test("the municipal year runs from May to April", () => {
  assert.deepEqual(municipalYearOf("2017-05-01"), { start: 2017, label: "2017 to 2018" });
  assert.deepEqual(municipalYearOf("2018-04-30"), { start: 2017, label: "2017 to 2018" });
  assert.deepEqual(municipalYearOf("2017-04-30"), { start: 2016, label: "2016 to 2017" });
});

test("years as councils write them are read; anything else is not a year", () => {
  assert.equal(parseMunicipalYear("2017/18")?.start, 2017);
  assert.equal(parseMunicipalYear("2017-2018")?.start, 2017);
  assert.equal(parseMunicipalYear(" 1999/00 ")?.start, 1999);
  assert.equal(parseMunicipalYear("2017/19"), null);
  assert.equal(parseMunicipalYear("next year"), null);
});
