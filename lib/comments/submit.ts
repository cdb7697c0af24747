import "server-only";
import { readCommentSignals } from "@/db/queries/comment-checks";
import { createComment, getPostForCommenting, getReplyTarget } from "@/db/queries/comments";
import { enqueueWebhookEvent } from "@/db/queries/outbox";
import { getSettings } from "@/db/queries/settings";
import { type CommentOutcome, countCommentOutcome } from "../ops/metrics";
import type { SessionUser } from "../session";
import type { ActionResult } from "../utils/action-result";
import type { PostedComment } from "../utils/comment-thread";
import type { PostCommentInput } from "../validations/comment";
import { queueAuthorNotice } from "./notifications";
import { commentsClosed } from "./policy";
import { afterCommentPublished } from "./publish";
import { consumeCommentLimits } from "./rate-limit";
import type { Client } from "./request";
import { renderCommentMarkdown } from "./render";
import { assessComment, checkLength } from "./screening";
import { checkFormToken, hashIp, newEditToken } from "./tokens";

const HELD = "Thanks! Your comment is awaiting moderation.";

/** What the form shows, and the HTTP status the JSON endpoint answers with. */
export type CommentSubmission = { result: ActionResult<PostedComment>; status: number };

/**
 * Screens and stores a reader's (or a signed-in staff member's) comment. Both ways in
 * share it: the server action the form posts without JavaScript, and POST /api/comments,
 * which the form uses with JavaScript (no page render in the answer, so it stays cheap).
 */
export async function submitComment(
  input: PostCommentInput,
  user: SessionUser | null,
  client: Client,
): Promise<CommentSubmission> {
  const { outcome, ...submission } = await screenAndStore(input, user, client);
  countCommentOutcome(outcome);
  return submission;
}

async function screenAndStore(
  input: PostCommentInput,
  user: SessionUser | null,
  { ip, userAgent }: Client,
): Promise<CommentSubmission & { outcome: CommentOutcome }> {
  const refuse = (
    status: number,
    error: string,
    extra: { fieldErrors?: Record<string, string[]>; values?: Record<string, string> } = {},
  ) => ({
    status,
    outcome: (status === 429 ? "rate_limited" : "refused") as CommentOutcome,
    result: { ok: false as const, error, fieldErrors: extra.fieldErrors, values: extra.values ?? echo(input) },
  });
  // A filled honeypot is a bot: it is told the usual thing and nothing is stored.
  if (input.company) return { status: 202, outcome: "spam", result: { ok: true, message: HELD } };

  if (!user) {
    const age = checkFormToken(input.issued);
    if (age === "too_fast")
      return refuse(422, "That was quick! Please take a few seconds, then send your comment again.");
    if (age !== "ok")
      return refuse(422, "This form has expired. Please reload the page and send your comment again.", {
        values: { ...echo(input), issued: "" },
      });
    const fieldErrors: Record<string, string[]> = {};
    if (!input.name) fieldErrors.name = ["Enter your name."];
    if (!input.email) fieldErrors.email = ["Enter your email address. It is never shown."];
    if (Object.keys(fieldErrors).length) return refuse(422, "Some fields need your attention.", { fieldErrors });
  }

  const settings = await getSettings();
  const lengthError = checkLength(input.body, settings);
  if (lengthError) return refuse(422, "Some fields need your attention.", { fieldErrors: { body: [lengthError] } });

  const post = await getPostForCommenting({ postId: input.postId });
  if (!post) return refuse(404, "This post cannot take comments.");
  if (commentsClosed(post, settings.commentCloseAfterDays)) return refuse(403, "Comments are closed on this post.");
  if (input.parentId && !(await getReplyTarget({ id: input.parentId, postId: post.id }))) {
    return refuse(422, "The comment you are replying to is not on this post.");
  }

  const name = user ? user.name : input.name!;
  const email = user ? user.email.toLowerCase() : input.email!;
  const ipHash = hashIp(ip);
  if (!user) {
    const limited = await consumeCommentLimits({ ipHash, email, postId: post.id });
    if (limited) return refuse(429, limited);
  }
  const signals = await readCommentSignals({ postId: post.id, email, ipHash, markdown: input.body });
  if (signals.duplicate) return refuse(409, "You have already posted this comment.");

  const html = await renderCommentMarkdown(input.body);
  const { status, score } = await assessComment({ staff: !!user, email, markdown: input.body, signals, settings });
  const { token, hash } = newEditToken();
  const now = new Date();
  const comment = await createComment(
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
    async (db, row) => {
      if (status === "spam") return;
      if (post.authorId !== user?.id)
        await queueAuthorNotice(db, { post, comment: { id: row.id, authorName: name, markdown: input.body, status } });
      await enqueueWebhookEvent(db, "comment.added", {
        comment: { id: row.id, post_id: post.id, status, author_name: name },
      });
      if (status === "approved") await afterCommentPublished(db, { commentId: row.id, postId: post.id });
    },
  );
  // No invalidate() here, on purpose: reader pages hold no Next.js data cache, and the
  // page cache in front of Next empties itself on any commit (bin/server). The form
  // refreshes the page itself when the comment is published (components/comments).

  const shown = status === "approved" ? "approved" : "pending"; // spam looks held to its sender
  return {
    status: shown === "approved" ? 201 : 202,
    outcome: status === "approved" ? "published" : status === "spam" ? "spam" : "held",
    result: {
      ok: true,
      message: shown === "approved" ? "Your comment is published." : HELD,
      data: {
        id: comment.id,
        postId: post.id,
        token,
        status: shown,
        html,
        authorName: name,
        createdAt: now.getTime(),
      } satisfies PostedComment,
    },
  };
}

// What the form shows again after a refusal, never the honeypot. The signed issued-at
// token goes back too: the form's age counts from its first showing, not the retry.
function echo(input: PostCommentInput) {
  return {
    name: input.name ?? "",
    email: input.email ?? "",
    url: input.url ?? "",
    body: input.body,
    parentId: input.parentId ? String(input.parentId) : "",
    issued: input.issued ?? "",
  };
}
