// Every reader query runs on an index: each is executed against a migrated, filled
// and ANALYZEd database, the SQL Drizzle sent is captured at better-sqlite3's
// prepare(), and its EXPLAIN QUERY PLAN must not read a big table whole (SCAN
// without an index) nor sort one (USE TEMP B-TREE FOR ORDER BY), except where a
// sort of a small, bounded result is the point of the query (listed below, with why).
// SQLite's planner only: skipped on PostgreSQL, which plans the same queries itself (its
// search and the related posts' queries are its own, db/dialects/pg/ and db/queries/posts.ts).
import type Database from "better-sqlite3";
import { beforeAll, describe, expect, test } from "vitest";
import {
  countApprovedComments,
  countApprovedCommentsByPost,
  getPostForCommentFeed,
  getPostForCommenting,
  listApprovedComments,
  listCommentsForFeed,
} from "@/db/queries/comments";
import { readCommentSignals } from "@/db/queries/comment-checks";
import { getAuthorBySlug, listAuthorsInUse } from "@/db/queries/authors";
import {
  countPublishedPosts,
  cursorAtOffset,
  listArchive,
  listFeaturedPosts,
  listFeedPosts,
  listPublishedPosts,
  listSitemapPosts,
  tagsByPost,
} from "@/db/queries/post-lists";
import { getAdjacentPosts, getPublishedBySlug, listRelatedPosts } from "@/db/queries/posts";
import { findRedirect } from "@/db/queries/redirects";
import { searchPublished } from "@/db/queries/search";
import { getSettings } from "@/db/queries/settings";
import { getTagBySlug, listTagsInUse } from "@/db/queries/tags";
import { getDb } from "@/db/client";
import { databaseKind } from "@/db/kind";
import { migratedDb } from "./helpers";

const BIG_TABLES = new Set(["posts", "comments", "post_tags", "tags"]);
const POSTS = 3_000;
const COMMENTS = 30_000;
const TAGS = 200;

type Captured = { sql: string; params: unknown[] };
let client: Database.Database;
let explain: (sql: string, params: unknown[]) => string[];
const captured: Captured[] = [];

/** Runs `run` (awaited: reads after its first await run later) and returns the statements it sent to SQLite. */
async function capture(run: () => unknown): Promise<Captured[]> {
  captured.length = 0;
  await run();
  return [...captured];
}

function fill(db: Database.Database) {
  db.exec(`
    INSERT INTO users (email, name, slug, role, password_hash) VALUES ('a@example.com', 'A', 'writer-a', 'owner', 'x'), ('b@example.com', 'B', 'writer-b', 'author', 'x');
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${TAGS})
      INSERT INTO tags (name, slug) SELECT 'Tag ' || i, 'tag-' || i FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${POSTS})
      INSERT INTO posts (type, title, slug, markdown, html, plaintext, status, published_at, author_id, featured)
      SELECT CASE WHEN i % 100 = 0 THEN 'page' ELSE 'post' END, 'Post ' || i, 'post-' || i, 'server text ' || i, '<p>server text</p>',
             'server text word' || i, CASE WHEN i % 30 = 0 THEN 'draft' ELSE 'published' END,
             CASE WHEN i % 30 = 0 THEN NULL ELSE 1600000000000 + i * 3600000 END, 1 + i % 2, i % 97 = 0
      FROM n;
    INSERT INTO post_tags (post_id, tag_id, position) SELECT id, 1 + id % ${TAGS}, 0 FROM posts;
    INSERT INTO post_tags (post_id, tag_id, position) SELECT id, 1 + (id * 7 + 3) % ${TAGS}, 1 FROM posts WHERE (id * 7 + 3) % ${TAGS} <> id % ${TAGS};
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${COMMENTS})
      INSERT INTO comments (post_id, status, author_name, author_email, markdown, html, ip_hash, created_at)
      SELECT 1 + i % ${POSTS}, CASE WHEN i % 10 = 0 THEN 'pending' WHEN i % 17 = 0 THEN 'spam' ELSE 'approved' END,
             'Reader', 'r' || (i % 500) || '@example.com', 'Nice ' || i, '<p>Nice</p>', 'ip' || (i % 300), 1600000000000 + i * 60000
      FROM n;
    INSERT INTO redirects (from_path, to_path) VALUES ('/old', '/post-5');
    ANALYZE;
  `);
}

