import { beforeEach, describe, expect, it } from "vitest";
import { migratedDb } from "@/test/helpers";
import { getDb } from "../client";
import { rateLimits } from "../schema";
import { clearRateLimits, consumeWindows, sweepRateLimits } from "./rate-limits";

const keys = async () =>
  (await getDb().select({ key: rateLimits.key }).from(rateLimits).orderBy(rateLimits.key)).map((row) => row.key);

beforeEach(async () => {
  migratedDb();
  await clearRateLimits();
});

describe("fixed windows", () => {
  const limit = { key: "test:a", points: 2, durationMs: 60_000 };

  it("allows the points, refuses the next, and starts afresh when the window ends", async () => {
    const t = 1_000_000;
    expect([
      await consumeWindows([limit], t),
      await consumeWindows([limit], t + 1),
      await consumeWindows([limit], t + 2),
    ]).toEqual([-1, -1, 0]);
    expect(await consumeWindows([limit], t + 59_999)).toBe(0); // the window counts from its first hit
    expect(await consumeWindows([limit], t + 60_000)).toBe(-1);
  });

  it("stops at the first limit refused: the ones after it are not counted", async () => {
    const t = 2_000_000;
    const tight = { key: "test:tight", points: 1, durationMs: 60_000 };
    const loose = { key: "test:loose", points: 1, durationMs: 60_000 };
    expect(await consumeWindows([tight, loose], t)).toBe(-1);
    expect(await consumeWindows([tight, loose], t)).toBe(0);
    expect(
      await getDb().select({ key: rateLimits.key, points: rateLimits.points }).from(rateLimits).orderBy(rateLimits.key),
    ).toEqual([
      { key: "test:loose", points: 1 },
      { key: "test:tight", points: 2 },
    ]);
  });
});

describe("sweeping", () => {
  it("deletes the counters whose window is over and keeps the others", async () => {
    const t = 3_000_000;
    await consumeWindows([{ key: "test:short", points: 5, durationMs: 1_000 }], t);
    await consumeWindows([{ key: "test:long", points: 5, durationMs: 60_000 }], t);
    expect(await keys()).toEqual(["test:long", "test:short"]);
    expect(await sweepRateLimits(t + 999)).toBe(0);
    expect(await sweepRateLimits(t + 1_000)).toBe(1);
    expect(await keys()).toEqual(["test:long"]);
  });
});
