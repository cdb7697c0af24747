// `quire backup [path]`: a consistent copy of the database and the uploads, taken
// while the site keeps serving (and writing). See backup-format.ts for the layout; on
// PostgreSQL the database is pg_dump's (backup-pg.ts), the rest is the same.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { DATABASE_FILE_NAME, databaseFile } from "../../db/connection";
import { databaseKind } from "../../db/kind";
import { getEnv } from "../../lib/env";
import { recordBackup } from "../../lib/ops/last-backup";
import { parseOptions } from "./args";
import { dumpPostgres, PG_SECRETS_NOTE, PG_SECRETS_REFUSAL } from "./backup-pg";
import {
  FORMAT,
  MANIFEST_NAME,
  MEDIA_DIR,
  SECRETS_DIR,
  copyDurably,
  copyTree,
  fileStamp,
  fsyncPath,
  isPgBackup,
  isSecretFile,
  listFiles,
  migrationLevel,
  PG_DUMP_NAME,
  quireVersion,
  sha256File,
  tableCounts,
  type Manifest,
} from "./backup-format";
import { CliError, UsageError } from "./errors";
import { formatBytes, formatSeconds, progress } from "./progress";
import { USAGE } from "./usage";

// SQLite's online backup restarts from the first page whenever another connection
// writes between two steps, so the default 100-page steps never finish under a
// steady writer (STACK-NOTES). Copying every page in one step holds a read
// transaction for the copy: in WAL mode that never blocks the site's writers, and
// the copy is the exact snapshot at its start (the WAL just cannot be reset until
// the copy ends, so it grows by what is written meanwhile). VACUUM INTO would also be
// consistent, but it rebuilds every table and index (slower on a big site) and
// blocks this process without any progress to show; the page copy is a straight read.
const ALL_PAGES = 0x7fffffff;

export async function backupCommand(args: string[]): Promise<void> {
  const { flags, positionals, help } = parseOptions("backup", args, {
    strings: [],
    booleans: ["include-secrets"],
    maxPositionals: 1,
  });
  if (help) return void console.log(USAGE);
  const { dataDir, mediaDir, DATABASE_URL } = getEnv();
  const onPostgres = databaseKind() === "postgres";
  if (onPostgres && flags["include-secrets"]) throw new UsageError(PG_SECRETS_REFUSAL);
  const source = databaseFile(dataDir);
  if (!onPostgres && !fs.existsSync(source))
    throw new CliError(`No database at ${source}: nothing to back up (is QUIRE_DATA_DIR set right?).`);

  const target = path.resolve(positionals[0] ?? path.join("backups", `quire-${fileStamp()}`));
  for (const [folder, what] of [
    [dataDir, "data folder"],
    [mediaDir, "media folder"],
  ] as const) {
    if (target === folder || target.startsWith(folder + path.sep)) {
      throw new CliError(`Choose a backup path outside the ${what} ${folder}.`);
    }
  }
  if (fs.existsSync(target))
    throw new CliError(`${target} already exists: a backup never overwrites; choose a new path.`);
  const parent = path.dirname(target);
  try {
    fs.mkdirSync(parent, { recursive: true });
    fs.accessSync(parent, fs.constants.W_OK);
  } catch (error) {
    throw new CliError(
      `Cannot write the backup in ${parent}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    );
  }

  const started = Date.now();
  // Built beside the target and renamed at the end: a backup interrupted half-way
  // never looks like a complete one.
  const work = `${target}.partial-${process.pid}`;
  fs.mkdirSync(work);
  try {
    const database = onPostgres
      ? await dumpPostgres(DATABASE_URL!, path.join(work, PG_DUMP_NAME))
      : await copyDatabase(source, path.join(work, DATABASE_FILE_NAME));
    // After the database: uploads are written before the row that names them, so
    // every upload the copied database refers to already exists now.
    const media = copyMedia(mediaDir, path.join(work, MEDIA_DIR), database.storageKeys);
    const secrets = flags["include-secrets"] ? copySecrets(dataDir, path.join(work, SECRETS_DIR)) : [];
    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: 1,
      createdAt: new Date(started).toISOString(),
      quireVersion: quireVersion(),
      database: database.info,
      media,
      secretsIncluded: flags["include-secrets"],
    };
    fs.writeFileSync(path.join(work, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
    fsyncPath(path.join(work, MANIFEST_NAME));
    fsyncPath(work);
    fs.renameSync(work, target);
    fsyncPath(parent);
    // The health page reads when the last backup was made from the data folder, which a
    // PostgreSQL site's machine may not have made yet.
    if (onPostgres) fs.mkdirSync(dataDir, { recursive: true });
    recordBackup(dataDir, { at: manifest.createdAt, path: target, bytes: database.info.bytes });
    report(target, manifest, secrets, Date.now() - started);
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

async function copyDatabase(source: string, dest: string) {
  const live = new Database(source, { readonly: true, fileMustExist: true });
  let bar: ReturnType<typeof progress> | undefined;
  try {
    live.pragma("busy_timeout = 5000");
    await live.backup(dest, {
      progress({ totalPages, remainingPages }) {
        bar ??= progress("database", totalPages);
        bar.update(totalPages - remainingPages);
        return ALL_PAGES;
      },
    });
  } finally {
    live.close();
  }
  const copy = new Database(dest, { fileMustExist: true });
  try {
    // The copy carries the live file's WAL flag; a rollback journal makes it one
    // self-contained file that opens read-only anywhere.
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok")
      throw new CliError(
        `The copied database failed SQLite's quick_check (${String(check)}); the backup was not written.`,
      );
    const counts = tableCounts(copy);
    const pages = copy.pragma("page_count", { simple: true }) as number;
    bar ??= progress("database", pages);
    bar.finish();
    const storageKeys = counts.media ? (copy.prepare("SELECT storage_key FROM media").pluck().all() as string[]) : [];
    const sqliteVersion = copy.prepare("SELECT sqlite_version()").pluck().get() as string;
    const migrations = migrationLevel(copy);
    copy.close();
    fsyncPath(dest);
    const bytes = fs.statSync(dest).size;
    return {
      info: { file: DATABASE_FILE_NAME, bytes, sha256: await sha256File(dest), sqliteVersion, migrations, counts },
      storageKeys,
    } as const;
  } finally {
    if (copy.open) copy.close();
  }
}