function fillAndRecord() {
  const db = migratedDb();
  client = db.$client;
  fill(client);
  const prepare = client.prepare.bind(client);
  explain = (sql, params) =>
    (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
  // Reads outside write() run on the reader connection, writes on the writer: record both.
  for (const connection of new Set([client, getDb().$client])) recordStatements(connection);
}

/** Records each statement `connection` runs, with the parameters it ran with. */
function recordStatements(connection: Database.Database) {
  const prepare = connection.prepare.bind(connection);
  connection.prepare = ((sql: string) => {
    const statement = prepare(sql);
    const proxy: Database.Statement = new Proxy(statement, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (typeof value !== "function") return value;
        if (key === "all" || key === "get" || key === "run" || key === "iterate") {
          return (...params: unknown[]) => {
            captured.push({ sql, params });
            return (value as (...a: unknown[]) => unknown).apply(target, params);
          };
        }
        // raw(), pluck() and friends return the statement: keep returning the proxy.
        return (...args: unknown[]) => {
          const out = (value as (...a: unknown[]) => unknown).apply(target, args);
          return out === target ? proxy : out;
        };
      },
    });
    return proxy;
  }) as typeof connection.prepare;
}

/** The table each name in the SQL stands for (aliases included). */
function tablesByName(sql: string): Map<string, string> {
  const names = new Map<string, string>();
  const keywords = new Set(["inner", "left", "join", "on", "where", "order", "group", "limit", "as", "cross", "using"]);
  for (const m of sql.matchAll(/\b(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
    const table = m[1]!;
    names.set(table, table);
    if (m[2] && !keywords.has(m[2].toLowerCase())) names.set(m[2], table);
  }
  return names;
}

/** The plan lines that read or sort a big table without an index. */
function problems(sql: string, plan: string[], allowSort: boolean): string[] {
  const names = tablesByName(sql);
  const bad: string[] = [];
  for (const line of plan) {
    const scan = /^SCAN (\w+)/.exec(line);
    if (scan && BIG_TABLES.has(names.get(scan[1]!) ?? scan[1]!) && !/USING (COVERING )?INDEX|VIRTUAL TABLE/.test(line))
      bad.push(line);
    if (/USE TEMP B-TREE FOR (ORDER BY|GROUP BY|DISTINCT)/.test(line) && !allowSort) bad.push(line);
  }
  return bad;
}

const firstPublished = () =>
  client
    .prepare(
      "SELECT id, slug, published_at AS at FROM posts WHERE type = 'post' AND status = 'published' ORDER BY id LIMIT 1 OFFSET 500",
    )
    .get() as { id: number; slug: string; at: number };

// [name, the reader call, whether a sort of a bounded result is allowed, and why]
const READER_QUERIES: [string, () => unknown, string?][] = [
  ["home list", () => listPublishedPosts({ limit: 10 })],
  [
    "home list, keyset page",
    () =>
      listPublishedPosts({
        limit: 10,
        before: { publishedAt: new Date(firstPublished().at), id: firstPublished().id },
      }),
  ],
  ["home list minus featured", () => listPublishedPosts({ limit: 10, scope: { excludeIds: [97, 194] } })],
  ["page N cursor", () => cursorAtOffset({}, 490)],
  ["post count", () => countPublishedPosts()],
  ["featured posts", () => listFeaturedPosts({ limit: 3 })],
  [
    "tags of listed posts",
    () => tagsByPost([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    "orders the tags of ten posts (at most 40 rows) by position",
  ],
  ["post by slug", () => getPublishedBySlug({ slug: firstPublished().slug })],
  [
    "previous and next",
    () => getAdjacentPosts({ id: firstPublished().id, publishedAt: new Date(firstPublished().at) }),
  ],
  ["related posts", () => listRelatedPosts({ id: firstPublished().id })],
  ["comments of a post", () => listApprovedComments({ postId: 5 })],
  ["comment counts of listed posts", () => countApprovedCommentsByPost({ postIds: [1, 2, 3, 4, 5] })],
  ["comment count of a post", () => countApprovedComments({ postId: 5 })],
  ["tag by slug", () => getTagBySlug({ slug: "tag-3" })],
  ["tag page list", () => listPublishedPosts({ limit: 10, scope: { tagId: 3 } })],
  ["tag page count", () => countPublishedPosts({ tagId: 3 })],
  ["author by slug", () => getAuthorBySlug({ slug: "writer-b" })],
  ["author page list", () => listPublishedPosts({ limit: 10, scope: { authorId: 2 } })],
  ["author page count", () => countPublishedPosts({ authorId: 2 })],
  ["archive", () => listArchive()],
  [
    "search",
    () => searchPublished({ match: '"server"', limit: 20 }),
    "bm25 ranks the matching documents: FTS5 has no index for a weighted rank",
  ],
  ["site feed", () => listFeedPosts({ limit: 20 })],
  ["tag feed", () => listFeedPosts({ limit: 20, scope: { tagId: 3 } })],
  [
    "post comments feed",
    () =>
      Promise.all([
        getPostForCommentFeed({ slug: firstPublished().slug }),
        listCommentsForFeed({ postId: 5, limit: 20 }),
      ]),
  ],
  ["sitemap posts", () => listSitemapPosts()],
  ["sitemap tags", () => listTagsInUse(), "orders tags by their post count, an aggregate (one row per tag)"],
  [
    "sitemap authors",
    () => listAuthorsInUse(),
    "orders authors by their newest post, an aggregate (one row per author)",
  ],
  ["redirect lookup (proxy.ts)", () => findRedirect({ fromPath: "/old" })],
  ["settings", () => getSettings()],
  [
    "comment POST checks",
    () =>
      Promise.all([
        getPostForCommenting({ postId: 5 }),
        readCommentSignals({ postId: 5, email: "r1@example.com", ipHash: "ip1", markdown: "Nice 1" }),
      ]),
  ],
];

describe.skipIf(databaseKind() === "postgres")("reader query plans (SQLite's EXPLAIN QUERY PLAN)", () => {
  beforeAll(fillAndRecord);

  test.each(READER_QUERIES)("%s runs on indexes", async (_name, run, sortReason) => {
    const statements = (await capture(run)).filter(
      (s) => !/^\s*select id, slug, published_at AS at FROM posts/i.test(s.sql),
    );
    expect(statements.length).toBeGreaterThan(0);
    for (const { sql, params } of statements) {
      const plan = explain(sql, params);
      if (process.env.QUIRE_PRINT_PLANS) console.log(`${_name}\n${sql}\n  ${plan.join("\n  ")}`);
      expect(problems(sql, plan, sortReason !== undefined), `${sql}\n${plan.join("\n")}`).toEqual([]);
    }
  });

  test("search walks the full-text matches once; snippets look their rows up by rowid", async () => {
    // With its limits bound as parameters the planner once swapped the snippet join
    // round: every match of a common word scanned a second time (130 ms at 100k posts).
    const [statement] = await capture(() => searchPublished({ match: '"server"', limit: 20 }));
    const plan = explain(statement!.sql, statement!.params);
    expect(
      plan.filter((line) => /^SCAN posts_fts VIRTUAL TABLE INDEX \d+:M/.test(line)),
      plan.join("\n"),
    ).toHaveLength(1);
    expect(
      plan.some((line) => /^SCAN posts_fts VIRTUAL TABLE INDEX \d+:=M/.test(line)),
      plan.join("\n"),
    ).toBe(true);
  });

  test("the check itself catches a full scan and a sort of a big table", () => {
    const sql = "select title from posts where plaintext like '%x%' order by word_count";
    expect(problems(sql, explain(sql, []), false)).toHaveLength(2);
    const aliased = "select c.id from comments c where c.html = '<p>Nice</p>'";
    expect(problems(aliased, explain(aliased, []), false)).toEqual(["SCAN c"]);
  });
});
