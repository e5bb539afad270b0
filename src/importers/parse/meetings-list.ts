import { type Context, pageBody } from "./context.js";
import { findDates, findTime } from "./dates.js";
import type { Line } from "./lines.js";

// A committee's list of meetings ("Browse meetings" on ModernGov): a line a meeting, its date and
// time, then the papers it has ("Agenda, Decisions, Minutes") or that it was called off.

export const MEETINGS_LIST_HEADING = /^browse\s+meetings$/i;

const MEETING_LINE = /^(?:[-•*]\s*)?(\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4})(.*)$/;

export function parseMeetingsList(lines: Line[], ctx: Context): void {
  const texts = lines.map((l) => l.text).filter((t) => t !== "");
  const body = pageBody(ctx, texts, MEETINGS_LIST_HEADING, "list of meetings", (t) => MEETING_LINE.test(t));
  if (!body) return;
  for (const text of texts) {
    const m = MEETING_LINE.exec(text);
    const date = m?.[1] ? findDates(m[1])[0]?.iso : undefined;
    if (!m || !date) continue;
    const rest = m[2] ?? "";
    const meeting = ctx.out.meeting(ctx.authority, body, date);
    const start = findTime(rest);
    if (start) meeting.start = start.time;
    const papers = rest
      .split(/\s[-–]\s/)
      .slice(1)
      .join(" ");
    if (/\bcancel+ed\b/i.test(papers)) meeting.status = "cancelled";
    else if (/\bminutes\b/i.test(papers)) meeting.status = "held";
    else meeting.status = "scheduled";
    // Its agenda is public where the list links it; a meeting without one is only planned.
    if (/\bagenda\b/i.test(papers)) meeting.published = true;
  }
}
