// Line patterns shared by the recognisers and the parsers. Each is anchored and has no nested
// quantifiers, so a hostile line cannot make matching slow.

/** "19. Title", "27 Title", "PL/45 TITLE", "P.56 TITLE", "24/117 Title", "CAB 45/23 Title", "Item 5: Title", "Minute 12 – Title" */
export const ITEM_LINE =
  /^(?:(?:(?:Agenda|AGENDA)\s+(?:[Ii]tem|ITEM)|[Ii]tem|ITEM|Minute|MINUTE|Min\.?)\s+(?:No\.?\s*)?)?((?:[A-Z]{1,4}[/. ]?)?\d{1,4}(?:\/\d{1,4})?[a-z]?)(?:\s*[.):–-]\s*|\s+)(\S.*)$/;

/** "(Pages 7 - 28)", "(Page 3)", "Pages 1 - 6" */
export const PAGES = /\(?\bPages?\s+(\d{1,4})(?:\s*(?:-|–|to)\s*(\d{1,4}))?\)?/i;

/** A contents line's dotted leader to its pages: "Minutes ........ 5 - 12", "Precept …… 13". */
export const DOT_LEADER = /\s*(?:\.{4,}|…{2,}|(?:\.\s){3,}\.?)\s*(\d{1,4})(?:\s*(?:-|–|to)\s*(\d{1,4}))?\s*$/;

/** "pdf icon PDF 653 KB", "PDF 94 KB", "Word 120 KB", "(PDF 1,120KB)" — a linked file as ModernGov
 * and council sites list it; the size may group its thousands with commas */
export const LINKED_FILE =
  /(?:\b(?:pdf|word|docx?|excel|xlsx?)\s+icon\s+)?\b(PDF|Word|DOCX?|Excel|XLSX?|HTML)(?:\s*,\s*|\s+)((?:\d{1,3}(?:,\d{3})+|\d{1,6})(?:\.\d{1,2})?)\s*(KB|MB|kB|Kb|bytes)\b/i;

export const PADDING =
  /^(?:this\s+page\s+(?:is\s+)?(?:intentionally|deliberately)\s+(?:left\s+)?blank|page\s+intentionally\s+left\s+blank)\.?$/i;

/** "Present:", "Members present:", the Scottish "Sederunt:", and a hearing's "Members of the
 * Sub-Committee:" (with its colon, so a sentence about members is not taken for the list). */
export const PRESENT =
  /^(?:\d{1,2}\.?\s+(?=(?:present|those\s+(?:present|attending)|attendance)\s*:\s*\S))?(?:present|members\s+present|councillors\s+present|those\s+(?:present|attending)|in\s+the\s+chair|attendance|in\s+attendance:?\s*councillors|sederunt)\b\s*[:\-–]?|^members\s+of\s+the\s+[\w -]{3,40}:/i;

const REPORT_LABELS =
  "subject|title of report|report title|title|report to|report of|report by|meeting|committee|decision maker|date|date of meeting|cabinet member|portfolio holder|lead member|cmt member|smt member|elt member|senior officer|lead officer|lead director|responsible officer|responsible director|author|report author|contact officer|contact|ref|reference|key decision|part|exempt|ward|wards affected|classification|forward plan ref|forward plan reference";

export const REPORT_LABEL = new RegExp(`^(${REPORT_LABELS})\\s*:\\s*(.*)$`, "i");

/** A report's label in a table's first cell, without its colon: "Report to", "Executive Member",
 * "Portfolio" (the portfolio's name, not the member's). */
export const REPORT_LABEL_CELL = new RegExp(`^(?:${REPORT_LABELS}|executive member|portfolio)$`, "i");

export const LETTER_GREETING = /^Dear\s+[A-Z][^\n]{0,60}$/;
export const LETTER_CLOSING = /^Yours\s+(?:sincerely|faithfully|truly|ever)\b/i;
export const ASSESSMENT_HEADING =
  /^(?:(?:full|initial)\s+)?(?:equality|equalities|integrated|equality\s+and\s+diversity|environmental|climate|health)\s+(?:impact\s+)?(?:analysis|assessment)(?:\s*\(\w+\))?$/i;
export const WORK_PROGRAMME_HEADING = /\bwork\s*programme\b/i;
export const APPENDIX_HEADING = /^Appendix\s+([A-Z0-9]{1,3})\b\s*[:.\-–)]?\s*(.*)$/i;
export const ISSUE_HISTORY_HEADING = /^issue\s*[-–:]\s*meetings$/i;
export const MEETING_REF =
  /^Meeting:\s*(\d{1,2}\/\d{1,2}\/\d{4})\s*[-–]\s*(.+?)\s*\(Item\s+([^()]{1,20})\)\s*$/i;
export const MEETING_PAGE_HEADING =
  /^(?:agenda\s+and\s+(?:minutes|decisions|draft\s+minutes)|agenda,\s+decisions\s+and\s+minutes|agenda|minutes|decisions|meeting)$/i;

/** "Health Overview and Scrutiny Committee - Wednesday, 20th September, 2023 10.00 am" */
export const MEETING_TITLE_LINE =
  /^(.{3,120}?)\s+[-–]\s+((?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+.{6,60})$/;

/** A web page's title: "Agenda for Planning Committee on Tuesday, 14th March, 2023, 6.30 pm". */
export const PAGE_TITLE =
  /^(?:agenda\s+and\s+(?:minutes|decisions)|agenda|minutes|draft\s+minutes|decisions)\s+(?:for|of)\s+(.{3,120}?)\s+on\s+(.{6,80})$/i;

/** "Council Chamber, Clune House, Port Ardlie": a line naming where a meeting is held. */
export const VENUE_LINE =
  /^(?:the\s+)?(?:council\s+chamber|committee\s+room|civic\s+(?:centre|offices)|town\s+hall|guildhall|county\s+hall|city\s+hall|council\s+offices|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:house|hall|chamber|room|centre|offices|headquarters))\b[^:]*$/i;

/** A name with its title first: "Councillor A Smith", "Cllr. Jones", "County Cllr R Pennock", "Mrs J Taylor". */
export const TITLED_NAME =
  /^(?:(?:County|Borough|District|City|Unitary|Town|Parish)\s+)?(?:Councillors?|Cllrs?|Alderman|Mayor|Mr|Mrs|Ms|Miss|Dr)\.?\s/;

/** A table's header cell over people: "Name", "Job title", "Organisation", "Constituent Authority". */
export const PEOPLE_HEADER_CELL =
  /^(?:names?|members?|councillors?|job\s+title|title|post|role|position|status|organi[sz]ation|representing|(?:constituent\s+)?authority|council|party|ward|division)$/i;

/** A seat held by someone who is not a councillor: co-opted, independent or lay. */
export const CO_OPTED_POST = /\bco-?opted\b|\bindependent\s+(?:person|member)\b|\blay\s+member\b/i;
