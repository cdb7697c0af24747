import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { getEnv } from "@/lib/env";
import { databaseFile, openDatabase, openReader, type Db } from "./connection";

export type { Db } from "./connection";

// Two connections per process, opened on first use (never at build time) and kept across
// hot reloads in development (docs/postgres.md, "Transactions keep their guarantees"):
// the writer, used only inside `write()` (db/transaction.ts), one transaction at a time;
// and the reader, for everything else, which cannot write (`query_only`), so a write left
// outside `write()` fails at once instead of slipping into another request's transaction.
type Connections = { reader: Db; writer: Db };
const holder = globalThis as unknown as { quireDb?: Connections };

function connections(): Connections {
  if (!holder.quireDb) {
    const file = databaseFile(getEnv().dataDir);
    const writer = openDatabase(file); // first: it creates the file and switches it to WAL
    holder.quireDb = { writer, reader: openReader(file) };
  }
  return holder.quireDb;
}

/** The write open in this async context, while it is open. */
export const openWrite = new AsyncLocalStorage<{ db: Db; open: boolean }>();

/**
 * The connection for a query: inside `write()`, its transaction (so helpers called there
 * see its rows and join it); elsewhere the reader.
 */
export function getDb(): Db {
  const write = openWrite.getStore();
  return write?.open ? write.db : connections().reader;
}

/** The writer connection itself: for `write()`, and for migrations run in-process. */
export function writerConnection(): Db {
  return connections().writer;
}

/** Closes both connections (the CLI, when done, so the WAL is checkpointed into the file). */
export function closeDatabase(): void {
  const open = holder.quireDb;
  if (!open) return;
  holder.quireDb = undefined;
  open.reader.$client.close();
  open.writer.$client.close();
}