function copyMedia(from: string, to: string, storageKeys: string[]): Manifest["media"] {
  const files = listFiles(from);
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  fs.mkdirSync(to);
  const bar = progress("media", total);
  const copied = copyTree(from, to, files, (bytes) => bar.update(bytes));
  bar.finish(`${copied.length} file(s)`);
  const present = new Set(copied.map((f) => f.rel));
  return {
    files: copied.length,
    bytes: copied.reduce((sum, f) => sum + f.bytes, 0),
    // Deleted while the backup ran, or lost before it: named, so nobody is surprised later.
    missing: storageKeys.filter((key) => !present.has(key)),
  };
}

function copySecrets(dataDir: string, to: string): string[] {
  const names = fs.readdirSync(dataDir).filter(isSecretFile);
  fs.mkdirSync(to, { mode: 0o700 });
  for (const name of names) {
    copyDurably(path.join(dataDir, name), path.join(to, name));
    fs.chmodSync(path.join(to, name), 0o600);
  }
  return names;
}

function report(target: string, manifest: Manifest, secrets: string[], elapsed: number) {
  const { database, media } = manifest;
  const count = (table: string) => (database.counts[table] ?? 0).toLocaleString("en");
  console.log(`Backup written to ${target} in ${formatSeconds(elapsed)}.`);
  console.log(
    `  database: ${formatBytes(database.bytes)}, ${count("posts")} posts, ${count("comments")} comments, ${count("users")} users; ` +
      `${database.migrations.applied} migrations; sha256 ${database.sha256.slice(0, 16)}…`,
  );
  console.log(
    `  media: ${media.files} file(s), ${formatBytes(media.bytes)}${media.missing.length ? `; ${media.missing.length} upload(s) named in the database were not found` : ""}`,
  );
  if (isPgBackup(database)) return void console.log(PG_SECRETS_NOTE);
  console.log(
    manifest.secretsIncluded
      ? `  secrets: included (${secrets.join(", ") || "none found"}); keep this backup as private as the server itself.`
      : "  secrets: not included (auth.secret signs sessions and encrypts Admin API keys); keep AUTH_SECRET or the file elsewhere, or add --include-secrets.",
  );
}
