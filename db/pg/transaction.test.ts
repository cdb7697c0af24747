// Writes that read first, on PostgreSQL (db/pg/transaction.ts), against the local server:
// many at once, from several pools, lose no update. Skipped, saying so, when no server answers.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POSTGRES_MISSING, postgresAnswers, usePgSite } from "../../test/postgres";
import { settings } from "../schema/pg";
import type { PgDb } from "./connection";
import { pgWrite } from "./transaction";

const reachable = await postgresAnswers();

describe.skipIf(!reachable)("serialised writes on PostgreSQL", () => {
  const site = usePgSite({ prefix: "quire_tx", instances: 3 });

  // Read the counter, then write it plus one: the read-modify-write that loses updates
  // unless the transactions are serialised.
  const increment = (db: PgDb) =>
    pgWrite(db, async (tx) => {
      const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, "counter"));
      const next = Number(row?.value ?? 0) + 1;
      await tx
        .insert(settings)
        .values({ key: "counter", value: next })
        .onConflictDoUpdate({ target: settings.key, set: { value: next } });
      return next;
    });

  it("30 read-then-write increments at once from three instances: the counter ends at 30", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => increment(site.instances[i % 3]!)));
    const [row] = await site.db.select({ value: settings.value }).from(settings).where(eq(settings.key, "counter"));
    expect(Number(row!.value)).toBe(30);
    expect(new Set(results).size).toBe(30); // each saw a different count
  });

  it("an error that is not a serialisation failure is not retried and rolls back", async () => {
    let calls = 0;
    await expect(
      pgWrite(site.db, async (tx) => {
        calls++;
        await tx.insert(settings).values({ key: "half-written", value: 1 });
        await tx.execute(sql`select 1 / 0`);
      }),
    ).rejects.toThrow();
    expect(calls).toBe(1);
    expect(await site.db.select().from(settings).where(eq(settings.key, "half-written"))).toEqual([]);
  });
});

if (!reachable) it.skip(`${POSTGRES_MISSING}: serialised writes not tried`, () => {});
