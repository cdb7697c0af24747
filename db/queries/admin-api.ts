import "server-only";
import { and, count, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { integrations, posts, users } from "../schema";
import { PUBLIC_POST_COLUMNS } from "./content-api";
import { type PostScope, scopeWhere } from "./post-scope";

// Reads for the Admin API and for webhook bodies: every status, within the caller's scope.

const ADMIN_POST_COLUMNS = {
  ...PUBLIC_POST_COLUMNS,
  status: posts.status,
  markdown: posts.markdown,
  version: posts.version,
  commentsOpen: posts.commentsOpen,
};

export type AdminPostRow = NonNullable<ReturnType<typeof readAdminPost>>;

export function browseAdminPosts({
  type,
  scope,
  filter,
  order,
  limit,
  offset,
}: {
  type: "post" | "page";
  scope: PostScope;
  filter?: SQL;
  order: SQL[];
  limit: number | null;
  offset: number;
}) {
  const db = getDb();
  const where = and(eq(posts.type, type), isNull(posts.deletedAt), scopeWhere(scope), filter);
  const total = db.select({ n: count() }).from(posts).where(where).get()?.n ?? 0;
  const query = db
    .select(ADMIN_POST_COLUMNS)
    .from(posts)
    .where(where)
    .orderBy(...order);
  return { rows: limit === null ? query.all() : query.limit(limit).offset(offset).all(), total };
}

export function readAdminPost({
  type,
  by,
  value,
  scope,
}: {
  type: "post" | "page";
  by: "id" | "slug";
  value: string;
  scope: PostScope;
}) {
  const condition = by === "id" ? eq(posts.id, Number(value)) : eq(posts.slug, value);
  return getDb()
    .select(ADMIN_POST_COLUMNS)
    .from(posts)
    .where(and(eq(posts.type, type), isNull(posts.deletedAt), scopeWhere(scope), condition))
    .get();
}

/** Posts by id in any state, trashed too (a webhook describes a post just deleted). */
export function postsByIdsForWebhooks(ids: number[]) {
  if (ids.length === 0) return [];
  return getDb().select(ADMIN_POST_COLUMNS).from(posts).where(inArray(posts.id, ids)).all();
}

/** The staff member an integration acts as: whoever created it, with their current status. */
export function getIntegrationCreator({ integrationId }: { integrationId: number }) {
  return getDb()
    .select({ id: users.id, name: users.name, role: users.role, status: users.status })
    .from(integrations)
    .innerJoin(users, eq(users.id, integrations.createdBy))
    .where(eq(integrations.id, integrationId))
    .get();
}
