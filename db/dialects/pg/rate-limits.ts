import { inArray, sql } from "drizzle-orm";
import type { PgDb } from "../../pg/connection";
import { afterAttempt, type BackoffPolicy, longestWait } from "../../queries/backoff";
import { rateLimits } from "../../schema/pg";

// Rate limits and brute-force brakes on PostgreSQL: the counterparts of `consumeWindows`
// and `beginBackoffAttempt` in db/queries/rate-limits.ts, with the same types and results,
// so every instance counts against the same numbers.

type WindowLimit = { key: string; points: number; durationMs: number };

/**
 * Counts one hit against each limit in turn and stops at the first one over its allowance;
 * returns its index, or -1. Each hit is one `INSERT … ON CONFLICT DO UPDATE … RETURNING`,
 * which PostgreSQL applies atomically under the row's lock: no transaction is needed for
 * two instances never both to read "one left".
 */
export async function consumeWindowsPg(db: PgDb, limits: readonly WindowLimit[], now = Date.now()): Promise<number> {
  for (const [index, limit] of limits.entries()) {
    const [row] = await db
      .insert(rateLimits)
      .values({ key: limit.key, points: 1, expiresAt: now + limit.durationMs })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          // A window still open counts on; an expired one starts afresh with this hit.
          points: sql`case when ${rateLimits.expiresAt} > ${now} then ${rateLimits.points} + 1 else 1 end`,
          expiresAt: sql`case when ${rateLimits.expiresAt} > ${now} then ${rateLimits.expiresAt} else excluded.expires_at end`,
        },
      })
      .returning({ points: rateLimits.points });
    if (row!.points > limit.points) return index;
  }
  return -1;
}

/**
 * One attempt under backoff on every key at once (see `beginBackoffAttempt`): the wait when
 * any key must still wait, else 0 with the attempt counted on every key. It reads before it
 * writes, and the rows may not exist yet, so row locks cannot serialise it: a transaction
 * takes an advisory lock per key first (in one order, so two attempts never deadlock).
 */
export async function beginBackoffAttemptPg(
  db: PgDb,
  keys: readonly string[],
  policy: BackoffPolicy,
  now = Date.now(),
): Promise<number> {
  return db.transaction(async (tx) => {
    for (const key of [...new Set(keys)].sort())
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`quire:rate:${key}`}, 0))`);
    const live = new Map(
      (
        await tx
          .select({ key: rateLimits.key, points: rateLimits.points, blockedUntil: rateLimits.blockedUntil })
          .from(rateLimits)
          .where(sql`${inArray(rateLimits.key, [...keys])} and ${rateLimits.expiresAt} > ${now}`)
      ).map((row) => [row.key, row]),
    );
    const wait = longestWait(live.values(), now);
    if (wait > 0) return wait;
    for (const key of keys) {
      const row = afterAttempt(live.get(key), policy, now);
      await tx
        .insert(rateLimits)
        .values({ key, ...row })
        .onConflictDoUpdate({ target: rateLimits.key, set: row });
    }
    return 0;
  });
}
