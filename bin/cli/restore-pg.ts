// The database half of `quire restore` on PostgreSQL: pg_restore puts the dump back in one
// transaction (lib/ops/pg-dump.ts), so a dump that cannot be applied changes nothing, and
// the running instances are told to empty their page caches. As on SQLite, every check comes
// first, the previous database is kept (as a dump, beside where SQLite keeps its file), and
// a backup from an older Quire is brought up to date.
import fs from "node:fs";
import path from "node:path";
import { runPgMigrations } from "../../db/pg/migrate";
import { pgDump, pgRestore, PgToolError } from "../../lib/ops/pg-dump";
import { pgMigrationLevel, pgTableCounts } from "./backup-pg";
import {
  MEDIA_DIR,
  PG_DUMP_NAME,
  copyBackupMedia,
  fileStamp,
  refuse,
  sha256File,
  unknownMigrations,
  type Manifest,
  type PgDatabaseInfo,
} from "./backup-format";
import { CliError } from "./errors";
import { formatBytes } from "./progress";
import { describeDatabase, PG_MIGRATIONS_DIR, withPgClient } from "./postgres";

type Restore = {
  backup: string;
  manifest: Manifest;
  database: PgDatabaseInfo;
  url: string;
  dataDir: string;
  mediaDir: string;
};

export async function restorePostgres({ backup, manifest, database, url, dataDir, mediaDir }: Restore): Promise<void> {
  const dump = path.join(backup, PG_DUMP_NAME);
  const target = describeDatabase(url);
  // Every refusal comes before any progress output: a refused restore prints one line.
  if ((await sha256File(dump)) !== database.sha256)
    throw refuse(
      `${PG_DUMP_NAME} in ${backup} does not match the sha256 in its manifest (the file is damaged or was changed)`,
    );
  if (database.migrations.applied === 0)
    throw refuse(`${PG_DUMP_NAME} in ${backup} is not a Quire database (it has no migration journal)`);
  const unknown = unknownMigrations(database.migrations, PG_MIGRATIONS_DIR).length;
  if (unknown)
    throw refuse(
      `the backup was made by a newer Quire (${unknown} of its migrations are unknown to this version); upgrade Quire first, then restore`,
    );
  const current = await withPgClient(url, pgMigrationLevel);
  // pg_restore --clean drops what the dump holds and nothing else: the tables and functions of
  // migrations the backup predates would stay behind, and applying those migrations again
  // after the restore would then fail halfway.
  const backedUp = new Set(database.migrations.hashes);
  const ahead = current.hashes.filter((hash) => !backedUp.has(hash)).length;
  if (ahead)
    throw refuse(
      `${target} has ${ahead} migration(s) the backup predates, whose tables pg_restore would leave behind; ` +
        "restore into a new, empty database (createdb) with DATABASE_URL naming it",
    );
  process.stderr.write(
    `${PG_DUMP_NAME} verified (${formatBytes(database.bytes)}, sha256 ok, ${database.migrations.applied} known migrations)\n`,
  );

  fs.mkdirSync(dataDir, { recursive: true });
  fs.mkdirSync(path.dirname(mediaDir), { recursive: true });
  const stamp = fileStamp();
  const tmpMedia = `${mediaDir}.restore-${process.pid}`;
  // A database that already holds a site is kept as a dump before it is replaced.
  const kept = current.applied > 0 ? path.join(dataDir, `${PG_DUMP_NAME}.before-restore-${stamp}`) : null;
  try {
    copyBackupMedia(path.join(backup, MEDIA_DIR), tmpMedia);
    if (kept) await pgDump(url, kept);
    process.stderr.write(`database: pg_restore into ${target} …\n`);
    await pgRestore(url, dump);
  } catch (error) {
    fs.rmSync(tmpMedia, { recursive: true, force: true });
    if (kept) fs.rmSync(kept, { force: true });
    // pg_restore runs in one transaction: when it fails, the database is as it was.
    if (error instanceof PgToolError) throw new CliError(`Restore failed: ${error.message}; nothing was changed.`);
    throw error;
  }

  if (fs.existsSync(mediaDir)) fs.renameSync(mediaDir, `${mediaDir}.before-restore-${stamp}`);
  fs.renameSync(tmpMedia, mediaDir);

  // A backup from an older Quire is brought up to this version's schema.
  const { applied, counts } = await withPgClient(url, async (client) => ({
    applied: await runPgMigrations(client, PG_MIGRATIONS_DIR),
    counts: await pgTableCounts(client),
  }));
  const n = (table: string) => (counts[table] ?? 0).toLocaleString("en");
  console.log(
    `Restored the backup of ${manifest.createdAt} into ${target}: ${n("posts")} posts, ${n("comments")} comments, ${n("users")} users, ${manifest.media.files} media file(s).`,
  );
  if (applied > 0) console.log(`Applied ${applied} migration(s): the backup came from an older Quire.`);
  if (kept)
    console.log(
      `The previous database is kept as ${kept} (and media as ${path.basename(mediaDir)}.before-restore-${stamp} when there was one); ` +
        `to undo, pg_restore --clean --if-exists --single-transaction --no-owner --dbname "$DATABASE_URL" ${kept}.`,
    );
}
