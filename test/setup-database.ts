import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";

// A fresh data folder per test file, set before any module reads the environment.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-test-"));
process.env.QUIRE_DATA_DIR = dataDir;
// Jobs and failures log through pino (lib/ops/log.mjs); tests that expect them stay quiet.
process.env.QUIRE_LOG_LEVEL ??= "silent";

// QUIRE_TEST_DATABASE=postgres (npm test's second run): each test file gets a PostgreSQL
// database of its own instead, a copy of the migrated one test/global-postgres.ts made,
// named by DATABASE_URL, and dropped afterwards.
const postgres = process.env.QUIRE_TEST_DATABASE === "postgres" ? await import("./postgres") : undefined;
const pgTemplate = postgres ? inject("pgTemplate") : null;
const pgDatabase = await postgres?.createTestDatabase(inject("pgRun") ?? "quire_vitest", pgTemplate ?? undefined);
if (postgres && pgDatabase) {
  postgres.pointAppAt(postgres.urlOf(pgDatabase));
  if (!pgTemplate) {
    // Run without the global set-up (a config of its own): migrate this file's database itself.
    const { runPgMigrations } = await import("../db/pg/migrate");
    const client = await postgres.connectTo(pgDatabase);
    await runPgMigrations(client).finally(() => client.end());
  }
}

afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (!postgres || !pgDatabase) return;
  const { closeDatabase } = await import("../db/client");
  await closeDatabase();
  await postgres.dropTestDatabase(pgDatabase);
});
