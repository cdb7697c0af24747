import "server-only";
import { deliverEmail } from "./email-outbox";
import { processOutbox } from "./outbox";
import { startScheduler } from "./scheduler";
import { deliverWebhook } from "./webhooks";

// Work outside requests: the outbox (e-mail, webhooks), every few seconds, one pass at a time.
const INTERVAL_MS = Number(process.env.QUIRE_OUTBOX_INTERVAL_MS ?? 2000);
const holder = globalThis as unknown as { quireBackground?: NodeJS.Timeout };

export function startBackgroundWork() {
  startScheduler();
  if (holder.quireBackground) return; // once per process, also across hot reloads
  const allowPrivate = process.env.QUIRE_WEBHOOKS_ALLOW_PRIVATE === "1";
  let running = false;
  holder.quireBackground = setInterval(() => {
    if (running) return;
    running = true;
    processOutbox({ email: deliverEmail, webhook: (item) => deliverWebhook(item, { allowPrivate }) })
      .catch((error: unknown) => console.error("[quire] outbox pass failed", error))
      .finally(() => (running = false));
  }, INTERVAL_MS);
  holder.quireBackground.unref();
}
