import { describe, expect, it } from "vitest";
import { getDb, writerConnection } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { GET } from "./route";

describe("GET /api/health", () => {
  it("answers 503 while migrations are pending, then 200", async () => {
    const pending = await GET();
    expect(pending.status).toBe(503);
    expect(await pending.json()).toMatchObject({ status: "error", database: "ok", migrations: { current: false } });

    runMigrations(writerConnection().$client);
    const ready = await GET();
    expect(ready.status).toBe(200);
    expect(ready.headers.get("cache-control")).toBe("no-store");
    expect(await ready.json()).toMatchObject({ status: "ok", database: "ok", migrations: { current: true } });
  });

  it("answers 503 when the database cannot be reached", async () => {
    getDb().$client.close();
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "error", database: "unreachable" });
  });
});
