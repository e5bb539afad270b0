// The municipal year runs from May to April: each council holds its annual meeting in March,
// April or May (LGA 1972 Sch. 12 para. 1), and most count their year from the May meeting.
// Pure functions on ISO dates, like the rest of the domain layer.

export type MunicipalYear = { start: number; label: string };

function yearStarting(start: number): MunicipalYear {
  return { start, label: `${start} to ${start + 1}` };
}

/** The municipal year a date falls in: 2017-09-20 and 2018-04-11 are both in "2017 to 2018". */
export function municipalYearOf(isoDate: string): MunicipalYear {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return yearStarting(month >= 5 ? year : year - 1);
}

/** A year as councils write it ("2017/18", "2017-2018", "2017/2018"); null when it is not one. */
export function parseMunicipalYear(text: string): MunicipalYear | null {
  const match = /^\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  // "1999/00": two digits are the following year's, in its own century.
  const following = start + 1;
  const endYear = end < 100 ? following - (following % 100) + end : end;
  return endYear === start + 1 ? yearStarting(start) : null;
}
