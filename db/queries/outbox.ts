import "server-only";
import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { type Db, getDb, getPgDb } from "../client";
import { claimDueOutboxItemsPg } from "../dialects/pg/outbox";
import { databaseKind } from "../kind";
import { outbox, webhooks, type WEBHOOK_EVENTS } from "../schema";
import { write } from "../transaction";
import { jsonValue, runStatement, timestampValue } from "./sql";

export type OutboxItem = typeof outbox.$inferSelect;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

// The enqueues write on `db`, the write() they are called in: queued with the change that
// caused them, both kept or neither.

/**
 * Queues one delivery for every webhook subscribed to `event`; returns how many. One
 * INSERT … SELECT over the subscribed webhooks: every comment POST and post save queues its
 * event, mostly to none, and on PostgreSQL each statement is a round trip. (Drizzle's own
 * insert-select must name every column, the id included, which PostgreSQL's identity refuses.)
 */
export async function enqueueWebhookEvent(
  db: Db,
  event: WebhookEvent,
  payload: Record<string, unknown>,
): Promise<number> {
  const column = (name: { name: string }) => sql.identifier(name.name);
  return await runStatement(
    db,
    sql`insert into ${outbox} (${column(outbox.kind)}, ${column(outbox.webhookId)}, ${column(outbox.payload)}, ${column(outbox.nextAttemptAt)})
      select 'webhook', ${webhooks.id}, ${jsonValue({ event, body: payload })}, ${timestampValue(new Date())}
      from ${webhooks} where ${eq(webhooks.event, event)}`,
  );
}

export async function enqueueEmail(db: Db, message: Record<string, unknown>): Promise<void> {
  await db.insert(outbox).values({ kind: "email", payload: message, nextAttemptAt: new Date() });
}

/**
 * Claims the due items, oldest first, for `claimer` until `leaseUntil`, in one
 * write() (BEGIN IMMEDIATE): several processes drain one queue and no two take the same
 * item. An item whose claimer died (its lease passed without an outcome) is due again.
 * On PostgreSQL, one statement that skips the rows other instances are claiming
 * (db/dialects/pg/outbox.ts): in write()'s SERIALIZABLE transaction, three processes draining
 * one queue aborted each other's claims (40001) until the retries ran out.
 */
export async function claimDueOutboxItems(claim: {
  now: Date;
  limit: number;
  claimer: string;
  leaseUntil: Date;
}): Promise<OutboxItem[]> {
  if (databaseKind() === "postgres") return await claimDueOutboxItemsPg(getPgDb(), claim);
  const { now, limit, claimer, leaseUntil } = claim;
  return await write(async (db) => {
    const due = await db
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.status, "pending"),
          lte(outbox.nextAttemptAt, now),
          or(isNull(outbox.leaseUntil), lte(outbox.leaseUntil, now)),
        ),
      )
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(limit);
    if (due.length === 0) return [];
    await db
      .update(outbox)
      .set({ claimedBy: claimer, leaseUntil })
      .where(
        inArray(
          outbox.id,
          due.map((item) => item.id),
        ),
      );
    return due.map((item) => ({ ...item, claimedBy: claimer, leaseUntil }));
  });
}

export async function getWebhookTarget({ id }: { id: number }) {
  const [row] = await getDb()
    .select({ id: webhooks.id, targetUrl: webhooks.targetUrl })
    .from(webhooks)
    .where(eq(webhooks.id, id))
    .limit(1);
  return row;
}

/**
 * The outcome of a claimed item's attempt; the claim ends with it. Written only while
 * `claimer` still holds the item: a claimer whose lease ran out (and whose item
 * another process has taken since) records nothing. Returns whether it was written.
 */
export async function recordOutboxAttempt(
  id: number,
  claimer: string,
  outcome: {
    status: "pending" | "sent" | "failed";
    attempts: number;
    nextAttemptAt: Date;
    error?: string;
    responseStatus?: number;
  },
): Promise<boolean> {
  const written = await write((db) =>
    db
      .update(outbox)
      .set({
        status: outcome.status,
        attempts: outcome.attempts,
        nextAttemptAt: outcome.nextAttemptAt,
        lastError: outcome.error ?? null,
        lastResponseStatus: outcome.responseStatus ?? null,
        claimedBy: null,
        leaseUntil: null,
        updatedAt: new Date(),
      })
      .where(and(eq(outbox.id, id), eq(outbox.claimedBy, claimer)))
      .returning({ id: outbox.id }),
  );
  return written.length === 1;
}

/** The latest deliveries to one webhook, for the admin. */
export async function listRecentDeliveries({ webhookId, limit }: { webhookId: number; limit: number }) {
  return await getDb()
    .select({
      id: outbox.id,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      lastResponseStatus: outbox.lastResponseStatus,
      createdAt: outbox.createdAt,
      updatedAt: outbox.updatedAt,
    })
    .from(outbox)
    .where(eq(outbox.webhookId, webhookId))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}
