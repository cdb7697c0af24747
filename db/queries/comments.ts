import "server-only";
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import { comments, emailSuppressions, posts, users, type CommentStatus } from "../schema";
import { prepared } from "./prepared";
import { type DbOrTx, likeContains } from "./sql";

export type NewComment = typeof comments.$inferInsert;

/** How many comments match: the building block of the rate limits, spam checks and counts. */
export function countComments(where: SQL | undefined): number {
  return getDb().select({ n: count() }).from(comments).where(where).get()?.n ?? 0;
}

/** The post a reader wants to comment on, with what the policy and the author notice need. */
const postForCommenting = prepared((db) =>
  db
    .select({
      id: posts.id,
      title: posts.title,
      slug: posts.slug,
      commentsOpen: posts.commentsOpen,
      publishedAt: posts.publishedAt,
      authorId: posts.authorId,
      authorEmail: users.email,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(
      and(
        eq(posts.id, sql.placeholder("postId")),
        eq(posts.type, "post"),
        eq(posts.status, "published"),
        isNull(posts.deletedAt),
      ),
    )
    .prepare(),
);

export function getPostForCommenting({ postId }: { postId: number }) {
  return postForCommenting().get({ postId });
}

/** The comment a reply answers, only when it is approved and on the same post. */
export function getReplyTarget(db: DbOrTx, { id, postId }: { id: number; postId: number }) {
  return db
    .select({
      id: comments.id,
      authorName: comments.authorName,
      authorEmail: comments.authorEmail,
      notifyReplies: comments.notifyReplies,
    })
    .from(comments)
    .where(and(eq(comments.id, id), eq(comments.postId, postId), eq(comments.status, "approved")))
    .get();
}

/**
 * How many comments match, counting no further than `max`: the spam score reads its
 * signals only up to a cap, and a prolific commenter's whole history need not be counted
 * on every comment they post.
 */
function countCommentsUpTo(where: SQL | undefined, max: number): number {
  return getDb().select({ id: comments.id }).from(comments).where(where).limit(max).all().length;
}

export function countCommentsFromEmail({
  email,
  status,
  max,
}: {
  email: string;
  status: CommentStatus;
  max: number;
}): number {
  return countCommentsUpTo(and(eq(comments.authorEmail, email), eq(comments.status, status)), max);
}

export function countSpamFromIp({ ipHash, max }: { ipHash: string; max: number }): number {
  return countCommentsUpTo(and(eq(comments.ipHash, ipHash), eq(comments.status, "spam")), max);
}

/** How many of these domains were linked from comments moderators marked spam. */
export function countSpamDomains({ domains }: { domains: string[] }): number {
  return domains.filter(
    (domain) =>
      countCommentsUpTo(and(eq(comments.status, "spam"), likeContains(comments.markdown, `://${domain}`)), 1) > 0,
  ).length;
}

/** The same words from the same person on the same post, not yet deleted: a double submit or a bot. */
export function isDuplicateComment({
  postId,
  email,
  ipHash,
  markdown,
}: {
  postId: number;
  email: string;
  ipHash: string | null;
  markdown: string;
}) {
  const sameSender = ipHash
    ? or(eq(comments.authorEmail, email), eq(comments.ipHash, ipHash))
    : eq(comments.authorEmail, email);
  return !!getDb()
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.postId, postId), eq(comments.markdown, markdown), ne(comments.status, "trash"), sameSender))
    .get();
}

/** Inserts a comment and, in the same transaction, whatever it queues (e-mails, webhooks). */
export function createComment(values: NewComment, afterInsert: (tx: Tx, comment: { id: number }) => void) {
  return getDb().transaction(
    (tx) => {
      const row = tx.insert(comments).values(values).returning({ id: comments.id }).get();
      afterInsert(tx, row);
      return row;
    },
    { behavior: "immediate" },
  );
}

/** Approved comments of a post, oldest first: the page nests them. */
const approvedComments = prepared((db) =>
  db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      authorName: comments.authorName,
      authorUrl: comments.authorUrl,
      staff: sql<boolean>`${comments.userId} is not null`.mapWith(Boolean),
      html: comments.html,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .where(and(eq(comments.postId, sql.placeholder("postId")), eq(comments.status, "approved")))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .prepare(),
);

export function listApprovedComments({ postId }: { postId: number }) {
  return approvedComments().all({ postId });
}

