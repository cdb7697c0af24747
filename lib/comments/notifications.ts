import "server-only";
import type { Db } from "@/db/client";
import { isEmailSuppressed } from "@/db/queries/comments";
import { enqueueEmail } from "@/db/queries/outbox";
import type { EmailMessage } from "../email/send";
import { siteUrl } from "../env";
import { unsubscribeToken } from "./tokens";

// Comment e-mails are queued in the comment's own write (db outbox) and sent
// by the background runner: a slow or failing SMTP server never touches the request.

export function unsubscribeUrl(email: string): string {
  return `${siteUrl()}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(email))}`;
}

function withUnsubscribe(message: Omit<EmailMessage, "headers">): EmailMessage {
  const url = unsubscribeUrl(message.to);
  return {
    ...message,
    text: `${message.text}\n\n—\nStop these e-mails: ${url}`,
    // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to the URL.
    headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

/** `suppressed`: whether the address asked for no e-mail, when the caller read it already. */
async function queue(db: Db, message: Omit<EmailMessage, "headers">, suppressed?: boolean) {
  if (suppressed ?? (await isEmailSuppressed(db, { email: message.to }))) return;
  await enqueueEmail(db, withUnsubscribe(message));
}

const excerpt = (markdown: string) => (markdown.length > 600 ? `${markdown.slice(0, 600)}…` : markdown);

/**
 * To the post's author: a new comment, or one waiting for their moderation. Whether the author
 * unsubscribed comes with the post (getPostForCommenting), read just before the comment's write.
 */
export async function queueAuthorNotice(
  db: Db,
  {
    post,
    comment,
  }: {
    post: { title: string; slug: string; authorEmail: string; authorEmailSuppressed: boolean };
    comment: { id: number; authorName: string; markdown: string; status: string };
  },
) {
  const held = comment.status === "pending";
  const link = held ? `${siteUrl()}/admin/comments?status=pending` : `${siteUrl()}/${post.slug}#comment-${comment.id}`;
  await queue(
    db,
    {
      to: post.authorEmail,
      subject: held ? `A comment awaits moderation on “${post.title}”` : `New comment on “${post.title}”`,
      text: `${comment.authorName} wrote on “${post.title}”:\n\n${excerpt(comment.markdown)}\n\n${held ? "Approve or reject it" : "Read it"}: ${link}`,
    },
    post.authorEmailSuppressed,
  );
}

/** To a commenter who asked to hear about replies, once the reply is published. */
export async function queueReplyNotice(
  db: Db,
  {
    to,
    post,
    reply,
  }: { to: string; post: { title: string; slug: string }; reply: { id: number; authorName: string; markdown: string } },
) {
  await queue(db, {
    to,
    subject: `${reply.authorName} replied to your comment on “${post.title}”`,
    text: `${reply.authorName} replied to your comment on “${post.title}”:\n\n${excerpt(reply.markdown)}\n\nRead the reply: ${siteUrl()}/${post.slug}#comment-${reply.id}`,
  });
}
