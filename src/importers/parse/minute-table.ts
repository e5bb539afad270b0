import { cleanText, type Line } from "./lines.js";

// Minutes laid out as a table under an "Item | Discussion | Action" header row, one row a
// minute. The HTML reader writes a row as one line of tab-separated cells, and a cell's further
// paragraphs as lines indented to its column. Each row becomes the lines the minutes parser
// reads elsewhere: the item's heading, its text, and an "Action:" line for what the Action
// column asks. The items end where the table ends, so a "Date of next meeting" line after it
// is not part of the last minute.

type Columns = { item: number; text: number; action?: number };

const ITEM_HEADER = /^(?:(?:agenda\s+)?items?|minute|min\.?|no\.?|subject|topic)$/i;
const TEXT_HEADER =
  /^(?:discussion|minutes?|notes?|summary|details?|decisions?|discussion\s+(?:and|&)\s+decisions?|outcome)$/i;
const ACTION_HEADER = /^actions?(?:\s+(?:by|owner|required|points?))?$/i;

/** The table's rows as heading, text and action lines, or nothing when the lines hold no such
 * table. Lines before the header row are kept as they are. */
export function minuteTableLines(lines: Line[]): Line[] | undefined {
  for (const [index, line] of lines.entries()) {
    const columns = headerColumns(line);
    if (columns) return [...lines.slice(0, index), ...rowLines(lines.slice(index + 1), columns)];
  }
  return undefined;
}

function headerColumns(line: Line): Columns | undefined {
  if (!line.raw.includes("\t") || line.text.length > 120) return undefined;
  const cells = line.raw.split("\t").map((c) => cleanText(c));
  const item = cells.findIndex((c) => ITEM_HEADER.test(c));
  // "Minute | Notes": the item's column is the first, so "Minute" heads the items, not the text.
  const text = cells.findIndex((c, i) => i !== item && TEXT_HEADER.test(c));
  if (item < 0 || text < 0) return undefined;
  const action = cells.findIndex((c) => ACTION_HEADER.test(c));
  return action >= 0 ? { item, text, action } : { item, text };
}

function rowLines(lines: Line[], columns: Columns): Line[] {
  const out: Line[] = [];
  let actions: Line[] = [];
  const endRow = () => {
    out.push(...actions);
    actions = [];
  };
  for (const line of lines) {
    // The table ends at the first line that is not one of its rows.
    if (!line.raw.includes("\t")) break;
    const cells = cellsOf(line);
    const title = cells[columns.item];
    if (title && title.text !== "") {
      endRow();
      out.push(title);
    }
    const text = cells[columns.text];
    if (text && text.text !== "") out.push(text);
    const action = columns.action === undefined ? undefined : cells[columns.action];
    // The existing "Action:" reader attaches it to the row's decision.
    if (action && action.text !== "") actions.push({ ...action, text: `Action: ${action.text}` });
  }
  endRow();
  return out;
}

/** A row's cells, each as a line with its own span of the source. */
function cellsOf(line: Line): Line[] {
  const cells: Line[] = [];
  let from = line.from;
  for (const raw of line.raw.split("\t")) {
    cells.push({ raw, text: cleanText(raw), from, to: from + raw.length });
    from += raw.length + 1;
  }
  return cells;
}