/** Approved-comment counts for a list of posts (home, tag and author lists). */
export function countApprovedCommentsByPost({ postIds }: { postIds: number[] }): Map<number, number> {
  if (postIds.length === 0) return new Map();
  const rows = getDb()
    .select({ postId: comments.postId, n: count() })
    .from(comments)
    .where(and(inArray(comments.postId, postIds), eq(comments.status, "approved")))
    .groupBy(comments.postId)
    .all();
  return new Map(rows.map((row) => [row.postId, row.n]));
}

/** The newest approved comments of a post, for its comments feed. */
export function listCommentsForFeed({ postId, limit }: { postId: number; limit: number }) {
  return getDb()
    .select({ id: comments.id, authorName: comments.authorName, html: comments.html, createdAt: comments.createdAt })
    .from(comments)
    .where(and(eq(comments.postId, postId), eq(comments.status, "approved")))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit)
    .all();
}

/** The commenter's own comments, proven by their capability tokens (hashes). */
export function getOwnComments({ items }: { items: { id: number; tokenHash: string }[] }) {
  if (items.length === 0) return [];
  return getDb()
    .select({
      id: comments.id,
      postId: comments.postId,
      status: comments.status,
      markdown: comments.markdown,
      html: comments.html,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .where(
      or(
        ...items.map((item) =>
          and(eq(comments.id, item.id), eq(comments.editTokenHash, item.tokenHash), isNotNull(comments.editTokenHash)),
        ),
      ),
    )
    .all();
}

type OwnComment = { id: number; tokenHash: string; since: Date };

/** The commenter's own comment (the token matches), written after `since` and not yet moderated away. */
function ownWithinWindow({ id, tokenHash, since }: OwnComment) {
  return and(
    eq(comments.id, id),
    eq(comments.editTokenHash, tokenHash),
    gt(comments.createdAt, since),
    inArray(comments.status, ["pending", "approved"]),
  );
}

/** Edits one's own comment while the window is open; undefined when the token or the window does not match. */
export function editOwnComment({
  id,
  tokenHash,
  since,
  markdown,
  html,
  holdAgain,
}: {
  id: number;
  tokenHash: string;
  since: Date;
  markdown: string;
  html: string;
  holdAgain: boolean;
}) {
  return getDb()
    .update(comments)
    .set({ markdown, html, updatedAt: new Date(), ...(holdAgain ? { status: "pending" as const } : {}) })
    .where(ownWithinWindow({ id, tokenHash, since }))
    .returning({ id: comments.id, postId: comments.postId, status: comments.status })
    .get();
}

export function deleteOwnComment({ id, tokenHash, since }: OwnComment) {
  return getDb()
    .delete(comments)
    .where(ownWithinWindow({ id, tokenHash, since }))
    .returning({ id: comments.id, postId: comments.postId })
    .get();
}

/** Whether a token matches a comment at all: tells "window closed" from "not yours". */
export function ownCommentExists({ id, tokenHash }: { id: number; tokenHash: string }): boolean {
  return !!getDb()
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.id, id), eq(comments.editTokenHash, tokenHash)))
    .get();
}

export function suppressEmail({ email }: { email: string }) {
  getDb().insert(emailSuppressions).values({ email: email.toLowerCase() }).onConflictDoNothing().run();
}

export function isEmailSuppressed(db: DbOrTx, { email }: { email: string }): boolean {
  return !!db
    .select({ email: emailSuppressions.email })
    .from(emailSuppressions)
    .where(eq(emailSuppressions.email, email.toLowerCase()))
    .get();
}

/** A post's approved count, for its heading and feed. */
export function countApprovedComments({ postId }: { postId: number }): number {
  return countComments(and(eq(comments.postId, postId), eq(comments.status, "approved")));
}

/** What a reply e-mail needs: the reply, its parent's opted-in address, and the post. */
export function getReplyNoticeContext(db: DbOrTx, { commentId }: { commentId: number }) {
  return db
    .select({
      id: comments.id,
      authorName: comments.authorName,
      authorEmail: comments.authorEmail,
      markdown: comments.markdown,
      parentEmail: sql<
        string | null
      >`(select p.author_email from comments p where p.id = ${comments.parentId} and p.notify_replies = 1)`,
      postTitle: posts.title,
      postSlug: posts.slug,
    })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(eq(comments.id, commentId))
    .get();
}

/** A published post by slug, for its comments feed. */
export function getPostForCommentFeed({ slug }: { slug: string }) {
  return getDb()
    .select({ id: posts.id, title: posts.title, slug: posts.slug, publishedAt: posts.publishedAt })
    .from(posts)
    .where(and(eq(posts.slug, slug), eq(posts.type, "post"), eq(posts.status, "published"), isNull(posts.deletedAt)))
    .get();
}
