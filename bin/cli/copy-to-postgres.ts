// `quire copy-to-postgres --to postgres://…`: moves a site from its SQLite file to a PostgreSQL
// database (README, "Running on PostgreSQL"). The database is migrated first and must hold no
// site yet; every row is copied in one transaction (db/pg/copy-from-sqlite.ts), so a failure
// leaves it as it was. The SQLite file is only read: stop the site first, or writes made
// during the copy stay behind in the file.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { databaseFile, openReader } from "../../db/connection";
import { migrationStatus } from "../../db/migrate";
import { closePgDatabase, openPgDatabase } from "../../db/pg/connection";
import { copySqliteToPg } from "../../db/pg/copy-from-sqlite";
import { runPgMigrations } from "../../db/pg/migrate";
import { getEnv } from "../../lib/env";
import { parseFlags } from "./args";
import { CliError, UsageError } from "./errors";
import { USAGE } from "./usage";

const target = z.url({ protocol: /^postgres(ql)?$/, error: "--to must be a postgres:// URL" });

/** The URL without its password, for messages. */
function shown(url: string): string {
  const parsed = new URL(url);
  parsed.password = "";
  return parsed.toString();
}

export async function copyToPostgresCommand(args: string[]): Promise<void> {
  const { values, help } = parseFlags("copy-to-postgres", args, ["to", "data-dir"]);
  if (help) return void console.log(USAGE);
  const url = target.safeParse(values.to ?? getEnv().DATABASE_URL);
  if (!url.success)
    throw new UsageError(values.to ? url.error.issues[0]!.message : "Name the database with --to postgres://….");
  const file = databaseFile(values["data-dir"] ? path.resolve(values["data-dir"]) : getEnv().dataDir);
  if (!fs.existsSync(file)) throw new CliError(`There is no SQLite database at ${file}.`);
  const source = openReader(file);
  try {
    if (!migrationStatus(source.$client).current)
      throw new CliError(
        `${file} has migrations pending: run "npm run quire -- migrate" with the site's settings first.`,
      );
  } finally {
    source.$client.close();
  }

  const client = new pg.Client({ connectionString: url.data, application_name: "quire-copy" });
  await client.connect().catch((error: Error) => {
    throw new CliError(`Cannot connect to ${shown(url.data)}: ${error.message}`);
  });
  try {
    await runPgMigrations(client);
    const { rows } = await client.query<{ n: string }>(
      "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM posts) AS n",
    );
    if (Number(rows[0]!.n) > 0)
      throw new CliError(`${shown(url.data)} already holds a site (users or posts): copy into an empty database.`);
  } finally {
    await client.end();
  }

  const db = openPgDatabase({ url: url.data, poolSize: 1 });
  try {
    const started = Date.now();
    const copied = await copySqliteToPg(file, db);
    const rows = copied.reduce((sum, table) => sum + table.rows, 0);
    const listed = copied.filter((table) => table.rows > 0).map((table) => `${table.table} ${table.rows}`);
    console.log(
      `Copied ${rows} rows from ${file} to ${shown(url.data)} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${listed.join(", ")}.\n` +
        "Start the site with DATABASE_URL set to it (and AUTH_SECRET, QUIRE_COMMENTS_SECRET and QUIRE_IP_SALT:\n" +
        "give them the values of the data folder's auth.secret, comments.secret and ip-salt.secret to keep\n" +
        "sessions, comment links and visitor counts).",
    );
  } finally {
    await closePgDatabase(db);
  }
}
