import "server-only";
import { and, asc, count, desc, eq, inArray, lt, lte, notInArray, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import { databaseKind } from "../kind";
import { posts, postTags, tags, users } from "../schema";
import { approvedCommentCount, isPublic } from "./post-visibility";
import { prepared, preparedByShape } from "./prepared";
import { tagsOfPosts, timestampParam } from "./sql";

/** Which published posts a list shows: all, one tag's, one author's; minus those pinned above it. */
export type ListScope = { tagId?: number; authorId?: number; excludeIds?: number[] };
export type Cursor = { publishedAt: Date; id: number };

/**
 * The WHERE of a list, with placeholders in place of its values (`scopeParams` gives them):
 * the SQL depends only on the scope's shape (`shapeOf`), so each shape is prepared once.
 */
function scopeWhere({ tagId, authorId, excludeIds }: ListScope = {}) {
  return and(
    isPublic("post"),
    tagId === undefined
      ? undefined
      : sql`exists (select 1 from post_tags pt where pt.post_id = ${posts.id} and pt.tag_id = ${sql.placeholder("tagId")})`,
    authorId === undefined ? undefined : eq(posts.authorId, sql.placeholder("authorId")),
    excludeIds?.length
      ? notInArray(
          posts.id,
          excludeIds.map((_, i) => sql.placeholder(`x${i}`)),
        )
      : undefined,
  );
}

/** What makes a scope's SQL differ: which filters it has and how many ids it leaves out. */
function shapeOf({ tagId, authorId, excludeIds }: ListScope = {}): string {
  return `${tagId === undefined ? "" : "tag,"}${authorId === undefined ? "" : "author,"}${excludeIds?.length ?? 0}`;
}

function scopeParams({ tagId, authorId, excludeIds }: ListScope = {}): Record<string, number> {
  const params: Record<string, number> = {};
  if (tagId !== undefined) params.tagId = tagId;
  if (authorId !== undefined) params.authorId = authorId;
  excludeIds?.forEach((id, i) => (params[`x${i}`] = id));
  return params;
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
  // A number on both databases: PostgreSQL's count(*) is a bigint, which its driver answers as text.
  commentCount: sql<number>`${approvedCommentCount}`.mapWith(Number),
};

const publishedList = preparedByShape(
  (scope: ListScope | undefined, cursor: boolean) => `${shapeOf(scope)}${cursor ? ",cursor" : ""}`,
  (db, scope, cursor) =>
    db
      .select(cardColumns)
      .from(posts)
      .innerJoin(users, eq(users.id, posts.authorId))
      .where(
        and(
          scopeWhere(scope),
          // the plain bound starts the index walk at the cursor
          cursor
            ? and(
                lte(posts.publishedAt, sql.placeholder("beforeAt")),
                or(lt(posts.publishedAt, sql.placeholder("beforeAt")), lt(posts.id, sql.placeholder("beforeId"))),
              )
            : undefined,
        ),
      )
      .orderBy(desc(posts.publishedAt), desc(posts.id))
      .limit(sql.placeholder("limit")),
);

/** Newest published posts first, by the `(published_at, id)` keyset. */
export async function listPublishedPosts({
  limit,
  before,
  scope,
}: {
  limit: number;
  before?: Cursor;
  scope?: ListScope;
}) {
  return publishedList(scope, before !== undefined).all({
    ...scopeParams(scope),
    ...(before ? { beforeAt: timestampParam(before.publishedAt), beforeId: before.id } : {}),
    limit,
  });
}

export type PostCard = Awaited<ReturnType<typeof listPublishedPosts>>[number];

const publishedCount = preparedByShape(
  (scope: ListScope | undefined) => shapeOf(scope),
  (db, scope) => db.select({ n: count() }).from(posts).where(scopeWhere(scope)),
);

export async function countPublishedPosts(scope?: ListScope): Promise<number> {
  if (scope?.tagId !== undefined && scope.authorId === undefined && !scope.excludeIds?.length)
    return countTagPosts(scope.tagId);
  return (await publishedCount(scope).get(scopeParams(scope)))?.n ?? 0;
}

/**
 * A tag's published posts, counted from its post_tags entries with each post's
 * visibility read from an index, which SQLite is told by `indexed by` (the generic count would probe post_tags once for
 * every published post: most of a second at 100k posts).
 */
const tagPostCount = prepared((db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(sql`post_tags pt join posts p indexed by posts_visibility_idx on p.id = pt.post_id`)
    .where(
      sql`pt.tag_id = ${sql.placeholder("tagId")} and p.type = 'post' and p.status = 'published' and p.deleted_at is null
        and p.published_at <= cast(unixepoch('subsec') * 1000 as integer)`,
    ),
);

// PostgreSQL's planner needs no hint: the same count, written with the shared visibility condition.
const tagPostCountPg = prepared((db) =>
  db
    .select({ n: count() })
    .from(postTags)
    .innerJoin(posts, eq(posts.id, postTags.postId))
    .where(and(eq(postTags.tagId, sql.placeholder("tagId")), isPublic("post"))),
);

async function countTagPosts(tagId: number): Promise<number> {
  const query = databaseKind() === "postgres" ? tagPostCountPg : tagPostCount;
  return (await query().get({ tagId }))?.n ?? 0;
}

/**
 * The keyset position just before the `offset`-th post, so page N is read with a
 * keyset query. Only the `(published_at, id)` index is walked, never whole rows.
 */
const listPosition = preparedByShape(
  (scope: ListScope) => shapeOf(scope),
  (db, scope) =>
    db
      .select({ publishedAt: posts.publishedAt, id: posts.id })
      .from(posts)
      .where(scopeWhere(scope))
      .orderBy(desc(posts.publishedAt), desc(posts.id))
      .limit(1)
      .offset(sql.placeholder("offset")),
);

export async function cursorAtOffset(scope: ListScope, offset: number): Promise<Cursor | undefined> {
  if (offset <= 0) return undefined;
  const row = await listPosition(scope).get({ ...scopeParams(scope), offset: offset - 1 });
  return row?.publishedAt ? { publishedAt: row.publishedAt, id: row.id } : undefined;
}

/** Featured posts pinned on top of the home page. */
const featuredPosts = prepared((db) =>
  db
    .select(cardColumns)
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(isPublic("post"), eq(posts.featured, true)))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(sql.placeholder("limit")),
);

export async function listFeaturedPosts({ limit }: { limit: number }) {
  return featuredPosts().all({ limit });
}

/** The tags of each post, primary tag first. */
const tagsOfListedPosts = preparedByShape(
  (count: number) => String(count),
  (db, count) =>
    db
      .select({ postId: postTags.postId, name: tags.name, slug: tags.slug })
      .from(postTags)
      .innerJoin(tags, eq(tags.id, postTags.tagId))
      .where(
        inArray(
          postTags.postId,
          Array.from({ length: count }, (_, i) => sql.placeholder(`p${i}`)),
        ),
      )
      .orderBy(asc(postTags.postId), asc(postTags.position), asc(tags.name)),
);

export async function tagsByPost(postIds: number[]): Promise<Map<number, { name: string; slug: string }[]>> {
  const byPost = new Map<number, { name: string; slug: string }[]>();
  if (postIds.length === 0) return byPost;
  // A page lists at most 100 posts (perPage): one prepared shape per list length.
  const rows =
    postIds.length <= 100
      ? await tagsOfListedPosts(postIds.length).all(Object.fromEntries(postIds.map((id, i) => [`p${i}`, id])))
      : await tagsOfPosts(getDb(), postIds);
  for (const { postId, name, slug } of rows) byPost.set(postId, [...(byPost.get(postId) ?? []), { name, slug }]);
  return byPost;
}

/** Every published post's title and date, newest first, for the archive. */
export async function listArchive() {
  return await getDb()
    .select({ id: posts.id, title: posts.title, slug: posts.slug, publishedAt: posts.publishedAt })
    .from(posts)
    .where(isPublic("post"))
    .orderBy(desc(posts.publishedAt), desc(posts.id));
}

/** The newest posts with their bodies, for feeds. */
const feedPosts = preparedByShape(
  (scope: ListScope | undefined) => shapeOf(scope),
  (db, scope) =>
    db
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
      .limit(sql.placeholder("limit")),
);

export async function listFeedPosts({ limit, scope }: { limit: number; scope?: ListScope }) {
  return feedPosts(scope).all({ ...scopeParams(scope), limit });
}

/** Every published post and page, for the sitemap: posts newest first, then pages. */
export async function listSitemapPosts() {
  // One query per type, each read in index order (an OR of both would sort every row).
  const ofType = (type: "post" | "page") =>
    getDb()
      .select({ slug: posts.slug, updatedAt: posts.updatedAt, type: posts.type })
      .from(posts)
      .where(isPublic(type))
      .orderBy(desc(posts.publishedAt), desc(posts.id));
  return [...(await ofType("post")), ...(await ofType("page"))];
}
