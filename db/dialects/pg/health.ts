import type { PgDb } from "../../pg/connection";
import { pgMigrationStatus } from "../../pg/migrate";
import type { Health } from "../../queries/health";

// `/api/health` on PostgreSQL, the counterpart of `checkHealth` (db/queries/health.ts): the
// same answer, and "unreachable" as soon as the server has not answered within the limit,
// so a balancer takes the instance out instead of queueing requests behind a dead database.

const ANSWER_WITHIN_MS = 2_000;

function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export async function checkHealthPg(db: PgDb, answerWithinMs = ANSWER_WITHIN_MS): Promise<Health> {
  try {
    const { applied, total, current } = await within(
      answerWithinMs,
      (async () => {
        const client = await db.$client.connect();
        try {
          await client.query("SELECT 1");
          return await pgMigrationStatus(client);
        } finally {
          client.release();
        }
      })(),
    );
    return {
      status: current ? "ok" : "error",
      kind: "postgres",
      database: "ok",
      migrations: { applied, total, current },
    };
  } catch (error) {
    console.error("[quire] health check failed", error);
    return {
      status: "error",
      kind: "postgres",
      database: "unreachable",
      migrations: { applied: 0, total: 0, current: false },
    };
  }
}

/** The database's size on disk, for the health page and metrics (SQLite: the file's pages). */
export async function databaseSizePg(db: PgDb): Promise<number> {
  const { rows } = await db.$client.query<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes");
  return Number(rows[0]!.bytes);
}
