import "server-only";
import { and, count, desc, eq, gt, gte, isNull, lt, lte, or, asc, inArray, sql, ne } from "drizzle-orm";
import { type Db, getDb } from "../client";
import { databaseKind } from "../kind";
import { type NewPost, type PostStatus, postTags, posts, users } from "../schema";
import { postPresentationColumns } from "./post-columns";
import { prepared, preparedByShape } from "./prepared";
import { isPublic } from "./post-visibility";
import { timestampParam, uniqueSlug } from "./sql";

export { listPublishedPosts } from "./post-lists";

const publishedBySlug = prepared((db) =>
  db
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
    .where(and(eq(posts.slug, sql.placeholder("slug")), or(isPublic("post"), isPublic("page")))),
);

/** A published post or page by its slug, with what the reader page shows. */
export async function getPublishedBySlug({ slug }: { slug: string }) {
  return publishedBySlug().get({ slug });
}

const publishedSlug = prepared((db) =>
  db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.slug, sql.placeholder("slug")), or(isPublic("post"), isPublic("page")))),
);

/** Whether a published post or page has this slug: the one indexed lookup, without reading its body. */
export async function isPublishedSlug(slug: string): Promise<boolean> {
  return (await publishedSlug().get({ slug })) !== undefined;
}

export type PublishedPost = NonNullable<Awaited<ReturnType<typeof getPublishedBySlug>>>;

const OLDER = { beyond: lt, orSame: lte, order: desc };
const NEWER = { beyond: gt, orSame: gte, order: asc };

/**
 * The published posts just older and just newer than this one (keyset neighbours).
 * The plain `<=` / `>=` bound on the date lets SQLite start the index walk at this
 * post: with only the OR, "newer" walked from the oldest post (30 ms at 100k posts).
 */
const neighbour = preparedByShape(
  (direction: typeof OLDER | typeof NEWER) => (direction === OLDER ? "older" : "newer"),
  (db, direction) =>
    db
      .select({ title: posts.title, slug: posts.slug })
      .from(posts)
      .where(
        and(
          isPublic("post"),
          direction.orSame(posts.publishedAt, sql.placeholder("at")),
          or(
            direction.beyond(posts.publishedAt, sql.placeholder("at")),
            direction.beyond(posts.id, sql.placeholder("id")),
          ),
        ),
      )
      .orderBy(direction.order(posts.publishedAt), direction.order(posts.id))
      .limit(1),
);

export async function getAdjacentPosts({ id, publishedAt }: { id: number; publishedAt: Date }) {
  const at = timestampParam(publishedAt);
  return { older: await neighbour(OLDER).get({ at, id }), newer: await neighbour(NEWER).get({ at, id }) };
}

// Related posts look at the newest posts of each shared tag only: a popular tag has
// thousands, and checking each one's visibility made a post page take seconds at 100k posts.
const RELATED_PER_TAG = 200;

/**
 * Up to `limit` published posts sharing the most tags with this one, newest first
 * among equals, chosen from the RELATED_PER_TAG newest posts of each of its tags.
 */
const tagsOfPost = prepared((db) =>
  db
    .select({ tagId: postTags.tagId })
    .from(postTags)
    .where(eq(postTags.postId, sql.placeholder("id"))),
);
const newestOfTag = prepared((db) =>
  db
    .select({ postId: postTags.postId })
    .from(postTags)
    .where(and(eq(postTags.tagId, sql.placeholder("tagId")), ne(postTags.postId, sql.placeholder("id"))))
    .orderBy(desc(postTags.postId))
    .limit(RELATED_PER_TAG),
);

export async function listRelatedPosts({ id, limit = 3 }: { id: number; limit?: number }) {
  const db = getDb();
  const shared = new Map<number, number>();
  for (const { tagId } of await tagsOfPost().all({ id })) {
    for (const { postId } of await newestOfTag().all({ tagId, id })) shared.set(postId, (shared.get(postId) ?? 0) + 1);
  }
  if (shared.size === 0) return [];
  const visible = await visibleWithDates(db, [...shared.keys()]);
  const best = visible
    .sort((a, b) => shared.get(b.id)! - shared.get(a.id)! || b.published_at - a.published_at || b.id - a.id)
    .slice(0, limit);
  if (best.length === 0) return [];
  const bestRows = await db
    .select({ id: posts.id, title: posts.title, slug: posts.slug })
    .from(posts)
    .where(
      inArray(
        posts.id,
        best.map((row) => row.id),
      ),
    );
  const rows = new Map(bestRows.map((row) => [row.id, row]));
  return best.map((row) => ({
    ...rows.get(row.id)!,
    publishedAt: new Date(row.published_at),
    shared: shared.get(row.id)!,
  }));
}

/** Which of these posts readers may see, each with its publication date in milliseconds. */
async function visibleWithDates(db: Db, ids: number[]): Promise<{ id: number; published_at: number }[]> {
  if (databaseKind() === "postgres") {
    // PostgreSQL picks the primary key for `id in (…)` by itself, then checks each row.
    const rows = await db
      .select({ id: posts.id, publishedAt: posts.publishedAt })
      .from(posts)
      .where(and(inArray(posts.id, ids), isPublic("post")));
    return rows.map((row) => ({ id: row.id, published_at: row.publishedAt!.getTime() }));
  }
  // SQLite, raw for `indexed by`: each id is checked in the visibility index without reading its row.
  return db.all<{ id: number; published_at: number }>(sql`
    select p.id, p.published_at from posts p indexed by posts_visibility_idx
    where p.id in (${sql.join(
      ids.map((key) => sql`${key}`),
      sql`, `,
    )})
      and p.type = 'post' and p.status = 'published' and p.deleted_at is null
      and p.published_at <= cast(unixepoch('subsec') * 1000 as integer)
  `);
}

/** A slug no other post or page has: "hello", then "hello-2", …; never the empty slug (that would be the home page). */
export async function uniquePostSlug(db: Db, base: string): Promise<string> {
  return await uniqueSlug(db, posts.slug, base || "untitled");
}

/** Inserts a post under a free slug; called inside the caller's write(). */
export async function insertPost(db: Db, post: NewPost) {
  const [created] = await db
    .insert(posts)
    .values({ ...post, slug: await uniquePostSlug(db, post.slug) })
    .returning({ id: posts.id, slug: posts.slug });
  return created!;
}

/** How many posts and pages are in each status, for the dashboard. */
export async function countPostsByStatus() {
  const rows = await getDb()
    .select({ status: posts.status, n: count() })
    .from(posts)
    .where(isNull(posts.deletedAt))
    .groupBy(posts.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.n])) as Partial<Record<PostStatus, number>>;
}
