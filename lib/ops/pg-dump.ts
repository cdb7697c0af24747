import { spawn } from "node:child_process";
import pg from "pg";

// Backup and restore on PostgreSQL (docs/postgres.md): PostgreSQL's own tools, driven by
// the CLI, rather than a copy Quire would make itself. pg_dump takes a consistent snapshot
// while the site keeps writing; pg_restore with --single-transaction puts a dump back all
// or nothing. Both come with Debian's postgresql-client package.

export class PgToolError extends Error {}

const INSTALL_HINT = "install Debian's postgresql-client package (apt-get install -y postgresql-client)";

function run(tool: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ["ignore", "ignore", "pipe"] });
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

/** The whole database at `url` into `file`, in pg_dump's compressed custom format. */
export function pgDump(url: string, file: string, tool = "pg_dump"): Promise<void> {
  // No owners or privileges: the dump restores into a database whatever its role is called.
  return run(tool, ["--format=custom", "--no-owner", "--no-privileges", "--file", file, "--dbname", url]);
}

/**
 * Replaces what the database at `url` holds with the dump in `file`, in one transaction:
 * a dump that cannot be read or applied leaves the database as it was. The restore loads
 * the tables before their triggers exist, so it then tells every running instance itself
 * that everything changed (the channel of bin/server/pg-changes.mjs).
 */
export async function pgRestore(url: string, file: string, tool = "pg_restore"): Promise<void> {
  await run(tool, [
    "--clean",
    "--if-exists",
    "--single-transaction",
    "--exit-on-error",
    "--no-owner",
    "--no-privileges",
    "--dbname",
    url,
    file,
  ]);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("NOTIFY quire_changed");
  } finally {
    await client.end();
  }
}
