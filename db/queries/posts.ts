import "server-only";
import { and, count, desc, eq, gt, gte, isNull, like, lt, lte, or, asc, inArray, sql, ne } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import { type NewPost, type PostStatus, postTags, posts, users } from "../schema";
import { postPresentationColumns } from "./post-columns";
import { isPublic } from "./post-visibility";

type DbOrTx = Tx | ReturnType<typeof getDb>;

export { listPublishedPosts } from "./post-lists";

/** A published post or page by its slug, with what the reader page shows. */
export function getPublishedBySlug({ slug }: { slug: string }) {
  return getDb()
    .select({
      id: posts.id,
      type: posts.type,
      title: posts.title,
      slug: posts.slug,
      html: posts.html,
      customExcerpt: posts.customExcerpt,
      plaintext: sql<string>`substr(${posts.plaintext}, 1, 400)`,
      wordCount: posts.wordCount,
      publishedAt: posts.publishedAt,
      updatedAt: posts.updatedAt,
      ...postPresentationColumns,
      commentsOpen: posts.commentsOpen,
      authorId: users.id,
      authorName: users.name,
      authorSlug: users.slug,
      authorBio: users.bio,
      authorAvatarUrl: users.avatarUrl,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.slug, slug), or(isPublic("post"), isPublic("page"))))
    .get();
}

export type PublishedPost = NonNullable<ReturnType<typeof getPublishedBySlug>>;

/**
 * The published posts just older and just newer than this one (keyset neighbours).
 * The plain `<=` / `>=` bound on the date lets SQLite start the index walk at this
 * post: with only the OR, "newer" walked from the oldest post (30 ms at 100k posts).
 */
export function getAdjacentPosts({ id, publishedAt }: { id: number; publishedAt: Date }) {
  const columns = { title: posts.title, slug: posts.slug };
  const older = getDb()
    .select(columns)
    .from(posts)
    .where(
      and(
        isPublic("post"),
        lte(posts.publishedAt, publishedAt),
        or(lt(posts.publishedAt, publishedAt), lt(posts.id, id)),
      ),
    )
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(1)
    .get();
  const newer = getDb()
    .select(columns)
    .from(posts)
    .where(
      and(
        isPublic("post"),
        gte(posts.publishedAt, publishedAt),
        or(gt(posts.publishedAt, publishedAt), gt(posts.id, id)),
      ),
    )
    .orderBy(asc(posts.publishedAt), asc(posts.id))
    .limit(1)
    .get();
  return { older, newer };
}

// Related posts look at the newest posts of each shared tag only: a popular tag has
// thousands, and checking each one's visibility made a post page take seconds at 100k posts.
const RELATED_PER_TAG = 200;

/**
 * Up to `limit` published posts sharing the most tags with this one, newest first
 * among equals, chosen from the RELATED_PER_TAG newest posts of each of its tags.
 */
export function listRelatedPosts({ id, limit = 3 }: { id: number; limit?: number }) {
  const db = getDb();
  const tagIds = db.select({ tagId: postTags.tagId }).from(postTags).where(eq(postTags.postId, id)).all();
  const shared = new Map<number, number>();
  for (const { tagId } of tagIds) {
    const ids = db
      .select({ postId: postTags.postId })
      .from(postTags)
      .where(and(eq(postTags.tagId, tagId), ne(postTags.postId, id)))
      .orderBy(desc(postTags.postId))
      .limit(RELATED_PER_TAG)
      .all();
    for (const { postId } of ids) shared.set(postId, (shared.get(postId) ?? 0) + 1);
  }
  if (shared.size === 0) return [];
  const visible = db.all<{ id: number; published_at: number }>(sql`
    select p.id, p.published_at from posts p indexed by posts_visibility_idx
    where p.id in (${sql.join(
      [...shared.keys()].map((key) => sql`${key}`),
      sql`, `,
    )})
      and p.type = 'post' and p.status = 'published' and p.deleted_at is null
      and p.published_at <= cast(unixepoch('subsec') * 1000 as integer)
  `);
  const best = visible
    .sort((a, b) => shared.get(b.id)! - shared.get(a.id)! || b.published_at - a.published_at || b.id - a.id)
    .slice(0, limit);
  if (best.length === 0) return [];
  const rows = new Map(
    db
      .select({ id: posts.id, title: posts.title, slug: posts.slug })
      .from(posts)
      .where(
        inArray(
          posts.id,
          best.map((row) => row.id),
        ),
      )
      .all()
      .map((row) => [row.id, row]),
  );
  return best.map((row) => ({
    ...rows.get(row.id)!,
    publishedAt: new Date(row.published_at),
    shared: shared.get(row.id)!,
  }));
}

/** A slug no other post or page has: "hello", then "hello-2", … */
export function uniquePostSlug(db: DbOrTx, base: string, exceptId?: number): string {
  const rows = db
    .select({ id: posts.id, slug: posts.slug })
    .from(posts)
    .where(or(eq(posts.slug, base), like(posts.slug, `${base}-%`)))
    .all();
  const taken = new Set(rows.filter((row) => row.id !== exceptId).map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function insertPost(db: DbOrTx, post: NewPost) {
  return db
    .insert(posts)
    .values({ ...post, slug: uniquePostSlug(db, post.slug) })
    .returning({ id: posts.id, slug: posts.slug })
    .get();
}

/** How many posts and pages are in each status, for the dashboard. */
export function countPostsByStatus() {
  const rows = getDb()
    .select({ status: posts.status, n: count() })
    .from(posts)
    .where(isNull(posts.deletedAt))
    .groupBy(posts.status)
    .all();
  return Object.fromEntries(rows.map((row) => [row.status, row.n])) as Partial<Record<PostStatus, number>>;
}
