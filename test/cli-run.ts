// Runs the real CLI as a child process (as an operator would), for the ops command tests.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll } from "vitest";

export const ROOT = path.resolve(__dirname, "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const CLI = ["--conditions=react-server", path.join(ROOT, "bin", "quire.ts")];
/** The whole command line, for running the CLI under another program (a pty, say). */
export const CLI_COMMAND = [TSX, ...CLI];

export type Result = { code: number | null; stdout: string; stderr: string };

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder removed after the test file. */
export function tempDir(prefix = "quire-ops-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
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
      env: { ...process.env, QUIRE_DATA_DIR: dataDir, ...options.env },
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

export const MIGRATION_COUNT = JSON.parse(
  fs.readFileSync(path.join(ROOT, "db", "migrations", "meta", "_journal.json"), "utf8"),
).entries.length as number;
