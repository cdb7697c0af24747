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

// How many matches are ranked: the newest ones (ids grow with time). Ranking every
// match of a common word costs bm25 and a row read per document — over 100k posts
// that was seconds; the newest 1,000 keep it to milliseconds, and a blog's reader
// searching a word in every post is served by the recent ones best anyway.
const RANKED_CANDIDATES = 1_000;

/**
 * Published posts and pages matching an FTS5 query (build it with lib/site/search-query,
 * never from raw input), best first by bm25 with title matches weighted highest,
 * among the newest RANKED_CANDIDATES matches. Snippets are made for the page of results only.
 */
export async function searchPublished({ match, limit }: { match: string; limit: number }): Promise<SearchHit[]> {
  // SQLite only (FTS5, `indexed by`), run by db.all: PostgreSQL's counterpart is searchPublishedPg
  // (db/dialects/pg/search.ts), and lib/site/search.ts's searchPublishedTerms picks one by database.
  const rows = getDb().all<{
    id: number;
    type: "post" | "page";
    title: string;
    slug: string;
    published_at: number | null;
    snippet: string;
  }>(sql`
    with recent as (
      select rowid as id, bm25(posts_fts, 10.0, 4.0, 1.0) as score
      from posts_fts where posts_fts match ${match}
      order by rowid desc limit ${RANKED_CANDIDATES}
    ), best as (
      select r.id, r.score, p.published_at from recent r join posts p indexed by posts_visibility_idx on p.id = r.id
      where p.status = 'published' and p.deleted_at is null
        and p.published_at <= cast(unixepoch('subsec') * 1000 as integer)
      order by r.score, p.published_at desc
      limit ${limit}
    )
    -- "cross join" keeps best as the outer loop: with the limits bound as parameters
    -- the planner otherwise scans every match of posts_fts and looks each up in best
    -- (130 ms instead of 7 ms for a word in every post, at 100k posts).
    select p.id, p.type, p.title, p.slug, p.published_at,
           snippet(posts_fts, -1, ${MATCH_START}, ${MATCH_END}, '…', 24) as snippet
    from best b
    cross join posts_fts on posts_fts.rowid = b.id
    join posts p on p.id = b.id
    where posts_fts match ${match}
    order by b.score, b.published_at desc
  `);
  return rows.map(toSearchHit);
}

/** A result row as both databases' queries return it (the date as milliseconds or as text). */
export type SearchRow = Omit<SearchHit, "publishedAt"> & { published_at: number | string | null };

export function toSearchHit({ published_at, ...row }: SearchRow): SearchHit {
  return { ...row, publishedAt: published_at === null ? null : new Date(published_at) };
}
