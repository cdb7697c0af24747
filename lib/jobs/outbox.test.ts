import { beforeEach, describe, expect, it } from "vitest";
import { enqueueEmail } from "@/db/queries/outbox";
import { migratedDb } from "@/test/helpers";
import { processOutbox } from "./outbox";

const sqlite = () => migratedDb().$client;
const outboxRows = () =>
  sqlite().prepare("SELECT id, status, attempts, claimed_by, lease_until FROM outbox ORDER BY id").all();

beforeEach(() => {
  sqlite().prepare("DELETE FROM outbox").run();
});

describe("claims on outbox items", () => {
  it("an item another process holds is left alone until its lease passes, then retried", async () => {
    await enqueueEmail(migratedDb(), { to: "a@example.com", subject: "Hi" });
    const now = Date.now();
    // A process took the item and died before recording any outcome.
    sqlite()
      .prepare("UPDATE outbox SET claimed_by = 'dead', lease_until = ?")
      .run(now + 60_000);
    const sent: number[] = [];
    const email = async (item: { id: number }) => (sent.push(item.id), { ok: true as const });

    expect(await processOutbox({ email }, { now: new Date(now), claimer: "alive" })).toBe(0);
    expect(sent).toEqual([]);

    expect(await processOutbox({ email }, { now: new Date(now + 60_000), claimer: "alive" })).toBe(1);
    expect(sent).toHaveLength(1);
    expect(outboxRows()).toEqual([{ id: sent[0], status: "sent", attempts: 1, claimed_by: null, lease_until: null }]);
  });

  it("a claimer whose lease ran out and was taken over records nothing", async () => {
    await enqueueEmail(migratedDb(), { to: "b@example.com", subject: "Hi" });
    const now = Date.now();
    const slow = async () => {
      // While this claimer is stuck, its lease passes and another process takes the item.
      sqlite()
        .prepare("UPDATE outbox SET claimed_by = 'other', lease_until = ?")
        .run(now + 600_000);
      return { ok: false as const, error: "timed out" };
    };
    expect(await processOutbox({ email: slow }, { now: new Date(now), claimer: "slow" })).toBe(1);
    expect(outboxRows()).toEqual([
      expect.objectContaining({ status: "pending", attempts: 0, claimed_by: "other", lease_until: now + 600_000 }),
    ]);
  });
});
