import "server-only";
import { and, count, desc, eq, isNull, like, lt, or } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import { type NewPost, type PostStatus, posts, users } from "../schema";

type DbOrTx = Tx | ReturnType<typeof getDb>;

// What a reader may see: published posts, not in the trash.
const isPublic = (type: "post" | "page") =>
  and(eq(posts.type, type), eq(posts.status, "published"), isNull(posts.deletedAt));

/** Newest published posts first, by the `(published_at, id)` keyset. */
export function listPublishedPosts({ limit, before }: { limit: number; before?: { publishedAt: Date; id: number } }) {
  const cursor = before
    ? or(lt(posts.publishedAt, before.publishedAt), and(eq(posts.publishedAt, before.publishedAt), lt(posts.id, before.id)))
    : undefined;
  return getDb()
    .select({
      id: posts.id,
      title: posts.title,
      slug: posts.slug,
      customExcerpt: posts.customExcerpt,
      plaintext: posts.plaintext,
      wordCount: posts.wordCount,
      publishedAt: posts.publishedAt,
      authorName: users.name,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(isPublic("post"), cursor))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(limit)
    .all();
}

/** A published post or page by its slug, for the reader page. */
export function getPublishedBySlug({ slug }: { slug: string }) {
  return getDb()
    .select({
      id: posts.id,
      type: posts.type,
      title: posts.title,
      slug: posts.slug,
      html: posts.html,
      customExcerpt: posts.customExcerpt,
      plaintext: posts.plaintext,
      wordCount: posts.wordCount,
      publishedAt: posts.publishedAt,
      updatedAt: posts.updatedAt,
      authorName: users.name,
      authorSlug: users.slug,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.slug, slug), or(isPublic("post"), isPublic("page"))))
    .get();
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
