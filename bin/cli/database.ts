import { closeDatabase, connections, getDb, type Db, writerConnection } from "../../db/client";
import { databaseKind } from "../../db/kind";
import { runMigrations } from "../../db/migrate";
import { runPgMigrations } from "../../db/pg/migrate";
import { MIGRATIONS_DIR } from "./paths";
import { PG_MIGRATIONS_DIR } from "./postgres";

/**
 * Runs `work` on the app's own connections (the ones the query modules use),
 * migrated first so the commands also work on a fresh data folder (or an empty
 * PostgreSQL database), and closed afterwards so SQLite's WAL is checkpointed into
 * the database file.
 */
export async function withMigratedDb<T>(work: (db: Db, applied: number) => Promise<T>): Promise<T> {
  try {
    const applied = await migrateAppDatabase();
    return await work(getDb(), applied);
  } finally {
    await closeDatabase();
  }
}

async function migrateAppDatabase(): Promise<number> {
  if (databaseKind() === "sqlite") return runMigrations(writerConnection().$client, MIGRATIONS_DIR);
  // On one connection of the app's pool, under the migrator's advisory lock: a server
  // starting meanwhile waits for these migrations rather than applying them twice.
  const open = connections();
  if (open.kind !== "postgres") throw new Error("DATABASE_URL names PostgreSQL but the SQLite file is open");
  const client = await open.pool.$client.connect();
  try {
    return await runPgMigrations(client, PG_MIGRATIONS_DIR);
  } finally {
    client.release();
  }
}

export function migrationNote(applied: number): string {
  return applied > 0 ? `Applied ${applied} database migration(s) first.\n` : "";
}
