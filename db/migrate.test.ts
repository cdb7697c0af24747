import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./connection";
import { MIGRATIONS_FOLDER, migrationStatus, runMigrations } from "./migrate";

const initialStatements = fs
  .readFileSync(path.join(MIGRATIONS_FOLDER, "0000_initial.sql"), "utf8")
  .split("--> statement-breakpoint");
const createPosts = initialStatements.find((statement) => statement.includes("CREATE TABLE `posts`"))!;
const postsIndexes = initialStatements.filter((statement) => /CREATE (UNIQUE )?INDEX `posts_/.test(statement));

// A migration as drizzle-kit writes it when a column change forces a table rebuild.
const REBUILD_POSTS = [
  "PRAGMA foreign_keys=OFF;",
  createPosts.replace("CREATE TABLE `posts`", "CREATE TABLE `__new_posts`"),
  "INSERT INTO `__new_posts` SELECT * FROM `posts`;",
  "DROP TABLE `posts`;",
  "ALTER TABLE `__new_posts` RENAME TO `posts`;",
  ...postsIndexes,
  "PRAGMA foreign_keys=ON;",
].join("--> statement-breakpoint\n");

// The search triggers as the newest migration that defines them writes them.
const lastTriggerMigration = fs
  .readdirSync(MIGRATIONS_FOLDER)
  .filter(
    (name) =>
      name.endsWith(".sql") &&
      fs.readFileSync(path.join(MIGRATIONS_FOLDER, name), "utf8").includes("CREATE TRIGGER `posts_fts_after_"),
  )
  .sort()
  .at(-1)!;
const RECREATE_SEARCH_TRIGGERS = fs
  .readFileSync(path.join(MIGRATIONS_FOLDER, lastTriggerMigration), "utf8")
  .split("--> statement-breakpoint")
  .filter((statement) => statement.includes("CREATE TRIGGER"))
  .join("--> statement-breakpoint");

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-migrate-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** The committed migrations plus one more, in a folder of their own. */
function foldersWithExtraMigration(sql: string) {
  const folder = tempDir();
  fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8"));
  const last = journal.entries.at(-1);
  const tag = `${String(last.idx + 1).padStart(4, "0")}_rebuild_posts`;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(folder, `${tag}.sql`), sql);
  return folder;
}

function databaseWithComment() {
  const db = openDatabase(path.join(tempDir(), "quire.db"));
  const sqlite = db.$client;
  runMigrations(sqlite);
  sqlite
    .prepare("INSERT INTO users (email, name, slug, role, password_hash) VALUES ('a@x.test', 'A', 'a', 'owner', 'h')")
    .run();
  sqlite.prepare("INSERT INTO posts (title, slug, author_id, status) VALUES ('Hello', 'hello', 1, 'published')").run();
  sqlite
    .prepare("INSERT INTO comments (post_id, author_name, markdown, html) VALUES (1, 'R', 'hi', '<p>hi</p>')")
    .run();
  return sqlite;
}

const commentCount = (sqlite: ReturnType<typeof databaseWithComment>) =>
  (sqlite.prepare("SELECT count(*) AS n FROM comments").get() as { n: number }).n;

describe("runMigrations", () => {
  it("applies every committed migration once and reports them current", () => {
    const sqlite = openDatabase(path.join(tempDir(), "quire.db")).$client;
    expect(migrationStatus(sqlite).current).toBe(false);
    expect(runMigrations(sqlite)).toBeGreaterThanOrEqual(2);
    expect(runMigrations(sqlite)).toBe(0);
    expect(migrationStatus(sqlite)).toMatchObject({ current: true, pending: [] });
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("keeps child rows when a migration rebuilds their parent table", () => {
    const sqlite = databaseWithComment();
    runMigrations(
      sqlite,
      foldersWithExtraMigration(`${REBUILD_POSTS}--> statement-breakpoint\n${RECREATE_SEARCH_TRIGGERS}`),
    );
    expect(commentCount(sqlite)).toBe(1);
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("shows the trap it guards against: with foreign keys on, the same rebuild empties comments", () => {
    const sqlite = databaseWithComment();
    sqlite.exec(
      REBUILD_POSTS.replaceAll("--> statement-breakpoint", "")
        .replace(/PRAGMA[^;]*;/g, "")
        .replace(/^/, "BEGIN;") + "COMMIT;",
    );
    expect(commentCount(sqlite)).toBe(0);
  });

  it("rolls back a migration that breaks a foreign key, with a clear message", () => {
    const sqlite = databaseWithComment();
    const folder = foldersWithExtraMigration("DELETE FROM posts;");
    expect(() => runMigrations(sqlite, folder)).toThrow(/foreign key/);
    expect(commentCount(sqlite)).toBe(1);
    expect(migrationStatus(sqlite, folder).pending).toHaveLength(1);
  });

  it("refuses a rebuild of posts that forgets the search triggers", () => {
    const sqlite = databaseWithComment();
    const folder = foldersWithExtraMigration(REBUILD_POSTS);
    expect(() => runMigrations(sqlite, folder)).toThrow(/search triggers/);
    expect(migrationStatus(sqlite, folder).pending).toHaveLength(1);
  });
});
