import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { enqueueEmail } from "@/db/queries/outbox";
import { outbox } from "@/db/schema";
import { write } from "@/db/transaction";
import { migratedDb } from "@/test/helpers";
import { processOutbox } from "./outbox";

const outboxRows = () =>
  getDb()
    .select({
      id: outbox.id,
      status: outbox.status,
      attempts: outbox.attempts,
      claimedBy: outbox.claimedBy,
      leaseUntil: outbox.leaseUntil,
    })
    .from(outbox)
    .orderBy(outbox.id);
/** Every item as claimed by `claimer` until `until`. */
const claimAll = (claimer: string, until: number) =>
  // eslint-disable-next-line drizzle/enforce-update-with-where -- the test's one item
  write((db) => db.update(outbox).set({ claimedBy: claimer, leaseUntil: new Date(until) }));

beforeEach(async () => {
  migratedDb();
  // eslint-disable-next-line drizzle/enforce-delete-with-where -- each test starts with an empty queue
  await write((db) => db.delete(outbox));
});

describe("claims on outbox items", () => {
  it("an item another process holds is left alone until its lease passes, then retried", async () => {
    await write((db) => enqueueEmail(db, { to: "a@example.com", subject: "Hi" }));
    const now = Date.now();
    // A process took the item and died before recording any outcome.
    await claimAll("dead", now + 60_000);
    const sent: number[] = [];
    const email = async (item: { id: number }) => (sent.push(item.id), { ok: true as const });

    expect(await processOutbox({ email }, { now: new Date(now), claimer: "alive" })).toBe(0);
    expect(sent).toEqual([]);

    expect(await processOutbox({ email }, { now: new Date(now + 60_000), claimer: "alive" })).toBe(1);
    expect(sent).toHaveLength(1);
    expect(await outboxRows()).toEqual([
      { id: sent[0], status: "sent", attempts: 1, claimedBy: null, leaseUntil: null },
    ]);
  });

  it("a claimer whose lease ran out and was taken over records nothing", async () => {
    await write((db) => enqueueEmail(db, { to: "b@example.com", subject: "Hi" }));
    const now = Date.now();
    const slow = async () => {
      // While this claimer is stuck, its lease passes and another process takes the item.
      await claimAll("other", now + 600_000);
      return { ok: false as const, error: "timed out" };
    };
    expect(await processOutbox({ email: slow }, { now: new Date(now), claimer: "slow" })).toBe(1);
    expect(await outboxRows()).toEqual([
      expect.objectContaining({
        status: "pending",
        attempts: 0,
        claimedBy: "other",
        leaseUntil: new Date(now + 600_000),
      }),
    ]);
  });
});
