/** An instant as Witan stores it on both engines: YYYY-MM-DDTHH:MM:SSZ (UTC, to the second). */
export function instant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
