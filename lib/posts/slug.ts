export { slugify } from "../utils/slugify";

// Posts and pages live at `/<slug>`, so a slug may not shadow a reader or system address.
export const RESERVED_SLUGS = new Set([
  "admin",
  "api",
  "archive",
  "atom.xml",
  "author",
  "feed.json",
  "ghost",
  "media",
  "page",
  "og",
  "robots.txt",
  "rss.xml",
  "search",
  "sitemap.xml",
  "tag",
  "_next",
  "favicon.ico",
]);

export function isReservedSlug(slug: string): boolean {
  return RESERVED_SLUGS.has(slug);
}
