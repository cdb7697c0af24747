import { getDb, writerConnection, type Db } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { MIGRATIONS_DIR } from "./paths";

/**
 * Runs `work` on the app's writer connection (the one write() uses; migrations write,
 * which the reader cannot), migrated first so the commands also work on a fresh data
 * folder, and closes the app's connections afterwards, the writer last, so the WAL is
 * checkpointed into the database file.
 */
export async function withMigratedDb<T>(work: (db: Db, applied: number) => Promise<T>): Promise<T> {
  const db = writerConnection();
  const reader = getDb(); // the writer itself until the read/write split (db/client.ts)
  try {
    return await work(db, runMigrations(db.$client, MIGRATIONS_DIR));
  } finally {
    if (reader !== db) reader.$client.close();
    db.$client.close();
  }
}

export function migrationNote(applied: number): string {
  return applied > 0 ? `Applied ${applied} database migration(s) first.\n` : "";
}
