import "server-only";
import { and, asc, count, desc, eq, inArray, lt, lte, notInArray, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import { postTags, posts, tags, users } from "../schema";
import { approvedCommentCount, isPublic } from "./post-visibility";

/** Which published posts a list shows: all, one tag's, one author's; minus those pinned above it. */
export type ListScope = { tagId?: number; authorId?: number; excludeIds?: number[] };
export type Cursor = { publishedAt: Date; id: number };

function scopeWhere({ tagId, authorId, excludeIds }: ListScope = {}) {
  return and(
    isPublic("post"),
    tagId === undefined
      ? undefined
      : sql`exists (select 1 from post_tags pt where pt.post_id = ${posts.id} and pt.tag_id = ${tagId})`,
    authorId === undefined ? undefined : eq(posts.authorId, authorId),
    excludeIds?.length ? notInArray(posts.id, excludeIds) : undefined,
  );
}

const cardColumns = {
  id: posts.id,
  title: posts.title,
  slug: posts.slug,
  customExcerpt: posts.customExcerpt,
  // Enough text for a derived excerpt without reading whole bodies.
  plaintext: sql<string>`substr(${posts.plaintext}, 1, 400)`,
  wordCount: posts.wordCount,
  publishedAt: posts.publishedAt,
  featureImage: posts.featureImage,
  featureImageAlt: posts.featureImageAlt,
  featured: posts.featured,
  authorName: users.name,
  authorSlug: users.slug,
  commentCount: approvedCommentCount,
};

/** Newest published posts first, by the `(published_at, id)` keyset. */
export function listPublishedPosts({ limit, before, scope }: { limit: number; before?: Cursor; scope?: ListScope }) {
  const cursor = before
    ? and(
        lte(posts.publishedAt, before.publishedAt),
        or(lt(posts.publishedAt, before.publishedAt), lt(posts.id, before.id)),
      ) // the plain bound starts the index walk at the cursor
    : undefined;
  return getDb()
    .select(cardColumns)
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(scopeWhere(scope), cursor))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(limit)
    .all();
}

export type PostCard = ReturnType<typeof listPublishedPosts>[number];

export function countPublishedPosts(scope?: ListScope): number {
  if (scope?.tagId !== undefined && scope.authorId === undefined && !scope.excludeIds?.length)
    return countTagPosts(scope.tagId);
  return getDb().select({ n: count() }).from(posts).where(scopeWhere(scope)).get()?.n ?? 0;
}

/**
 * A tag's published posts, counted from its post_tags entries with each post's
 * visibility read from an index (the generic count would probe post_tags once for
 * every published post: most of a second at 100k posts).
 */
function countTagPosts(tagId: number): number {
  return (
    getDb().get<{ n: number }>(sql`
      select count(*) as n from post_tags pt
      join posts p indexed by posts_visibility_idx on p.id = pt.post_id
      where pt.tag_id = ${tagId} and p.type = 'post' and p.status = 'published' and p.deleted_at is null
        and p.published_at <= cast(unixepoch('subsec') * 1000 as integer)
    `)?.n ?? 0
  );
}

/**
 * The keyset position just before the `offset`-th post, so page N is read with a
 * keyset query. Only the `(published_at, id)` index is walked, never whole rows.
 */
export function cursorAtOffset(scope: ListScope, offset: number): Cursor | undefined {
  if (offset <= 0) return undefined;
  const row = getDb()
    .select({ publishedAt: posts.publishedAt, id: posts.id })
    .from(posts)
    .where(scopeWhere(scope))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(1)
    .offset(offset - 1)
    .get();
  return row?.publishedAt ? { publishedAt: row.publishedAt, id: row.id } : undefined;
}

/** Featured posts pinned on top of the home page. */
export function listFeaturedPosts({ limit }: { limit: number }) {
  return getDb()
    .select(cardColumns)
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(isPublic("post"), eq(posts.featured, true)))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(limit)
    .all();
}

/** The tags of each post, primary tag first. */
export function tagsByPost(postIds: number[]): Map<number, { name: string; slug: string }[]> {
  const byPost = new Map<number, { name: string; slug: string }[]>();
  if (postIds.length === 0) return byPost;
  const rows = getDb()
    .select({ postId: postTags.postId, name: tags.name, slug: tags.slug })
    .from(postTags)
    .innerJoin(tags, eq(tags.id, postTags.tagId))
    .where(inArray(postTags.postId, postIds))
    .orderBy(asc(postTags.position), asc(tags.name))
    .all();
  for (const { postId, name, slug } of rows) byPost.set(postId, [...(byPost.get(postId) ?? []), { name, slug }]);
  return byPost;
}

/** Every published post's title and date, newest first, for the archive. */
export function listArchive() {
  return getDb()
    .select({ id: posts.id, title: posts.title, slug: posts.slug, publishedAt: posts.publishedAt })
    .from(posts)
    .where(isPublic("post"))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .all();
}

/** The newest posts with their bodies, for feeds. */
export function listFeedPosts({ limit, scope }: { limit: number; scope?: ListScope }) {
  return getDb()
    .select({
      id: posts.id,
      title: posts.title,
      slug: posts.slug,
      html: posts.html,
      customExcerpt: posts.customExcerpt,
      plaintext: sql<string>`substr(${posts.plaintext}, 1, 400)`,
      publishedAt: posts.publishedAt,
      updatedAt: posts.updatedAt,
      featureImage: posts.featureImage,
      authorName: users.name,
      authorSlug: users.slug,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(scopeWhere(scope))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(limit)
    .all();
}

/** Every published post and page, for the sitemap: posts newest first, then pages. */
export function listSitemapPosts() {
  // One query per type, each read in index order (an OR of both would sort every row).
  const ofType = (type: "post" | "page") =>
    getDb()
      .select({ slug: posts.slug, updatedAt: posts.updatedAt, type: posts.type })
      .from(posts)
      .where(isPublic(type))
      .orderBy(desc(posts.publishedAt), desc(posts.id))
      .all();
  return [...ofType("post"), ...ofType("page")];
}
