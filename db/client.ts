import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { getEnv } from "@/lib/env";
import { databaseFile, openDatabase, openReader, type Db } from "./connection";
import { databaseKind } from "./kind";
import { closePgDatabase, openPgDatabase, type PgDb } from "./pg/connection";

export type { Db } from "./connection";

// The connections of the process, opened on first use (never at build time) and kept across
// hot reloads in development (docs/postgres.md, "Transactions keep their guarantees").
// SQLite: the writer, used only inside `write()` (db/transaction.ts), one transaction at a
// time; and the reader, for everything else, which cannot write (`query_only`), so a write
// left outside `write()` fails at once instead of slipping into another request's
// transaction. PostgreSQL: one pool, each transaction on a connection of its own.
type Connections = { kind: "sqlite"; reader: Db; writer: Db } | { kind: "postgres"; pool: PgDb };
const holder = globalThis as unknown as { quireDb?: Connections };

export function connections(): Connections {
  if (!holder.quireDb) {
    const env = getEnv();
    if (databaseKind() === "postgres") {
      holder.quireDb = {
        kind: "postgres",
        pool: openPgDatabase({ url: env.DATABASE_URL!, poolSize: env.QUIRE_DB_POOL }),
      };
    } else {
      const file = databaseFile(env.dataDir);
      const writer = openDatabase(file); // first: it creates the file and switches it to WAL
      holder.quireDb = { kind: "sqlite", writer, reader: openReader(file) };
    }
  }
  return holder.quireDb;
}

/** The write open in this async context, while it is open. */
export const openWrite = new AsyncLocalStorage<{ db: Db; open: boolean }>();

/**
 * The connection for a query: inside `write()`, its transaction (so helpers called there
 * see its rows and join it); elsewhere the reader, or PostgreSQL's pool. The pool is typed
 * as SQLite's Drizzle database: the query functions use only the builder methods both have
 * (docs/postgres.md, "One schema shape, two schema modules").
 */
export function getDb(): Db {
  const write = openWrite.getStore();
  if (write?.open) return write.db;
  const open = connections();
  return open.kind === "sqlite" ? open.reader : (open.pool as unknown as Db);
}

/** `getDb()` as PostgreSQL's Drizzle database, for the dialect's own queries (db/dialects/pg/). */
export function getPgDb(): PgDb {
  return getDb() as unknown as PgDb;
}

/** SQLite's writer connection itself: for `write()`, and for migrations run in-process. */
export function writerConnection(): Db {
  const open = connections();
  if (open.kind !== "sqlite") throw new Error("writerConnection() is SQLite's; on PostgreSQL use write()");
  return open.writer;
}

/** Closes the connections (the CLI, when done, so SQLite's WAL is checkpointed into the file). */
export async function closeDatabase(): Promise<void> {
  const open = holder.quireDb;
  if (!open) return;
  holder.quireDb = undefined;
  if (open.kind === "postgres") return closePgDatabase(open.pool);
  open.reader.$client.close();
  open.writer.$client.close();
}
