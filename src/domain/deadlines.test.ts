import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { clearDaysBetween } from "./calendar.js";
import {
  agendaClearDaysRequired,
  agendaPublicationDeadline,
  callInExpiry,
  checkKeyDecisionNotice,
  deadlineStatus,
  earliestImplementation,
  generalExceptionEarliestDecision,
  isLateItem,
  keyDecisionNoticeDeadline,
} from "./deadlines.js";

describe("agenda publication deadline", () => {
  test("clear days required by nation", () => {
    assert.equal(agendaClearDaysRequired("england"), 5);
    assert.equal(agendaClearDaysRequired("wales"), 3);
    assert.equal(agendaClearDaysRequired("scotland"), 3);
    assert.equal(agendaClearDaysRequired("northern-ireland"), 3);
  });

  test("ordinary week: Wednesday 20 September 2017 meeting, agenda published by Tuesday 12 September", () => {
    assert.equal(agendaPublicationDeadline("2017-09-20", "england"), "2017-09-12");
    // Wales and Scotland need 3 clear days: Tue 19, Mon 18, Fri 15.
    assert.equal(agendaPublicationDeadline("2017-09-20", "wales"), "2017-09-14");
    assert.equal(agendaPublicationDeadline("2017-09-20", "scotland"), "2017-09-14");
  });

  test("Easter week 2025: meeting Wednesday 23 April", () => {
    // England: Tue 22, Thu 17, Wed 16, Tue 15, Mon 14 (Good Friday and Easter Monday skipped).
    assert.equal(agendaPublicationDeadline("2025-04-23", "england"), "2025-04-13");
    // Wales: Tue 22, Thu 17, Wed 16.
    assert.equal(agendaPublicationDeadline("2025-04-23", "wales"), "2025-04-15");
    // Scotland has no Easter Monday holiday: Tue 22, Mon 21, Thu 17.
    assert.equal(agendaPublicationDeadline("2025-04-23", "scotland"), "2025-04-16");
    // Parish mode: Tue 22, then the Easter break (Thu 17 – Mon 21), Wed 16, Tue 15, Mon 14, Sat 12.
    assert.equal(agendaPublicationDeadline("2025-04-23", "england", "parish"), "2025-04-11");
  });

  test("early May bank holiday week 2025: meeting Thursday 8 May", () => {
    // Wed 7, Tue 6, (Mon 5 bank holiday), Fri 2, Thu 1, Wed 30 April.
    assert.equal(agendaPublicationDeadline("2025-05-08", "england"), "2025-04-29");
  });

  test("Christmas and New Year: meeting Tuesday 6 January 2026", () => {
    // England: Mon 5, Fri 2, Wed 31, Tue 30, Mon 29 (Christmas, Boxing Day and New Year's Day skipped).
    assert.equal(agendaPublicationDeadline("2026-01-06", "england"), "2025-12-28");
    // Wales (3): Mon 5, Fri 2, Wed 31.
    assert.equal(agendaPublicationDeadline("2026-01-06", "wales"), "2025-12-30");
    // Scotland (3), where 2 January is a holiday: Mon 5, Wed 31, Tue 30.
    assert.equal(agendaPublicationDeadline("2026-01-06", "scotland"), "2025-12-29");
    // Parish (5): Mon 5, Sat 3, Fri 2, then the whole Christmas break back to Christmas Eve, Tue 23, Mon 22.
    assert.equal(agendaPublicationDeadline("2026-01-06", "england", "parish"), "2025-12-21");
  });

  test("Christmas and New Year: meeting Tuesday 7 January 2025", () => {
    // England: Mon 6, Fri 3, Thu 2, Tue 31, Mon 30.
    assert.equal(agendaPublicationDeadline("2025-01-07", "england"), "2024-12-29");
    // Wales: Mon 6, Fri 3, Thu 2; the latest date is New Year's Day itself.
    assert.equal(agendaPublicationDeadline("2025-01-07", "wales"), "2025-01-01");
    // Scotland: Mon 6, Fri 3, (1 and 2 January holidays), Tue 31.
    assert.equal(agendaPublicationDeadline("2025-01-07", "scotland"), "2024-12-30");
  });

  test("St Andrew's Day substitute: meeting Thursday 4 December 2025", () => {
    // Scotland: Wed 3, Tue 2, (Mon 1 substitute holiday), Fri 28 November.
    assert.equal(agendaPublicationDeadline("2025-12-04", "scotland"), "2025-11-27");
    // Wales, same count, no holiday: Wed 3, Tue 2, Mon 1.
    assert.equal(agendaPublicationDeadline("2025-12-04", "wales"), "2025-11-30");
  });

  test("Northern Ireland: St Patrick's Day and the Twelfth", () => {
    // Wed 19 March 2025: Tue 18, (Mon 17 St Patrick's Day), Fri 14, Thu 13.
    assert.equal(agendaPublicationDeadline("2025-03-19", "northern-ireland"), "2025-03-12");
    assert.equal(agendaPublicationDeadline("2025-03-19", "wales"), "2025-03-13");
    // Tue 15 July 2025: (Mon 14, substitute for Saturday 12 July), Fri 11, Thu 10, Wed 9.
    assert.equal(agendaPublicationDeadline("2025-07-15", "northern-ireland"), "2025-07-08");
    assert.equal(agendaPublicationDeadline("2025-07-15", "wales"), "2025-07-09");
    // Tue 16 July 2024: Mon 15, (Fri 12 July), Thu 11, Wed 10.
    assert.equal(agendaPublicationDeadline("2024-07-16", "northern-ireland"), "2024-07-09");
  });
});

