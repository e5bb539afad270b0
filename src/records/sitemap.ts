import type { Db } from "../db/connect.js";
import { publicDecision } from "./public/decisions.js";
import { publicPerson } from "./public/people.js";
import { publicDocument, publicItem, publicMeeting } from "./visibility.js";

// Everything with a public page, for the sitemap: the same visibility rules as the pages
// themselves, so nothing exempt, unpublished or withdrawn is ever listed.

export type SitemapRecords = {
  authorities: { slug: string }[];
  bodies: { authority: string; slug: string }[];
  meetings: { authority: string; slug: string; date: string }[];
  items: { authority: string; meeting: string; number: string; date: string }[];
  people: { authority: string; id: number; name: string }[];
  issues: { slug: string }[];
  documents: { authority: string; key: string }[];
  decisions: { id: number }[];
};

export async function sitemapRecords(db: Db): Promise<SitemapRecords> {
  const authorities = await db.selectFrom("authorities").select("slug").orderBy("id").execute();
  const bodies = await db
    .selectFrom("bodies as b")
    .innerJoin("authorities as a", "a.id", "b.authority_id")
    .select(["a.slug as authority", "b.slug"])
    .orderBy("b.id")
    .execute();
  const meetings = await db
    .selectFrom("meetings as m")
    .innerJoin("authorities as a", "a.id", "m.authority_id")
    .select(["a.slug as authority", "m.slug", "m.date"])
    .where(publicMeeting("m"))
    .orderBy("m.date")
    .orderBy("m.id")
    .execute();
  const items = await db
    .selectFrom("agenda_items as i")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .innerJoin("authorities as a", "a.id", "m.authority_id")
    .select(["a.slug as authority", "m.slug as meeting", "i.number", "m.date"])
    .where(publicItem("i", "m"))
    .orderBy("m.date")
    .orderBy("i.meeting_id")
    .orderBy("i.position")
    .execute();
  const people = await db
    .selectFrom("people as p")
    .innerJoin("authorities as a", "a.id", "p.authority_id")
    .select(["a.slug as authority", "p.id", "p.name"])
    .where(publicPerson("p"))
    .orderBy("p.id")
    .execute();
  const issues = await db.selectFrom("issues").select("slug").orderBy("id").execute();
  const documents = await db
    .selectFrom("documents as d")
    .innerJoin("authorities as a", "a.id", "d.authority_id")
    .select(["a.slug as authority", "d.key"])
    .where(publicDocument("d"))
    .orderBy("d.id")
    .execute();
  const decisions = await db
    .selectFrom("decisions as d")
    .select("d.id")
    .where(publicDecision("d"))
    .orderBy("d.id")
    .execute();
  return { authorities, bodies, meetings, items, people, issues, documents, decisions };
}
