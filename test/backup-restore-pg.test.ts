// `quire backup` and `quire restore` on a PostgreSQL site (DATABASE_URL), run as real child
// processes: pg_dump under a live writer, pg_restore into another database, and the refusals.
// Each site is a data folder and a database of its own (cli-run.ts tempSite()).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { pgRestore } from "@/lib/ops/pg-dump";
import { makePgSite, MEDIA, olderMigrations, PG_MIGRATIONS, sha256 } from "./backup-site";
import { MIGRATION_COUNT, onPostgres, quire, ROOT, siteDatabase, singleErrorLine, tempDir, tempSite } from "./cli-run";
import { journalLength, siteRows } from "./cli-users";
import { connectTo, createTestDatabase, dropTestDatabase, urlOf } from "./postgres";

if (!onPostgres)
  test.skip("PostgreSQL's backup and restore: runs when the file runs on PostgreSQL (QUIRE_TEST_DATABASE=postgres)", () => {});

// Another process writing as fast as it can, one transaction per post and its comment: post
// w-N exists only if w-0 … w-(N-1) do, so a consistent snapshot holds a prefix of them.
const WRITER = `
const pg = require("pg");
const client = new pg.Client({ connectionString: process.argv[1] });
let stop = false;
process.on("SIGTERM", () => (stop = true));
(async () => {
  await client.connect();
  for (let n = 0; !stop; n++) {
    await client.query("BEGIN");
    const post = await client.query(
      "INSERT INTO posts (title, slug, author_id, status, published_at) VALUES ($1, $1, 1, 'published', now()) RETURNING id",
      ["w-" + n],
    );
    await client.query(
      "INSERT INTO comments (post_id, author_name, markdown, html, status) VALUES ($1, 'w', $2, '<p>w</p>', 'approved')",
      [post.rows[0].id, "c-" + n],
    );
    await client.query("COMMIT");
  }
  await client.end();
})();
`;

const count = async (dir: string, query: string) => Number((await siteRows<{ n: string }>(dir, query))[0]!.n);
const written = (dir: string) => count(dir, "SELECT count(*) AS n FROM posts WHERE title LIKE 'w-%'");
const titles = async (dir: string) =>
  (await siteRows<{ title: string }>(dir, "SELECT title FROM posts ORDER BY id")).map((row) => row.title);

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const readManifest = (backup: string) => JSON.parse(fs.readFileSync(path.join(backup, "manifest.json"), "utf8"));

/** A copy of `backup`, its dump or manifest changed. */
type ManifestJson = { database: { sha256: string; migrations: { hashes: string[] }; [field: string]: unknown } };

function alteredBackup(backup: string, change: (copy: string, manifest: ManifestJson) => void): string {
  const copy = path.join(tempDir(), "altered");
  fs.cpSync(backup, copy, { recursive: true });
  const manifest = readManifest(copy);
  change(copy, manifest);
  fs.writeFileSync(path.join(copy, "manifest.json"), JSON.stringify(manifest));
  return copy;
}

