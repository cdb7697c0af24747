import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "../client";

// Markers FTS5's snippet() puts around matches: private-use characters no post
// contains, so the page can split on them and escape everything else.
export const MATCH_START = "\uE000";
export const MATCH_END = "\uE001";

export type SearchHit = {
  id: number;
  type: "post" | "page";
  title: string;
  slug: string;
  publishedAt: Date | null;
  snippet: string;
};

/**
 * Published posts and pages matching an FTS5 query (build it with lib/search-query,
 * never from raw input), best first by bm25 with title matches weighted highest.
 */
export function searchPublished({ match, limit }: { match: string; limit: number }): SearchHit[] {
  const rows = getDb().all<{ id: number; type: "post" | "page"; title: string; slug: string; published_at: number | null; snippet: string }>(sql`
    select p.id, p.type, p.title, p.slug, p.published_at,
           snippet(posts_fts, -1, ${MATCH_START}, ${MATCH_END}, '…', 24) as snippet
    from posts_fts
    join posts p on p.id = posts_fts.rowid
    where posts_fts match ${match}
      and p.status = 'published' and p.deleted_at is null
      and p.published_at <= cast(unixepoch('subsec') * 1000 as integer)
    order by bm25(posts_fts, 10.0, 4.0, 1.0), p.published_at desc
    limit ${limit}
  `);
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    title: row.title,
    slug: row.slug,
    publishedAt: row.published_at === null ? null : new Date(row.published_at),
    snippet: row.snippet,
  }));
}
