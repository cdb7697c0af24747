// What a Quire backup folder holds, shared by `backup` and `restore`:
//   quire.db       the database, one self-contained file (rollback journal mode, no -wal)
//   quire.pgdump   instead, on PostgreSQL: pg_dump's custom format (backup-pg.ts)
//   media/         a copy of $QUIRE_DATA_DIR/media (uploads)
//   secrets/       only with --include-secrets: the *.secret files of the data folder
//   manifest.json  what is inside, with the database file's sha256
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { z } from "zod";
import { DATABASE_FILE_NAME } from "../../db/connection";
import { CliError } from "./errors";
import { MIGRATIONS_DIR, PG_DUMP_NAME } from "./paths";
import { progress } from "./progress";

export const MEDIA_DIR = "media";
export const SECRETS_DIR = "secrets";
export const MANIFEST_NAME = "manifest.json";
export const FORMAT = "quire-backup";

// The auth secret (and any other generated secret) lives beside the database as
// <name>.secret; see lib/security/secrets.ts.
export const isSecretFile = (name: string) => name.endsWith(".secret");

const databaseFields = {
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  migrations: z.object({ applied: z.number().int(), latest: z.number().nullable(), hashes: z.array(z.string()) }),
  counts: z.record(z.string(), z.number().int()),
};
const sqliteDatabaseSchema = z.object({
  file: z.literal(DATABASE_FILE_NAME),
  sqliteVersion: z.string(),
  ...databaseFields,
});
// Marked by `kind`: manifests written before PostgreSQL have none, and stay valid as they are.
const pgDatabaseSchema = z.object({
  kind: z.literal("postgres"),
  file: z.literal(PG_DUMP_NAME),
  serverVersion: z.string(),
  ...databaseFields,
});

export const manifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  quireVersion: z.string(),
  database: z.union([sqliteDatabaseSchema, pgDatabaseSchema]),
  media: z.object({ files: z.number().int(), bytes: z.number().int(), missing: z.array(z.string()) }),
  secretsIncluded: z.boolean(),
});
export type Manifest = z.infer<typeof manifestSchema>;
export { PG_DUMP_NAME };
export type PgDatabaseInfo = z.infer<typeof pgDatabaseSchema>;

export const isPgBackup = (database: Manifest["database"]): database is PgDatabaseInfo => "kind" in database;

export function quireVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    fs.createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

export type MigrationLevel = Manifest["database"]["migrations"];

/** The migrations recorded in a database's journal (none when it has no journal). */
export function migrationLevel(sqlite: Database.Database): MigrationLevel {
  const journal = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!journal) return { applied: 0, latest: null, hashes: [] };
  const rows = sqlite.prepare("SELECT hash, created_at AS createdAt FROM __drizzle_migrations ORDER BY id").all() as {
    hash: string;
    createdAt: number;
  }[];
  const latest = rows.length ? Math.max(...rows.map((r) => Number(r.createdAt))) : null;
  return { applied: rows.length, latest, hashes: rows.map((r) => r.hash) };
}

/** Hashes of applied migrations that this version of Quire does not ship (in `folder`: SQLite's, or PostgreSQL's). */
export function unknownMigrations(level: MigrationLevel, folder = MIGRATIONS_DIR): string[] {
  const known = new Set(readMigrationFiles({ migrationsFolder: folder }).map((m) => m.hash));
  return level.hashes.filter((hash) => !known.has(hash));
}

/** Row counts of every ordinary table (the search index's shadow tables left out). */
export function tableCounts(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'posts_fts%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  // Names come from sqlite_master, not from input; quoted as identifiers all the same.
  return Object.fromEntries(
    tables.map((name) => [
      name,
      sqlite
        .prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`)
        .pluck()
        .get() as number,
    ]),
  );
}

export type FileEntry = { rel: string; bytes: number };

/** Every regular file under `dir`, relative paths with "/"; [] when `dir` does not exist. */
export function listFiles(dir: string): FileEntry[] {
  if (!fs.existsSync(dir)) return [];
  const out: FileEntry[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push({ rel: child, bytes: fs.statSync(path.join(dir, child)).size });
    }
  };
  walk("");
  return out.sort((a, b) => a.rel.localeCompare(b.rel));
}

/** Copies one file and flushes it to disk, so a folder we call complete really is. */
export function copyDurably(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
  fsyncPath(to);
}

export function fsyncPath(target: string): void {
  const fd = fs.openSync(target, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies a file tree, calling `onBytes` with the running total. Files that vanish mid-copy are skipped. */
export function copyTree(from: string, to: string, files: FileEntry[], onBytes: (copied: number) => void): FileEntry[] {
  let copied = 0;
  const done: FileEntry[] = [];
  fs.mkdirSync(to, { recursive: true });
  for (const file of files) {
    try {
      copyDurably(path.join(from, file.rel), path.join(to, file.rel));
      done.push(file);
    } catch (error) {
      // An upload deleted while we copy is not an error: the database copy is the reference.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    copied += file.bytes;
    onBytes(copied);
  }
  return done;
}

/** A restore that stops before changing anything, in one line. */
export const refuse = (reason: string) => new CliError(`Refusing to restore: ${reason}; nothing was changed.`);

/** Copies a backup's uploads to `to`, with progress. */
export function copyBackupMedia(from: string, to: string): void {
  const files = listFiles(from);
  const bar = progress(
    "media",
    files.reduce((sum, f) => sum + f.bytes, 0),
  );
  copyTree(from, to, files, (bytes) => bar.update(bytes));
  bar.finish(`${files.length} file(s)`);
}

/** UTC timestamp usable in a file name: 2026-11-23T11-31-50Z. */
export function fileStamp(date = new Date()): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
}
