import "server-only";
import { and, eq, inArray, isNotNull, isNull, lte, type SQL } from "drizzle-orm";
import { type Db, getDb } from "../client";
import { type PostStatus, posts, revisions } from "../schema";
import { write } from "../transaction";
import { recordAudit } from "./audit";
import { type Actor, type PostScope, scopeWhere, tagSlugsOf } from "./post-scope";

/** A post that changed; `action` and `previousStatus` let the caller tell which webhook event it was. */
export type Changed = {
  id: number;
  slug: string;
  type: "post" | "page";
  tagSlugs: string[];
  action?: string;
  previousStatus?: PostStatus;
};

type Transition = {
  id: number;
  scope: PostScope;
  action: string;
  /** Only from these statuses (e.g. submit for review: from draft). */
  from?: readonly PostStatus[];
  /** true: only trashed posts; false: only live ones. */
  trashed: boolean;
  change: (current: { status: PostStatus; publishedAt: Date | null }) => Partial<typeof posts.$inferInsert> | "purge";
};

// One read-then-write per post, ownership and status in the WHERE of the read.
async function transition(db: Db, t: Transition, actor: Actor): Promise<Changed | null> {
  const where: SQL[] = [
    eq(posts.id, t.id),
    scopeWhere(t.scope),
    t.trashed ? isNotNull(posts.deletedAt) : isNull(posts.deletedAt),
  ];
  if (t.from) where.push(inArray(posts.status, [...t.from]));
  const [current] = await db
    .select({
      id: posts.id,
      slug: posts.slug,
      type: posts.type,
      status: posts.status,
      publishedAt: posts.publishedAt,
      title: posts.title,
      markdown: posts.markdown,
      version: posts.version,
    })
    .from(posts)
    .where(and(...where))
    .limit(1);
  if (!current) return null;
  const tagSlugs = await tagSlugsOf(db, current.id);
  const change = t.change(current);
  if (change === "purge") {
    await db.delete(posts).where(eq(posts.id, current.id));
  } else {
    await db
      .update(posts)
      .set({ ...change, updatedAt: new Date() })
      .where(eq(posts.id, current.id));
    if (change.status === "published" && current.status !== "published") {
      await db.insert(revisions).values({
        postId: current.id,
        authorId: actor.actorId,
        kind: "publish",
        title: current.title,
        markdown: current.markdown,
        version: current.version,
      });
    }
  }
  await recordAudit(db, {
    ...actor,
    action: `${current.type}.${t.action}`,
    targetType: "post",
    targetId: current.id,
    details: { title: current.title },
  });
  return {
    id: current.id,
    slug: current.slug,
    type: current.type,
    tagSlugs,
    action: t.action,
    previousStatus: current.status,
  };
}

function inTransaction(t: Transition, actor: Actor): Promise<Changed | null> {
  return write((db) => transition(db, t, actor));
}

/** Publishes now; a post published before keeps its original date. */
const publishChange = (now: Date) => (current: { status: PostStatus; publishedAt: Date | null }) => ({
  status: "published" as const,
  publishedAt: current.status === "published" && current.publishedAt ? current.publishedAt : now,
});

export function publishPost(
  { id, scope, now = new Date() }: { id: number; scope: PostScope; now?: Date },
  actor: Actor,
) {
  return inTransaction({ id, scope, action: "publish", trashed: false, change: publishChange(now) }, actor);
}

export function schedulePost({ id, scope, at }: { id: number; scope: PostScope; at: Date }, actor: Actor) {
  return inTransaction(
    {
      id,
      scope,
      action: "schedule",
      trashed: false,
      from: ["draft", "review", "scheduled"],
      change: () => ({ status: "scheduled", publishedAt: at }),
    },
    actor,
  );
}

export function unpublishPost({ id, scope }: { id: number; scope: PostScope }, actor: Actor) {
  return inTransaction(
    {
      id,
      scope,
      action: "unpublish",
      trashed: false,
      from: ["published", "scheduled"],
      change: () => ({ status: "draft", publishedAt: null }),
    },
    actor,
  );
}

export function submitForReview({ id, scope }: { id: number; scope: PostScope }, actor: Actor) {
  return inTransaction(
    { id, scope, action: "submit", trashed: false, from: ["draft"], change: () => ({ status: "review" }) },
    actor,
  );
}

export function trashPost({ id, scope }: { id: number; scope: PostScope }, actor: Actor) {
  return inTransaction(
    { id, scope, action: "trash", trashed: false, change: () => ({ deletedAt: new Date() }) },
    actor,
  );
}

export function restorePost({ id, scope }: { id: number; scope: PostScope }, actor: Actor) {
  return inTransaction({ id, scope, action: "restore", trashed: true, change: () => ({ deletedAt: null }) }, actor);
}

export function purgePost({ id, scope }: { id: number; scope: PostScope }, actor: Actor) {
  return inTransaction({ id, scope, action: "purge", trashed: true, change: () => "purge" }, actor);
}

const BULK = {
  publish: publishPost,
  unpublish: unpublishPost,
  trash: trashPost,
  restore: restorePost,
  purge: purgePost,
} as const;

/** A bulk action: each post on its own terms; those out of scope are skipped, not failed. */
export async function bulkPosts(
  { operation, ids, scope }: { operation: keyof typeof BULK; ids: number[]; scope: PostScope },
  actor: Actor,
): Promise<Changed[]> {
  const changed: Changed[] = [];
  for (const id of ids) {
    const one = await BULK[operation]({ id, scope }, actor);
    if (one) changed.push(one);
  }
  return changed;
}

/**
 * The scheduler's query: every scheduled post whose time has come, published through the
 * same transition. Several processes may run it at once: each post is re-read as
 * "scheduled" inside its write (BEGIN IMMEDIATE), so exactly one process flips it and
 * gets it back. `inTransaction` runs inside that same write (the post's webhooks are
 * queued there), so the post and what it sets off commit together or not at all.
 */
export async function publishDuePosts(
  now: Date,
  inTransaction: (changed: Changed) => Promise<void> = async () => {},
): Promise<Changed[]> {
  const due = await getDb()
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.status, "scheduled"), isNull(posts.deletedAt), lte(posts.publishedAt, now)));
  const actor = { actorId: null, actorLabel: "scheduler" };
  const all: PostScope = { authorId: "all", statuses: ["scheduled"] };
  const published: Changed[] = [];
  for (const { id } of due) {
    const changed = await write(async (db) => {
      const flipped = await transition(
        db,
        {
          id,
          scope: all,
          action: "publish",
          trashed: false,
          change: (current) => ({ status: "published", publishedAt: current.publishedAt ?? now }),
        },
        actor,
      );
      if (flipped) await inTransaction(flipped);
      return flipped;
    });
    if (changed) published.push(changed);
  }
  return published;
}
