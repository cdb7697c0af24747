import { getDb, writerConnection, type Db } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { MIGRATIONS_DIR } from "./paths";

/**
 * Runs `work` on the app's own connection (the writer, the one `write()` uses),
 * migrated first so the commands also work on a fresh data folder, and closed
 * afterwards (the reader too) so the WAL is checkpointed into the database file.
 */
export async function withMigratedDb<T>(work: (db: Db, applied: number) => Promise<T>): Promise<T> {
  const db = writerConnection();
  try {
    return await work(db, runMigrations(db.$client, MIGRATIONS_DIR));
  } finally {
    const reader = getDb();
    if (reader !== db) reader.$client.close();
    db.$client.close();
  }
}

export function migrationNote(applied: number): string {
  return applied > 0 ? `Applied ${applied} database migration(s) first.\n` : "";
}
