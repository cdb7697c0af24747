import { defineConfig } from "drizzle-kit";

// Migrations are generated here and committed; the app applies them at start (db/migrate.ts).
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.QUIRE_DATA_DIR ? `${process.env.QUIRE_DATA_DIR}/quire.db` : "./data/quire.db" },
});
