// Text put into HTML that is built as a string (search snippets, feed bodies, a table cell
// with a link) is escaped here, the one way: the five characters that could end a text or an
// attribute become entities.

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
