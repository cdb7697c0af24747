import path from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { ClientBase } from "pg";

// The PostgreSQL counterpart of db/migrate.ts: applies db/migrations/pg in one transaction.
// Several instances may start together against one server (issue 15): a transaction-scoped
// advisory lock lets the first apply the migrations while the others wait for its commit,
// then find the journal up to date and apply nothing. PostgreSQL's DDL is transactional, so
// a migration that fails leaves the database exactly as it was, journal included.

export const PG_MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations", "pg");

// drizzle-kit's own journal for PostgreSQL, so either tool sees the same history.
const JOURNAL = "drizzle.__drizzle_migrations";
// Any constant both sides agree on: the bytes of "Quire" as one bigint.
const MIGRATION_LOCK = 0x5175697265;

async function appliedHashes(client: ClientBase): Promise<Set<string>> {
  const { rows } = await client.query<{ hash: string }>(`SELECT hash FROM ${JOURNAL}`);
  return new Set(rows.map((row) => row.hash));
}

/** Applies the pending migrations; returns how many. Give it a client no one else uses meanwhile. */
export async function runPgMigrations(client: ClientBase, folder = PG_MIGRATIONS_FOLDER): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  await client.query("BEGIN");
  try {
    // Held until COMMIT or ROLLBACK: the next instance waits here, not halfway through.
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE SCHEMA IF NOT EXISTS drizzle");
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${JOURNAL} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`,
    );
    const applied = await appliedHashes(client);
    let count = 0;
    for (const migration of migrations) {
      if (applied.has(migration.hash)) continue;
      for (const statement of migration.sql) if (statement.trim()) await client.query(statement);
      await client.query(`INSERT INTO ${JOURNAL} (hash, created_at) VALUES ($1, $2)`, [
        migration.hash,
        migration.folderMillis,
      ]);
      count++;
    }
    await client.query("COMMIT");
    return count;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

export type PgMigrationStatus = { applied: number; total: number; pending: string[]; current: boolean };

/** What `/api/health` and the CLI report: the same shape as SQLite's `migrationStatus`. */
export async function pgMigrationStatus(client: ClientBase, folder = PG_MIGRATIONS_FOLDER): Promise<PgMigrationStatus> {
  const files = readMigrationFiles({ migrationsFolder: folder });
  const { rows } = await client.query<{ exists: boolean }>("SELECT to_regclass($1) IS NOT NULL AS exists", [JOURNAL]);
  const applied = rows[0]?.exists ? await appliedHashes(client) : new Set<string>();
  const pending = files.filter((m) => !applied.has(m.hash)).map((m) => String(m.folderMillis));
  return { applied: applied.size, total: files.length, pending, current: pending.length === 0 };
}
