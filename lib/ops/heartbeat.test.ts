// Two instances over one database: each writes its heartbeat through its own
// connection, and the health page of either lists both, the silent one marked stale.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, databaseFile, openDatabase } from "@/db/connection";
import { databaseKind } from "@/db/kind";
import { closePgDatabase, openPgDatabase } from "@/db/pg/connection";
import { instancesSeenSince, recordHeartbeat } from "@/db/queries/instances";
import { instances } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { migratedDb } from "@/test/helpers";
import { HEARTBEAT_MS, STALE_AFTER_MS, beat, instanceId, instancesSeen } from "./heartbeat";

const holder = globalThis as unknown as { quireServer?: { instance: string } };
// The other instance: another process on the same database, with its own connection. On
// PostgreSQL a pool of its own, which it reads through; write() writes there on a pooled
// connection of its own anyway (it takes another connection on SQLite only).
let other: Db;
let closeOther: () => Promise<void> | void;

beforeAll(() => {
  migratedDb();
  if (databaseKind() === "postgres") {
    const pool = openPgDatabase({ url: getEnv().DATABASE_URL!, poolSize: 1 });
    other = pool as unknown as Db;
    closeOther = () => closePgDatabase(pool);
  } else {
    const file = openDatabase(databaseFile(getEnv().dataDir));
    other = file;
    closeOther = () => {
      file.$client.close();
    };
  }
  holder.quireServer = { instance: "web-1:3000:4242" };
});
afterAll(async () => {
  await closeOther();
  delete holder.quireServer;
});

const otherBeat = (at: Date) =>
  recordHeartbeat(
    { id: "web-2:3000:777", host: "web-2", pid: 777, version: "0.1.0", startedAt: new Date(0), lastSeenAt: at },
    other,
  );

describe("instance heartbeats", () => {
  it("uses the id /metrics labels its output with", () => {
    expect(instanceId()).toBe("web-1:3000:4242");
  });

  it("lists every instance that wrote to the database, this one marked, a silent one stale", async () => {
    const t0 = new Date("2026-12-01T09:00:00Z");
    await beat(t0);
    await otherBeat(t0);
    // Both writers' rows, read back through the other connection.
    expect((await instancesSeenSince(new Date(t0.getTime() - 1), other)).map((i) => i.id)).toEqual([
      "web-1:3000:4242",
      "web-2:3000:777",
    ]);

    // This instance keeps beating; the other stops.
    const later = new Date(t0.getTime() + STALE_AFTER_MS + HEARTBEAT_MS);
    await beat(later);
    const seen = await instancesSeen(later);
    expect(seen.map(({ id, current, stale }) => ({ id, current, stale }))).toEqual([
      { id: "web-1:3000:4242", current: true, stale: false },
      { id: "web-2:3000:777", current: false, stale: true },
    ]);
    const self = seen[0]!;
    expect(self).toMatchObject({ pid: process.pid, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(self.lastSeenAt).toEqual(later);
    expect(self.startedAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("stops listing an instance after a few minutes and sweeps it after an hour", async () => {
    const t0 = new Date("2026-12-02T09:00:00Z");
    await otherBeat(t0);
    await beat(t0);
    expect((await instancesSeen(new Date(t0.getTime() + 10 * 60_000))).map((i) => i.id)).toEqual([]);
    await beat(new Date(t0.getTime() + 61 * 60_000));
    const rows = await other.select({ id: instances.id }).from(instances).orderBy(instances.id);
    expect(rows.map((row) => row.id)).toEqual(["web-1:3000:4242"]);
  });
});
