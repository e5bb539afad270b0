import type { Named } from "../../records/meetings.js";
import type { IssueEvent, IssueHistory, IssueItem, IssuePaper } from "../../records/public/issues.js";
import type { ResolutionRecord } from "../../records/public/resolutions.js";
import type {
  TimelineInput,
  TimelineLane,
  TimelineLink,
  TimelineMark,
} from "../../publishing/svg/timeline.js";
import { documentUrl } from "../urls.js";
import { counted, dateText, documentView, itemHref, type DocumentView, type Phrase } from "./labels.js";
import { resolutionRecordView, type ResolutionRecordView } from "./resolution-view.js";

// An issue's history as one list in date order (items, events, and papers not already told by
// an event), numbered, and the same list as the timeline picture's lanes, marks and links: the
// picture and its text equivalent are made from one source, so they cannot disagree.

export type HistoryEntry = {
  number: number;
  id: string;
  date: string;
  kind: "Meeting item" | "Event" | "Paper or article";
  where: string | null;
  title: Phrase;
  text: string | null;
  documents: DocumentView[];
  resolutions: ResolutionRecordView[];
};

type Entry = {
  date: string;
  order: number;
  lane: { id: string; label: string; group: Named };
  shape: TimelineMark["shape"];
  view: Omit<HistoryEntry, "number" | "id">;
  item?: IssueItem;
};

const OTHER_EVENTS = "Other events";

function bodyLane(body: Named, authority: Named) {
  return { id: `body-${authority.slug}-${body.slug}`, label: body.name, group: authority };
}

function authorityLane(authority: Named) {
  return { id: `authority-${authority.slug}`, label: authority.name, group: authority };
}

function itemEntry(item: IssueItem, today: string): Entry {
  const { meeting } = item;
  return {
    date: meeting.date,
    order: 2,
    lane: bodyLane(meeting.body, meeting.authority),
    shape: "item",
    item,
    view: {
      date: dateText(meeting.date),
      kind: "Meeting item",
      where: `${meeting.body.name}, ${meeting.authority.name}`,
      title: [{ text: `Item ${item.number}: ${item.title}`, href: itemHref(item) }],
      text: null,
      documents: item.documents.map(documentView),
      resolutions: item.resolutions.map((r) => resolutionRecordView(r, today)),
    },
  };
}

function eventEntry(event: IssueEvent, fallback: Named): Entry {
  const lane = event.body
    ? bodyLane(event.body, event.body.authority)
    : authorityLane(event.authority ?? fallback);
  const where = event.body
    ? `${event.body.name}, ${event.body.authority.name}`
    : (event.authority?.name ?? null);
  return {
    date: event.date,
    order: 0,
    lane,
    shape: "event",
    view: {
      date: dateText(event.date),
      kind: "Event",
      where,
      title: [{ text: event.text }],
      text: null,
      documents: event.document ? [documentView(event.document)] : [],
      resolutions: [],
    },
  };
}

function paperEntry(paper: IssuePaper & { published: string }): Entry {
  const authority = { name: paper.authorityName, slug: paper.authority };
  const lane = paper.body ? bodyLane(paper.body, paper.body.authority) : authorityLane(authority);
  return {
    date: paper.published,
    order: 1,
    lane,
    shape: "document",
    view: {
      date: dateText(paper.published),
      kind: "Paper or article",
      where: paper.body ? `${paper.body.name}, ${paper.body.authority.name}` : paper.authorityName,
      title: [{ text: paper.title, href: documentUrl(paper.authority, paper.key) }],
      text: null,
      documents: [],
      resolutions: [],
    },
  };
}

export type IssueTimeline = { entries: HistoryEntry[]; timeline: TimelineInput };

export function issueTimeline(issue: IssueHistory, today: string): IssueTimeline {
  const told = new Set(
    issue.events.flatMap((e) => (e.document ? [`${e.document.authority}/${e.document.key}@${e.date}`] : [])),
  );
  const dated = issue.documents.flatMap((paper) => {
    const { published } = paper;
    if (published === null || told.has(`${paper.authority}/${paper.key}@${published}`)) return [];
    return [paperEntry({ ...paper, published })];
  });

  const entries = [
    ...issue.items.map((item) => itemEntry(item, today)),
    ...issue.events.map((event) => eventEntry(event, issue.authority)),
    ...dated,
  ].sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);

  const numbered = entries.map((entry, index) => ({ ...entry, number: index + 1, id: `entry-${index + 1}` }));
  return {
    entries: numbered.map((e) => ({ ...e.view, number: e.number, id: e.id })),
    timeline: timelineInput(issue, numbered),
  };
}

