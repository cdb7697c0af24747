import "server-only";
import { getDb, getPgDb } from "../client";
import { checkHealthPg } from "../dialects/pg/health";
import { databaseKind, type DatabaseKind } from "../kind";
import { migrationStatus } from "../migrate";

export type Health = {
  status: "ok" | "error";
  /** Which database the site runs on: SQLite's file, or a PostgreSQL server. */
  kind: DatabaseKind;
  database: "ok" | "unreachable";
  migrations: { applied: number; total: number; current: boolean };
};

/** Is the database answering, and are all committed migrations applied? */
export async function checkHealth(): Promise<Health> {
  if (databaseKind() === "postgres") return await checkHealthPg(getPgDb());
  try {
    // The driver itself is asked (better-sqlite3, synchronous).
    const sqlite = getDb().$client;
    sqlite.prepare("SELECT 1").get();
    const { applied, total, current } = migrationStatus(sqlite);
    return {
      status: current ? "ok" : "error",
      kind: "sqlite",
      database: "ok",
      migrations: { applied, total, current },
    };
  } catch (error) {
    console.error("[quire] health check failed", error);
    return {
      status: "error",
      kind: "sqlite",
      database: "unreachable",
      migrations: { applied: 0, total: 0, current: false },
    };
  }
}
