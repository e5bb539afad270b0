import type { Db } from "../../../../db/connect.js";
import type { Row } from "../../../../db/schema.js";
import { CALL_IN_STATUSES } from "../../../../domain/choices.js";
import { longDate } from "../../../../domain/wording.js";
import { findAuthorityRow } from "../../../../records/admin/authorities.js";
import { adminUrls } from "../admin-urls.js";
import { linkHtml, type OverviewPage } from "../overview.js";
import { viewPage } from "../pages.js";

// An authority's decision records, newest first: drafts and published ones, with their call-in
// state, for the officers who keep them. Each is made from its item's page.

type DecisionList = { authority: Row<"authorities">; decisions: Row<"decisions">[] };

async function loadDecisionList(db: Db, authorityId: string): Promise<DecisionList | null> {
  const authority = await findAuthorityRow(db, Number(authorityId));
  if (authority === null) return null;
  const decisions = await db
    .selectFrom("decisions")
    .selectAll()
    .where("authority_id", "=", authority.id)
    .orderBy("decided_on", "desc")
    .orderBy("id", "desc")
    .execute();
  return { authority, decisions };
}

function stateText(d: Row<"decisions">): string {
  if (!d.is_published) return "Draft";
  const callIn = CALL_IN_STATUSES.find((status) => status.value === d.call_in_status);
  return `Published; ${callIn === undefined ? "call-in not recorded" : callIn.text.toLowerCase()}`;
}

export const decisionListPage = viewPage<DecisionList>({
  path: "/admin/authorities/:authority/decisions",
  action: "edit-meeting",
  load: (db, params) => loadDecisionList(db, params.authority ?? ""),
  resource: ({ authority }) => ({ authorityId: authority.id }),
  async render({ authority, decisions }, request) {
    const page: OverviewPage = {
      pageTitle: `Decision records, ${authority.name}`,
      title: "Decision records",
      caption: authority.name,
      back: adminUrls.authority(authority.id),
      notice: request.notice,
      csrfToken: request.csrfToken,
      sections: [
        {
          paragraphs: [
            "A decision record is made from the page of the agenda item where the decision was taken: open the meeting, then the item, then Record the decision.",
          ],
          table: {
            caption: "Decision records",
            head: [{ text: "Date" }, { text: "Decision" }, { text: "Decision maker" }, { text: "State" }],
            rows: decisions.map((d) => [
              { text: longDate(d.decided_on) },
              linkHtml(adminUrls.decision(d.id), d.title),
              { text: d.decision_maker },
              { text: stateText(d) },
            ]),
            empty: "There are no decision records yet.",
          },
        },
      ],
    };
    return { template: "admin/overview.njk", page };
  },
});
