// The page cache's freshness signal on PostgreSQL (pg-changes.mjs) against the local server:
// a commit made elsewhere changes it within a second, a rolled-back one does not, and a
// listener whose connection is cut serves nothing from the cache until it is back. Skipped,
// saying so, when no server answers. Then the triggers that send it: what a reader page
// can show is heard, what none shows (a held comment, a rate-limit counter) is not.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connectTo,
  createTestDatabase,
  dropTestDatabase,
  POSTGRES_MISSING,
  postgresAnswers,
  urlOf,
  usePgSite,
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

describe.skipIf(!reachable)("what sends the change signal (db/migrations/pg/0003_change_notifications.sql)", () => {
  const site = usePgSite({ prefix: "quire_triggers" });
  let watcher: ReturnType<typeof watchPgChanges>;

  beforeAll(async () => {
    watcher = watchPgChanges(site.url, { retryMs: 100 });
    await within(5_000, () => watcher.connected());
  });

  afterAll(async () => {
    await watcher?.stop();
  });

  /** Whether running `statement` changes the signal within half a second. */
  async function heard(statement: string, values: unknown[] = []): Promise<boolean> {
    const before = watcher();
    await site.db.$client.query(statement, values);
    return within(500, () => watcher() !== before).then(
      () => true,
      () => false,
    );
  }

  it("a post, a tag, a setting or an author changed is heard; the tables no page shows are not", async () => {
    expect(
      await heard(
        `INSERT INTO users (email, name, slug, role, password_hash) VALUES ('ada@example.com', 'Ada', 'ada', 'owner', 'x')`,
      ),
    ).toBe(true);
    expect(
      await heard(
        `INSERT INTO posts (title, slug, author_id, status) SELECT 'Hello', 'hello', id, 'published' FROM users`,
      ),
    ).toBe(true);
    expect(await heard(`INSERT INTO tags (name, slug) VALUES ('News', 'news')`)).toBe(true);
    expect(await heard(`INSERT INTO settings (key, value) VALUES ('title', '"Quire"')`)).toBe(true);

    expect(await heard(`INSERT INTO rate_limits (key, points, expires_at) VALUES ('k', 1, 0)`)).toBe(false);
    expect(await heard(`INSERT INTO audit_log (action, actor_label) VALUES ('test', 'test')`)).toBe(false);
  });

  it("a comment held for moderation is not heard; approving it is, and so is deleting it", async () => {
    expect(
      await heard(
        `INSERT INTO comments (post_id, author_name, markdown, html, status) SELECT id, 'Rita', 'Hi', '<p>Hi</p>', 'pending' FROM posts`,
      ),
    ).toBe(false);
    expect(await heard(`UPDATE comments SET status = 'approved'`)).toBe(true);
    expect(await heard(`DELETE FROM comments`)).toBe(true);
  });
});

if (!reachable) it.skip(`${POSTGRES_MISSING}: the change signal not tried`, () => {});
