"use server";

import {
  deleteCommentsForever,
  editCommentAsStaff,
  getCommentForReply,
  setCommentStatus,
  type ModerationScope,
} from "@/db/queries/comment-moderation";
import { createComment } from "@/db/queries/comments";
import { recordAudit } from "@/db/queries/audit";
import { mutation } from "../action";
import { invalidate } from "../cache";
import { AppError } from "../errors";
import { moderationScope } from "../comments/moderation";
import { actorOf } from "../posts/access";
import { afterCommentPublished } from "../comments/publish";
import { renderCommentMarkdown } from "../comments/render";
import type { SessionUser } from "../session";
import { editCommentSchema, moderateCommentsSchema, staffReplySchema } from "../validations/comment";

// Authors moderate comments on their own posts, editors and above all of them: the
// scope goes into every query's WHERE, so a refused id simply matches no row. Each
// change writes its audit row in its own transaction: both are kept, or neither.

function scopeOf(user: SessionUser): ModerationScope {
  const scope = moderationScope(user);
  if (scope === null) throw new AppError("forbidden");
  return scope;
}

function refresh(postIds: Iterable<number>) {
  for (const id of new Set(postIds)) invalidate(`post:${id}`, `comments:${id}`);
  invalidate("posts");
}

const DONE = {
  approve: "Approved",
  spam: "Marked as spam",
  not_spam: "Moved back to pending",
  trash: "Moved to the trash",
  restore: "Restored to pending",
  delete: "Deleted forever",
} as const;

export const moderateCommentsAction = mutation(
  { schema: moderateCommentsSchema, access: "author" },
  async ({ ids, op }, { user }) => {
    const scope = scopeOf(user);
    const changed =
      op === "delete"
        ? await deleteCommentsForever({ ids, scope, actor: actorOf(user) })
        : await setCommentStatus({ ids, op, scope, actor: actorOf(user) }, (tx, comment) =>
            afterCommentPublished(tx, { commentId: comment.id, postId: comment.postId }),
          );
    if (changed.length === 0) {
      return {
        ok: false,
        error:
          op === "delete"
            ? "Only comments in spam or the trash can be deleted forever, and only yours to moderate."
            : "None of those comments could be changed: they are gone or not yours to moderate.",
      };
    }
    refresh(changed.map((c) => c.postId));
    const n = changed.length;
    return { ok: true, message: `${DONE[op]}: ${n} comment${n === 1 ? "" : "s"}.` };
  },
);

export const editCommentAction = mutation(
  { schema: editCommentSchema, access: "author" },
  async ({ id, body }, { user }) => {
    const scope = scopeOf(user);
    const html = await renderCommentMarkdown(body);
    const changed = await editCommentAsStaff({ id, scope, markdown: body, html, actor: actorOf(user) });
    if (!changed) return { ok: false, error: "That comment is gone or not yours to moderate." };
    refresh([changed.postId]);
    return { ok: true, message: "Comment saved." };
  },
);

export const staffReplyAction = mutation(
  { schema: staffReplySchema, access: "author" },
  async ({ parentId, body }, { user }) => {
    const scope = scopeOf(user);
    const parent = await getCommentForReply({ id: parentId, scope });
    if (!parent) return { ok: false, error: "That comment is gone or not yours to moderate." };
    if (parent.status !== "approved")
      return { ok: false, error: "Approve the comment before replying to it, so your reply has a visible parent." };
    const html = await renderCommentMarkdown(body);
    const now = new Date();
    await createComment(
      {
        postId: parent.postId,
        parentId,
        status: "approved",
        authorName: user.name,
        authorEmail: user.email.toLowerCase(),
        userId: user.id,
        markdown: body,
        html,
        approvedAt: now,
        createdAt: now,
        updatedAt: now,
      },
      async (tx, row) => {
        await afterCommentPublished(tx, { commentId: row.id, postId: parent.postId });
        await recordAudit(tx, {
          ...actorOf(user),
          action: "comment.reply",
          targetType: "comment",
          targetId: row.id,
          details: { parentId },
        });
      },
    );
    refresh([parent.postId]);
    return { ok: true, message: "Reply published." };
  },
);
