// `quire restore <path>`: replaces the data folder's database (and uploads) with a
// backup, after checking the copy it is about to use. Nothing in the data folder
// changes until every check has passed; the previous database is kept beside it.
// On PostgreSQL the database part is restore-pg.ts's.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { DATABASE_FILE_NAME, databaseFile, openDatabase } from "../../db/connection";
import { databaseKind } from "../../db/kind";
import { runMigrations } from "../../db/migrate";
import { getEnv } from "../../lib/env";
import { HELP_HINT, parseOptions } from "./args";
import {
  MANIFEST_NAME,
  MEDIA_DIR,
  PG_DUMP_NAME,
  SECRETS_DIR,
  copyBackupMedia,
  copyDurably,
  fileStamp,
  fsyncPath,
  isPgBackup,
  isSecretFile,
  manifestSchema,
  migrationLevel,
  refuse,
  sha256File,
  tableCounts,
  unknownMigrations,
  type Manifest,
} from "./backup-format";
import { CliError, UsageError } from "./errors";
import { MIGRATIONS_DIR } from "./paths";
import { formatBytes } from "./progress";
import { restorePostgres } from "./restore-pg";
import { USAGE } from "./usage";

export async function restoreCommand(args: string[]): Promise<void> {
  const { positionals, help } = parseOptions("restore", args, { strings: [], booleans: [], maxPositionals: 1 });
  if (help) return void console.log(USAGE);
  const from = positionals[0];
  if (from === undefined) throw new UsageError(`Missing the backup folder to restore from. ${HELP_HINT}`);
  const backup = path.resolve(from);
  const manifest = readManifest(backup);
  const onPostgres = databaseKind() === "postgres";
  if (isPgBackup(manifest.database) !== onPostgres) throw refuse(otherKind(backup, onPostgres));

  const { dataDir, mediaDir, DATABASE_URL } = getEnv();
  if (onPostgres && isPgBackup(manifest.database))
    return restorePostgres({ backup, manifest, database: manifest.database, url: DATABASE_URL!, dataDir, mediaDir });
  fs.mkdirSync(dataDir, { recursive: true });
  fs.mkdirSync(path.dirname(mediaDir), { recursive: true });
  const stamp = fileStamp();
  // Temporary names beside the database and the media folder (QUIRE_MEDIA_DIR may be
  // elsewhere), so the final renames stay on one file system.
  const tmpDb = path.join(dataDir, `${DATABASE_FILE_NAME}.restore-${process.pid}`);
  const tmpMedia = `${mediaDir}.restore-${process.pid}`;
  let kept: string | null;
  try {
    // Every refusal comes before any progress output: a refused restore prints one line.
    copyDurably(path.join(backup, DATABASE_FILE_NAME), tmpDb);
    // Checked on the copy we will swap in, not the original: what was verified is what is used.
    if ((await sha256File(tmpDb)) !== manifest.database.sha256) {
      throw refuse(
        `${DATABASE_FILE_NAME} in ${backup} does not match the sha256 in its manifest (the file is damaged or was changed)`,
      );
    }
    const migrations = validateDatabase(tmpDb, backup);
    assertNotInUse(dataDir);
    process.stderr.write(
      `${DATABASE_FILE_NAME} verified (${formatBytes(manifest.database.bytes)}, sha256 and integrity_check ok, ${migrations} known migrations)\n`,
    );
    copyBackupMedia(path.join(backup, MEDIA_DIR), tmpMedia);
    // Checked again right before the swap, in case a server started meanwhile.
    kept = takeOverCurrent(dataDir, stamp);
  } catch (error) {
    fs.rmSync(tmpDb, { force: true });
    fs.rmSync(tmpMedia, { recursive: true, force: true });
    throw error;
  }

  const current = databaseFile(dataDir);
  fs.renameSync(tmpDb, current);
  if (fs.existsSync(mediaDir)) fs.renameSync(mediaDir, `${mediaDir}.before-restore-${stamp}`);
  fs.renameSync(tmpMedia, mediaDir);
  const secrets = manifest.secretsIncluded ? restoreSecrets(path.join(backup, SECRETS_DIR), dataDir, stamp) : [];
  fsyncPath(dataDir);
  if (path.dirname(mediaDir) !== dataDir) fsyncPath(path.dirname(mediaDir));

  // A backup from an older Quire is brought up to this version's schema.
  const db = openDatabase(current);
  let applied: number;
  let counts: Record<string, number>;
  try {
    applied = runMigrations(db.$client, MIGRATIONS_DIR);
    counts = tableCounts(db.$client);
  } finally {
    db.$client.close();
  }
  const n = (table: string) => (counts[table] ?? 0).toLocaleString("en");
  console.log(
    `Restored the backup of ${manifest.createdAt} into ${dataDir}: ${n("posts")} posts, ${n("comments")} comments, ${n("users")} users, ${manifest.media.files} media file(s).`,
  );
  if (applied > 0) console.log(`Applied ${applied} migration(s): the backup came from an older Quire.`);
  if (secrets.length) console.log(`Restored secrets: ${secrets.join(", ")}.`);
  if (kept)
    console.log(
      `The previous database is kept as ${kept} (and media as ${path.basename(mediaDir)}.before-restore-${stamp} when there was one); move them back to undo.`,
    );
}

