// `npm start`: build when the build is missing or older than the sources, apply
// migrations, then serve on HOST:PORT (bin/server.mjs; with QUIRE_WORKERS=N it forks
// N workers, after the migrations have run here once).
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { databaseFile, openDatabase } from "../db/connection";
import { runMigrations } from "../db/migrate";
import { runPgMigrations } from "../db/pg/migrate";
import { getEnv } from "../lib/env";
import { buildIfStale, ROOT } from "./build-check";

/** Applies the pending migrations of the database the environment names; says which and how many. */
async function migrate(env: ReturnType<typeof getEnv>) {
  if (env.DATABASE_URL) {
    // Several instances may start together: the migrator's advisory lock lets one apply them.
    const client = new pg.Client({ connectionString: env.DATABASE_URL, application_name: "quire-migrate" });
    await client.connect();
    try {
      const applied = await runPgMigrations(client);
      console.log(`[quire] database PostgreSQL ${client.database ?? ""} (${applied} migration(s) applied)`);
    } finally {
      await client.end();
    }
    return;
  }
  const db = openDatabase(databaseFile(env.dataDir));
  const applied = runMigrations(db.$client);
  db.$client.close();
  console.log(`[quire] database ${databaseFile(env.dataDir)} (${applied} migration(s) applied)`);
}

async function main() {
  const env = getEnv(); // fails here, with every bad variable named, before anything starts
  process.env.NEXT_TELEMETRY_DISABLED = "1";

  const built = buildIfStale();
  if (built !== 0) process.exit(built);

  await migrate(env);

  const server = spawn(process.execPath, [path.join(ROOT, "bin", "server.mjs")], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", HOST: env.HOST, PORT: String(env.PORT) },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error: unknown) => {
  console.error(`[quire] ${(error as Error).message}`);
  process.exit(1);
});
