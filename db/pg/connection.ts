import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "../schema/pg";

// The PostgreSQL counterpart of db/connection.ts (docs/postgres.md, "Secrets, pool, health").
// One pool per process. Under load a request waits for a free connection rather than failing:
// `connectionTimeoutMillis` bounds that wait, and only a database that stays unreachable or
// saturated for that long turns into an error.

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export const DEFAULT_POOL_SIZE = 10;
const CONNECT_WAIT_MS = 30_000;
// A connection unused this long is closed; the pool opens another when needed.
const IDLE_MS = 30_000;

export type PgOptions = { url: string; poolSize?: number; connectWaitMs?: number };

/** A pool of `poolSize` connections to `url`, with Drizzle over it. Close with `closePgDatabase`. */
export function openPgDatabase({
  url,
  poolSize = DEFAULT_POOL_SIZE,
  connectWaitMs = CONNECT_WAIT_MS,
}: PgOptions): PgDb {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: connectWaitMs,
    idleTimeoutMillis: IDLE_MS,
    application_name: "quire",
  });
  // An idle connection the server drops (a restart, a fail-over) must not crash the process:
  // the pool discards it and the next query opens a new one.
  pool.on("error", () => {});
  return drizzle({ client: pool, schema }) as PgDb;
}

export async function closePgDatabase(db: PgDb): Promise<void> {
  await db.$client.end();
}
