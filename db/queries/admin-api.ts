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

export type AdminPostRow = NonNullable<Awaited<ReturnType<typeof readAdminPost>>>;

export async function browseAdminPosts({
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
  const [counted] = await db.select({ n: count() }).from(posts).where(where);
  const query = db
    .select(ADMIN_POST_COLUMNS)
    .from(posts)
    .where(where)
    .orderBy(...order);
  const rows = limit === null ? await query : await query.limit(limit).offset(offset);
  return { rows, total: counted?.n ?? 0 };
}

export async function readAdminPost({
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
  const [post] = await getDb()
    .select(ADMIN_POST_COLUMNS)
    .from(posts)
    .where(and(eq(posts.type, type), isNull(posts.deletedAt), scopeWhere(scope), condition))
    .limit(1);
  return post;
}

/** Posts by id in any state, trashed too (a webhook describes a post just deleted). */
export async function postsByIdsForWebhooks(ids: number[]) {
  if (ids.length === 0) return [];
  return await getDb().select(ADMIN_POST_COLUMNS).from(posts).where(inArray(posts.id, ids));
}

/** The staff member an integration acts as: whoever created it, with their current status. */
export async function getIntegrationCreator({ integrationId }: { integrationId: number }) {
  const [creator] = await getDb()
    .select({ id: users.id, name: users.name, role: users.role, status: users.status })
    .from(integrations)
    .innerJoin(users, eq(users.id, integrations.createdBy))
    .where(eq(integrations.id, integrationId))
    .limit(1);
  return creator;
}