describe("late items", () => {
  test("an item available on the deadline is not late; a day later it is", () => {
    const onTime = isLateItem({ meetingDate: "2017-09-20", availableFrom: "2017-09-12", nation: "england" });
    assert.deepEqual(onTime, {
      late: false,
      clearDaysGiven: 5,
      clearDaysRequired: 5,
      publicationDeadline: "2017-09-12",
    });
    const late = isLateItem({ meetingDate: "2017-09-20", availableFrom: "2017-09-13", nation: "england" });
    assert.equal(late.late, true);
    assert.equal(late.clearDaysGiven, 4);
  });

  test("Elitestone: an agenda published Thursday 26 April 1990 for Tuesday 1 May 1990 was late in Wales", () => {
    const result = isLateItem({ meetingDate: "1990-05-01", availableFrom: "1990-04-26", nation: "wales" });
    assert.equal(result.late, true);
    assert.equal(result.clearDaysGiven, 2);
    assert.equal(result.clearDaysRequired, 3);
  });

  test("the same agenda gives 3 clear days to a body that counts the parish way", () => {
    const result = isLateItem({
      meetingDate: "1990-05-01",
      availableFrom: "1990-04-26",
      nation: "wales",
      mode: "parish",
    });
    assert.equal(result.late, false);
    assert.equal(result.clearDaysGiven, 3);
  });

  test("an item added on the meeting day itself is late with no clear days", () => {
    const result = isLateItem({ meetingDate: "2025-06-10", availableFrom: "2025-06-10", nation: "scotland" });
    assert.equal(result.late, true);
    assert.equal(result.clearDaysGiven, 0);
  });

  test("a meeting convened at shorter notice: items open from the day it was convened are not late", () => {
    const input = { meetingDate: "2025-06-10", nation: "england", convenedOn: "2025-06-05" } as const;
    assert.equal(isLateItem({ ...input, availableFrom: "2025-06-05" }).late, false);
    assert.equal(isLateItem({ ...input, availableFrom: "2025-06-06" }).late, true);
    assert.equal(isLateItem({ ...input, availableFrom: "2025-06-05" }).publicationDeadline, "2025-06-05");
    // Convening earlier than the statutory deadline changes nothing.
    const early = isLateItem({ ...input, convenedOn: "2025-05-01", availableFrom: "2025-06-03" });
    assert.equal(early.late, true);
    assert.equal(early.publicationDeadline, "2025-06-02");
  });
});

