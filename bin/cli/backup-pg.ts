// The database half of `quire backup` on PostgreSQL: pg_dump's custom format
// (lib/ops/pg-dump.ts), and what the manifest says about it, read from the very snapshot the
// dump is taken from. The media and the manifest are backup.ts's, as on SQLite.
import fs from "node:fs";
import type pg from "pg";
import { pgDump, PgToolError } from "../../lib/ops/pg-dump";
import { fsyncPath, type MigrationLevel, PG_DUMP_NAME, type PgDatabaseInfo, sha256File } from "./backup-format";
import { CliError } from "./errors";
import { describeDatabase, withPgClient } from "./postgres";

const SECRETS = "AUTH_SECRET, QUIRE_COMMENTS_SECRET and QUIRE_IP_SALT";
export const PG_SECRETS_REFUSAL =
  `--include-secrets copies the data folder's secret files; with DATABASE_URL the secrets are ${SECRETS} ` +
  "in the environment, which a backup cannot copy: keep them with the deployment's configuration.";
export const PG_SECRETS_NOTE = `  secrets: ${SECRETS} come from the environment and are not in the backup; keep them with the deployment's configuration.`;

const JOURNAL = "drizzle.__drizzle_migrations";

/** The migrations recorded in the database's journal (none when it has none): migrationLevel's counterpart. */
export async function pgMigrationLevel(client: pg.ClientBase): Promise<MigrationLevel> {
  const { rows: found } = await client.query<{ journal: boolean }>("SELECT to_regclass($1) IS NOT NULL AS journal", [
    JOURNAL,
  ]);
  if (!found[0]!.journal) return { applied: 0, latest: null, hashes: [] };
  const { rows } = await client.query<{ hash: string; createdAt: string | null }>(
    `SELECT hash, created_at AS "createdAt" FROM ${JOURNAL} ORDER BY id`,
  );
  const latest = rows.length ? Math.max(...rows.map((r) => Number(r.createdAt))) : null;
  return { applied: rows.length, latest, hashes: rows.map((r) => r.hash) };
}

/** Row counts of every table of the public schema: tableCounts' counterpart. */
export async function pgTableCounts(client: pg.ClientBase): Promise<Record<string, number>> {
  const { rows: tables } = await client.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const counts: Record<string, number> = {};
  // Names come from the catalogue, not from input; quoted as identifiers all the same.
  for (const { name } of tables) {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM public."${name.replace(/"/g, '""')}"`,
    );
    counts[name] = rows[0]!.n;
  }
  return counts;
}

/**
 * Dumps the database at `url` into `dest`. A read-only REPEATABLE READ transaction exports
 * its snapshot and stays open while pg_dump takes the dump from that snapshot: the counts,
 * the migration level and the uploads' names read in it describe exactly what was dumped,
 * while the site keeps writing (pg_dump blocks no writer).
 */
export async function dumpPostgres(url: string, dest: string) {
  return await withPgClient(url, async (client) => {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const { rows } = await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
      const migrations = await pgMigrationLevel(client);
      if (migrations.applied === 0)
        throw new CliError(`${describeDatabase(url)} holds no Quire site (no migration journal): nothing to back up.`);
      const counts = await pgTableCounts(client);
      const storageKeys = counts.media
        ? (await client.query<{ key: string }>("SELECT storage_key AS key FROM media")).rows.map((row) => row.key)
        : [];
      const { rows: version } = await client.query<{ server_version: string }>("SHOW server_version");
      process.stderr.write(`database: pg_dump of ${describeDatabase(url)} …\n`);
      await pgDump(url, dest, { snapshot: rows[0]!.snapshot }).catch((error: unknown) => {
        throw error instanceof PgToolError ? new CliError(`${error.message}; the backup was not written.`) : error;
      });
      fsyncPath(dest);
      const bytes = fs.statSync(dest).size;
      const info: PgDatabaseInfo = {
        kind: "postgres",
        file: PG_DUMP_NAME,
        bytes,
        sha256: await sha256File(dest),
        serverVersion: version[0]!.server_version,
        migrations,
        counts,
      };
      return { info, storageKeys };
    } finally {
      await client.query("COMMIT");
    }
  });
}
