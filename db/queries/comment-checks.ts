import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import { comments } from "../schema";
import { prepared } from "./prepared";
import { anyExists, likeContainsPattern } from "./sql";

// The checks of every comment POST before it is stored (lib/comments/submit.ts, screening.ts):
// the duplicate check and the spam score's signals, read in one prepared statement (one round
// trip on PostgreSQL, where each statement is one), and the linked domains (a statement per domain).

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

/**
 * The duplicate check and the spam score's signals of one new comment, each a subquery of one
 * statement over a one-row anchor (`select 1`).
 * - duplicate: the same words from the same sender on the same post, not in the trash. Looked
 *   up by the words' hash, so a post with thousands of comments is not read through; rows
 *   without a hash (written before the column existed, or inserted by hand) by their text,
 *   reading only the post's rows whose hash is null, through the same index. Two EXISTS, not
 *   one with OR, which SQLite would answer by reading the post's rows.
 * - the counts are taken no further than the score and the policy read them
 *   (lib/comments/spam.ts: two approved comments or two spam from the address weigh the most;
 *   one spam from the email is enough): a prolific commenter's history is not counted each time.
 */
const signals = prepared((db) => {
  const firstOf = (where: SQL | undefined, max: number) =>
    sql`(select count(*) from ${db.select({ id: comments.id }).from(comments).where(where).limit(max)} as counted)`.mapWith(
      Number,
    );
  const duplicateByHash = db
    .select({ id: comments.id })
    .from(comments)
    .where(
      and(
        eq(comments.postId, sql.placeholder("postId")),
        eq(comments.bodyHash, sql.placeholder("bodyHash")),
        ne(comments.status, "trash"),
        sameSender,
      ),
    );
  const duplicateByText = db
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
    );
  return db
    .select({
      duplicate: anyExists(duplicateByHash, duplicateByText),
      emailApproved: firstOf(
        and(eq(comments.authorEmail, sql.placeholder("email")), eq(comments.status, "approved")),
        2,
      ),
      emailSpam: firstOf(and(eq(comments.authorEmail, sql.placeholder("email")), eq(comments.status, "spam")), 1),
      ipSpam: firstOf(and(eq(comments.ipHash, sql.placeholder("ipHash")), eq(comments.status, "spam")), 2),
    })
    .from(sql`(select 1) as anchor`);
});

export type CommentSignals = { duplicate: boolean; emailApproved: number; emailSpam: number; ipSpam: number };

/** What the database says of a new comment before it is stored: one round trip. */
export async function readCommentSignals({
  postId,
  email,
  ipHash,
  markdown,
}: {
  postId: number;
  email: string;
  ipHash: string | null;
  markdown: string;
}): Promise<CommentSignals> {
  return (await signals().get({ postId, email, ipHash, markdown, bodyHash: commentBodyHash(markdown) }))!;
}
