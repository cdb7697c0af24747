import { defineConfig } from "drizzle-kit";

// The PostgreSQL migrations (docs/postgres.md), generated from db/schema/pg.ts with
// `npm run db:generate:pg` and committed. Only generation is configured: nothing here
// connects to a server. The SQLite ones stay in ./db/migrations (drizzle.config.ts), where
// the app's migrator reads them; drizzle-kit reads only its own meta/ folder there.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/pg.ts",
  out: "./db/migrations/pg",
});
