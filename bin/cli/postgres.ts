// The commands' side of PostgreSQL (docs/postgres.md): with DATABASE_URL=postgres://… the CLI
// works on that database instead of the data folder's SQLite file.
import path from "node:path";
import pg from "pg";
import { CliError } from "./errors";
import { MIGRATIONS_DIR } from "./paths";

// Found from this file, like MIGRATIONS_DIR (db/pg/migrate.ts's default follows the working
// directory, and the CLI runs from anywhere).
export const PG_MIGRATIONS_DIR = path.join(MIGRATIONS_DIR, "pg");

/** The database a URL names, for messages: no user name, no password. */
export function describeDatabase(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}

/** Runs `work` on a client of its own to `url`, ended afterwards; an unreachable server is one clear line. */
export async function withPgClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: "quire cli" });
  try {
    await client.connect();
  } catch (error) {
    throw new CliError(`Cannot reach the PostgreSQL database ${describeDatabase(url)}: ${(error as Error).message}.`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
