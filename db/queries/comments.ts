import "server-only";
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import { type Db, getDb } from "../client";
import { comments, emailSuppressions, posts, users, type CommentStatus } from "../schema";
import { commentBodyHash } from "./comment-checks";
import { prepared } from "./prepared";
import { anyExists, timestampParam } from "./sql";
import { write } from "../transaction";

/** A comment to store (createComment): what is left out is stored as null, false or 0. */
export type NewComment = {
  postId: number;
  parentId?: number | null;
  status: CommentStatus;
  authorName: string;
  authorEmail?: string | null;
  authorUrl?: string | null;
  userId?: number | null;
  markdown: string;
  html: string;
  ipHash?: string | null;
  userAgent?: string | null;
  notifyReplies?: boolean;
  editTokenHash?: string | null;
  spamScore?: number;
  approvedAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** How many comments match: the building block of the rate limits, spam checks and counts. */
export async function countComments(where: SQL | undefined): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(comments).where(where);
  return row?.n ?? 0;
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
      // Read with the post, so the author's notice, queued in the comment's own write, needs
      // no lookup there (lib/comments/notifications.ts).
      authorEmailSuppressed: anyExists(
        db
          .select({ email: emailSuppressions.email })
          .from(emailSuppressions)
          .where(eq(emailSuppressions.email, sql`lower(${users.email})`)),
      ),
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
    ),
);

export async function getPostForCommenting({ postId }: { postId: number }) {
  return await postForCommenting().get({ postId });
}

// The checks of every comment POST (lib/comments/submit.ts, screening.ts) are prepared once
// per connection (prepared.ts): building them with Drizzle's builder on each POST cost more
// than running them.

/** The comment a reply answers, only when it is approved and on the same post. */
const replyTarget = prepared((db) =>
  db
    .select({
      id: comments.id,
      authorName: comments.authorName,
      authorEmail: comments.authorEmail,
      notifyReplies: comments.notifyReplies,
    })
    .from(comments)
    .where(
      and(
        eq(comments.id, sql.placeholder("id")),
        eq(comments.postId, sql.placeholder("postId")),
        eq(comments.status, "approved"),
      ),
    ),
);

export async function getReplyTarget({ id, postId }: { id: number; postId: number }) {
  return await replyTarget().get({ id, postId });
}

/** The insert of every comment POST, prepared once per connection like the checks before it. */
const insertComment = prepared((db) =>
  db
    .insert(comments)
    .values({
      postId: sql.placeholder("postId"),
      parentId: sql.placeholder("parentId"),
      status: sql.placeholder("status"),
      authorName: sql.placeholder("authorName"),
      authorEmail: sql.placeholder("authorEmail"),
      authorUrl: sql.placeholder("authorUrl"),
      userId: sql.placeholder("userId"),
      markdown: sql.placeholder("markdown"),
      bodyHash: sql.placeholder("bodyHash"),
      html: sql.placeholder("html"),
      ipHash: sql.placeholder("ipHash"),
      userAgent: sql.placeholder("userAgent"),
      notifyReplies: sql.placeholder("notifyReplies"),
      editTokenHash: sql.placeholder("editTokenHash"),
      spamScore: sql.placeholder("spamScore"),
      // Passed in the column's own encoding (timestampParam): Drizzle's date mapping of a placeholder does not take null.
      approvedAt: sql`${sql.placeholder("approvedAt")}`,
      createdAt: sql.placeholder("createdAt"),
      updatedAt: sql.placeholder("updatedAt"),
    })
    .returning({ id: comments.id }),
);

/**
 * Inserts a comment and, in the same write, whatever it queues (e-mails, webhooks).
 * The body's hash (for the duplicate check) is computed here from its markdown. The
 * prepared insert runs on the connection the write holds: inside it.
 */
export async function createComment(
  values: NewComment,
  afterInsert: (db: Db, comment: { id: number }) => Promise<void> | void,
): Promise<{ id: number }> {
  const row = {
    parentId: null,
    authorEmail: null,
    authorUrl: null,
    userId: null,
    ipHash: null,
    userAgent: null,
    notifyReplies: false,
    editTokenHash: null,
    spamScore: 0,
    ...values,
    bodyHash: commentBodyHash(values.markdown),
    approvedAt: values.approvedAt ? timestampParam(values.approvedAt) : null,
  };
  return await write(async (db) => {
    const inserted = (await insertComment().get(row))!;
    await afterInsert(db, inserted);
    return inserted;
  });
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
    .orderBy(asc(comments.createdAt), asc(comments.id)),
);

