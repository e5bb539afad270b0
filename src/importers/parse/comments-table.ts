import { cleanText, type Line } from "./lines.js";
import type { Draft } from "./resolutions.js";

// A town or parish council's planning minute often sets out the applications it considered as a
// table whose last column is its response to the planning authority:
//
//   Application | Location | Proposal | Comments
//   25/00844/HOU | 3 Pound Lane | Single storey rear extension | No objection
//
// Each row's response is one of the minute's decisions, numbered in the table's order. The rows
// stay in the minute's text too, since the response alone does not say which application it is.

const APPLICATION_HEADER =
  /^(?:(?:planning\s+)?application(?:\s+(?:no\.?|number|ref(?:erence)?\.?))?|app(?:lication)?\.?\s*(?:no\.?|ref\.?)|(?:planning\s+)?ref(?:erence)?\.?(?:\s+no\.?)?)$/i;
const RESPONSE_HEADER =
  /^(?:(?:the\s+)?(?:town|parish|community|city)\s+council(?:['’]s)?\s+)?(?:comments?|observations?|response|recommendations?|decision|resolution)$/i;

/** The responses as decisions, numbered on from the `before` decisions the minute states otherwise. */
export function commentDrafts(lines: Line[], before = 0): Draft[] {
  const drafts: Draft[] = [];
  for (const [index, line] of lines.entries()) {
    const cells = line.raw.split("\t").map(cleanText);
    if (cells.length < 3 || !APPLICATION_HEADER.test(cells[0] ?? "")) continue;
    if (!RESPONSE_HEADER.test(cells.at(-1) ?? "")) continue;
    for (let j = index + 1; j < lines.length; j++) {
      const row = lines[j];
      if (!row?.raw.includes("\t")) break;
      const response = cleanText(row.raw.split("\t").at(cells.length - 1) ?? "");
      if (response === "") continue;
      drafts.push({
        number: String(before + drafts.length + 1),
        text: response,
        children: [],
        first: j,
        last: j,
      });
    }
  }
  return drafts;
}
