import type { PgDb } from "./connection";

// Writes that read first, on PostgreSQL (docs/postgres.md, "Transactions keep their
// guarantees"): SQLite serialises them with BEGIN IMMEDIATE; here they run SERIALIZABLE, and
// PostgreSQL aborts one of two transactions whose reads and writes would not have been
// possible one after the other (SQLSTATE 40001), or one of two that deadlock (40P01). The
// loser has changed nothing, so the whole function runs again, after a short random wait.
// Each round of a crowd on one row lets one through, so a write tries again for as long as
// such a crowd may last, not a number of times: 20 read-then-writes of one row at once on a
// pool of 10 took up to 11 attempts (about a second), and 8 attempts with waits doubling
// past 100 ms left a write failing in one such crowd out of two.

export type PgTx = Parameters<Parameters<PgDb["transaction"]>[0]>[0];

const RETRYABLE = new Set(["40001", "40P01"]);
/** How long a write keeps trying while others win: contention this long is an overload. */
const RETRY_FOR_MS = 5_000;
/** The longest wait between two attempts, so a write that lost often is not last in line. */
const MAX_WAIT_MS = 100;

function retryable(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (RETRYABLE.has((e as { code?: string }).code ?? "")) return true;
  }
  return false;
}

/** Runs `fn` in a SERIALIZABLE transaction, again from the start when PostgreSQL aborts it. */
export async function pgWrite<T>(db: PgDb, fn: (tx: PgTx) => Promise<T>): Promise<T> {
  const giveUpAt = Date.now() + RETRY_FOR_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn, { isolationLevel: "serializable" });
    } catch (error) {
      if (!retryable(error) || Date.now() >= giveUpAt) throw error;
      // Up to 5, 10, 20 … ms (at most MAX_WAIT_MS), random, so the retries of a crowd do not collide again.
      const wait = Math.random() * Math.min(MAX_WAIT_MS, 5 * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
