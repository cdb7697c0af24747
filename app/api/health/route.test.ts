import { describe, expect, it } from "vitest";
import { getDb, writerConnection } from "@/db/client";
import { databaseKind } from "@/db/kind";
import { runMigrations } from "@/db/migrate";
import { GET } from "./route";

// The test file's database: SQLite's file, not yet migrated, or (QUIRE_TEST_DATABASE=postgres)
// a PostgreSQL database the set-up has migrated. An unreachable PostgreSQL server is
// db/dialects/pg/health.test.ts's case.
const onPostgres = databaseKind() === "postgres";

describe("GET /api/health", () => {
  // SQLite only: on PostgreSQL the set-up has already migrated the file's database.
  it.skipIf(onPostgres)("answers 503 while migrations are pending, then 200, naming SQLite", async () => {
    const pending = await GET();
    expect(pending.status).toBe(503);
    expect(await pending.json()).toMatchObject({ status: "error", database: "ok", migrations: { current: false } });

    runMigrations(writerConnection().$client);
    const ready = await GET();
    expect(ready.status).toBe(200);
    expect(ready.headers.get("cache-control")).toBe("no-store");
    expect(await ready.json()).toMatchObject({
      status: "ok",
      kind: "sqlite",
      database: "ok",
      migrations: { current: true },
    });
  });

  it.runIf(onPostgres)("answers 200 on a migrated PostgreSQL database, naming it", async () => {
    const ready = await GET();
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "ok",
      kind: "postgres",
      database: "ok",
      migrations: { current: true },
    });
  });

  // SQLite only: it closes SQLite's connection; PostgreSQL's unreachable server is
  // db/dialects/pg/health.test.ts's case.
  it.skipIf(onPostgres)("answers 503 when the database cannot be reached", async () => {
    getDb().$client.close();
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "error", database: "unreachable" });
  });
});
