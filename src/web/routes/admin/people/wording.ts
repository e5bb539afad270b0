import type { Row } from "../../../../db/schema.js";
import { longDate } from "../../../format.js";

// How the people pages write a person and a date.

/** "Mrs Sue Dann": the title, if any, then the name. */
export function personName(person: Pick<Row<"people">, "name" | "honorific">): string {
  return person.honorific ? `${person.honorific} ${person.name}` : person.name;
}

export function dateText(isoDate: string | null): string {
  return isoDate === null ? "" : longDate(isoDate);
}
