import "server-only";
import { inArray, lte, sql } from "drizzle-orm";
import { getDb, getPgDb } from "../client";
import { beginBackoffAttemptPg, consumeWindowsPg } from "../dialects/pg/rate-limits";
import { databaseKind } from "../kind";
import { rateLimits } from "../schema";
import { prepared } from "./prepared";
import { afterAttempt, type BackoffPolicy, longestWait } from "./backoff";
import { write } from "../transaction";

export type { BackoffPolicy } from "./backoff";

// Rate limits and brute-force brakes live in the database, so every process serving
// the site counts against the same numbers: N processes never give an attacker N
// times the limit. On SQLite each check is one write() (BEGIN IMMEDIATE: the write lock
// first, so two processes never both read "one left"). On PostgreSQL the checks are the
// dialect's (db/dialects/pg/rate-limits.ts), not write()'s SERIALIZABLE transactions: there,
// concurrent first hits on one key abort each other (40001) again and again, and a burst of
// 40 comments on one post saw some fail once the retries ran out.

/** A fixed window: at most `points` hits per `durationMs`, counted from the window's first hit. */
export type WindowLimit = { key: string; points: number; durationMs: number };

/**
 * One hit on a window, returning its count: a window still open counts on; an expired one
 * starts afresh with this hit. Prepared once per connection (prepared.ts): it runs on every
 * comment POST and sign-in attempt.
 */
const hitWindow = prepared((db) =>
  db
    .insert(rateLimits)
    .values({ key: sql.placeholder("key"), points: 1, expiresAt: sql.placeholder("expiresAt") })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        points: sql`case when ${rateLimits.expiresAt} > ${sql.placeholder("now")} then ${rateLimits.points} + 1 else 1 end`,
        expiresAt: sql`case when ${rateLimits.expiresAt} > ${sql.placeholder("now")} then ${rateLimits.expiresAt} else excluded.expires_at end`,
      },
    })
    .returning({ points: rateLimits.points }),
);

/**
 * Counts one hit against each limit in turn and stops at the first one over its
 * allowance (that hit is counted, as rate-limiter-flexible counts it; the limits
 * after it are not touched). Returns that limit's index, or -1 when every limit
 * allowed the hit.
 */
export async function consumeWindows(limits: readonly WindowLimit[], now = Date.now()): Promise<number> {
  // One atomic upsert per hit, under the row's lock: no transaction to abort.
  if (databaseKind() === "postgres") return await consumeWindowsPg(getPgDb(), limits, now);
  // The prepared statement runs on the connection the write holds: inside it.
  return await write(async () => {
    for (const [index, limit] of limits.entries()) {
      const row = (await hitWindow().get({ key: limit.key, expiresAt: now + limit.durationMs, now }))!;
      if (row.points > limit.points) return index;
    }
    return -1;
  });
}

type BackoffRow = { key: string; points: number; blockedUntil: number };

/** Inside write(), getDb() answers its transaction: the rows are read under its lock. */
async function liveRows(keys: readonly string[], now: number): Promise<BackoffRow[]> {
  if (keys.length === 0) return [];
  return await getDb()
    .select({ key: rateLimits.key, points: rateLimits.points, blockedUntil: rateLimits.blockedUntil })
    .from(rateLimits)
    .where(sql`${inArray(rateLimits.key, [...keys])} and ${rateLimits.expiresAt} > ${now}`);
}

/** Milliseconds `key` must still wait before its next attempt; 0 when it may try now. */
export async function backoffWait(key: string, now = Date.now()): Promise<number> {
  const [row] = await liveRows([key], now);
  return row ? Math.max(0, row.blockedUntil - now) : 0;
}

/**
 * One attempt under backoff on every key at once: when any key must still wait,
 * returns that wait (the longest) and counts nothing; otherwise counts the attempt
 * on every key (it counts when it STARTS, so parallel guesses cannot slip in before
 * the first one fails) and returns 0.
 */
export async function beginBackoffAttempt(
  keys: readonly string[],
  policy: BackoffPolicy,
  now = Date.now(),
): Promise<number> {
  // Per-key advisory locks, then reads that see the last holder's commit (READ COMMITTED).
  if (databaseKind() === "postgres") return await beginBackoffAttemptPg(getPgDb(), keys, policy, now);
  return await write(async (db) => {
    const live = new Map((await liveRows(keys, now)).map((row) => [row.key, row]));
    const wait = longestWait(live.values(), now);
    if (wait > 0) return wait;
    for (const key of keys) {
      const row = afterAttempt(live.get(key), policy, now);
      await db
        .insert(rateLimits)
        .values({ key, ...row })
        .onConflictDoUpdate({ target: rateLimits.key, set: row });
    }
    return 0;
  });
}

/** The attempt succeeded: these keys start afresh. */
export async function forgetRateLimits(keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await write((db) => db.delete(rateLimits).where(inArray(rateLimits.key, [...keys])));
}

/** Deletes up to `max` rows whose window or wait is over; returns how many. */
export async function sweepRateLimits(now = Date.now(), max = 1_000): Promise<number> {
  const swept = await write((db) => {
    const expired = db
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(lte(rateLimits.expiresAt, now))
      .limit(max);
    return db.delete(rateLimits).where(inArray(rateLimits.key, expired)).returning({ key: rateLimits.key });
  });
  return swept.length;
}

/** Test hook: every counter forgotten. */
export async function clearRateLimits(): Promise<void> {
  // eslint-disable-next-line drizzle/enforce-delete-with-where -- every row, on purpose
  await write((db) => db.delete(rateLimits));
}
