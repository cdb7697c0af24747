import "server-only";
import { and, count, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { type Db, getDb } from "../client";
import { comments, posts, type CommentStatus } from "../schema";
import { recordAudit } from "./audit";
import type { Actor } from "./post-scope";
import { commentBodyHash } from "./comment-checks";
import { countComments } from "./comments";
import { likeContains, timestampParam } from "./sql";
import { write } from "../transaction";

// The moderation queue. `scope` comes from lib/authz ownershipScope: "all" for
// editors and above, the author's id for authors — always in the WHERE.
export type ModerationScope = "all" | number;

function scoped(scope: ModerationScope, condition: SQL | undefined): SQL | undefined {
  if (scope === "all") return condition;
  const ownPosts = getDb().select({ id: posts.id }).from(posts).where(eq(posts.authorId, scope));
  return and(condition, inArray(comments.postId, ownPosts));
}

/** With an actor, the change's audit row is written in the change's own write. */
type Audited = { actor?: Actor };

async function auditChange(
  tx: Db,
  actor: Actor | undefined,
  action: string,
  changed: { id: number }[],
  details?: object,
) {
  if (!actor || changed.length === 0) return;
  await recordAudit(tx, {
    ...actor,
    action,
    targetType: "comment",
    targetId: changed.map((c) => c.id).join(","),
    ...(details ? { details: { ...details } } : {}),
  });
}

export type ModerationFilters = { postId?: number; email?: string; q?: string };

function filtered(filters: ModerationFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.postId) conditions.push(eq(comments.postId, filters.postId));
  if (filters.email) conditions.push(eq(comments.authorEmail, filters.email.toLowerCase()));
  if (filters.q) {
    conditions.push(or(likeContains(comments.markdown, filters.q), likeContains(comments.authorName, filters.q))!);
  }
  return conditions.length ? and(...conditions) : undefined;
}

export async function listCommentsForModeration({
  scope,
  status,
  filters,
  limit,
  offset,
}: {
  scope: ModerationScope;
  status: CommentStatus;
  filters: ModerationFilters;
  limit: number;
  offset: number;
}) {
  return await getDb()
    .select({
      id: comments.id,
      postId: comments.postId,
      postTitle: posts.title,
      postSlug: posts.slug,
      parentId: comments.parentId,
      authorName: comments.authorName,
      authorEmail: comments.authorEmail,
      authorUrl: comments.authorUrl,
      staff: sql<boolean>`${comments.userId} is not null`.mapWith(Boolean),
      markdown: comments.markdown,
      html: comments.html,
      spamScore: comments.spamScore,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(scoped(scope, and(eq(comments.status, status), filtered(filters))))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit)
    .offset(offset);
}

/** Counts per status tab, under the same scope and filters. */
export async function countCommentsByStatus({
  scope,
  filters = {},
}: {
  scope: ModerationScope;
  filters?: ModerationFilters;
}) {
  const rows = await getDb()
    .select({ status: comments.status, n: count() })
    .from(comments)
    .where(scoped(scope, filtered(filters)))
    .groupBy(comments.status);
  const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0, trash: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

export async function countPendingComments({ scope }: { scope: ModerationScope }): Promise<number> {
  return countComments(scoped(scope, eq(comments.status, "pending")));
}

/** The posts with comments in scope, for the filter menu. */
export async function listPostsWithComments({ scope }: { scope: ModerationScope }) {
  return await getDb()
    .selectDistinct({ id: posts.id, title: posts.title })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(scoped(scope, undefined))
    .orderBy(posts.title)
    .limit(200);
}

const NEXT_STATUS: Record<
  "approve" | "spam" | "not_spam" | "trash" | "restore",
  { to: CommentStatus; from?: CommentStatus[] }
> = {
  approve: { to: "approved" },
  spam: { to: "spam" },
  not_spam: { to: "pending", from: ["spam"] },
  trash: { to: "trash" },
  restore: { to: "pending", from: ["trash"] },
};

export type ApprovedComment = {
  id: number;
  postId: number;
  parentId: number | null;
  authorEmail: string | null;
  authorName: string;
};

/**
 * Moves comments to another status; only those in scope change. `onFirstApproval`
 * runs inside the write for each comment approved for the first time
 * (reply e-mails, webhooks). Returns the changed rows' ids and posts.
 */
export async function setCommentStatus(
  { ids, op, scope, actor }: { ids: number[]; op: keyof typeof NEXT_STATUS; scope: ModerationScope } & Audited,
  onFirstApproval: (db: Db, comment: ApprovedComment) => Promise<void> | void,
) {
  const { to, from } = NEXT_STATUS[op];
  const where = scoped(scope, and(inArray(comments.id, ids), from ? inArray(comments.status, from) : undefined));
  return await write(async (db) => {
    const firstApprovals =
      to === "approved"
        ? await db
            .select({
              id: comments.id,
              postId: comments.postId,
              parentId: comments.parentId,
              authorEmail: comments.authorEmail,
              authorName: comments.authorName,
            })
            .from(comments)
            .where(and(where, isNull(comments.approvedAt)))
        : [];
    const now = new Date();
    const changed = await db
      .update(comments)
      .set({
        status: to,
        updatedAt: now,
        ...(to === "approved" ? { approvedAt: sql`coalesce(${comments.approvedAt}, ${timestampParam(now)})` } : {}),
      })
      .where(where)
      .returning({ id: comments.id, postId: comments.postId });
    for (const comment of firstApprovals) await onFirstApproval(db, comment);
    await auditChange(db, actor, `comment.${op}`, changed, { count: changed.length });
    return changed;
  });
}

/** Deletes forever; only from spam or trash, only in scope. */
export async function deleteCommentsForever({
  ids,
  scope,
  actor,
}: { ids: number[]; scope: ModerationScope } & Audited) {
  return await write(async (db) => {
    const deleted = await db
      .delete(comments)
      .where(scoped(scope, and(inArray(comments.id, ids), inArray(comments.status, ["spam", "trash"]))))
      .returning({ id: comments.id, postId: comments.postId });
    await auditChange(db, actor, "comment.delete", deleted, { count: deleted.length });
    return deleted;
  });
}

export async function editCommentAsStaff({
  id,
  scope,
  markdown,
  html,
  actor,
}: {
  id: number;
  scope: ModerationScope;
  markdown: string;
  html: string;
} & Audited) {
  return await write(async (db) => {
    const [changed] = await db
      .update(comments)
      .set({ markdown, bodyHash: commentBodyHash(markdown), html, updatedAt: new Date() })
      .where(scoped(scope, eq(comments.id, id)))
      .returning({ id: comments.id, postId: comments.postId });
    await auditChange(db, actor, "comment.edit", changed ? [changed] : []);
    return changed;
  });
}

/** The comment staff reply to, only in scope. */
export async function getCommentForReply({ id, scope }: { id: number; scope: ModerationScope }) {
  const [row] = await getDb()
    .select({ id: comments.id, postId: comments.postId, status: comments.status })
    .from(comments)
    .where(scoped(scope, eq(comments.id, id)))
    .limit(1);
  return row;
}
