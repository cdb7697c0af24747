import path from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type Database from "better-sqlite3";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

const JOURNAL_TABLE = "__drizzle_migrations";
/** How long a process waits for another one's migrations before giving up. */
const MIGRATION_BUSY_TIMEOUT_MS = 5 * 60_000;

type Applied = { hash: string; created_at: number };

function ensureJournal(sqlite: Database.Database) {
  // Same table drizzle-kit's own migrator keeps, so either tool sees the same history.
  sqlite.exec(
    `CREATE TABLE IF NOT EXISTS ${JOURNAL_TABLE} (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)`,
  );
}

// The committed migrations cannot change while the process runs; reading and hashing
// every file again on each health check cost more than the rest of the check.
let committedMigrations: ReturnType<typeof readMigrationFiles> | undefined;
function migrationFiles(folder: string) {
  if (folder !== MIGRATIONS_FOLDER) return readMigrationFiles({ migrationsFolder: folder });
  return (committedMigrations ??= readMigrationFiles({ migrationsFolder: folder }));
}

export type MigrationStatus = { applied: number; total: number; pending: string[]; current: boolean };

export function migrationStatus(sqlite: Database.Database, folder = MIGRATIONS_FOLDER): MigrationStatus {
  const files = migrationFiles(folder);
  const hasJournal = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(JOURNAL_TABLE);
  const applied = hasJournal
    ? new Set((sqlite.prepare(`SELECT hash, created_at FROM ${JOURNAL_TABLE}`).all() as Applied[]).map((r) => r.hash))
    : new Set<string>();
  const pending = files.filter((m) => !applied.has(m.hash)).map((m) => String(m.folderMillis));
  return { applied: applied.size, total: files.length, pending, current: pending.length === 0 };
}

/**
 * Applies pending migrations in one IMMEDIATE transaction.
 *
 * drizzle-kit rebuilds a table by DROP + CREATE; with foreign keys on, the DROP
 * cascades into child tables and empties them, and `PRAGMA foreign_keys=OFF` inside
 * a transaction is ignored. So keys are switched off on the connection first, and
 * `foreign_key_check` must be clean before the transaction commits.
 */
export function runMigrations(sqlite: Database.Database, folder = MIGRATIONS_FOLDER): number {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  sqlite.pragma("foreign_keys = OFF");
  // Several processes may start at once on one file: the first takes the write lock and
  // migrates; the others wait for it here (longer than a request would), then find the
  // journal up to date and apply nothing.
  const busyTimeout = sqlite.pragma("busy_timeout", { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${MIGRATION_BUSY_TIMEOUT_MS}`);
  try {
    const apply = sqlite.transaction(() => {
      ensureJournal(sqlite);
      const applied = new Set(
        (sqlite.prepare(`SELECT hash FROM ${JOURNAL_TABLE}`).all() as Applied[]).map((r) => r.hash),
      );
      let count = 0;
      for (const migration of migrations) {
        if (applied.has(migration.hash)) continue;
        for (const statement of migration.sql) {
          if (statement.trim()) sqlite.exec(statement);
        }
        sqlite
          .prepare(`INSERT INTO ${JOURNAL_TABLE} (hash, created_at) VALUES (?, ?)`)
          .run(migration.hash, migration.folderMillis);
        count++;
      }
      assertSchemaInvariants(sqlite);
      return count;
    });
    return apply.immediate();
  } finally {
    sqlite.pragma(`busy_timeout = ${Number(busyTimeout)}`);
    sqlite.pragma("foreign_keys = ON");
  }
}

// Checked inside the migration transaction, so a migration that breaks them is rolled back.
function assertSchemaInvariants(sqlite: Database.Database) {
  const violations = sqlite.pragma("foreign_key_check") as unknown[];
  if (violations.length > 0) {
    throw new Error(`Migration left ${violations.length} broken foreign key reference(s); nothing was applied.`);
  }
  // Rebuilding `posts` drops its triggers; a migration that does so must create them again.
  const hasSearch = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'posts_fts'").get();
  const triggers = sqlite
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'posts_fts_after_%'")
    .get() as { n: number };
  if (hasSearch && triggers.n !== 3) {
    throw new Error("Migration dropped the search triggers on posts; recreate them in the same migration.");
  }
}
