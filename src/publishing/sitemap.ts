// A sitemap (sitemaps.org protocol 0.9): absolute URLs in, XML text out. One file holds up to
// 50,000 URLs; a deployment past that needs a sitemap index, which this does not yet write.

export type SitemapUrl = { loc: string; lastmod?: string };

const XML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

export function sitemapXml(urls: SitemapUrl[]): string {
  const entries = urls.map((url) => {
    const lastmod = url.lastmod === undefined ? "" : `<lastmod>${escapeXml(url.lastmod)}</lastmod>`;
    return `  <url><loc>${escapeXml(url.loc)}</loc>${lastmod}</url>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries,
    "</urlset>",
    "",
  ].join("\n");
}
