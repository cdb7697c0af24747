import "server-only";
import { getDb } from "../client";
import { migrationStatus } from "../migrate";

export type Health = {
  status: "ok" | "error";
  database: "ok" | "unreachable";
  migrations: { applied: number; total: number; current: boolean };
};

/** Is the database answering, and are all committed migrations applied? */
export async function checkHealth(): Promise<Health> {
  try {
    // The driver itself is asked (better-sqlite3, synchronous): the PostgreSQL step gives
    // health its own dialect check (docs/postgres.md, "Secrets, pool, health").
    const sqlite = getDb().$client;
    sqlite.prepare("SELECT 1").get();
    const { applied, total, current } = migrationStatus(sqlite);
    return { status: current ? "ok" : "error", database: "ok", migrations: { applied, total, current } };
  } catch (error) {
    console.error("[quire] health check failed", error);
    return { status: "error", database: "unreachable", migrations: { applied: 0, total: 0, current: false } };
  }
}
