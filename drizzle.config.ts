import { defineConfig } from "drizzle-kit";
import { databaseFile } from "./db/connection";
import { DEFAULT_DATA_DIR } from "./lib/env";

// Migrations are generated here and committed; the app applies them at start (db/migrate.ts).
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/sqlite.ts",
  out: "./db/migrations",
  dbCredentials: { url: databaseFile(process.env.QUIRE_DATA_DIR || DEFAULT_DATA_DIR) },
});
