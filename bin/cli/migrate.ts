// `quire migrate`: brings the database schema up to date.
// Uses a plain connection, not the app's: nothing here needs the query modules.
import { databaseFile, openDatabase } from "../../db/connection";
import { runMigrations } from "../../db/migrate";
import { getEnv } from "../../lib/env";
import { parseFlags } from "./args";
import { MIGRATIONS_DIR } from "./paths";
import { USAGE } from "./usage";

export async function migrateCommand(args: string[]): Promise<void> {
  if (parseFlags("migrate", args, []).help) return void console.log(USAGE);
  const file = databaseFile(getEnv().dataDir);
  const db = openDatabase(file);
  try {
    const applied = runMigrations(db.$client, MIGRATIONS_DIR);
    console.log(
      applied > 0 ? `Applied ${applied} migration(s) to ${file}.` : `Applied 0 migrations: ${file} is up to date.`,
    );
  } finally {
    db.$client.close();
  }
}
