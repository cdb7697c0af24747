import "server-only";
import { and, asc, desc, eq, exists, isNotNull, isNull, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { type PostStatus, type PostType, posts, postTags, tags, users } from "../schema";
import { type PostScope, scopeWhere } from "./post-scope";
import { likeContains, paginate } from "./sql";

export type AdminListFilter = {
  type: PostType;
  scope: PostScope;
  status?: PostStatus | "trash";
  authorId?: number;
  tagSlug?: string;
  q?: string;
  sort?: "updated" | "published" | "title";
  page: number;
  perPage: number;
};

const ORDER = {
  updated: [desc(posts.updatedAt), desc(posts.id)],
  published: [desc(posts.publishedAt), desc(posts.id)],
  title: [asc(posts.title), asc(posts.id)],
} as const;

/** The admin posts/pages list: filters, title search, sort and one page of rows, plus the total. */
export async function listPostsForAdmin(filter: AdminListFilter) {
  const where: SQL[] = [eq(posts.type, filter.type), scopeWhere(filter.scope)];
  if (filter.status === "trash") where.push(isNotNull(posts.deletedAt));
  else {
    where.push(isNull(posts.deletedAt));
    if (filter.status) where.push(eq(posts.status, filter.status));
  }
  if (filter.authorId) where.push(eq(posts.authorId, filter.authorId));
  if (filter.q) where.push(likeContains(posts.title, filter.q));
  if (filter.tagSlug) {
    const tagged = getDb()
      .select({ one: postTags.postId })
      .from(postTags)
      .innerJoin(tags, eq(tags.id, postTags.tagId))
      .where(and(eq(postTags.postId, posts.id), eq(tags.slug, filter.tagSlug)));
    where.push(exists(tagged));
  }
  const condition = and(...where);
  const rows = getDb()
    .select({
      id: posts.id,
      title: posts.title,
      slug: posts.slug,
      status: posts.status,
      publishedAt: posts.publishedAt,
      updatedAt: posts.updatedAt,
      deletedAt: posts.deletedAt,
      featured: posts.featured,
      featureImage: posts.featureImage,
      authorId: posts.authorId,
      authorName: users.name,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(condition)
    .orderBy(...ORDER[filter.sort ?? "updated"])
    .$dynamic();
  return paginate({ table: posts, where: condition, rows }, filter);
}

/** Authors for the list's filter. */
export async function listAuthorsForFilter() {
  return await getDb().select({ id: users.id, name: users.name }).from(users).orderBy(asc(users.name));
}

/** Dashboard lists: a few posts in one status, newest change first. */
export async function listRecentByStatus({
  status,
  scope,
  limit,
}: {
  status: PostStatus;
  scope: PostScope;
  limit: number;
}) {
  return await getDb()
    .select({
      id: posts.id,
      type: posts.type,
      title: posts.title,
      slug: posts.slug,
      publishedAt: posts.publishedAt,
      updatedAt: posts.updatedAt,
      authorName: users.name,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.status, status), isNull(posts.deletedAt), scopeWhere(scope)))
    .orderBy(status === "published" || status === "scheduled" ? desc(posts.publishedAt) : desc(posts.updatedAt))
    .limit(limit);
}