describe("key decision notice", () => {
  test("an ordinary month: decision Wednesday 1 October 2025", () => {
    // Calendar: 28 clear days means notice by 2 September. Working days: 22 in September, then
    // Fri 29 – Tue 26 August and Fri 22, Thu 21 August (Summer bank holiday Mon 25 skipped).
    assert.deepEqual(keyDecisionNoticeDeadline("2025-10-01", "england"), {
      calendarDays: "2025-09-02",
      workingDays: "2025-08-20",
    });
  });

  test("across Christmas the two counts differ by a fortnight: decision Tuesday 20 January 2026", () => {
    assert.deepEqual(keyDecisionNoticeDeadline("2026-01-20", "england"), {
      calendarDays: "2025-12-22",
      workingDays: "2025-12-07",
    });
    assert.equal(clearDaysBetween("2025-12-07", "2026-01-20", "england"), 28);
    assert.equal(clearDaysBetween("2025-12-08", "2026-01-20", "england"), 27);
  });

  test("warns if either count falls short", () => {
    const calendarOnly = checkKeyDecisionNotice("2025-12-15", "2026-01-20", "england");
    assert.deepEqual(calendarOnly, {
      clearDaysRequired: 28,
      calendarClearDaysGiven: 35,
      workingClearDaysGiven: 22,
      short: true,
    });
    assert.equal(checkKeyDecisionNotice("2025-12-07", "2026-01-20", "england").short, false);
    assert.equal(checkKeyDecisionNotice("2025-12-08", "2026-01-20", "england").short, true);
  });

  test("Scotland's extra New Year holiday moves the working-day deadline back", () => {
    // 2 January 2026 is a holiday in Scotland, so the 28th working day back is Fri 5 December, not Mon 8.
    assert.equal(keyDecisionNoticeDeadline("2026-01-20", "scotland").workingDays, "2025-12-04");
    assert.equal(keyDecisionNoticeDeadline("2026-01-20", "scotland").calendarDays, "2025-12-22");
  });
});

describe("general exception", () => {
  test("the decision comes no sooner than 5 clear days after the notice", () => {
    // Notice Mon 2 June 2025: Tue 3, Wed 4, Thu 5, Fri 6, Mon 9 are clear, so Tue 10 June.
    assert.equal(generalExceptionEarliestDecision("2025-06-02", "england"), "2025-06-10");
    // Notice Thu 22 May 2025: Fri 23, (Spring bank holiday), Tue 27 – Fri 30, so Saturday 31 May.
    assert.equal(generalExceptionEarliestDecision("2025-05-22", "england"), "2025-05-31");
  });
});

describe("call-in", () => {
  test("5 working days after publication skip the Spring bank holiday", () => {
    // Published Thu 22 May 2025: Fri 23, Tue 27, Wed 28, Thu 29, Fri 30.
    assert.equal(callInExpiry("2025-05-22", "england"), "2025-05-30");
    assert.equal(earliestImplementation("2025-05-22", "england"), "2025-06-02");
  });

  test("over Christmas, Scotland's 2 January pushes expiry to the next week", () => {
    // Published Tue 23 Dec 2025: Wed 24, Mon 29, Tue 30, Wed 31, then Fri 2 Jan (England) or Mon 5 Jan (Scotland).
    assert.equal(callInExpiry("2025-12-23", "england"), "2026-01-02");
    assert.equal(earliestImplementation("2025-12-23", "england"), "2026-01-05");
    assert.equal(callInExpiry("2025-12-23", "scotland"), "2026-01-05");
    assert.equal(earliestImplementation("2025-12-23", "scotland"), "2026-01-06");
  });

  test("a council's own call-in period is respected", () => {
    assert.equal(callInExpiry("2025-06-02", "england", 10), "2025-06-16");
    assert.equal(callInExpiry("2025-06-02", "england", 3), "2025-06-05");
  });
});

describe("deadline status", () => {
  test("days remaining, due today, and overdue", () => {
    assert.deepEqual(deadlineStatus("2025-06-10", "2025-06-03"), { state: "upcoming", daysRemaining: 7 });
    assert.deepEqual(deadlineStatus("2025-06-10", "2025-06-10"), { state: "due-today" });
    assert.deepEqual(deadlineStatus("2025-06-10", "2025-06-12"), { state: "overdue", daysOverdue: 2 });
    assert.deepEqual(deadlineStatus("2026-01-01", "2025-12-31"), { state: "upcoming", daysRemaining: 1 });
  });
});
