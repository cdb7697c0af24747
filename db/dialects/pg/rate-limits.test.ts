// Rate limits on PostgreSQL against the local server: the same results as on SQLite
// (db/queries/rate-limits.test.ts), and exact under many concurrent instances. Skipped,
// saying so, when no server answers.
import { describe, expect, it } from "vitest";
import { POSTGRES_MISSING, postgresAnswers, usePgSite } from "../../../test/postgres";
import { beginBackoffAttemptPg, consumeWindowsPg } from "./rate-limits";

const reachable = await postgresAnswers();

describe.skipIf(!reachable)("rate limits on PostgreSQL", () => {
  const site = usePgSite({ prefix: "quire_rates", instances: 3 });

  it("allows the points, refuses the next, starts afresh when the window ends, and stops at the first refusal", async () => {
    const db = site.db;
    const limit = { key: "test:a", points: 2, durationMs: 60_000 };
    const t = 1_000_000;
    expect([
      await consumeWindowsPg(db, [limit], t),
      await consumeWindowsPg(db, [limit], t + 1),
      await consumeWindowsPg(db, [limit], t + 2),
    ]).toEqual([-1, -1, 0]);
    expect(await consumeWindowsPg(db, [limit], t + 60_000)).toBe(-1);

    const tight = { key: "test:tight", points: 1, durationMs: 60_000 };
    const loose = { key: "test:loose", points: 1, durationMs: 60_000 };
    expect(await consumeWindowsPg(db, [tight, loose], t)).toBe(-1);
    expect(await consumeWindowsPg(db, [tight, loose], t)).toBe(0);
    const rows = await db.$client.query(
      "SELECT key, points FROM rate_limits WHERE key IN ('test:loose', 'test:tight') ORDER BY key",
    );
    expect(rows.rows).toEqual([
      { key: "test:loose", points: 1 },
      { key: "test:tight", points: 2 },
    ]);
  });

  it("60 hits at once from three instances on a limit of 10: exactly 10 allowed", async () => {
    const limit = { key: "test:burst", points: 10, durationMs: 60_000 };
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => consumeWindowsPg(site.instances[i % 3]!, [limit], 5_000_000)),
    );
    expect(results.filter((result) => result === -1)).toHaveLength(10);
  });

  it("30 sign-in attempts at once under backoff: only the free attempts begin, the others are told to wait", async () => {
    const policy = { freeAttempts: 3, firstWaitMs: 1_000, maxWaitMs: 60_000, forgetAfterMs: 600_000 };
    const keys = ["test:login:ada@example.com", "test:login-ip:127.0.0.1"];
    const t = 9_000_000;
    const waits = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        beginBackoffAttemptPg(site.instances[i % 3]!, i % 2 ? keys : [...keys].reverse(), policy, t),
      ),
    );
    expect(waits.filter((wait) => wait === 0)).toHaveLength(3);
    expect(Math.min(...waits.filter((wait) => wait > 0))).toBe(1_000);
    expect(await beginBackoffAttemptPg(site.db, keys, policy, t + 1_000)).toBe(0); // the wait is over
  });
});

if (!reachable) it.skip(`${POSTGRES_MISSING}: rate limits on PostgreSQL not tried`, () => {});
