// `/api/health`'s check on PostgreSQL against the local server. Skipped, saying so, when no
// server answers.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POSTGRES_MISSING, postgresAnswers, usePgSite } from "../../../test/postgres";
import { closePgDatabase, openPgDatabase, type PgDb } from "../../pg/connection";
import { runPgMigrations } from "../../pg/migrate";
import { checkHealthPg, databaseSizePg } from "./health";

const reachable = await postgresAnswers();

describe.skipIf(!reachable)("the health check on PostgreSQL", () => {
  // Migrated in the first test, to see the answer change.
  const site = usePgSite({ prefix: "quire_health", migrate: false });
  const opened: PgDb[] = [];

  beforeAll(() => {
    vi.spyOn(console, "error").mockImplementation(() => {}); // the failures below are logged
  });

  afterAll(async () => {
    await Promise.all(opened.map(closePgDatabase));
  });

  it("answers error while migrations are pending, ok once they are applied, and gives the size", async () => {
    expect(await checkHealthPg(site.db)).toMatchObject({
      status: "error",
      database: "ok",
      migrations: { current: false },
    });

    const client = await site.db.$client.connect();
    await runPgMigrations(client).finally(() => client.release());

    const health = await checkHealthPg(site.db);
    expect(health).toMatchObject({ status: "ok", database: "ok", migrations: { current: true } });
    expect(health.migrations.applied).toBeGreaterThan(1);
    expect(await databaseSizePg(site.db)).toBeGreaterThan(1_000_000);
  });

  it("answers unreachable, within its limit, when the server does not answer", async () => {
    // A socket that accepts and never speaks: the connection attempt hangs.
    const net = await import("node:net");
    const sockets = new Set<import("node:net").Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    const dead = openPgDatabase({
      url: `postgres://postgres@127.0.0.1:${port}/none`,
      poolSize: 1,
      connectWaitMs: 1_000,
    });
    opened.push(dead);
    const started = Date.now();
    try {
      expect(await checkHealthPg(dead, 500)).toMatchObject({ status: "error", database: "unreachable" });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});

if (!reachable) it.skip(`${POSTGRES_MISSING}: the health check not tried`, () => {});
