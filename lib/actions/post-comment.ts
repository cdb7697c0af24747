"use server";

import { createComment, getPostForCommenting, getReplyTarget, isDuplicateComment } from "@/db/queries/comments";
import { enqueueWebhookEvent } from "@/db/queries/outbox";
import { getSettings } from "@/db/queries/settings";
import { getDb } from "@/db/client";
import { mutation } from "../action";
import { commentsClosed } from "../comments/policy";
import { afterCommentPublished } from "../comments/publish";
import { queueAuthorNotice } from "../comments/notifications";
import { consumeCommentLimits } from "../comments/rate-limit";
import { clientAddress } from "../comments/request";
import { renderCommentMarkdown } from "../comments/render";
import { assessComment, checkLength } from "../comments/screening";
import { checkFormToken, hashIp, newEditToken } from "../comments/tokens";
import type { PostedComment } from "../utils/comment-thread";
import { postCommentSchema } from "../validations/comment";


const HELD = "Thanks! Your comment is awaiting moderation.";

export const postCommentAction = mutation({ schema: postCommentSchema, access: "public" }, async (input, { user }) => {
  // A filled honeypot is a bot: it is told the usual thing and nothing is stored.
  if (input.company) return { ok: true, message: HELD };

  if (!user) {
    const age = checkFormToken(input.issued);
    if (age === "too_fast") return { ok: false, error: "That was quick! Please take a few seconds, then send your comment again.", values: echo(input) };
    if (age !== "ok") return { ok: false, error: "This form has expired. Please reload the page and send your comment again.", values: { ...echo(input), issued: "" } };
    const fieldErrors: Record<string, string[]> = {};
    if (!input.name) fieldErrors.name = ["Enter your name."];
    if (!input.email) fieldErrors.email = ["Enter your email address. It is never shown."];
    if (Object.keys(fieldErrors).length) return { ok: false, error: "Some fields need your attention.", fieldErrors, values: echo(input) };
  }

  const settings = getSettings();
  const lengthError = checkLength(input.body, settings);
  if (lengthError) return { ok: false, error: "Some fields need your attention.", fieldErrors: { body: [lengthError] }, values: echo(input) };

  const post = getPostForCommenting({ postId: input.postId });
  if (!post) return { ok: false, error: "This post cannot take comments.", values: echo(input) };
  if (commentsClosed(post, settings.commentCloseAfterDays)) return { ok: false, error: "Comments are closed on this post.", values: echo(input) };
  if (input.parentId && !getReplyTarget(getDb(), { id: input.parentId, postId: post.id })) {
    return { ok: false, error: "The comment you are replying to is not on this post.", values: echo(input) };
  }

  const name = user ? user.name : input.name!;
  const email = user ? user.email.toLowerCase() : input.email!;
  const { ip, userAgent } = await clientAddress();
  const ipHash = hashIp(ip);
  if (!user) {
    const limited = await consumeCommentLimits({ ipHash, email, postId: post.id });
    if (limited) return { ok: false, error: limited, values: echo(input) };
  }
  if (isDuplicateComment({ postId: post.id, email, ipHash, markdown: input.body })) {
    return { ok: false, error: "You have already posted this comment.", values: echo(input) };
  }

  const html = await renderCommentMarkdown(input.body);
  const { status, score } = assessComment({ staff: !!user, email, ipHash, markdown: input.body, settings });
  const { token, hash } = newEditToken();
  const now = new Date();
  const comment = createComment(
    {
      postId: post.id,
      parentId: input.parentId ?? null,
      status,
      authorName: name,
      authorEmail: email,
      authorUrl: user ? null : (input.url ?? null),
      userId: user?.id ?? null,
      markdown: input.body,
      html,
      ipHash,
      userAgent,
      notifyReplies: input.notify,
      editTokenHash: hash,
      spamScore: score,
      approvedAt: status === "approved" ? now : null,
      createdAt: now,
      updatedAt: now,
    },
    (tx, row) => {
      if (status === "spam") return;
      if (post.authorId !== user?.id) queueAuthorNotice(tx, { post, comment: { id: row.id, authorName: name, markdown: input.body, status } });
      enqueueWebhookEvent(tx, "comment.added", { comment: { id: row.id, post_id: post.id, status, author_name: name } });
      if (status === "approved") afterCommentPublished(tx, { commentId: row.id, postId: post.id });
    },
  );
  // No invalidate() here, on purpose: reader pages hold no Next.js data cache, and the
  // page cache in front of Next empties itself on any commit (bin/server). Revalidating
  // would make Next re-render the whole post page into this action's answer; the form
  // refreshes the page itself when the comment is published (components/comments).

  const shown = status === "approved" ? "approved" : "pending"; // spam looks held to its sender
  return {
    ok: true,
    message: shown === "approved" ? "Your comment is published." : HELD,
    data: { id: comment.id, postId: post.id, token, status: shown, html, authorName: name, createdAt: now.getTime() } satisfies PostedComment,
  };
});

// What the form shows again after a refusal, never the honeypot. The signed issued-at
// token goes back too: the form's age counts from its first showing, not the retry.
function echo(input: { name?: string; email?: string; url?: string; body: string; parentId?: number; issued?: string }) {
  return { name: input.name ?? "", email: input.email ?? "", url: input.url ?? "", body: input.body, parentId: input.parentId ? String(input.parentId) : "", issued: input.issued ?? "" };
}
