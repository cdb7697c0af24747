import "server-only";
import { listDueOutboxItems, type OutboxItem, recordOutboxAttempt } from "@/db/queries/outbox";

// Work that leaves the process (webhooks, e-mail) is queued in the database by the
// request that caused it and done here, so a slow or failing receiver never slows
// or fails that request, and nothing is lost in a restart.

export type Delivery = { ok: true; responseStatus?: number } | { ok: false; error: string; responseStatus?: number };
export type OutboxHandler = (item: OutboxItem) => Promise<Delivery>;

const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 6 * 60 * 60 * 1000;

/** 30 s, 1 min, 2 min, … capped at 6 h. */
export function retryDelay(attempts: number, firstRetryMs = FIRST_RETRY_MS): number {
  return Math.min(firstRetryMs * 2 ** (attempts - 1), LONGEST_WAIT_MS);
}

/** Works through what is due now; returns how many items were tried. */
export async function processOutbox(
  handlers: Partial<Record<OutboxItem["kind"], OutboxHandler>>,
  { now = new Date(), limit = 20, firstRetryMs = FIRST_RETRY_MS } = {},
): Promise<number> {
  const due = listDueOutboxItems({ now, limit });
  for (const item of due) {
    const handler = handlers[item.kind];
    const result: Delivery = handler
      ? await handler(item).catch((error: unknown) => ({ ok: false as const, error: String(error) }))
      : { ok: false, error: `No handler for ${item.kind}` };
    const attempts = item.attempts + 1;
    if (result.ok) {
      recordOutboxAttempt(item.id, {
        status: "sent",
        attempts,
        nextAttemptAt: now,
        responseStatus: result.responseStatus,
      });
    } else {
      recordOutboxAttempt(item.id, {
        status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
        attempts,
        nextAttemptAt: new Date(now.getTime() + retryDelay(attempts, firstRetryMs)),
        error: result.error.slice(0, 500),
        responseStatus: result.responseStatus,
      });
    }
  }
  return due.length;
}
