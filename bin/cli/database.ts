import { closeDatabase, getDb, type Db, writerConnection } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { MIGRATIONS_DIR } from "./paths";

/**
 * Runs `work` on the app's own connections (the ones the query modules use),
 * migrated first so the commands also work on a fresh data folder, and closed
 * afterwards so the WAL is checkpointed into the database file.
 */
export async function withMigratedDb<T>(work: (db: Db, applied: number) => Promise<T>): Promise<T> {
  try {
    const applied = runMigrations(writerConnection().$client, MIGRATIONS_DIR);
    return await work(getDb(), applied);
  } finally {
    await closeDatabase();
  }
}

export function migrationNote(applied: number): string {
  return applied > 0 ? `Applied ${applied} database migration(s) first.\n` : "";
}
