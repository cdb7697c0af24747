import "server-only";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { claimDueOutboxItems, type OutboxItem, recordOutboxAttempt } from "@/db/queries/outbox";
import { logger } from "../ops/log.mjs";

// Work that leaves the process (webhooks, e-mail) is queued in the database by the
// request that caused it and done here, so a slow or failing receiver never slows
// or fails that request, and nothing is lost in a restart. Every process serving the
// site works the same queue: each item is claimed (with a lease) before it is tried,
// so no two processes send the same e-mail or webhook, and an item whose process died
// mid-delivery is tried again once the lease has passed.

export type Delivery = { ok: true; responseStatus?: number } | { ok: false; error: string; responseStatus?: number };
export type OutboxHandler = (item: OutboxItem) => Promise<Delivery>;

const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 6 * 60 * 60 * 1000;
/** How long a claim lasts: far longer than one delivery (webhooks time out after 10 s). */
export const OUTBOX_LEASE_MS = 5 * 60 * 1000;

/** This process's name on the items it claims. */
export const PROCESS_CLAIMER = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;

/** 30 s, 1 min, 2 min, … capped at 6 h. */
export function retryDelay(attempts: number, firstRetryMs = FIRST_RETRY_MS): number {
  return Math.min(firstRetryMs * 2 ** (attempts - 1), LONGEST_WAIT_MS);
}

/**
 * Works through what is due now, claiming one item at a time (so several processes
 * share a long queue instead of one taking it all); returns how many items were tried.
 */
export async function processOutbox(
  handlers: Partial<Record<OutboxItem["kind"], OutboxHandler>>,
  {
    now = new Date(),
    limit = 20,
    firstRetryMs = FIRST_RETRY_MS,
    claimer = PROCESS_CLAIMER,
    leaseMs = OUTBOX_LEASE_MS,
  }: { now?: Date; limit?: number; firstRetryMs?: number; claimer?: string; leaseMs?: number } = {},
): Promise<number> {
  let tried = 0;
  for (; tried < limit; tried++) {
    // The lease runs from when the item is taken (a pass may last a while), never before `now`.
    const leaseUntil = new Date(Math.max(now.getTime(), Date.now()) + leaseMs);
    const [item] = await claimDueOutboxItems({ now, limit: 1, claimer, leaseUntil });
    if (!item) break;
    const handler = handlers[item.kind];
    const result: Delivery = handler
      ? await handler(item).catch((error: unknown) => ({ ok: false as const, error: String(error) }))
      : { ok: false, error: `No handler for ${item.kind}` };
    const attempts = item.attempts + 1;
    const line = { job: "outbox", id: item.id, kind: item.kind, attempts, responseStatus: result.responseStatus };
    if (result.ok) logger().info(line, "outbox item delivered");
    else logger().warn({ ...line, error: result.error.slice(0, 500) }, "outbox item not delivered");
    if (result.ok) {
      await recordOutboxAttempt(item.id, claimer, {
        status: "sent",
        attempts,
        nextAttemptAt: now,
        responseStatus: result.responseStatus,
      });
    } else {
      await recordOutboxAttempt(item.id, claimer, {
        status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
        attempts,
        nextAttemptAt: new Date(now.getTime() + retryDelay(attempts, firstRetryMs)),
        error: result.error.slice(0, 500),
        responseStatus: result.responseStatus,
      });
    }
  }
  return tried;
}
