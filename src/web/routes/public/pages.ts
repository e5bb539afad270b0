import type { FastifyInstance } from "fastify";
import { longDate } from "../../format.js";
import { sendPage } from "../../render.js";

// The pages every public-sector site carries: the accessibility statement (required by the
// Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations
// 2018) and the privacy notice. The dates are Witan's own: when the statement was prepared and
// when the portal's page types were last tested (by the browser tests in test/browser/).

export const STATEMENT_PREPARED = "2026-11-23";
export const LAST_TESTED = "2026-11-23";

export function pageRoutes(app: FastifyInstance): void {
  app.get("/accessibility", async (_request, reply) =>
    sendPage(reply, "pages/accessibility.njk", {
      pageTitle: "Accessibility statement",
      prepared: longDate(STATEMENT_PREPARED),
      tested: longDate(LAST_TESTED),
      section: "accessibility",
    }),
  );
  app.get("/privacy", async (_request, reply) =>
    sendPage(reply, "pages/privacy.njk", { pageTitle: "Privacy notice", section: "privacy" }),
  );
}
