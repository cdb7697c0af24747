// `quire backup` under a live writer, and `quire restore` with every refusal, run as real child processes.
// The backup folder of a SQLite site: its database file, checked as a file. On PostgreSQL the
// database is pg_dump's instead (backup-restore-pg.test.ts), so these skip there.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "@/db/connection";
import { makeSite, MEDIA, MIGRATIONS, olderMigrations, sha256 } from "./backup-site";
import { MIGRATION_COUNT, onPostgres, ROOT, quire, readDb, singleErrorLine, tempDir, type Result } from "./cli-run";

// Another process writing as fast as it can, one transaction per post (with a comment):
// post w-N exists only if w-0 … w-(N-1) do, so a consistent snapshot holds a prefix.
const WRITER = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1]);
db.pragma("journal_mode = WAL"); db.pragma("synchronous = NORMAL"); db.pragma("busy_timeout = 5000");
const post = db.prepare("INSERT INTO posts (title, slug, author_id, status, published_at) VALUES (?, ?, 1, 'published', 2)");
const comment = db.prepare("INSERT INTO comments (post_id, author_name, markdown, html, status) VALUES (?, 'w', ?, '<p>w</p>', 'approved')");
const write = db.transaction((n) => { const id = post.run("w-" + n, "w-" + n).lastInsertRowid; comment.run(id, "c-" + n); });
let n = 0;
const tick = () => { write(n++); setImmediate(tick); };
process.on("SIGTERM", () => { db.close(); process.exit(0); });
tick();
`;

const writtenRows = (dbFile: string) =>
  readDb(dbFile, (db) => db.prepare("SELECT count(*) FROM posts WHERE title LIKE 'w-%'").pluck().get() as number);

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let site: string;
let backup: string;
let backupRun: Result;
let writtenAfterBackup = 0;
let writtenWhenBackupEnded = 0;

const SQLITE_ONLY =
  "the SQLite database file's backup and restore; this file runs on PostgreSQL (see backup-restore-pg.test.ts)";
if (onPostgres) test.skip(SQLITE_ONLY, () => {});

beforeAll(async () => {
  if (onPostgres) return;
  site = tempDir();
  makeSite(site);
  const dbFile = path.join(site, "quire.db");
  const writer: ChildProcess = spawn(process.execPath, ["-e", WRITER, dbFile], { cwd: ROOT, stdio: "ignore" });
  try {
    await until(() => writtenRows(dbFile) >= 50, "the writer to start");
    backup = path.join(tempDir(), "nightly");
    backupRun = await quire(site, ["backup", backup]);
    writtenWhenBackupEnded = writtenRows(dbFile);
    // The site kept writing during and after the backup: it was never locked out.
    await until(() => writtenRows(dbFile) > writtenWhenBackupEnded + 20, "writes after the backup");
    writtenAfterBackup = writtenRows(dbFile);
  } finally {
    writer.kill("SIGTERM");
    await new Promise((r) => writer.once("exit", r));
  }
}, 60_000);

describe.skipIf(onPostgres)("backup", () => {
  test("is listed in the usage with restore and seed-bench", async () => {
    const help = await quire(site, ["help"]);
    for (const command of ["backup [path] [--include-secrets]", "restore <path>", "seed-bench --posts N --comments M"])
      expect(help.stdout).toContain(command);
  });

  test("copies a consistent snapshot while another process keeps writing", () => {
    expect(backupRun.code, backupRun.stderr).toBe(0);
    expect(backupRun.stdout).toContain(`Backup written to ${backup}`);
    expect(backupRun.stderr).toMatch(/database \[#+\] 100%/);
    expect(backupRun.stderr).toMatch(/media \[#+\] 100%/);
    expect(writtenAfterBackup).toBeGreaterThan(writtenWhenBackupEnded);

    const copy = path.join(backup, "quire.db");
    readDb(copy, (db) => {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.pragma("journal_mode", { simple: true })).toBe("delete");
      const titles = db.prepare("SELECT title FROM posts WHERE title LIKE 'w-%'").pluck().all() as string[];
      const n = titles.length;
      expect(n).toBeGreaterThanOrEqual(50);
      expect(new Set(titles)).toEqual(new Set(Array.from({ length: n }, (_, i) => `w-${i}`)));
      // Each post and its comment were one transaction: both or neither.
      expect(db.prepare("SELECT count(*) FROM comments WHERE markdown LIKE 'c-%'").pluck().get()).toBe(n);
      expect(db.prepare("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'lorem'").pluck().get()).toBe(1500);
    });
    expect(fs.existsSync(`${copy}-wal`)).toBe(false);
  });

  test("writes a manifest that matches the copy, with uploads and without secrets", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(backup, "manifest.json"), "utf8"));
    const copy = path.join(backup, "quire.db");
    expect(manifest.database.sha256).toBe(sha256(copy));
    expect(manifest.database.bytes).toBe(fs.statSync(copy).size);
    expect(manifest.database.migrations.applied).toBe(MIGRATION_COUNT);
    const posts = readDb(copy, (db) => db.prepare("SELECT count(*) FROM posts").pluck().get());
    expect(manifest.database.counts.posts).toBe(posts);
    expect(manifest.database.counts.users).toBe(1);
    expect(manifest.media).toEqual({ files: 3, bytes: Object.values(MEDIA).join("").length, missing: [] });
    for (const [key, content] of Object.entries(MEDIA))
      expect(fs.readFileSync(path.join(backup, "media", key), "utf8")).toBe(content);
    expect(manifest.secretsIncluded).toBe(false);
    expect(fs.readdirSync(backup).sort()).toEqual(["manifest.json", "media", "quire.db"]);
    expect(backupRun.stdout).toContain("secrets: not included");
  });

  test("--include-secrets adds the secret files, readable by the owner only", async () => {
    const target = path.join(tempDir(), "with-secrets");
    const result = await quire(site, ["backup", target, "--include-secrets"]);
    expect(result.code, result.stderr).toBe(0);
    const secret = path.join(target, "secrets", "auth.secret");
    expect(fs.readFileSync(secret, "utf8")).toBe("not-a-real-secret\n");
    expect(fs.statSync(secret).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(path.join(target, "manifest.json"), "utf8")).secretsIncluded).toBe(true);
  });

  test("defaults to ./backups/quire-<UTC time>/ in the working directory", async () => {
    const cwd = tempDir();
    const result = await quire(site, ["backup"], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const [name, ...others] = fs.readdirSync(path.join(cwd, "backups"));
    expect(others).toEqual([]);
    expect(name).toMatch(/^quire-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
  });

  test("refuses an existing target, an unusable path, a missing database and bad arguments, each in one line", async () => {
    const existing = tempDir();
    const aFile = path.join(existing, "file");
    fs.writeFileSync(aFile, "x");
    const cases: [string, string[], number, string][] = [
      [site, ["backup", existing], 1, "already exists"],
      [site, ["backup", path.join(aFile, "sub")], 1, "Cannot write the backup in"],
      [site, ["backup", path.join(site, "inside")], 1, "outside the data folder"],
      [tempDir(), ["backup", path.join(existing, "new")], 1, "No database at"],
      [site, ["backup", "one", "two"], 2, "takes at most 1 path"],
      [site, ["backup", "--secrets"], 2, "Unknown option --secrets"],
    ];
    const results = await Promise.all(cases.map(([dir, args]) => quire(dir, args)));
    results.forEach((result, i) => {
      const [, args, code, message] = cases[i]!;
      expect(result.code, args.join(" ")).toBe(code);
      expect(singleErrorLine(result)).toContain(message);
    });
    expect(fs.readdirSync(existing)).toEqual(["file"]);
  });
});

/** A copy of the backup with its database replaced or altered, and the manifest's hash optionally kept in step. */
function tamperedBackup(change: (dbFile: string) => void, updateHash = true): string {
  const copy = path.join(tempDir(), "tampered");
  fs.cpSync(backup, copy, { recursive: true });
  const dbFile = path.join(copy, "quire.db");
  change(dbFile);
  if (updateHash) {
    const manifestFile = path.join(copy, "manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    manifest.database.sha256 = sha256(dbFile);
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  }
  return copy;
}

/** The backup made as if on PostgreSQL: its database named quire.pgdump, and the manifest saying so. */
function postgresBackup(): string {
  const copy = path.join(tempDir(), "from-postgres");
  fs.cpSync(backup, copy, { recursive: true });
  fs.renameSync(path.join(copy, "quire.db"), path.join(copy, "quire.pgdump"));
  const manifestFile = path.join(copy, "manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
  const { sqliteVersion: _, ...database } = manifest.database;
  manifest.database = { ...database, kind: "postgres", file: "quire.pgdump", serverVersion: "15.20" };
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  return copy;
}

const postTitles = (dbFile: string) =>
  readDb(dbFile, (db) => db.prepare("SELECT title FROM posts ORDER BY id").pluck().all());

describe.skipIf(onPostgres)("restore", () => {
  test("restores into a fresh data folder: same posts, comments and uploads", async () => {
    const fresh = tempDir();
    const result = await quire(fresh, ["restore", backup]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Restored the backup of`);
    const restored = path.join(fresh, "quire.db");
    expect(postTitles(restored)).toEqual(postTitles(path.join(backup, "quire.db")));
    readDb(restored, (db) => {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(db.prepare("SELECT count(*) FROM comments").pluck().get()).toBe(
        readDb(path.join(backup, "quire.db"), (b) => b.prepare("SELECT count(*) FROM comments").pluck().get()),
      );
    });
    for (const [key, content] of Object.entries(MEDIA))
      expect(fs.readFileSync(path.join(fresh, "media", key), "utf8")).toBe(content);
    // Secrets were not in the backup, so none appear.
    expect(fs.readdirSync(fresh).filter((name) => name.endsWith(".secret"))).toEqual([]);
    expect(fs.readdirSync(fresh).filter((name) => name.includes("restore-"))).toEqual([]);
  });

  test("QUIRE_MEDIA_DIR: backup takes the uploads from that folder and restore puts them back there", async () => {
    const dir = tempDir();
    makeSite(dir, MIGRATIONS, 3);
    const shared = path.join(tempDir(), "shared-media");
    fs.renameSync(path.join(dir, "media"), shared);
    const saved = path.join(tempDir(), "b");
    const backedUp = await quire(dir, ["backup", saved], { env: { QUIRE_MEDIA_DIR: shared } });
    expect(backedUp.code, backedUp.stderr).toBe(0);
    expect(fs.readFileSync(path.join(saved, "media", "2026/11/aa11-w1600.png"), "utf8")).toBe(
      MEDIA["2026/11/aa11-w1600.png"],
    );
    // A backup inside the media folder is refused like one inside the data folder.
    const inside = await quire(dir, ["backup", path.join(shared, "b")], { env: { QUIRE_MEDIA_DIR: shared } });
    expect(singleErrorLine(inside)).toContain(`outside the media folder ${shared}`);

    const fresh = tempDir();
    const elsewhere = path.join(tempDir(), "volume", "media");
    const restored = await quire(fresh, ["restore", saved], { env: { QUIRE_MEDIA_DIR: elsewhere } });
    expect(restored.code, restored.stderr).toBe(0);
    expect(fs.readFileSync(path.join(elsewhere, "2026/11/aa11-w1600.png"), "utf8")).toBe(
      MEDIA["2026/11/aa11-w1600.png"],
    );
    expect(fs.existsSync(path.join(fresh, "media"))).toBe(false);
  });

  test("keeps the previous database and uploads beside the restored ones", async () => {
    const dir = tempDir();
    makeSite(dir, MIGRATIONS, 3);
    const before = postTitles(path.join(dir, "quire.db"));
    const result = await quire(dir, ["restore", backup]);
    expect(result.code, result.stderr).toBe(0);
    const kept = fs.readdirSync(dir).filter((name) => name.startsWith("quire.db.before-restore-"));
    expect(kept).toHaveLength(1);
    expect(result.stdout).toContain(kept[0]);
    expect(postTitles(path.join(dir, kept[0]!))).toEqual(before);
    expect(postTitles(path.join(dir, "quire.db"))).toEqual(postTitles(path.join(backup, "quire.db")));
    expect(fs.readdirSync(dir).filter((name) => name.startsWith("media.before-restore-"))).toHaveLength(1);
  });

  test("brings a backup from an older Quire up to date", async () => {
    // An older Quire: the same migrations folder without the newest migration.
    const oldSite = tempDir();
    makeSite(oldSite, olderMigrations(MIGRATIONS), 2);
    const oldBackup = path.join(tempDir(), "old");
    expect((await quire(oldSite, ["backup", oldBackup])).code).toBe(0);

    const fresh = tempDir();
    const result = await quire(fresh, ["restore", oldBackup]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Applied 1 migration(s): the backup came from an older Quire.");
    expect(
      readDb(path.join(fresh, "quire.db"), (db) =>
        db.prepare("SELECT count(*) FROM __drizzle_migrations").pluck().get(),
      ),
    ).toBe(MIGRATION_COUNT);
    expect(postTitles(path.join(fresh, "quire.db"))).toEqual(["Seed 0", "Seed 1"]);
  });

  test("refuses a bad backup with one line, leaving the current data untouched", async () => {
    const dir = tempDir();
    makeSite(dir, MIGRATIONS, 3);
    const current = path.join(dir, "quire.db");
    const hashBefore = sha256(current);
    const notAFile = path.join(tempDir(), "nothing-here");
    const aFile = path.join(backup, "manifest.json");
    const noManifest = tamperedBackup(() => undefined, false);
    fs.rmSync(path.join(noManifest, "manifest.json"));
    const cases: [string[], number, string | RegExp][] = [
      [["restore"], 2, "Missing the backup folder"],
      [["restore", backup, "extra"], 2, "takes at most 1 path"],
      [["restore", notAFile], 1, "there is no backup at"],
      [["restore", aFile], 1, "is a file; give the backup folder"],
      [["restore", noManifest], 1, "is not a Quire backup (it has no manifest.json)"],
      [
        ["restore", tamperedBackup((f) => fs.appendFileSync(f, "x"), false)],
        1,
        "does not match the sha256 in its manifest",
      ],
      [
        ["restore", tamperedBackup((f) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2)))],
        1,
        /fails SQLite's integrity check|is damaged/,
      ],
      [
        ["restore", tamperedBackup((f) => fs.writeFileSync(f, "this is not a database, just text ".repeat(200)))],
        1,
        "is not a SQLite database",
      ],
      [
        [
          "restore",
          tamperedBackup((f) =>
            writeIn(f, "INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', 9999999999999)"),
          ),
        ],
        1,
        "made by a newer Quire",
      ],
      [["restore", tamperedBackup((f) => writeIn(f, "DROP TABLE __drizzle_migrations"))], 1, "is not a Quire database"],
      [["restore", postgresBackup()], 1, "is the backup of a PostgreSQL site (quire.pgdump)"],
    ];
    for (const [args, code, message] of cases) {
      const result = await quire(dir, args);
      expect(result.code, args.join(" ")).toBe(code);
      expect(singleErrorLine(result)).toMatch(message);
      if (code === 1) expect(result.stderr).toContain("nothing was changed");
    }
    expect(sha256(current)).toBe(hashBefore);
    expect(fs.readdirSync(dir).sort()).toEqual(["auth.secret", "media", "quire.db"]);
  }, 60_000);

  test("refuses while another process has the database open, as a running server does", async () => {
    const dir = tempDir();
    makeSite(dir, MIGRATIONS, 3);
    const server = openDatabase(path.join(dir, "quire.db")).$client;
    try {
      server.prepare("SELECT count(*) FROM posts").get();
      const result = await quire(dir, ["restore", backup]);
      expect(result.code).toBe(1);
      expect(singleErrorLine(result)).toContain("is in use; stop the Quire server");
      expect(server.prepare("SELECT count(*) FROM posts").pluck().get()).toBe(3);
    } finally {
      server.close();
    }
    expect(fs.readdirSync(dir).filter((name) => name.includes("restore"))).toEqual([]);
  });

  test("puts the secrets back from a backup that has them", async () => {
    const target = path.join(tempDir(), "secret-backup");
    expect((await quire(site, ["backup", target, "--include-secrets"])).code).toBe(0);
    const fresh = tempDir();
    const result = await quire(fresh, ["restore", target]);
    expect(result.code, result.stderr).toBe(0);
    expect(fs.readFileSync(path.join(fresh, "auth.secret"), "utf8")).toBe("not-a-real-secret\n");
    expect(fs.statSync(path.join(fresh, "auth.secret")).mode & 0o777).toBe(0o600);
  });
});

function writeIn(file: string, statement: string): void {
  const db = openDatabase(file).$client;
  db.exec(statement);
  db.pragma("journal_mode = DELETE");
  db.close();
}
