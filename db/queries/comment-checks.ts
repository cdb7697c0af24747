import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull, ne, or, sql } from "drizzle-orm";
import { comments, type CommentStatus } from "../schema";
import { prepared } from "./prepared";
import { likeContainsPattern } from "./sql";

// The checks of every comment POST before it is stored (lib/comments/screening.ts, submit.ts):
// the spam score's signals and the duplicate check, each prepared once per connection.

// The spam score's signals are counted no further than `max`: it reads them only up to a
// cap, and a prolific commenter's whole history need not be counted on every comment.
const commentsFromEmail = prepared((db) =>
  db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.authorEmail, sql.placeholder("email")), eq(comments.status, sql.placeholder("status"))))
    .limit(sql.placeholder("max")),
);

export async function countCommentsFromEmail({
  email,
  status,
  max,
}: {
  email: string;
  status: CommentStatus;
  max: number;
}): Promise<number> {
  return (await commentsFromEmail().all({ email, status, max })).length;
}

const spamFromIp = prepared((db) =>
  db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.ipHash, sql.placeholder("ipHash")), eq(comments.status, "spam")))
    .limit(sql.placeholder("max")),
);

export async function countSpamFromIp({ ipHash, max }: { ipHash: string; max: number }): Promise<number> {
  return (await spamFromIp().all({ ipHash, max })).length;
}

/** A spam comment whose markdown contains the pattern (a LIKE pattern, from likeContainsPattern). */
const spamLinking = prepared((db) =>
  db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.status, "spam"), sql`${comments.markdown} like ${sql.placeholder("pattern")} escape '\\'`))
    .limit(1),
);

/** How many of these domains were linked from comments moderators marked spam. */
export async function countSpamDomains({ domains }: { domains: string[] }): Promise<number> {
  let linked = 0;
  for (const domain of domains) {
    if ((await spamLinking().get({ pattern: likeContainsPattern(`://${domain}`) })) !== undefined) linked++;
  }
  return linked;
}

/**
 * What the duplicate check compares, as the `body_hash` column holds it: SHA-256 (hex) of the
 * markdown exactly as written (the check has always compared the text as it is, spaces and
 * case included). PostgreSQL computes the same value in SQL (db/migrations/pg/0002).
 */
export function commentBodyHash(markdown: string): string {
  return createHash("sha256").update(markdown, "utf8").digest("hex");
}

// The same sender: the email, or the address when there is one (`ip_hash = null` is never true).
const sameSender = or(
  eq(comments.authorEmail, sql.placeholder("email")),
  eq(comments.ipHash, sql.placeholder("ipHash")),
);

/** A comment of the post with these words' hash from this sender, not in the trash. */
const duplicateByHash = prepared((db) =>
  db
    .select({ id: comments.id })
    .from(comments)
    .where(
      and(
        eq(comments.postId, sql.placeholder("postId")),
        eq(comments.bodyHash, sql.placeholder("bodyHash")),
        ne(comments.status, "trash"),
        sameSender,
      ),
    )
    .limit(1),
);

/**
 * The same for rows without a hash (written before the column existed, or inserted by hand):
 * compared by their text, reading only the post's rows whose hash is null, through the same index.
 */
const duplicateByText = prepared((db) =>
  db
    .select({ id: comments.id })
    .from(comments)
    .where(
      and(
        eq(comments.postId, sql.placeholder("postId")),
        isNull(comments.bodyHash),
        eq(comments.markdown, sql.placeholder("markdown")),
        ne(comments.status, "trash"),
        sameSender,
      ),
    )
    .limit(1),
);

/**
 * The same words from the same person on the same post, not yet deleted: a double submit or
 * a bot. Looked up by the words' hash, so a post with thousands of comments is not read
 * through; two lookups, not one with OR, which SQLite would answer by reading the post's rows.
 */
export async function isDuplicateComment({
  postId,
  email,
  ipHash,
  markdown,
}: {
  postId: number;
  email: string;
  ipHash: string | null;
  markdown: string;
}): Promise<boolean> {
  const sender = { postId, email, ipHash };
  return (
    (await duplicateByHash().get({ ...sender, bodyHash: commentBodyHash(markdown) })) !== undefined ||
    (await duplicateByText().get({ ...sender, markdown })) !== undefined
  );
}
