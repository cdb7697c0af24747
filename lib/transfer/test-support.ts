// Shared by the import tests: the site database emptied for each test, a dump to compare
// before and after, the real export files, and temporary input files.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import type { Db } from "@/db/connection";
import { migratedDb } from "@/test/helpers";

// The real export files, copied byte for byte from ../shared/corpora (see its README) so that
// a clone alone holds everything the tests read.
export const CORPORA = path.resolve(__dirname, "..", "..", "test", "corpora");
export const WORDPRESS = path.join(CORPORA, "wordpress", "themeunittestdata.wordpress.xml");
export const GHOST = path.join(CORPORA, "ghost", "v4_export.json");
export const BLOGGER = path.join(CORPORA, "blogger", "blogger.xml");

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-import-test-"));
  dirs.push(dir);
  return dir;
}

/**
 * The site database, migrated and with every row removed: as new. It is the test file's own
 * database (the writer connection), since importFile() writes through write() to that one.
 */
export function freshSite(): Db {
  const db = migratedDb();
  const sqlite = db.$client;
  // Not the migrations' ledger, nor the search index's own tables (the posts' delete trigger empties it).
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'posts_fts%' AND name != '__drizzle_migrations'",
    )
    .pluck()
    .all() as string[];
  sqlite.pragma("foreign_keys = OFF");
  try {
    sqlite.transaction(() => {
      for (const name of tables) sqlite.exec(`DELETE FROM "${name}"`);
      sqlite.exec("DELETE FROM sqlite_sequence"); // ids start at 1 again
    })();
  } finally {
    sqlite.pragma("foreign_keys = ON");
  }
  return db;
}

/** A site with an owner, as after setup. */
export function siteWithOwner(): Db {
  const db = freshSite();
  db.$client
    .prepare("INSERT INTO users (email, name, slug, role, password_hash) VALUES (?, ?, ?, ?, ?)")
    .run("owner@example.com", "Olive Owner", "olive", "owner", "$argon2id$placeholder");
  return db;
}

/** Every row of every table, in order: equal dumps mean an unchanged database. */
export function dump(db: Db, except: string[] = []): string {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'posts_fts%' ORDER BY name")
    .all() as { name: string }[];
  return JSON.stringify(
    tables
      .filter(({ name }) => !except.includes(name))
      .map(({ name }) => [name, db.$client.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
  );
}

export function writeTemp(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

export function rows<T>(db: Db, sql: string, ...params: unknown[]): T[] {
  return db.$client.prepare(sql).all(...params) as T[];
}

/** A minimal WXR 1.2 file around the given items (and channel-level elements). */
export function wxr(body: string, { https = false } = {}): string {
  const scheme = https ? "https" : "http";
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="${scheme}://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="${scheme}://wordpress.org/export/1.2/">
<channel>
<title>Test</title>
<link>https://old.example</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://old.example</wp:base_blog_url>
<wp:author><wp:author_login>ada</wp:author_login><wp:author_email>ada@example.com</wp:author_email><wp:author_display_name>Ada</wp:author_display_name></wp:author>
${body}
</channel>
</rss>`;
}

/** One WXR <item>; fields override the defaults. */
export function wxrItem(fields: Record<string, string>, extra = ""): string {
  const values: Record<string, string> = {
    title: "A post",
    link: "https://old.example/2019/05/a-post/",
    "dc:creator": "ada",
    "content:encoded": "<p>Hello there.</p>",
    "wp:post_id": "1",
    "wp:post_date_gmt": "2019-05-01 10:00:00",
    "wp:post_name": "a-post",
    "wp:status": "publish",
    "wp:post_type": "post",
    "wp:post_parent": "0",
    ...fields,
  };
  const inner = Object.entries(values)
    .map(([name, value]) => `<${name}><![CDATA[${value}]]></${name}>`)
    .join("\n");
  return `<item>\n${inner}\n${extra}</item>`;
}

export function wxrComment(id: number, parent: number, fields: Record<string, string> = {}): string {
  const values: Record<string, string> = {
    "wp:comment_id": String(id),
    "wp:comment_author": `Reader ${id}`,
    "wp:comment_author_email": `reader${id}@example.com`,
    "wp:comment_date_gmt": "2019-05-02 10:00:00",
    "wp:comment_content": `Comment number ${id}.`,
    "wp:comment_approved": "1",
    "wp:comment_type": "comment",
    "wp:comment_parent": String(parent),
    ...fields,
  };
  return `<wp:comment>${Object.entries(values)
    .map(([name, value]) => `<${name}><![CDATA[${value}]]></${name}>`)
    .join("")}</wp:comment>`;
}