describe.runIf(onPostgres)("backup and restore on PostgreSQL", () => {
  let site: string;
  let backup: string;
  let backupRun: { code: number | null; stdout: string; stderr: string };
  let writtenWhenBackupEnded = 0;
  let writtenAfterBackup = 0;

  beforeAll(async () => {
    site = await tempSite();
    await makePgSite(site);
    const writer: ChildProcess = spawn(process.execPath, ["-e", WRITER, urlOf(siteDatabase(site)!)], {
      cwd: ROOT,
      stdio: "ignore",
    });
    try {
      await until(async () => (await written(site)) >= 50, "the writer to start");
      backup = path.join(tempDir(), "nightly");
      backupRun = await quire(site, ["backup", backup]);
      writtenWhenBackupEnded = await written(site);
      // The site kept writing during and after the backup: it was never locked out.
      await until(async () => (await written(site)) > writtenWhenBackupEnded + 20, "writes after the backup");
      writtenAfterBackup = await written(site);
    } finally {
      writer.kill("SIGTERM");
      await new Promise((r) => writer.once("exit", r));
    }
  }, 60_000);

  test("backup dumps the database with pg_dump while another process keeps writing, with the uploads", async () => {
    expect(backupRun.code, backupRun.stderr).toBe(0);
    expect(backupRun.stdout).toContain(`Backup written to ${backup}`);
    expect(backupRun.stderr).toContain("database: pg_dump of postgres://127.0.0.1:5432/");
    expect(backupRun.stderr).toMatch(/media \[#+\] 100%/);
    expect(writtenAfterBackup).toBeGreaterThan(writtenWhenBackupEnded);
    expect(fs.readdirSync(backup).sort()).toEqual(["manifest.json", "media", "quire.pgdump"]);
    for (const [key, content] of Object.entries(MEDIA))
      expect(fs.readFileSync(path.join(backup, "media", key), "utf8")).toBe(content);

    const manifest = readManifest(backup);
    const dump = path.join(backup, "quire.pgdump");
    expect(manifest.database).toMatchObject({
      kind: "postgres",
      file: "quire.pgdump",
      bytes: fs.statSync(dump).size,
      sha256: sha256(dump),
      serverVersion: expect.stringMatching(/^\d+\.\d+/),
    });
    expect(manifest.database.migrations.applied).toBe(MIGRATION_COUNT);
    expect(manifest.database.counts.users).toBe(1);
    expect(manifest.database.counts.posts).toBeGreaterThanOrEqual(300 + 50);
    expect(manifest.media).toEqual({ files: 3, bytes: Object.values(MEDIA).join("").length, missing: [] });
    expect(manifest.secretsIncluded).toBe(false);
    expect(backupRun.stdout).toContain(
      "AUTH_SECRET, QUIRE_COMMENTS_SECRET and QUIRE_IP_SALT come from the environment",
    );
  });

  test("restore puts the snapshot's rows into another database: a prefix of the writer's posts, each with its comment", async () => {
    const fresh = await tempSite();
    const result = await quire(fresh, ["restore", backup]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Restored the backup of");

    const manifest = readManifest(backup);
    const restored = await titles(fresh);
    const seeded = Array.from({ length: 300 }, (_, i) => `Seed ${i}`);
    const n = restored.length - seeded.length;
    expect(n).toBeGreaterThanOrEqual(50);
    expect(restored).toEqual([...seeded, ...Array.from({ length: n }, (_, i) => `w-${i}`)]);
    // Each post and its comment were one transaction: both or neither.
    expect(await count(fresh, "SELECT count(*) AS n FROM comments WHERE markdown LIKE 'c-%'")).toBe(n);
    // The manifest's counts were read from the snapshot pg_dump dumped.
    expect(manifest.database.counts.posts).toBe(restored.length);
    expect(manifest.database.counts.comments).toBe(n);
    expect(await siteRows(fresh, "SELECT id, email, role, password_hash FROM users")).toEqual(
      await siteRows(site, "SELECT id, email, role, password_hash FROM users"),
    );
    // The search column and its index came back with the rows.
    expect(await count(fresh, "SELECT count(*) AS n FROM posts WHERE search @@ to_tsquery('english', 'lorem')")).toBe(
      300,
    );
    for (const [key, content] of Object.entries(MEDIA))
      expect(fs.readFileSync(path.join(fresh, "media", key), "utf8")).toBe(content);
    // An empty database had nothing to keep.
    expect(fs.readdirSync(fresh).filter((name) => name.includes("restore"))).toEqual([]);
  });

  test("restore over a site keeps its database as a dump that pg_restore puts back", async () => {
    const dir = await tempSite();
    await makePgSite(dir, PG_MIGRATIONS, 3);
    const result = await quire(dir, ["restore", backup]);
    expect(result.code, result.stderr).toBe(0);
    const [kept, ...others] = fs.readdirSync(dir).filter((name) => name.startsWith("quire.pgdump.before-restore-"));
    expect(others).toEqual([]);
    expect(result.stdout).toContain(kept);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith("media.before-restore-"))).toHaveLength(1);
    expect((await titles(dir)).length).toBe(readManifest(backup).database.counts.posts);

    const undo = await createTestDatabase("quire_undo");
    try {
      await pgRestore(urlOf(undo), path.join(dir, kept!));
      const db = await connectTo(undo);
      const rows = await db.query("SELECT title FROM posts ORDER BY id").finally(() => db.end());
      expect(rows.rows.map((row) => row.title)).toEqual(["Seed 0", "Seed 1", "Seed 2"]);
    } finally {
      await dropTestDatabase(undo);
    }
  });

  test("brings a backup from an older Quire up to date", async () => {
    const oldSite = await tempSite();
    await makePgSite(oldSite, olderMigrations(PG_MIGRATIONS), 2);
    const oldBackup = path.join(tempDir(), "old");
    const made = await quire(oldSite, ["backup", oldBackup]);
    expect(made.code, made.stderr).toBe(0);

    const fresh = await tempSite();
    const result = await quire(fresh, ["restore", oldBackup]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Applied 1 migration(s): the backup came from an older Quire.");
    expect(await journalLength(fresh)).toBe(MIGRATION_COUNT);
    expect(await titles(fresh)).toEqual(["Seed 0", "Seed 1"]);

    // Over a database already at this version, pg_restore would leave the newer migration's
    // objects behind, and applying it again would fail: refused, nothing changed.
    const current = await tempSite();
    await makePgSite(current, PG_MIGRATIONS, 3);
    const refused = await quire(current, ["restore", oldBackup]);
    expect(refused.code).toBe(1);
    expect(singleErrorLine(refused)).toContain("has 1 migration(s) the backup predates");
    expect(await titles(current)).toEqual(["Seed 0", "Seed 1", "Seed 2"]);
  }, 60_000);

  test("refuses what it cannot do on PostgreSQL and a bad backup with one line, changing nothing", async () => {
    const dir = await tempSite();
    await makePgSite(dir, PG_MIGRATIONS, 3);
    const empty = await tempSite();
    const cases: [string, string[], number, string][] = [
      [dir, ["backup", path.join(tempDir(), "b"), "--include-secrets"], 2, "the secrets are AUTH_SECRET"],
      [
        empty,
        ["backup", path.join(tempDir(), "b")],
        1,
        "holds no Quire site (no migration journal): nothing to back up",
      ],
      [
        dir,
        [
          "restore",
          alteredBackup(backup, (copy, manifest) => {
            fs.renameSync(path.join(copy, "quire.pgdump"), path.join(copy, "quire.db"));
            const { kind: _, serverVersion: __, ...database } = manifest.database;
            manifest.database = { ...database, file: "quire.db", sqliteVersion: "3.50.0" };
          }),
        ],
        1,
        "is the backup of a SQLite site (quire.db) and DATABASE_URL names a PostgreSQL database",
      ],
      [
        dir,
        ["restore", alteredBackup(backup, (copy) => fs.appendFileSync(path.join(copy, "quire.pgdump"), "x"))],
        1,
        "does not match the sha256 in its manifest",
      ],
      [
        dir,
        [
          "restore",
          alteredBackup(backup, (_, manifest) => manifest.database.migrations.hashes.push("from-the-future")),
        ],
        1,
        "made by a newer Quire",
      ],
    ];
    for (const [site, args, code, message] of cases) {
      const result = await quire(site, args);
      expect(result.code, args.join(" ")).toBe(code);
      expect(singleErrorLine(result)).toContain(message);
      if (args[0] === "restore") expect(result.stderr).toContain("nothing was changed");
    }

    // A dump that matches its manifest but cannot be applied: pg_restore's one transaction
    // rolls back, after the checks and the progress lines, with pg_restore's own words.
    const halfDump = alteredBackup(backup, (copy, manifest) => {
      const dump = path.join(copy, "quire.pgdump");
      fs.truncateSync(dump, Math.floor(fs.statSync(dump).size / 2));
      manifest.database.sha256 = sha256(dump);
    });
    const failed = await quire(dir, ["restore", halfDump]);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim()).toMatch(
      /quire: Restore failed: pg_restore failed \(exit 1\): .+; nothing was changed\.$/s,
    );
    expect(failed.stderr).not.toMatch(/^\s+at /m);

    expect(await titles(dir)).toEqual(["Seed 0", "Seed 1", "Seed 2"]);
    expect(fs.readdirSync(dir).sort()).toEqual(["media"]);
  }, 120_000);
});
