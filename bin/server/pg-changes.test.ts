// The page cache's freshness signal on PostgreSQL (pg-changes.mjs) against the local server:
// a commit made elsewhere changes it within a second, a rolled-back one does not, and a
// listener whose connection is cut serves nothing from the cache until it is back. Skipped,
// saying so, when no server answers.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connectTo,
  createTestDatabase,
  dropTestDatabase,
  urlOf,
  POSTGRES_MISSING,
  postgresAnswers,
} from "../../test/postgres";
import { CHANGE_CHANNEL, watchPgChanges } from "./pg-changes.mjs";

const reachable = await postgresAnswers();

async function within<T>(ms: number, check: () => T | undefined | false): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!reachable)("the PostgreSQL change signal", () => {
  let database: string;
  let other: pg.Client;
  let watcher: ReturnType<typeof watchPgChanges>;

  beforeAll(async () => {
    database = await createTestDatabase("quire_changes");
    other = await connectTo(database);
    watcher = watchPgChanges(urlOf(database), {
      retryMs: 100,
    });
    await within(5_000, () => watcher.connected());
  });

  afterAll(async () => {
    await watcher?.stop();
    await other?.end();
    if (database) await dropTestDatabase(database);
  });

  it("stays the same while nothing commits, and changes within a second of a commit elsewhere", async () => {
    const before = watcher();
    expect(watcher()).toBe(before);

    await other.query(`NOTIFY ${CHANGE_CHANNEL}`);
    await within(1_000, () => watcher() !== before);
  });

  it("hears a change only when its transaction commits", async () => {
    const before = watcher();
    await other.query("BEGIN");
    await other.query(`NOTIFY ${CHANGE_CHANNEL}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(watcher()).toBe(before); // not yet committed
    await other.query("ROLLBACK");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(watcher()).toBe(before); // rolled back: nothing to hear

    await other.query("BEGIN");
    await other.query(`NOTIFY ${CHANGE_CHANNEL}`);
    await other.query("COMMIT");
    await within(1_000, () => watcher() !== before);
  });

  it("serves nothing as fresh while its connection is cut, and listens again once it is back", async () => {
    await other.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'quire-changes' AND datname = $1`,
      [database],
    );
    await within(1_000, () => !watcher.connected());
    expect(watcher()).not.toBe(watcher()); // a new number on every call: never fresh

    await within(5_000, () => watcher.connected());
    const before = watcher();
    expect(watcher()).toBe(before);
    await other.query(`NOTIFY ${CHANGE_CHANNEL}`);
    await within(1_000, () => watcher() !== before);
  });
});

if (!reachable) it.skip(`${POSTGRES_MISSING}: the change signal not tried`, () => {});
