import { sql } from "drizzle-orm";
import type { PgDb } from "../../pg/connection";
import { MATCH_END, MATCH_START, toSearchHit } from "../../queries/search";

// Reader search on PostgreSQL: the counterpart of db/queries/search.ts (FTS5) over the
// generated `posts.search` tsvector (db/migrations/pg/0001_posts_search.sql). Same contract:
// published posts and pages, best first with title matches weighted highest, among the
// newest RANKED_CANDIDATES matches, snippets marked with the same private-use characters.
// One difference: the column joins title, excerpt and body into one tsvector, so a phrase
// can match across the end of the title and the start of the body, where FTS5's columns
// keep them apart.

const RANKED_CANDIDATES = 1_000;

// ts_rank_cd's weights for D, C, B, A: body (C) 0.1, excerpt (B) 0.4, title (A) 1.0 — the
// 1 : 4 : 10 that SQLite's bm25(posts_fts, 10.0, 4.0, 1.0) gives.
const WEIGHTS = "{0.1, 0.1, 0.4, 1.0}";
// About FTS5's snippet(…, 24): one fragment of up to 24 words around the matches.
const HEADLINE = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=…`;

/**
 * Published posts and pages matching a tsquery text (build it with lib/site/search-query's
 * `toTsQuery`, never from raw input). The candidates are found by the GIN index and cut to
 * the newest before anything is ranked, so a word in every post ranks a thousand rows, not
 * all of them; headlines are made for the page of results only.
 */
export async function searchPublishedPg(db: PgDb, { tsquery, limit }: { tsquery: string; limit: number }) {
  // The query is written out where it is used, not computed once in a CTE: as a constant the
  // planner can estimate how many posts match, and for a word in nearly every post it then
  // walks the newest posts backwards by id and stops at RANKED_CANDIDATES (under 1 ms at
  // 100k posts) instead of fetching every match through the GIN index and sorting them.
  const query = sql`to_tsquery('english', ${tsquery})`;
  const { rows } = await db.execute<{
    id: number;
    type: "post" | "page";
    title: string;
    slug: string;
    published_at: string | null; // Drizzle's driver leaves timestamps as text in raw queries
    snippet: string;
  }>(sql`
    with recent as (
      select p.id from posts p
      where p.search @@ ${query} and p.status = 'published' and p.deleted_at is null and p.published_at <= now()
      order by p.id desc limit ${RANKED_CANDIDATES}
    ),
    best as (
      select p.id, p.published_at, ts_rank_cd(${WEIGHTS}::float4[], p.search, ${query}) as score
      from recent r join posts p on p.id = r.id
      order by score desc, p.published_at desc
      limit ${limit}
    )
    select p.id, p.type, p.title, p.slug, p.published_at,
           ts_headline('english', p.plaintext, ${query}, ${HEADLINE}) as snippet
    from best b join posts p on p.id = b.id
    order by b.score desc, b.published_at desc
  `);
  return rows.map(toSearchHit);
}
