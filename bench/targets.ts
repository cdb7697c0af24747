// What the bench asks for, chosen from the seeded database (read only): the post
// whose approved-comment count is nearest 50, the most used tag, page 50 of the
// home list (or the last page when there are fewer), a common and a rare word.
import Database from "better-sqlite3";
import { COINED } from "../bin/cli/bench-content";

export type Targets = {
  post: { slug: string; id: number; comments: number };
  tag: { slug: string; posts: number };
  page: number;
  commonWord: string;
  rareWord: string;
  publicPosts: number;
};

// One of the commonest words of bin/cli/bench-content.ts's list: in most posts.
const COMMON_WORD = "server";
const PUBLIC =
  "type = 'post' AND status = 'published' AND deleted_at IS NULL AND published_at <= cast(unixepoch('subsec') * 1000 as integer)";

export function pickTargets(file: string): Targets {
  const db = new Database(file, { readonly: true });
  try {
    const post = db
      .prepare(
        `SELECT p.slug, p.id, count(*) AS comments FROM comments c JOIN posts p ON p.id = c.post_id
         WHERE c.status = 'approved' AND p.${PUBLIC.replaceAll(" AND ", " AND p.")}
         GROUP BY c.post_id ORDER BY abs(count(*) - 50), p.id DESC LIMIT 1`,
      )
      .get() as Targets["post"] | undefined;
    if (!post) throw new Error("the seeded database has no published post with comments");
    const tag = db
      .prepare(
        "SELECT t.slug, count(*) AS posts FROM post_tags pt JOIN tags t ON t.id = pt.tag_id GROUP BY pt.tag_id ORDER BY posts DESC LIMIT 1",
      )
      .get() as Targets["tag"];
    const publicPosts = db.prepare(`SELECT count(*) FROM posts WHERE ${PUBLIC}`).pluck().get() as number;
    const perPageRow = db.prepare("SELECT value FROM settings WHERE key = 'postsPerPage'").pluck().get() as
      string | undefined;
    const perPage = perPageRow ? Number(JSON.parse(perPageRow)) : 10;
    const page = Math.max(1, Math.min(50, Math.ceil(publicPosts / perPage)));
    // A coined word from the newest posts' openings: in one post or a handful.
    const openings = db
      .prepare(`SELECT substr(plaintext, 1, 600) FROM posts WHERE ${PUBLIC} ORDER BY published_at DESC LIMIT 20`)
      .pluck()
      .all() as string[];
    const rareWord = openings.flatMap((text) => text.toLowerCase().split(/[^a-z]+/)).find((word) => COINED.test(word));
    if (!rareWord) throw new Error("no rare word found in the seeded posts");
    return { post, tag, page, commonWord: COMMON_WORD, rareWord, publicPosts };
  } finally {
    db.close();
  }
}

/** Every comment in the database, or the comments (any status) of one post. */
export function countComments(file: string, postId?: number): number {
  const db = new Database(file, { readonly: true });
  try {
    if (postId !== undefined)
      return db.prepare("SELECT count(*) FROM comments WHERE post_id = ?").pluck().get(postId) as number;
    return db.prepare("SELECT count(*) FROM comments").pluck().get() as number;
  } finally {
    db.close();
  }
}
