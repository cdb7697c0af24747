import path from "node:path";

// Found from this file rather than the working directory, so the CLI runs from anywhere.
// Kept apart from database.ts so `migrate` never loads the app's query modules.
export const MIGRATIONS_DIR = path.resolve(__dirname, "..", "..", "db", "migrations");

/** The dump of a PostgreSQL site's database in a backup folder, in place of SQLite's quire.db. */
export const PG_DUMP_NAME = "quire.pgdump";
