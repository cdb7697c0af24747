import "server-only";
import { inArray, lte, sql } from "drizzle-orm";
import { getDb } from "../client";
import { rateLimits } from "../schema";
import { prepared } from "./prepared";
import { afterAttempt, type BackoffPolicy, longestWait } from "./backoff";
import { immediate } from "./sql";

export type { BackoffPolicy } from "./backoff";

// Rate limits and brute-force brakes live in the database, so every process serving
// the site counts against the same numbers: N processes never give an attacker N
// times the limit. Each check is one IMMEDIATE transaction (the write lock first, so
// two processes never both read "one left"). A PostgreSQL implementation keeps these
// signatures (INSERT … ON CONFLICT … RETURNING works there too).

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
    .returning({ points: rateLimits.points })
    .prepare(),
);

/**
 * Counts one hit against each limit in turn and stops at the first one over its
 * allowance (that hit is counted, as rate-limiter-flexible counts it; the limits
 * after it are not touched). Returns that limit's index, or -1 when every limit
 * allowed the hit.
 */
export function consumeWindows(limits: readonly WindowLimit[], now = Date.now()): number {
  // The prepared statement runs on the connection the transaction holds: inside it.
  return immediate(() => {
    for (const [index, limit] of limits.entries()) {
      const row = hitWindow().get({ key: limit.key, expiresAt: now + limit.durationMs, now })!;
      if (row.points > limit.points) return index;
    }
    return -1;
  });
}

type BackoffRow = { key: string; points: number; blockedUntil: number };

function liveRows(keys: readonly string[], now: number, db: Pick<ReturnType<typeof getDb>, "select"> = getDb()) {
  if (keys.length === 0) return [] as BackoffRow[];
  return db
    .select({ key: rateLimits.key, points: rateLimits.points, blockedUntil: rateLimits.blockedUntil })
    .from(rateLimits)
    .where(sql`${inArray(rateLimits.key, [...keys])} and ${rateLimits.expiresAt} > ${now}`)
    .all();
}

/** Milliseconds `key` must still wait before its next attempt; 0 when it may try now. */
export function backoffWait(key: string, now = Date.now()): number {
  const [row] = liveRows([key], now);
  return row ? Math.max(0, row.blockedUntil - now) : 0;
}

/**
 * One attempt under backoff on every key at once: when any key must still wait,
 * returns that wait (the longest) and counts nothing; otherwise counts the attempt
 * on every key (it counts when it STARTS, so parallel guesses cannot slip in before
 * the first one fails) and returns 0.
 */
export function beginBackoffAttempt(keys: readonly string[], policy: BackoffPolicy, now = Date.now()): number {
  return immediate((tx) => {
    const live = new Map(liveRows(keys, now, tx).map((row) => [row.key, row]));
    const wait = longestWait(live.values(), now);
    if (wait > 0) return wait;
    for (const key of keys) {
      const row = afterAttempt(live.get(key), policy, now);
      tx.insert(rateLimits)
        .values({ key, ...row })
        .onConflictDoUpdate({ target: rateLimits.key, set: row })
        .run();
    }
    return 0;
  });
}

/** The attempt succeeded: these keys start afresh. */
export function forgetRateLimits(keys: readonly string[]): void {
  if (keys.length > 0)
    getDb()
      .delete(rateLimits)
      .where(inArray(rateLimits.key, [...keys]))
      .run();
}

/** Deletes up to `max` rows whose window or wait is over; returns how many. */
export function sweepRateLimits(now = Date.now(), max = 1_000): number {
  const expired = getDb()
    .select({ key: rateLimits.key })
    .from(rateLimits)
    .where(lte(rateLimits.expiresAt, now))
    .limit(max);
  return getDb().delete(rateLimits).where(inArray(rateLimits.key, expired)).run().changes;
}

/** Test hook: every counter forgotten. */
export function clearRateLimits(): void {
  getDb().delete(rateLimits).run();
}
