import { and, asc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import type { PgDb } from "../../pg/connection";
import { outbox } from "../../schema/pg";

// The outbox claim on PostgreSQL: the counterpart of `claimDueOutboxItems` in
// db/queries/outbox.ts, which SQLite serialises with an IMMEDIATE transaction. Here one
// statement claims: the due rows are locked as they are picked, and rows another instance
// has locked meanwhile are skipped (FOR UPDATE SKIP LOCKED), so instances draining one queue
// never wait on each other and never take the same item. The lease columns stay, so an item
// whose claimer died is due again once its lease has passed.

export type PgOutboxItem = typeof outbox.$inferSelect;

export async function claimDueOutboxItemsPg(
  db: PgDb,
  { now, limit, claimer, leaseUntil }: { now: Date; limit: number; claimer: string; leaseUntil: Date },
): Promise<PgOutboxItem[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, "pending"),
        lte(outbox.nextAttemptAt, now),
        or(isNull(outbox.leaseUntil), lte(outbox.leaseUntil, now)),
      ),
    )
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(outbox)
    .set({ claimedBy: claimer, leaseUntil })
    .where(inArray(outbox.id, due))
    .returning();
  // RETURNING follows no order: oldest first, as on SQLite.
  return claimed.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id - b.id);
}
