import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { DATABASE_FILE_NAME } from "../lib/env-defaults.mjs";
import * as schema from "./schema";
import { reusingStatements } from "./statement-cache";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

// Kept free of "server-only" so the start script and the CLI's migrate can use it.

/** Opens a database file with the settings every Quire connection uses. */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // NORMAL in WAL mode: a power cut may lose the last transactions but never corrupts the file.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return wrapConnection(sqlite);
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
