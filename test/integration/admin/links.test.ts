import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Role } from "../../../src/domain/policy.js";
import { OWN, openBackOffice, type BackOffice } from "../../support/back-office.js";

// Every link the back office shows, followed from its home page as each role: none leads to a
// page that is not there or that refuses the person it was shown to. (Links to the public
// portal are followed once, to check they are there too.)

const LIMIT = 2000;

function linksIn(html: string): string[] {
  return [...html.matchAll(/<a [^>]*href="([^"#]+)[^"]*"/g)]
    .map((match) => (match[1] ?? "").replaceAll("&amp;", "&"))
    .filter((href) => href.startsWith("/"));
}

describe("links in the back office", () => {
  let office: BackOffice;
  before(async () => {
    office = await openBackOffice();
  });
  after(() => office.close());

  const ROLES: { role: Role; memberOf?: string[] }[] = [
    { role: "officer" },
    { role: "admin" },
    { role: "author" },
    { role: "member", memberOf: ["Wellbeing Overview and Scrutiny Committee"] },
  ];

  for (const { role, memberOf } of ROLES) {
    test(`as ${role}: every link followed from /admin answers`, async (t) => {
      const user = await office.userFor(role, OWN, memberOf ? { memberOf } : {});
      const seen = new Set<string>(["/admin"]);
      const queue = ["/admin"];
      const broken: string[] = [];
      while (queue.length > 0 && seen.size < LIMIT) {
        const url = queue.shift() ?? "";
        const response = await office.get(url.startsWith("/admin") ? user : null, url);
        if (response.statusCode !== 200) {
          broken.push(`${url} → ${response.statusCode}`);
          continue;
        }
        // Only back-office pages are crawled further; a public page is checked, not walked.
        if (!url.startsWith("/admin") || !String(response.headers["content-type"]).startsWith("text/html"))
          continue;
        for (const link of linksIn(response.body)) {
          const path = link.split("?")[0] ?? link;
          // A page's own notice banner and sign-out forms are not links to follow.
          if (seen.has(path) || path.startsWith("/sign-")) continue;
          seen.add(path);
          queue.push(path);
        }
      }
      assert.deepEqual(broken, [], `links that do not answer, as ${role}`);
      assert.ok(seen.size < LIMIT, "the crawl finished");
      t.diagnostic(`${seen.size} addresses followed`);
    });
  }
});
