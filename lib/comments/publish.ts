import "server-only";
import type { Db } from "@/db/client";
import { getReplyNoticeContext } from "@/db/queries/comments";
import { enqueueWebhookEvent } from "@/db/queries/outbox";
import { queueReplyNotice } from "./notifications";

/** Once a comment is published (at once, or on first approval): the reply e-mail and the webhook. */
export async function afterCommentPublished(db: Db, { commentId, postId }: { commentId: number; postId: number }) {
  const reply = await getReplyNoticeContext(db, { commentId });
  if (!reply) return;
  if (reply.parentEmail && reply.parentEmail !== reply.authorEmail) {
    await queueReplyNotice(db, {
      to: reply.parentEmail,
      post: { title: reply.postTitle, slug: reply.postSlug },
      reply,
    });
  }
  await enqueueWebhookEvent(db, "comment.approved", {
    comment: { id: commentId, post_id: postId, author_name: reply.authorName },
  });
}
