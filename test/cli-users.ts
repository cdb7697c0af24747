// The CLI's user commands in tests: a fresh site per test, a password on stdin. A site is a
// data folder on SQLite and, when the test file runs on PostgreSQL, a database of its own
// (cli-run.ts tempSite()); the readers below look in whichever the site has.
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { quire as runQuire, readDb as readDbFile, type Result, siteDatabase, tempDir, tempSite } from "./cli-run";
import { connectTo } from "./postgres";

export const PASSWORD = "correct horse battery";
export const OTHER_PASSWORD = "tr0ub4dor & 3 more words";

export type UserRow = {
  id: number;
  email: string;
  name: string;
  slug: string;
  role: string;
  password_hash: string;
  session_version: number;
};

export const freshDataDir = () => tempDir("quire-cli-");
export const freshSite = () => tempSite("quire-cli-");
export const quire = (dataDir: string, args: string[], stdin = ""): Promise<Result> =>
  runQuire(dataDir, args, { stdin });

export function createOwner(dataDir: string, email = "ada@example.com", name = "Ada Lovelace") {
  return quire(dataDir, ["create-user", "--email", email, "--name", name, "--role", "owner"], `${PASSWORD}\n`);
}

export function readDb<T>(dataDir: string, read: (db: Database.Database) => T): T {
  return readDbFile(path.join(dataDir, "quire.db"), read);
}

/** Whether a command has made the site's database yet: SQLite's file, PostgreSQL's migration journal. */
export async function siteMigrated(dataDir: string): Promise<boolean> {
  const database = siteDatabase(dataDir);
  if (!database) return fs.existsSync(path.join(dataDir, "quire.db"));
  const [row] = await pgRows<{ journal: boolean }>(
    database,
    "SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS journal",
  );
  return row!.journal;
}

/** The rows `query` answers in the site's database (written in SQL both dialects read alike); none before it is made. */
export async function siteRows<T>(dataDir: string, query: string): Promise<T[]> {
  if (!(await siteMigrated(dataDir))) return [];
  const database = siteDatabase(dataDir);
  return database ? pgRows<T>(database, query) : readDb(dataDir, (db) => db.prepare(query).all() as T[]);
}

/** How many migrations the site's journal records (drizzle's table, in its own schema on PostgreSQL). */
export async function journalLength(dataDir: string): Promise<number> {
  const table = siteDatabase(dataDir) ? "drizzle.__drizzle_migrations" : "__drizzle_migrations";
  const [row] = await siteRows<{ n: number | string }>(dataDir, `SELECT count(*) AS n FROM ${table}`);
  return Number(row?.n ?? 0);
}

export const usersIn = (dataDir: string) => siteRows<UserRow>(dataDir, "SELECT * FROM users ORDER BY id");

async function pgRows<T>(database: string, query: string): Promise<T[]> {
  const client = await connectTo(database);
  try {
    return (await client.query(query)).rows as T[];
  } finally {
    await client.end();
  }
}
