import "server-only";
import { and, count, desc, eq, gt, isNull, like, lt, or, asc, inArray, sql, ne } from "drizzle-orm";
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

/** The published posts just older and just newer than this one (keyset neighbours). */
export function getAdjacentPosts({ id, publishedAt }: { id: number; publishedAt: Date }) {
  const columns = { title: posts.title, slug: posts.slug };
  const older = getDb()
    .select(columns)
    .from(posts)
    .where(and(isPublic("post"), or(lt(posts.publishedAt, publishedAt), and(eq(posts.publishedAt, publishedAt), lt(posts.id, id)))))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(1)
    .get();
  const newer = getDb()
    .select(columns)
    .from(posts)
    .where(and(isPublic("post"), or(gt(posts.publishedAt, publishedAt), and(eq(posts.publishedAt, publishedAt), gt(posts.id, id)))))
    .orderBy(asc(posts.publishedAt), asc(posts.id))
    .limit(1)
    .get();
  return { older, newer };
}

/** Up to `limit` published posts sharing the most tags with this one, newest first among equals. */
export function listRelatedPosts({ id, limit = 3 }: { id: number; limit?: number }) {
  const shared = sql<number>`count(*)`;
  const tagIds = getDb().select({ tagId: postTags.tagId }).from(postTags).where(eq(postTags.postId, id));
  return getDb()
    .select({ id: posts.id, title: posts.title, slug: posts.slug, publishedAt: posts.publishedAt, shared })
    .from(postTags)
    .innerJoin(posts, eq(posts.id, postTags.postId))
    .where(and(inArray(postTags.tagId, tagIds), ne(posts.id, id), isPublic("post")))
    .groupBy(posts.id)
    .orderBy(desc(shared), desc(posts.publishedAt), desc(posts.id))
    .limit(limit)
    .all();
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
