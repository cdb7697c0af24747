import "server-only";
import type { Tx } from "@/db/client";
import { getReplyNoticeContext } from "@/db/queries/comments";
import { enqueueWebhookEvent } from "@/db/queries/outbox";
import { queueReplyNotice } from "./notifications";

/** Once a comment is published (at once, or on first approval): the reply e-mail and the webhook. */
export function afterCommentPublished(tx: Tx, { commentId, postId }: { commentId: number; postId: number }) {
  const reply = getReplyNoticeContext(tx, { commentId });
  if (!reply) return;
  if (reply.parentEmail && reply.parentEmail !== reply.authorEmail) {
    queueReplyNotice(tx, { to: reply.parentEmail, post: { title: reply.postTitle, slug: reply.postSlug }, reply });
  }
  enqueueWebhookEvent(tx, "comment.approved", {
    comment: { id: commentId, post_id: postId, author_name: reply.authorName },
  });
}
