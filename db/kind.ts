// Which database the process runs on, chosen once by the environment (docs/postgres.md):
// PostgreSQL when DATABASE_URL names a server, otherwise the embedded SQLite file. Read
// straight from the environment because the table definitions depend on it at import time;
// lib/env.ts validates the URL itself.

export type DatabaseKind = "sqlite" | "postgres";

export const POSTGRES_URL = /^postgres(ql)?:\/\//;

export function databaseKind(): DatabaseKind {
  return POSTGRES_URL.test(process.env.DATABASE_URL ?? "") ? "postgres" : "sqlite";
}
