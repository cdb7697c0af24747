import "server-only";
import { getSettings } from "@/db/queries/settings";
import { deliverEmail } from "./email-outbox";
import { getEnv } from "./env";
import { processOutbox } from "./outbox";
import { startScheduler } from "./scheduler";
import { deliverWebhook } from "./webhooks";

// Work outside requests: the scheduler, and the outbox (e-mail, webhooks) every few
// seconds, one pass at a time.
const holder = globalThis as unknown as { quireBackground?: NodeJS.Timeout };

export function startBackgroundWork() {
  startScheduler();
  if (holder.quireBackground) return; // once per process, also across hot reloads
  const { QUIRE_OUTBOX_INTERVAL_MS, QUIRE_OUTBOX_FIRST_RETRY_MS } = getEnv();
  let running = false;
  holder.quireBackground = setInterval(() => {
    if (running) return;
    running = true;
    Promise.resolve()
      .then(() => {
        // Read each pass: the setting is changed in the admin while the process runs.
        const allowPrivate = getSettings().webhooksAllowPrivate === true;
        return processOutbox(
          { email: deliverEmail, webhook: (item) => deliverWebhook(item, { allowPrivate }) },
          { firstRetryMs: QUIRE_OUTBOX_FIRST_RETRY_MS },
        );
      })
      .catch((error: unknown) => console.error("[quire] outbox pass failed", error))
      .finally(() => (running = false));
  }, QUIRE_OUTBOX_INTERVAL_MS);
  holder.quireBackground.unref();
}
