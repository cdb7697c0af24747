const MAX_SLUG_LENGTH = 80;

/** "Hello, Wörld!" → "hello-world". Empty when nothing usable is left. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, "");
}

// Posts and pages live at `/<slug>`, so a slug may not shadow a reader or system address.
export const RESERVED_SLUGS = new Set([
  "admin", "api", "archive", "atom.xml", "author", "feed.json", "ghost", "media", "page",
  "robots.txt", "rss.xml", "search", "sitemap.xml", "tag", "_next", "favicon.ico",
]);

export function isReservedSlug(slug: string): boolean {
  return RESERVED_SLUGS.has(slug);
}