function readManifest(backup: string): Manifest {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(backup);
  } catch {
    throw refuse(`there is no backup at ${backup}`);
  }
  if (!stat.isDirectory())
    throw refuse(
      `${backup} is a file; give the backup folder (the one holding ${MANIFEST_NAME} and ${DATABASE_FILE_NAME})`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(path.join(backup, MANIFEST_NAME), "utf8"));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw refuse(
      missing
        ? `${backup} is not a Quire backup (it has no ${MANIFEST_NAME})`
        : `${MANIFEST_NAME} in ${backup} is not valid JSON`,
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success)
    throw refuse(
      `${MANIFEST_NAME} in ${backup} is not a Quire backup manifest (${parsed.error.issues[0]?.path.join(".") || "format"})`,
    );
  const { file } = parsed.data.database;
  if (!fs.existsSync(path.join(backup, file))) throw refuse(`${backup} has no ${file}`);
  return parsed.data;
}

/** Why a backup of one database cannot replace the other: a backup is the database's own format. */
function otherKind(backup: string, onPostgres: boolean): string {
  return onPostgres
    ? `${backup} is the backup of a SQLite site (${DATABASE_FILE_NAME}) and DATABASE_URL names a PostgreSQL database; ` +
        "restore it without DATABASE_URL, or carry the content over with quire export and quire import"
    : `${backup} is the backup of a PostgreSQL site (${PG_DUMP_NAME}); ` +
        "restore it with DATABASE_URL naming the PostgreSQL database it is to replace";
}

/** SQLite's own integrity check, then the schema level: only migrations this Quire knows. */
function validateDatabase(file: string, backup: string): number {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((line) => line !== "ok");
    if (problems.length)
      throw refuse(
        `${DATABASE_FILE_NAME} in ${backup} fails SQLite's integrity check (${problems[0]}${problems.length > 1 ? `, and ${problems.length - 1} more` : ""})`,
      );
    const level = migrationLevel(db);
    if (level.applied === 0)
      throw refuse(`${DATABASE_FILE_NAME} in ${backup} is not a Quire database (it has no migration journal)`);
    const unknown = unknownMigrations(level);
    if (unknown.length) {
      throw refuse(
        `the backup was made by a newer Quire (${unknown.length} of its migrations are unknown to this version); upgrade Quire first, then restore`,
      );
    }
    return level.applied;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "SQLITE_NOTADB") throw refuse(`${DATABASE_FILE_NAME} in ${backup} is not a SQLite database`);
    if (code?.startsWith("SQLITE_CORRUPT"))
      throw refuse(`${DATABASE_FILE_NAME} in ${backup} is damaged (${(error as Error).message})`);
    throw refuse(`${DATABASE_FILE_NAME} in ${backup} cannot be read (${(error as Error).message})`);
  } finally {
    db?.close();
  }
}

/**
 * Refuses while anything else has the current database open.
 * Leaving WAL mode needs the only connection to the file: it fails at once while
 * a server (even an idle one) holds the database open, which is exactly the case
 * to refuse. It also folds the WAL into the file, so the kept copy is complete.
 * A server started after the last check would open the restored file; still, stop it first.
 */
function assertNotInUse(dataDir: string): void {
  const current = databaseFile(dataDir);
  if (!fs.existsSync(current)) return;
  const db = new Database(current, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 300");
    db.pragma("journal_mode = DELETE");
    // And no reader or writer of any kind right now (an exclusive lock needs them all gone).
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
      throw refuse(`${current} is in use; stop the Quire server (and any other quire command) first`);
    }
    throw error;
  } finally {
    db.close();
  }
}

function takeOverCurrent(dataDir: string, stamp: string): string | null {
  const current = databaseFile(dataDir);
  if (!fs.existsSync(current)) return null;
  assertNotInUse(dataDir);
  const kept = `${current}.before-restore-${stamp}`;
  fs.renameSync(current, kept);
  // Stale journal files would be applied to the restored file on its next open.
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(`${current}${suffix}`, { force: true });
  return path.basename(kept);
}

function restoreSecrets(from: string, dataDir: string, stamp: string): string[] {
  const names = fs.existsSync(from) ? fs.readdirSync(from).filter(isSecretFile) : [];
  for (const name of names) {
    const dest = path.join(dataDir, name);
    if (fs.existsSync(dest)) fs.renameSync(dest, `${dest}.before-restore-${stamp}`);
    copyDurably(path.join(from, name), dest);
    fs.chmodSync(dest, 0o600);
  }
  return names;
}
