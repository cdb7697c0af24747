// `npm start`: build when the build is missing or older than the sources, apply
// migrations, then serve on HOST:PORT (bin/server.mjs; with QUIRE_WORKERS=N it forks
// N workers, after the migrations have run here once).
import { spawn } from "node:child_process";
import path from "node:path";
import { databaseFile, openDatabase } from "../db/connection";
import { runMigrations } from "../db/migrate";
import { getEnv } from "../lib/env";
import { buildIfStale, ROOT } from "./build-check";

function main() {
  const env = getEnv(); // fails here, with every bad variable named, before anything starts
  // The data layer speaks PostgreSQL in parts only so far (docs/postgres.md, "Status"): a site
  // started on it would fail page by page, so it does not start at all.
  if (env.DATABASE_URL) {
    throw new Error("PostgreSQL is not supported yet (docs/postgres.md says how far it is): unset DATABASE_URL.");
  }
  process.env.NEXT_TELEMETRY_DISABLED = "1";

  const built = buildIfStale();
  if (built !== 0) process.exit(built);

  const db = openDatabase(databaseFile(env.dataDir));
  const applied = runMigrations(db.$client);
  db.$client.close();
  console.log(`[quire] database ${databaseFile(env.dataDir)} (${applied} migration(s) applied)`);

  const server = spawn(process.execPath, [path.join(ROOT, "bin", "server.mjs")], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", HOST: env.HOST, PORT: String(env.PORT) },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

try {
  main();
} catch (error) {
  console.error(`[quire] ${(error as Error).message}`);
  process.exit(1);
}
