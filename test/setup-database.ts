import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

// A fresh data folder per test file, set before any module reads the environment.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-test-"));
process.env.QUIRE_DATA_DIR = dataDir;
// Jobs and failures log through pino (lib/ops/log.mjs); tests that expect them stay quiet.
process.env.QUIRE_LOG_LEVEL ??= "silent";

// QUIRE_TEST_DATABASE=postgres: each test file gets a PostgreSQL database of its own instead,
// migrated, named by DATABASE_URL, and dropped afterwards (docs/postgres.md, step 6; not yet
// part of `npm test`: most files still reach SQLite's connection directly).
const postgres = process.env.QUIRE_TEST_DATABASE === "postgres" ? await import("./postgres") : undefined;
const pgDatabase = await postgres?.createTestDatabase("quire_vitest");
if (postgres && pgDatabase) {
  postgres.pointAppAt(postgres.urlOf(pgDatabase));
  const { runPgMigrations } = await import("../db/pg/migrate");
  const client = await postgres.connectTo(pgDatabase);
  try {
    await runPgMigrations(client);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (!postgres || !pgDatabase) return;
  const { closeDatabase } = await import("../db/client");
  await closeDatabase();
  await postgres.dropTestDatabase(pgDatabase);
});
