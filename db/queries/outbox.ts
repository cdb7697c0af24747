import "server-only";
import { and, asc, desc, eq, lte } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import { outbox, webhooks, type WEBHOOK_EVENTS } from "../schema";

type DbOrTx = Tx | ReturnType<typeof getDb>;
export type OutboxItem = typeof outbox.$inferSelect;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Queues one delivery for every webhook subscribed to `event`; returns how many. */
export function enqueueWebhookEvent(db: DbOrTx, event: WebhookEvent, payload: Record<string, unknown>): number {
  const targets = db.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.event, event)).all();
  const now = new Date();
  for (const target of targets) {
    db.insert(outbox)
      .values({ kind: "webhook", webhookId: target.id, payload: { event, body: payload }, nextAttemptAt: now })
      .run();
  }
  return targets.length;
}

export function enqueueEmail(db: DbOrTx, message: Record<string, unknown>) {
  db.insert(outbox).values({ kind: "email", payload: message, nextAttemptAt: new Date() }).run();
}

/** Due items, oldest first. One process works the queue, so reading is enough to claim. */
export function listDueOutboxItems({ now, limit }: { now: Date; limit: number }) {
  return getDb()
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit)
    .all();
}

export function getWebhookTarget({ id }: { id: number }) {
  return getDb()
    .select({ id: webhooks.id, targetUrl: webhooks.targetUrl })
    .from(webhooks)
    .where(eq(webhooks.id, id))
    .get();
}

export function recordOutboxAttempt(
  id: number,
  outcome: {
    status: "pending" | "sent" | "failed";
    attempts: number;
    nextAttemptAt: Date;
    error?: string;
    responseStatus?: number;
  },
) {
  getDb()
    .update(outbox)
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      nextAttemptAt: outcome.nextAttemptAt,
      lastError: outcome.error ?? null,
      lastResponseStatus: outcome.responseStatus ?? null,
      updatedAt: new Date(),
    })
    .where(eq(outbox.id, id))
    .run();
}

/** The latest deliveries to one webhook, for the admin. */
export function listRecentDeliveries({ webhookId, limit }: { webhookId: number; limit: number }) {
  return getDb()
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
    .limit(limit)
    .all();
}