export async function listApprovedComments({ postId }: { postId: number }) {
  return await approvedComments().all({ postId });
}

/** Approved-comment counts for a list of posts (home, tag and author lists). */
export async function countApprovedCommentsByPost({ postIds }: { postIds: number[] }): Promise<Map<number, number>> {
  if (postIds.length === 0) return new Map();
  const rows = await getDb()
    .select({ postId: comments.postId, n: count() })
    .from(comments)
    .where(and(inArray(comments.postId, postIds), eq(comments.status, "approved")))
    .groupBy(comments.postId);
  return new Map(rows.map((row) => [row.postId, row.n]));
}

/** The newest approved comments of a post, for its comments feed. */
export async function listCommentsForFeed({ postId, limit }: { postId: number; limit: number }) {
  return await getDb()
    .select({ id: comments.id, authorName: comments.authorName, html: comments.html, createdAt: comments.createdAt })
    .from(comments)
    .where(and(eq(comments.postId, postId), eq(comments.status, "approved")))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit);
}

/** The commenter's own comments, proven by their capability tokens (hashes). */
export async function getOwnComments({ items }: { items: { id: number; tokenHash: string }[] }) {
  if (items.length === 0) return [];
  return await getDb()
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
    );
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
export async function editOwnComment({
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
  const [changed] = await write((db) =>
    db
      .update(comments)
      .set({
        markdown,
        bodyHash: commentBodyHash(markdown),
        html,
        updatedAt: new Date(),
        ...(holdAgain ? { status: "pending" as const } : {}),
      })
      .where(ownWithinWindow({ id, tokenHash, since }))
      .returning({ id: comments.id, postId: comments.postId, status: comments.status }),
  );
  return changed;
}

export async function deleteOwnComment({ id, tokenHash, since }: OwnComment) {
  const [deleted] = await write((db) =>
    db
      .delete(comments)
      .where(ownWithinWindow({ id, tokenHash, since }))
      .returning({ id: comments.id, postId: comments.postId }),
  );
  return deleted;
}

/** Whether a token matches a comment at all: tells "window closed" from "not yours". */
export async function ownCommentExists({ id, tokenHash }: { id: number; tokenHash: string }): Promise<boolean> {
  const [row] = await getDb()
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.id, id), eq(comments.editTokenHash, tokenHash)))
    .limit(1);
  return row !== undefined;
}

export async function suppressEmail({ email }: { email: string }): Promise<void> {
  await write((db) => db.insert(emailSuppressions).values({ email: email.toLowerCase() }).onConflictDoNothing());
}

export async function isEmailSuppressed(db: Db, { email }: { email: string }): Promise<boolean> {
  const [row] = await db
    .select({ email: emailSuppressions.email })
    .from(emailSuppressions)
    .where(eq(emailSuppressions.email, email.toLowerCase()));
  return row !== undefined;
}

/** A post's approved count, for its heading and feed. */
export async function countApprovedComments({ postId }: { postId: number }): Promise<number> {
  return countComments(and(eq(comments.postId, postId), eq(comments.status, "approved")));
}

/** What a reply e-mail needs: the reply, its parent's opted-in address, and the post. */
export async function getReplyNoticeContext(db: Db, { commentId }: { commentId: number }) {
  const [reply] = await db
    .select({
      id: comments.id,
      authorName: comments.authorName,
      authorEmail: comments.authorEmail,
      markdown: comments.markdown,
      // notify_replies is a boolean on PostgreSQL and 0/1 on SQLite: tested as itself, true on both.
      parentEmail: sql<
        string | null
      >`(select p.author_email from comments p where p.id = ${comments.parentId} and p.notify_replies)`,
      postTitle: posts.title,
      postSlug: posts.slug,
    })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(eq(comments.id, commentId));
  return reply;
}

/** A published post by slug, for its comments feed. */
export async function getPostForCommentFeed({ slug }: { slug: string }) {
  const [row] = await getDb()
    .select({ id: posts.id, title: posts.title, slug: posts.slug, publishedAt: posts.publishedAt })
    .from(posts)
    .where(and(eq(posts.slug, slug), eq(posts.type, "post"), eq(posts.status, "published"), isNull(posts.deletedAt)))
    .limit(1);
  return row;
}
