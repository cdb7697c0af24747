import { getDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";

/** The test file's database, migrated. */
export function migratedDb() {
  const db = getDb();
  runMigrations(db.$client);
  return db;
}
