import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueWebhookEvent, listRecentDeliveries, type WebhookEvent } from "@/db/queries/outbox";
import { integrations, webhooks } from "@/db/schema";
import { write } from "@/db/transaction";
import { migratedDb } from "@/test/helpers";
import { processOutbox } from "./outbox";
import { deliverWebhook, webhookSecret } from "./webhooks";

type Received = { body: string; signature: string; event: string };
const received: Received[] = [];
let answers: number[] = [];
const receiver = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    received.push({
      body,
      signature: String(request.headers["x-ghost-signature"]),
      event: String(request.headers["x-quire-event"]),
    });
    response.writeHead(answers.shift() ?? 200).end();
  });
});

let hookUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(() => receiver.close());

async function subscribe(event: WebhookEvent) {
  migratedDb();
  return await write(async (db) => {
    const [integration] = await db.insert(integrations).values({ name: "Receiver" }).returning({ id: integrations.id });
    const [webhook] = await db
      .insert(webhooks)
      .values({ integrationId: integration!.id, event, targetUrl: hookUrl })
      .returning({ id: webhooks.id });
    return webhook!.id;
  });
}

/** Queues `event` as the app does: in a write, with the change that caused it. */
const enqueue = (event: WebhookEvent, payload: Record<string, unknown>) =>
  write((db) => enqueueWebhookEvent(db, event, payload));

const deliverAllowingLoopback = {
  webhook: (item: Parameters<typeof deliverWebhook>[0]) => deliverWebhook(item, { allowPrivate: true }),
};

describe("webhook delivery", () => {
  it("posts the event with a signature the receiver can verify", async () => {
    const webhookId = await subscribe("post.published");
    expect(await enqueue("post.published", { post: { current: { title: "Hello" }, previous: {} } })).toBe(1);
    expect(await processOutbox(deliverAllowingLoopback)).toBe(1);

    const [delivery] = received.splice(0);
    expect(delivery!.event).toBe("post.published");
    expect(JSON.parse(delivery!.body)).toEqual({ post: { current: { title: "Hello" }, previous: {} } });
    const [, hmac, timestamp] = delivery!.signature.match(/^sha256=([0-9a-f]{64}), t=(\d+)$/)!;
    const expected = createHmac("sha256", webhookSecret(webhookId))
      .update(`${delivery!.body}${timestamp}`)
      .digest("hex");
    expect(hmac).toBe(expected);
    expect(await listRecentDeliveries({ webhookId, limit: 5 })).toMatchObject([
      { status: "sent", attempts: 1, lastResponseStatus: 200 },
    ]);
  });

  it("retries a failing receiver with backoff until it answers", async () => {
    const webhookId = await subscribe("comment.added");
    await enqueue("comment.added", { comment: { id: 1 } });
    answers = [500];
    const start = new Date();
    await processOutbox(deliverAllowingLoopback, { now: start });
    expect(await listRecentDeliveries({ webhookId, limit: 1 })).toMatchObject([
      { status: "pending", attempts: 1, lastResponseStatus: 500 },
    ]);

    expect(await processOutbox(deliverAllowingLoopback, { now: start })).toBe(0); // not due yet
    await processOutbox(deliverAllowingLoopback, { now: new Date(start.getTime() + 31_000) });
    expect(await listRecentDeliveries({ webhookId, limit: 1 })).toMatchObject([{ status: "sent", attempts: 2 }]);
    expect(received.splice(0)).toHaveLength(2);
  });

  it("refuses loopback targets unless private targets are allowed", async () => {
    const webhookId = await subscribe("post.deleted");
    await enqueue("post.deleted", { post: {} });
    await processOutbox({ webhook: (item) => deliverWebhook(item, { allowPrivate: false }) });
    expect(await listRecentDeliveries({ webhookId, limit: 1 })).toMatchObject([
      { status: "pending", lastError: expect.stringMatching(/Refused private address 127\.0\.0\.1/) },
    ]);
    expect(received).toHaveLength(0);
  });
});
