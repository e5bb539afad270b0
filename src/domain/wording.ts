// How Witan writes calendar dates and clock times, in the GOV.UK style: "Wednesday 20 September
// 2017", "10am", "5:10pm", "midday". Pure, so the portal and the agenda packs say it the same way.

export const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2017-09-20" → "Wednesday 20 September 2017" (a calendar date: no time zone applies). */
export function longDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const weekday = DAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? "";
  return `${weekday} ${day} ${MONTHS[month - 1] ?? ""} ${year}`;
}

/** "10:00" → "10am", "17:10" → "5:10pm", "12:00" → "midday", "00:00" → "midnight". */
export function clockTime(time: string): string {
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!match) return time;
  const hours = Number(match[1]);
  const minutes = match[2] ?? "00";
  if (minutes === "00" && hours === 12) return "midday";
  if (minutes === "00" && hours === 0) return "midnight";
  const suffix = hours < 12 ? "am" : "pm";
  const hour = hours % 12 === 0 ? 12 : hours % 12;
  return minutes === "00" ? `${hour}${suffix}` : `${hour}:${minutes}${suffix}`;
}
