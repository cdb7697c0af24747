// The site the backup and restore tests copy: an owner, posts with sizeable bodies, uploads and an auth secret.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db/connection";
import { runMigrations } from "@/db/migrate";
import { ROOT } from "./cli-run";

export const MIGRATIONS = path.join(ROOT, "db", "migrations");
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
  for (const [key, content] of Object.entries(MEDIA)) {
    fs.mkdirSync(path.dirname(path.join(dir, "media", key)), { recursive: true });
    fs.writeFileSync(path.join(dir, "media", key), content);
  }
  fs.writeFileSync(path.join(dir, "auth.secret"), "not-a-real-secret\n", { mode: 0o600 });
}
