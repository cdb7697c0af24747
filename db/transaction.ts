import "server-only";
import { connections, type Db, openWrite } from "./client";
import { pgWrite } from "./pg/transaction";

// Every write goes through write() (docs/postgres.md, "Transactions keep their guarantees").
// Awaiting inside a transaction lets other requests run meanwhile; on one shared connection
// they would read its uncommitted rows, and their own writes would join it and vanish with
// its rollback. So writes run one at a time on a connection of their own, under a mutex,
// in BEGIN IMMEDIATE (which takes SQLite's write lock first: no other process's writer
// slips in between a read and the write that depends on it). On PostgreSQL each write runs
// on a pooled connection of its own, SERIALIZABLE, and again from the start when the server
// aborts it (db/pg/transaction.ts): there, writes need no turn.

let queueTail: Promise<void> = Promise.resolve();

/** Waits for the writes queued before this one; the answer releases the turn. */
function takeTurn(): Promise<() => void> {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  const turn = queueTail.then(() => release);
  queueTail = queueTail.then(() => done);
  return turn;
}

/**
 * Runs `fn` in a write transaction and commits, or rolls back when it throws. Within `fn`,
 * `getDb()` answers the transaction too, and a `write()` called there joins it.
 *
 * `through` is another connection to write on instead of the writer: the page-cache
 * watcher's (lib/analytics/flush.ts, quietWriter), whose own commits leave this process's
 * page cache full. Such a write still waits for its turn: begun while the writer holds the
 * lock, it would wait in SQLite's busy handler, which blocks the event loop. (SQLite only:
 * on PostgreSQL the page caches learn of commits from the database, docs/postgres.md.)
 */
export async function write<T>(fn: (db: Db) => T, through?: Db): Promise<Awaited<T>> {
  const open = openWrite.getStore();
  if (open?.open) return await fn(open.db);
  const database = connections();
  if (database.kind === "postgres") {
    return pgWrite(database.pool, async (tx): Promise<Awaited<T>> => {
      const state = { db: tx as unknown as Db, open: true };
      try {
        return (await openWrite.run(state, () => fn(state.db))) as Awaited<T>;
      } finally {
        state.open = false;
      }
    });
  }
  const release = await takeTurn();
  const db = through ?? database.writer;
  const state = { db, open: true };
  try {
    db.$client.exec("BEGIN IMMEDIATE");
    try {
      const result = await openWrite.run(state, () => fn(db));
      db.$client.exec("COMMIT");
      return result;
    } catch (error) {
      if (db.$client.inTransaction) db.$client.exec("ROLLBACK");
      throw error;
    } finally {
      // Work started inside fn and still running (a promise not awaited) must not reach a
      // later write's transaction through getDb().
      state.open = false;
    }
  } finally {
    release();
  }
}
