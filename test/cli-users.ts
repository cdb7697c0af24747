// The CLI's user commands in tests: a fresh data folder per test, a password on stdin.
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { quire as runQuire, readDb as readDbFile, type Result, tempDir } from "./cli-run";

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
export const quire = (dataDir: string, args: string[], stdin = ""): Promise<Result> =>
  runQuire(dataDir, args, { stdin });

export function createOwner(dataDir: string, email = "ada@example.com", name = "Ada Lovelace") {
  return quire(dataDir, ["create-user", "--email", email, "--name", name, "--role", "owner"], `${PASSWORD}\n`);
}

export function readDb<T>(dataDir: string, read: (db: Database.Database) => T): T {
  return readDbFile(path.join(dataDir, "quire.db"), read);
}

export function usersIn(dataDir: string): UserRow[] {
  if (!fs.existsSync(path.join(dataDir, "quire.db"))) return [];
  return readDb(dataDir, (db) => db.prepare("SELECT * FROM users ORDER BY id").all() as UserRow[]);
}
