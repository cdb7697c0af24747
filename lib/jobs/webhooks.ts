import "server-only";
import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { getWebhookTarget, type OutboxItem } from "@/db/queries/outbox";
import type { Delivery } from "./outbox";
import { authSecret } from "../security/secrets";
import { guardedLookup, isPrivateAddress } from "../security/url-guard";

const TIMEOUT_MS = 10_000;

/** Each webhook's signing secret, derived from the site secret: shown in the admin, never stored. */
export function webhookSecret(webhookId: number): string {
  return createHmac("sha256", authSecret()).update(`quire webhook ${webhookId}`).digest("hex");
}

/** Ghost's signature header: `sha256=<hmac of body + timestamp>, t=<timestamp>`. */
export function signatureHeader(body: string, secret: string, timestamp = Date.now()): string {
  const hmac = createHmac("sha256", secret).update(`${body}${timestamp}`).digest("hex");
  return `sha256=${hmac}, t=${timestamp}`;
}

function post(url: URL, body: string, headers: Record<string, string>, allowPrivate: boolean): Promise<number> {
  // A literal IP skips the lookup below, so it is checked here.
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && isIP(literal) && isPrivateAddress(literal)) {
    return Promise.reject(new Error(`Refused private address ${literal}`));
  }
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      { method: "POST", headers, lookup: guardedLookup(allowPrivate), timeout: TIMEOUT_MS },
      (response) => {
        response.resume(); // the body is not needed; drain it
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`No answer within ${TIMEOUT_MS / 1000} s`)));
    request.on("error", reject);
    request.end(body);
  });
}

/** Delivers one queued webhook item; a 2xx answer is success, anything else is retried. */
export async function deliverWebhook(item: OutboxItem, { allowPrivate }: { allowPrivate: boolean }): Promise<Delivery> {
  const target = item.webhookId ? await getWebhookTarget({ id: item.webhookId }) : undefined;
  if (!target) return { ok: true }; // the webhook was deleted meanwhile: nothing left to do
  const { event, body } = item.payload as { event: string; body: unknown };
  const json = JSON.stringify(body);
  try {
    const status = await post(
      new URL(target.targetUrl),
      json,
      {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(json)),
        "user-agent": "Quire webhooks",
        "x-quire-event": event,
        "x-ghost-signature": signatureHeader(json, webhookSecret(target.id)),
      },
      allowPrivate,
    );
    return status >= 200 && status < 300
      ? { ok: true, responseStatus: status }
      : { ok: false, error: `HTTP ${status}`, responseStatus: status };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
