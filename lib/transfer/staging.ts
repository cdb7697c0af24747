import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { ImportItem, ImportSkipped } from "./shape";

// Parsed items wait in a temporary SQLite file, not in memory: an export of any size
// stays within bounded memory, comments can name posts that come later in the file,
// and a duplicate id is caught by a unique key. The site's database is not touched
// until everything has been read and converted (write.ts). What the writer made of
// each item (its new id, a post's slug, a reply's parent) is kept here too, not in
// JavaScript maps: a million comments would otherwise hold a million strings.
//
// Every statement is prepared once, and writes are grouped in transactions of
// WRITES_PER_COMMIT (one commit per row made the staging phases I/O-bound).

type Staged = Exclude<ImportItem, ImportSkipped | { kind: "warning" }>;

export type ConvertedRow = {
  source_id: string;
  markdown: string;
  html: string;
  plaintext: string;
  word_count: number;
  words: number;
  kept: number;
};

const WRITES_PER_COMMIT = 5_000;
const PAGE = 500;

export class Staging {
  readonly db: Database.Database;
  private readonly dir: string;
  private readonly statements = new Map<string, Database.Statement>();
  private writes = 0;

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-import-"));
    this.db = new Database(path.join(this.dir, "staging.db"));
    this.db.pragma("journal_mode = OFF");
    this.db.pragma("synchronous = OFF");
    this.db.exec(`
      CREATE TABLE items (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, source_id TEXT NOT NULL, parent TEXT, json TEXT NOT NULL, UNIQUE (kind, source_id));
      CREATE INDEX items_parent ON items (kind, parent);
      CREATE TABLE skipped (seq INTEGER PRIMARY KEY, what TEXT NOT NULL, source_id TEXT NOT NULL, reason TEXT NOT NULL);
      CREATE TABLE converted (source_id TEXT PRIMARY KEY, markdown TEXT NOT NULL, html TEXT NOT NULL, plaintext TEXT NOT NULL, word_count INTEGER NOT NULL, words INTEGER NOT NULL, kept INTEGER NOT NULL);
      CREATE TABLE feature_images (source_id TEXT PRIMARY KEY, url TEXT NOT NULL);
      CREATE TABLE converted_comments (source_id TEXT PRIMARY KEY, markdown TEXT NOT NULL, html TEXT NOT NULL);
      CREATE TABLE targets (kind TEXT NOT NULL, source_id TEXT NOT NULL, id INTEGER NOT NULL, slug TEXT, PRIMARY KEY (kind, source_id)) WITHOUT ROWID;
      CREATE TABLE replies (seq INTEGER PRIMARY KEY, source_id TEXT NOT NULL UNIQUE, parent TEXT NOT NULL);
    `);
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs a write inside the current batch transaction, committing every WRITES_PER_COMMIT writes. */
  private write(sql: string, ...params: unknown[]): Database.RunResult {
    if (!this.db.inTransaction) this.db.exec("BEGIN");
    const result = this.statement(sql).run(...params);
    if (++this.writes % WRITES_PER_COMMIT === 0) this.db.exec("COMMIT");
    return result;
  }

  /** Stores an item; false when an item of its kind with its id is already staged. */
  add(item: Staged): boolean {
    const parent =
      item.kind === "comment" ? item.postSourceId : item.kind === "media" ? (item.parentSourceId ?? null) : null;
    return (
      this.write(
        "INSERT OR IGNORE INTO items (kind, source_id, parent, json) VALUES (?, ?, ?, ?)",
        item.kind,
        item.sourceId,
        parent,
        JSON.stringify(item),
      ).changes === 1
    );
  }

  skip(item: Omit<ImportSkipped, "kind">): void {
    this.write("INSERT INTO skipped (what, source_id, reason) VALUES (?, ?, ?)", item.what, item.sourceId, item.reason);
  }

  count(kind: string): number {
    return (this.statement("SELECT count(*) AS n FROM items WHERE kind = ?").get(kind) as { n: number }).n;
  }

  /** Items of one kind in file order, parsed back (dates revived). Read in pages, so
   * no cursor stays open while the caller writes to this same file. */
  *each<K extends Staged["kind"]>(kind: K): Generator<Extract<Staged, { kind: K }>> {
    const page = this.statement("SELECT seq, json FROM items WHERE kind = ? AND seq > ? ORDER BY seq LIMIT ?");
    for (let after = 0; ;) {
      const rows = page.all(kind, after, PAGE) as { seq: number; json: string }[];
      if (rows.length === 0) return;
      for (const row of rows) yield revive(JSON.parse(row.json));
      after = rows.at(-1)!.seq;
    }
  }

