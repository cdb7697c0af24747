import { spawn } from "node:child_process";
import pg from "pg";

// Backup and restore on PostgreSQL (docs/postgres.md): PostgreSQL's own tools, driven by
// the CLI, rather than a copy Quire would make itself. pg_dump takes a consistent snapshot
// while the site keeps writing; pg_restore with --single-transaction puts a dump back all
// or nothing. Both come with Debian's postgresql-client package.

export class PgToolError extends Error {}

const INSTALL_HINT = "install Debian's postgresql-client package (apt-get install -y postgresql-client)";

/**
 * The URL without its password, which reaches the tool as PGPASSWORD instead: a command
 * line is visible to every user of the machine (ps), a process's environment is not.
 */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  if (!parsed.password) return { dbname: url, env: process.env };
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: { ...process.env, PGPASSWORD: password } };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ["ignore", "ignore", "pipe"], env });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4_000)));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        new PgToolError(
          error.code === "ENOENT" ? `${tool} was not found: ${INSTALL_HINT}.` : `${tool} failed: ${error.message}`,
        ),
      ),
    );
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new PgToolError(`${tool} failed (exit ${code}): ${errors.trim()}`)),
    );
  });
}

/**
 * The whole database at `url` into `file`, in pg_dump's compressed custom format. With
 * `snapshot` (pg_export_snapshot() of a transaction the caller keeps open meanwhile), the
 * dump sees exactly what that transaction sees, so what the caller read there describes it.
 */
export function pgDump(
  url: string,
  file: string,
  { tool = "pg_dump", snapshot }: { tool?: string; snapshot?: string } = {},
): Promise<void> {
  const { dbname, env } = connection(url);
  // No owners or privileges: the dump restores into a database whatever its role is called.
  const args = ["--format=custom", "--no-owner", "--no-privileges", "--file", file, "--dbname", dbname];
  return run(tool, snapshot ? [...args, `--snapshot=${snapshot}`] : args, env);
}

/**
 * Replaces what the database at `url` holds with the dump in `file`, in one transaction:
 * a dump that cannot be read or applied leaves the database as it was. The restore loads
 * the tables before their triggers exist, so it then tells every running instance itself
 * that everything changed (the channel of bin/server/pg-changes.mjs).
 */
export async function pgRestore(url: string, file: string, tool = "pg_restore"): Promise<void> {
  const { dbname, env } = connection(url);
  await run(
    tool,
    [
      "--clean",
      "--if-exists",
      "--single-transaction",
      "--exit-on-error",
      "--no-owner",
      "--no-privileges",
      "--dbname",
      dbname,
      file,
    ],
    env,
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("NOTIFY quire_changed");
  } finally {
    await client.end();
  }
}
