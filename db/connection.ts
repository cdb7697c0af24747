import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { DATABASE_FILE_NAME } from "../lib/env-defaults.mjs";
import * as schema from "./schema/sqlite";
import { reusingStatements } from "./statement-cache";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

// Kept free of "server-only" so the start script and the CLI's migrate can use it.

/** Opens a database file with the settings every Quire connection uses. */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // First, so that everything below waits for another process instead of failing at once.
  sqlite.pragma("busy_timeout = 5000");
  useWriteAheadLog(sqlite);
  // NORMAL in WAL mode: a power cut may lose the last transactions but never corrupts the file.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  return wrapConnection(sqlite);
}

/**
 * A second connection to a file `openDatabase` has opened, that refuses every write
 * (`query_only`): in WAL mode it reads the last committed state while the writer works.
 */
export function openReader(file: string): Db {
  const sqlite = new Database(file);
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("query_only = ON");
  return wrapConnection(sqlite);
}

const WAL_SWITCH_WAIT_MS = 30_000;

/**
 * Switches a file to WAL once (the mode is stored in the file). Several processes
 * opening a new file at the same moment race for the switch, and SQLite may answer
 * the losers BUSY without calling the busy handler, so they wait and look again.
 */
function useWriteAheadLog(sqlite: Database.Database) {
  const deadline = Date.now() + WAL_SWITCH_WAIT_MS;
  for (;;) {
    try {
      if (sqlite.pragma("journal_mode", { simple: true }) === "wal") return;
      sqlite.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      const busy = (error as { code?: string }).code?.startsWith("SQLITE_BUSY");
      if (!busy || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

export { DATABASE_FILE_NAME };

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE_NAME);
}

/** Drizzle over a connection opened elsewhere (the HTTP front's data_version watcher). */
export function wrapConnection(sqlite: Database.Database): Db {
  const db = drizzle({ client: reusingStatements(sqlite), schema }) as Db;
  db.$client = sqlite; // whoever reaches for the connection itself gets the real one
  return db;
}
