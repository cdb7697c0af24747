// The outbox claim on PostgreSQL against the local server: instances draining one queue at
// once take every due item exactly once. Skipped, saying so, when no server answers.
import { describe, expect, it } from "vitest";
import { POSTGRES_MISSING, postgresAnswers, usePgSite } from "../../../test/postgres";
import { outbox } from "../../schema/pg";
import { claimDueOutboxItemsPg } from "./outbox";

const reachable = await postgresAnswers();

describe.skipIf(!reachable)("claiming outbox items on PostgreSQL", () => {
  // Four instances, each with a pool of its own, as four machines would have.
  const site = usePgSite({ prefix: "quire_claims", instances: 4, poolSize: 2 });
  const minute = 60_000;
  const now = new Date("2026-12-01T12:00:00Z");

  it("four instances claiming at once take each due item exactly once, oldest first, and nothing not yet due", async () => {
    const db = site.db;
    const rows = Array.from({ length: 200 }, (_, i) => ({
      kind: "email" as const,
      payload: { n: i },
      nextAttemptAt: new Date(now.getTime() - (200 - i) * 1000),
    }));
    await db
      .insert(outbox)
      .values([...rows, { kind: "email", payload: { n: "later" }, nextAttemptAt: new Date(now.getTime() + minute) }]);

    const taken = new Map<number, string>();
    await Promise.all(
      site.instances.flatMap((instance, i) =>
        [0, 1].map(async (worker) => {
          const claimer = `instance-${i}-${worker}`;
          for (;;) {
            const batch = await claimDueOutboxItemsPg(instance, {
              now,
              limit: 7,
              claimer,
              leaseUntil: new Date(now.getTime() + minute),
            });
            if (batch.length === 0) return;
            const order = batch.map((item) => item.nextAttemptAt.getTime());
            expect(order).toEqual([...order].sort((a, b) => a - b));
            for (const item of batch) {
              expect(taken.has(item.id), `item ${item.id} claimed twice`).toBe(false);
              taken.set(item.id, claimer);
              expect(item.claimedBy).toBe(claimer);
            }
          }
        }),
      ),
    );

    expect(taken.size).toBe(200);
    expect(new Set(taken.values()).size).toBeGreaterThan(1); // the work was shared
  });

  it("takes an item again once its claimer's lease has passed", async () => {
    const db = site.db;
    const [item] = await db
      .insert(outbox)
      .values({
        kind: "email",
        payload: { n: "orphan" },
        nextAttemptAt: new Date(now.getTime() - minute),
        claimedBy: "dead",
        leaseUntil: new Date(now.getTime() + minute),
      })
      .returning();

    const during = await claimDueOutboxItemsPg(db, {
      now,
      limit: 500,
      claimer: "alive",
      leaseUntil: new Date(now.getTime() + 2 * minute),
    });
    expect(during.map((claimed) => claimed.id)).not.toContain(item!.id);

    const later = new Date(now.getTime() + 2 * minute);
    const after = await claimDueOutboxItemsPg(db, {
      now: later,
      limit: 500,
      claimer: "alive",
      leaseUntil: new Date(later.getTime() + minute),
    });
    expect(after.map((claimed) => claimed.id)).toContain(item!.id);
  });
});

if (!reachable) it.skip(`${POSTGRES_MISSING}: outbox claims not tried`, () => {});
