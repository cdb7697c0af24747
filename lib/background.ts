import "server-only";
import { getSettings } from "@/db/queries/settings";
import { deliverEmail } from "./email-outbox";
import { processOutbox } from "./outbox";
import { startScheduler } from "./scheduler";
import { deliverWebhook } from "./webhooks";

// Work outside requests: the outbox (e-mail, webhooks), every few seconds, one pass at a time.
const INTERVAL_MS = Number(process.env.QUIRE_OUTBOX_INTERVAL_MS ?? 2000);
// The first retry waits this long, then doubles (tests shorten it).
const FIRST_RETRY_MS = Number(process.env.QUIRE_OUTBOX_FIRST_RETRY_MS ?? 30_000);
const holder = globalThis as unknown as { quireBackground?: NodeJS.Timeout };

export function startBackgroundWork() {
  startScheduler();
  if (holder.quireBackground) return; // once per process, also across hot reloads
  let running = false;
  holder.quireBackground = setInterval(() => {
    if (running) return;
    running = true;
    Promise.resolve()
      .then(() => {
        // Read each pass: the setting is changed in the admin while the process runs.
        const allowPrivate = getSettings().webhooksAllowPrivate === true;
        return processOutbox({ email: deliverEmail, webhook: (item) => deliverWebhook(item, { allowPrivate }) }, { firstRetryMs: FIRST_RETRY_MS });
      })
      .catch((error: unknown) => console.error("[quire] outbox pass failed", error))
      .finally(() => (running = false));
  }, INTERVAL_MS);
  holder.quireBackground.unref();
}
