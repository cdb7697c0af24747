// The site the backup and restore tests copy: an owner, posts with sizeable bodies, uploads and an auth secret
// (on PostgreSQL, makePgSite: the same rows in the site's database, the secrets in the environment).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db/connection";
import { runMigrations } from "@/db/migrate";
import { runPgMigrations } from "@/db/pg/migrate";
import { ROOT, siteDatabase, tempDir } from "./cli-run";
import { connectTo } from "./postgres";

export const MIGRATIONS = path.join(ROOT, "db", "migrations");
export const PG_MIGRATIONS = path.join(MIGRATIONS, "pg");
export const MEDIA = {
  "2026/11/aa11-w640.png": "png bytes",
  "2026/11/aa11-w1600.png": "bigger png bytes",
  "2026/10/bb22-w320.jpg": "jpeg",
};
export const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** A data folder with an owner, some posts with sizeable bodies, uploads and an auth secret. */
export function makeSite(dir: string, migrationsFolder = MIGRATIONS, posts = 1500): void {
  const db = openDatabase(path.join(dir, "quire.db")).$client;
  runMigrations(db, migrationsFolder);
  db.prepare(
    "INSERT INTO users (email, name, slug, role, password_hash) VALUES ('ada@example.com', 'Ada', 'ada', 'owner', 'x')",
  ).run();
  const insert = db.prepare(
    "INSERT INTO posts (title, slug, markdown, plaintext, author_id, status, published_at) VALUES (?, ?, ?, ?, 1, 'published', 1)",
  );
  const body = "Lorem ipsum dolor sit amet. ".repeat(150);
  db.transaction(() => {
    for (let i = 0; i < posts; i++) insert.run(`Seed ${i}`, `seed-${i}`, body, body);
  })();
  db.prepare(
    "INSERT INTO media (storage_key, original_name, mime_type, size) VALUES ('2026/11/aa11-w1600.png', 'a.png', 'image/png', 16)",
  ).run();
  db.close();
  writeMedia(dir);
  fs.writeFileSync(path.join(dir, "auth.secret"), "not-a-real-secret\n", { mode: 0o600 });
}

/** An older Quire's migrations: a copy of `folder` without its newest migration. */
export function olderMigrations(folder: string): string {
  const older = tempDir();
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8"));
  journal.entries = journal.entries.slice(0, -1);
  fs.mkdirSync(path.join(older, "meta"));
  fs.writeFileSync(path.join(older, "meta", "_journal.json"), JSON.stringify(journal));
  for (const entry of journal.entries)
    fs.copyFileSync(path.join(folder, `${entry.tag}.sql`), path.join(older, `${entry.tag}.sql`));
  return older;
}

function writeMedia(dir: string): void {
  for (const [key, content] of Object.entries(MEDIA)) {
    fs.mkdirSync(path.dirname(path.join(dir, "media", key)), { recursive: true });
    fs.writeFileSync(path.join(dir, "media", key), content);
  }
}

/**
 * makeSite's counterpart for a site made by tempSite() on PostgreSQL: its database migrated
 * (with `migrationsFolder`, PostgreSQL's by default), the same owner, posts and upload row,
 * and the uploads in its data folder. No secret file: such a site's secrets are in the environment.
 */
export async function makePgSite(dir: string, migrationsFolder = PG_MIGRATIONS, posts = 300): Promise<void> {
  const db = await connectTo(siteDatabase(dir)!);
  try {
    await runPgMigrations(db, migrationsFolder);
    await db.query(
      "INSERT INTO users (email, name, slug, role, password_hash) VALUES ('ada@example.com', 'Ada', 'ada', 'owner', 'x')",
    );
    const body = "Lorem ipsum dolor sit amet. ".repeat(150);
    await db.query(
      `INSERT INTO posts (title, slug, markdown, plaintext, author_id, status, published_at)
       SELECT 'Seed ' || i, 'seed-' || i, $1, $1, 1, 'published', to_timestamp(0.001) FROM generate_series(0, $2 - 1) AS i`,
      [body, posts],
    );
    await db.query(
      "INSERT INTO media (storage_key, original_name, mime_type, size) VALUES ('2026/11/aa11-w1600.png', 'a.png', 'image/png', 16)",
    );
  } finally {
    await db.end();
  }
  writeMedia(dir);
}
