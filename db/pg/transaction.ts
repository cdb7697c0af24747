import type { PgDb } from "./connection";

// Writes that read first, on PostgreSQL (docs/postgres.md, "Transactions keep their
// guarantees"): SQLite serialises them with BEGIN IMMEDIATE; here they run SERIALIZABLE, and
// PostgreSQL aborts one of two transactions whose reads and writes would not have been
// possible one after the other (SQLSTATE 40001), or one of two that deadlock (40P01). The
// loser has changed nothing, so the whole function runs again, after a short random wait.

export type PgTx = Parameters<Parameters<PgDb["transaction"]>[0]>[0];

const RETRYABLE = new Set(["40001", "40P01"]);
const MAX_ATTEMPTS = 8;

function retryable(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (RETRYABLE.has((e as { code?: string }).code ?? "")) return true;
  }
  return false;
}

/** Runs `fn` in a SERIALIZABLE transaction, again from the start when PostgreSQL aborts it. */
export async function pgWrite<T>(db: PgDb, fn: (tx: PgTx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn, { isolationLevel: "serializable" });
    } catch (error) {
      if (!retryable(error) || attempt >= MAX_ATTEMPTS) throw error;
      // Up to 5, 10, 20 … ms, random, so the retries of a crowd do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** (attempt - 1)));
    }
  }
}
