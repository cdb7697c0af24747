// Shared by the import tests: the site database emptied for each test, a dump to compare
// before and after, the real export files, and temporary input files. On either database:
// the site is the test file's own (test/setup-database.ts), which importFile() writes to.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getTableName, sql } from "drizzle-orm";
import { afterAll } from "vitest";
import { getDb, getPgDb } from "@/db/client";
import { SQLITE_ENCODINGS } from "@/db/dialects/pg/export";
import { databaseKind } from "@/db/kind";
import type { PgDb } from "@/db/pg/connection";
import { users } from "@/db/schema";
import { write } from "@/db/transaction";
import { advanceIdentities, tables } from "@/test/admin-fixture";
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
 * The site database, migrated and with every row removed: as new, ids starting at 1 again
 * (tests name the first imported rows by id). Every table of the schema: not the migrations'
 * ledger, nor the search index's own tables (the posts' delete trigger empties it).
 */
export async function freshSite(): Promise<void> {
  migratedDb();
  await write(async (db) => {
    // Every row of every table, on purpose; the tables that reference others first.
    // eslint-disable-next-line drizzle/enforce-delete-with-where
    for (const table of tables().reverse()) await db.delete(table);
    // Each identity back to 1 (the tables are empty); SQLite forgets its AUTOINCREMENT counters.
    if (databaseKind() === "postgres") await advanceIdentities(db as unknown as PgDb);
    else db.run(sql`DELETE FROM sqlite_sequence`);
  });
}

/** A site with an owner (id 1), as after setup. */
export async function siteWithOwner(): Promise<void> {
  await freshSite();
  await write(async (db) => {
    await db.insert(users).values({
      email: "owner@example.com",
      name: "Olive Owner",
      slug: "olive",
      role: "owner",
      passwordHash: "$argon2id$placeholder",
    });
  });
}

/**
 * Every row of every table but `except`: equal dumps mean an unchanged database. Rows are
 * compared in an order of their own (PostgreSQL has no rowid); id counters are not rows
 * (a rolled-back insert moves PostgreSQL's sequences, and an attempted one SQLite's).
 */
export async function dump(except: string[] = []): Promise<string> {
  const contents: [string, string[]][] = [];
  for (const table of tables()) {
    const name = getTableName(table);
    if (except.includes(name)) continue;
    const rows = (await getDb().select().from(table)).map((row) => JSON.stringify(row));
    contents.push([name, rows.sort()]);
  }
  return JSON.stringify(contents);
}

export function writeTemp(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

/**
 * The rows of a raw query, its parameters as `?`, in SQLite's encodings on either database
 * (dates as epoch milliseconds, booleans as 0/1, JSON as text), so one assertion reads both.
 * The SQL must mean the same on both: no SQLite-only syntax, and an ORDER BY wherever the
 * order is compared (PostgreSQL's heap order is not the insertion order).
 */
export async function rows<T>(query: string, ...params: unknown[]): Promise<T[]> {
  if (databaseKind() === "sqlite")
    return getDb()
      .$client.prepare(query)
      .all(...params) as T[];
  // Each `?` outside a string literal ('/?p=1' is a path) becomes PostgreSQL's `$n`.
  let n = 0;
  const text = query.replace(/'(?:[^']|'')*'|\?/g, (token) => (token === "?" ? `$${++n}` : token));
  return (await getPgDb().$client.query({ text, values: params, types: SQLITE_ENCODINGS })).rows as T[];
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
