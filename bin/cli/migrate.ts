// `quire migrate`: brings the database schema up to date.
// Uses a plain connection, not the app's: nothing here needs the query modules.
import { databaseFile, openDatabase } from "../../db/connection";
import { databaseKind } from "../../db/kind";
import { runMigrations } from "../../db/migrate";
import { runPgMigrations } from "../../db/pg/migrate";
import { getEnv } from "../../lib/env";
import { parseFlags } from "./args";
import { MIGRATIONS_DIR } from "./paths";
import { describeDatabase, PG_MIGRATIONS_DIR, withPgClient } from "./postgres";
import { USAGE } from "./usage";

export async function migrateCommand(args: string[]): Promise<void> {
  if (parseFlags("migrate", args, []).help) return void console.log(USAGE);
  const env = getEnv();
  const { target, applied } =
    databaseKind() === "postgres"
      ? {
          target: describeDatabase(env.DATABASE_URL!),
          // Under the migrator's advisory lock: instances starting meanwhile wait, then apply nothing.
          applied: await withPgClient(env.DATABASE_URL!, (client) => runPgMigrations(client, PG_MIGRATIONS_DIR)),
        }
      : migrateFile(databaseFile(env.dataDir));
  console.log(
    applied > 0 ? `Applied ${applied} migration(s) to ${target}.` : `Applied 0 migrations: ${target} is up to date.`,
  );
}

function migrateFile(file: string): { target: string; applied: number } {
  const db = openDatabase(file);
  try {
    return { target: file, applied: runMigrations(db.$client, MIGRATIONS_DIR) };
  } finally {
    db.$client.close();
  }
}
