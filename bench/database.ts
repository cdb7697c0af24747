// Which database the bench's server runs on (`--db sqlite`, the default, or `--db postgres`).
// On PostgreSQL the seeded SQLite file is copied into a database of the run's own on the
// local server (db/pg/copy-from-sqlite.ts), so both databases are measured on the same rows;
// the database is dropped when the run ends.
import crypto from "node:crypto";
import pg from "pg";
import { copySqliteToPg } from "../db/pg/copy-from-sqlite";
import { closePgDatabase, openPgDatabase } from "../db/pg/connection";
import { runPgMigrations } from "../db/pg/migrate";
import { countComments } from "./targets";

export type BenchDatabase = {
  label: "SQLite" | "PostgreSQL";
  /** What the server processes need in their environment. */
  env: Record<string, string>;
  /** Every comment, or the comments (any status) of one post. */
  countComments(postId?: number): Promise<number>;
  drop(): Promise<void>;
};

// The machine's service (STACK-NOTES): trust authentication on loopback.
const SERVER = process.env.QUIRE_BENCH_POSTGRES ?? "postgres://postgres@127.0.0.1:5432";

export function sqliteDatabase(dbFile: string): BenchDatabase {
  return {
    label: "SQLite",
    env: {},
    countComments: async (postId) => countComments(dbFile, postId),
    drop: async () => {},
  };
}

async function onServer<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${SERVER}/${database}` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function postgresDatabase(dbFile: string, log: (line: string) => void): Promise<BenchDatabase> {
  const name = `quire_bench_${crypto.randomBytes(4).toString("hex")}`; // made here, never from input
  await onServer("postgres", (client) => client.query(`CREATE DATABASE ${name}`));
  const url = `${SERVER}/${name}`;
  const drop = () => onServer("postgres", (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  try {
    const started = Date.now();
    await onServer(name, (client) => runPgMigrations(client));
    const target = openPgDatabase({ url, poolSize: 1 });
    try {
      const copied = await copySqliteToPg(dbFile, target);
      const rows = copied.reduce((sum, table) => sum + table.rows, 0);
      log(
        `PostgreSQL database ${name}: ${rows} rows copied from the seeded file in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    } finally {
      await closePgDatabase(target);
    }
    // Fresh statistics for the planner, as autovacuum would gather them after a while.
    await onServer(name, (client) => client.query("VACUUM ANALYZE"));
  } catch (error) {
    await drop();
    throw error;
  }
  const count = (postId?: number) =>
    onServer(name, async (client) => {
      const { rows } =
        postId === undefined
          ? await client.query<{ n: string }>("SELECT count(*) AS n FROM comments")
          : await client.query<{ n: string }>("SELECT count(*) AS n FROM comments WHERE post_id = $1", [postId]);
      return Number(rows[0]!.n);
    });
  return {
    label: "PostgreSQL",
    env: {
      DATABASE_URL: url,
      // Required with DATABASE_URL (lib/env.ts): every instance must share them.
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      QUIRE_COMMENTS_SECRET: crypto.randomBytes(32).toString("base64url"),
      QUIRE_IP_SALT: crypto.randomBytes(16).toString("base64url"),
    },
    countComments: count,
    drop: async () => {
      await drop();
    },
  };
}