function timelineInput(
  issue: IssueHistory,
  entries: (Entry & { number: number; id: string })[],
): TimelineInput {
  // Lanes grouped by authority: the issue's own first, then in order of first appearance.
  const groups: { authority: Named; lanes: Map<string, Entry["lane"]> }[] = [];
  const ordered = [...entries].sort(
    (a, b) =>
      Number(b.lane.group.slug === issue.authority.slug) - Number(a.lane.group.slug === issue.authority.slug),
  );
  for (const entry of ordered) {
    let group = groups.find((g) => g.authority.slug === entry.lane.group.slug);
    if (!group) {
      group = { authority: entry.lane.group, lanes: new Map() };
      groups.push(group);
    }
    if (!group.lanes.has(entry.lane.id)) group.lanes.set(entry.lane.id, entry.lane);
  }
  const lanes: TimelineLane[] = groups.flatMap((group) =>
    [...group.lanes.values()].map((lane) => ({
      id: lane.id,
      group: group.authority.name,
      // An authority's own lane beside its bodies' lanes holds what happened outside them.
      label: lane.id.startsWith("authority-") && group.lanes.size > 1 ? OTHER_EVENTS : lane.label,
    })),
  );
  const marks: TimelineMark[] = entries.map((e) => ({
    id: e.id,
    lane: e.lane.id,
    date: e.date,
    label: String(e.number),
    shape: e.shape,
  }));

  const first = entries[0]?.date;
  const last = entries.at(-1)?.date;
  const bodies = lanes.filter((lane) => lane.id.startsWith("body-")).length;
  return {
    id: "issue-timeline",
    title: `Timeline of ${issue.title}`,
    description: [
      first && last
        ? `${counted(entries.length, "entry", "entries")} from ${dateText(first)} to ${dateText(last)},`
        : "",
      `across ${counted(bodies, "body", "bodies")} of ${counted(groups.length, "authority", "authorities")}.`,
      "Each row is a body, or an authority's business outside its bodies; each mark is numbered as in the history list below the picture;",
      "arrows run from a recommendation to the resolution that answered it.",
      "Time runs left to right but not to scale: long gaps are shortened and short ones lengthened so that every mark can be read.",
    ]
      .filter((part) => part !== "")
      .join(" "),
    lanes,
    marks,
    links: chainLinks(entries),
  };
}

function flatten(resolutions: ResolutionRecord[]): ResolutionRecord[] {
  return resolutions.flatMap((r) => [r, ...flatten(r.children)]);
}

/** Recommendation chains between the issue's items: "recommends to" a body's meeting, and
 * "responds to" an earlier resolution, drawn once per pair, from the earlier to the later. */
function chainLinks(entries: (Entry & { id: string })[]): TimelineLink[] {
  const items = entries.filter((e) => e.item !== undefined);
  const key = (authority: string, meeting: string, number: string) => `${authority}/${meeting}/${number}`;
  const byItem = new Map(
    items.flatMap((e) =>
      e.item ? [[key(e.item.meeting.authority.slug, e.item.meeting.slug, e.item.number), e]] : [],
    ),
  );
  const pairs = new Map<string, TimelineLink>();
  const add = (from: Entry & { id: string }, to: Entry & { id: string }) => {
    if (from.id === to.id) return;
    const [a, b] = from.date <= to.date ? [from, to] : [to, from];
    pairs.set(`${a.id}>${b.id}`, { from: a.id, to: b.id });
  };
  for (const entry of items) {
    for (const r of flatten(entry.item?.resolutions ?? [])) {
      if (r.respondsTo) {
        const source = byItem.get(
          key(r.respondsTo.meeting.authority.slug, r.respondsTo.meeting.slug, r.respondsTo.number),
        );
        if (source) add(source, entry);
      }
      const to = r.recommendsTo;
      if (to) {
        const target = items.find(
          (e) =>
            e.item?.meeting.body.slug === to.body.slug &&
            e.item.meeting.authority.slug === to.authority.slug &&
            (to.date === null ? e.date >= entry.date : e.date === to.date),
        );
        if (target) add(entry, target);
      }
    }
  }
  return [...pairs.values()];
}
