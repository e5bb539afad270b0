import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDocument } from "../../../src/importers/parse/index.js";
import { readDeclarations } from "../../../src/importers/parse/declarations.js";
import { extracted } from "./support.js";

// Minutes numbered in a series with a prefix ("EX 12/25"): a declaration names the minute it is
// about, and an exclusion of the public gives its reason to the item after it.

const minutes = [
  "NORTHCOTE DISTRICT COUNCIL",
  "",
  "Minutes of a meeting of the EXECUTIVE held on Monday 3 March 2025 at 6.00 pm",
  "",
  "PRESENT: Councillors A Lee (Chairman), B Ray and C Hart",
  "",
  "EX 12/25 DECLARATIONS OF INTEREST",
  "",
  "Councillor Ray declared a personal interest in minute EX 14/25 as a member of the trust.",
  "",
  "EX 13/25 EXCLUSION OF THE PUBLIC",
  "",
  "RESOLVED that the public be excluded for the following item as it involves exempt information as defined in paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.",
  "",
  "EX 14/25 LEISURE TRUST CONTRACT",
  "",
  "RESOLVED that the contract be extended for two years.",
].join("\n");

describe("minutes numbered with a series prefix", () => {
  const items = parseDocument(extracted("executive.txt", minutes), {}).bundle.meetings[0]?.items ?? [];
  const item = (number: string) => items.find((i) => i.number === number);

  it("attaches a declaration to the minute it names", () => {
    assert.equal(item("EX 12/25")?.declarations.length, 0);
    assert.equal(item("EX 14/25")?.declarations.length, 1);
    assert.deepEqual(
      readDeclarations("Councillor Ray declared an interest in minute EX 14/25 as a trustee.")[0],
      {
        person: { name: "Ray", councillor: true },
        kind: "unspecified",
        nature: "A trustee",
        item: "EX 14/25",
      },
    );
  });

  it("gives the exclusion's paragraph to the private item after it, not to the exclusion", () => {
    assert.equal(item("EX 13/25")?.exemptParagraph, undefined);
    assert.equal(item("EX 14/25")?.part, "II");
    assert.equal(item("EX 14/25")?.exemptParagraph, "3");
  });
});
