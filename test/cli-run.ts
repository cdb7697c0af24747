// Runs the real CLI as a child process (as an operator would), for the ops command tests.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll } from "vitest";
import { databaseKind } from "../db/kind";
import { SHARED_SECRETS } from "../lib/env";
import { createTestDatabase, dropTestDatabase, urlOf } from "./postgres";
import { tempDir } from "./temp-dir";

export const ROOT = path.resolve(__dirname, "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const CLI = ["--conditions=react-server", path.join(ROOT, "bin", "quire.ts")];
/** The whole command line, for running the CLI under another program (a pty, say). */
export const CLI_COMMAND = [TSX, ...CLI];

export type Result = { code: number | null; stdout: string; stderr: string };

/** Whether this test file runs on PostgreSQL (QUIRE_TEST_DATABASE=postgres, test/setup-database.ts). */
export const onPostgres = databaseKind() === "postgres";

// On PostgreSQL, the database each site folder made by tempSite() stands for.
const siteDatabases = new Map<string, string>();
afterAll(async () => {
  await Promise.all([...siteDatabases.values()].map(dropTestDatabase));
}, 60_000); // a database each test: dropping a score of them outlasts the default 10 s

export { tempDir };

/**
 * A new site: a temporary data folder and, when the test file runs on PostgreSQL, a new
 * database of its own, empty (not migrated), which every command run for this folder
 * (quire(), cliEnv()) is pointed at. On SQLite the folder alone is the site.
 */
export async function tempSite(prefix = "quire-ops-"): Promise<string> {
  const dir = tempDir(prefix);
  if (onPostgres) siteDatabases.set(dir, await createTestDatabase("quire_cli"));
  return dir;
}

/** The PostgreSQL database of a folder made by tempSite(), on PostgreSQL; undefined otherwise. */
export function siteDatabase(dataDir: string): string | undefined {
  return siteDatabases.get(dataDir);
}

/**
 * The environment of a command run for `dataDir`: this process's, the folder as the data
 * folder and, for a site on PostgreSQL, its database with the secrets such a site must be
 * given (lib/env.ts requires them with DATABASE_URL; test/postgres.ts pointAppAt() set them
 * here). A plain tempDir() keeps whatever DATABASE_URL this process has.
 */
export function cliEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const database = siteDatabases.get(dataDir);
  const site = database
    ? { DATABASE_URL: urlOf(database), ...Object.fromEntries(SHARED_SECRETS.map((key) => [key, process.env[key]])) }
    : {};
  return { ...process.env, QUIRE_DATA_DIR: dataDir, ...site, ...extra };
}

/** Runs `quire <args>` with `stdin` piped in (nothing, and closed, when omitted). */
export function quire(
  dataDir: string,
  args: string[],
  options: { cwd?: string; stdin?: string; env?: Record<string, string> } = {},
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [...CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: cliEnv(dataDir, options.env),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
  });
}

/** The single line a failed command prints: no stack trace, no usage dump. */
export function singleErrorLine(result: Result): string {
  const lines = result.stderr.trim().split("\n");
  if (lines.length !== 1 || /^\s+at /m.test(result.stderr))
    throw new Error(`Expected one stderr line, got:\n${result.stderr}`);
  return lines[0]!;
}

export function readDb<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** How many migrations this Quire ships for the database the test file runs on. */
export const MIGRATION_COUNT = JSON.parse(
  fs.readFileSync(path.join(ROOT, "db", "migrations", ...(onPostgres ? ["pg"] : []), "meta", "_journal.json"), "utf8"),
).entries.length as number;