  get<K extends Staged["kind"]>(kind: K, sourceId: string): Extract<Staged, { kind: K }> | undefined {
    const row = this.statement("SELECT json FROM items WHERE kind = ? AND source_id = ?").get(kind, sourceId) as
      { json: string } | undefined;
    return row ? revive(JSON.parse(row.json)) : undefined;
  }

  children(kind: Staged["kind"], parent: string): Staged[] {
    return (
      this.statement("SELECT json FROM items WHERE kind = ? AND parent = ? ORDER BY seq").all(kind, parent) as {
        json: string;
      }[]
    ).map((row) => revive(JSON.parse(row.json)));
  }

  saveConverted(row: ConvertedRow): void {
    this.write(
      "INSERT OR REPLACE INTO converted (source_id, markdown, html, plaintext, word_count, words, kept) VALUES (?, ?, ?, ?, ?, ?, ?)",
      row.source_id,
      row.markdown,
      row.html,
      row.plaintext,
      row.word_count,
      row.words,
      row.kept,
    );
  }

  converted(sourceId: string): ConvertedRow | undefined {
    return this.statement("SELECT * FROM converted WHERE source_id = ?").get(sourceId) as ConvertedRow | undefined;
  }

  /** A feature image stored from the media folder: its new address. */
  setFeatureImage(sourceId: string, url: string): void {
    this.write("INSERT OR REPLACE INTO feature_images VALUES (?, ?)", sourceId, url);
  }

  featureImage(sourceId: string): string | undefined {
    return (
      this.statement("SELECT url FROM feature_images WHERE source_id = ?").get(sourceId) as { url: string } | undefined
    )?.url;
  }

  saveComment(sourceId: string, markdown: string, html: string): void {
    this.write("INSERT OR REPLACE INTO converted_comments VALUES (?, ?, ?)", sourceId, markdown, html);
  }

  comment(sourceId: string): { markdown: string; html: string } | undefined {
    return this.statement("SELECT markdown, html FROM converted_comments WHERE source_id = ?").get(sourceId) as
      { markdown: string; html: string } | undefined;
  }

  /** What an item became on the site: its id (and a post's slug). */
  setTarget(kind: string, sourceId: string, id: number, slug: string | null = null): void {
    this.write(
      "INSERT OR REPLACE INTO targets (kind, source_id, id, slug) VALUES (?, ?, ?, ?)",
      kind,
      sourceId,
      id,
      slug,
    );
  }

  target(kind: string, sourceId: string): { id: number; slug: string | null } | undefined {
    return this.statement("SELECT id, slug FROM targets WHERE kind = ? AND source_id = ?").get(kind, sourceId) as
      { id: number; slug: string | null } | undefined;
  }

  /** The first target of a kind, in source id order (a fallback author). */
  anyTarget(kind: string): number | undefined {
    return (this.statement("SELECT id FROM targets WHERE kind = ? LIMIT 1").get(kind) as { id: number } | undefined)
      ?.id;
  }

  /** A comment that answers another, by source ids (threads are joined once all comments exist). */
  addReply(sourceId: string, parent: string): void {
    this.write("INSERT OR REPLACE INTO replies (source_id, parent) VALUES (?, ?)", sourceId, parent);
  }

  /** The comment a comment answers, if any. */
  replyParent(sourceId: string): string | undefined {
    return (
      this.statement("SELECT parent FROM replies WHERE source_id = ?").get(sourceId) as { parent: string } | undefined
    )?.parent;
  }

  /** Every reply in the order they were added, paged. */
  *replies(): Generator<{ source_id: string; parent: string }> {
    const page = this.statement("SELECT seq, source_id, parent FROM replies WHERE seq > ? ORDER BY seq LIMIT ?");
    for (let after = 0; ;) {
      const rows = page.all(after, PAGE) as { seq: number; source_id: string; parent: string }[];
      if (rows.length === 0) return;
      yield* rows;
      after = rows.at(-1)!.seq;
    }
  }

  *skippedRows(): Generator<{ what: string; source_id: string; reason: string }> {
    const page = this.statement("SELECT seq, what, source_id, reason FROM skipped WHERE seq > ? ORDER BY seq LIMIT ?");
    for (let after = 0; ;) {
      const rows = page.all(after, PAGE) as { seq: number; what: string; source_id: string; reason: string }[];
      if (rows.length === 0) return;
      yield* rows;
      after = rows.at(-1)!.seq;
    }
  }

  close(): void {
    this.db.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

const DATE_FIELDS = ["publishedAt", "createdAt", "updatedAt", "deletedAt", "approvedAt"] as const;

function revive<T>(value: T): T {
  const record = value as Record<string, unknown>;
  for (const field of DATE_FIELDS)
    if (typeof record[field] === "string") record[field] = new Date(record[field] as string);
  return value;
}
