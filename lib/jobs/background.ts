import "server-only";
import { sweepRateLimits } from "@/db/queries/rate-limits";
import { getSettings } from "@/db/queries/settings";
import { deliverEmail } from "../email/outbox-handler";
import { ANALYTICS_FLUSH_MS, analyticsPass, registerAnalyticsFlush } from "../analytics/flush";
import { getEnv } from "../env";
import { startHeartbeat } from "../ops/heartbeat";
import { registerOperationalMetrics } from "../ops/metrics";
import { processOutbox } from "./outbox";
import { startScheduler } from "./scheduler";
import { deliverWebhook } from "./webhooks";
import { logger } from "../ops/log.mjs";

// Work outside requests: the scheduler, the outbox (e-mail, webhooks) every few
// seconds, one pass at a time, and a sweep of spent rate-limit counters each minute.
// Every process serving the site runs them; the database keeps them from doing any
// item twice (lib/jobs/outbox.ts, db/queries/post-workflow.ts publishDuePosts). Reader
// analytics counted in memory are written every few seconds (lib/analytics/flush.ts).
// Each process also writes a heartbeat the health page lists (lib/ops/heartbeat.ts).
const holder = globalThis as unknown as {
  quireBackground?: NodeJS.Timeout;
  quireSweep?: NodeJS.Timeout;
  quireAnalyticsFlush?: NodeJS.Timeout;
};
const SWEEP_EVERY_MS = 60_000;

export function startBackgroundWork() {
  registerOperationalMetrics();
  startScheduler();
  if (holder.quireBackground) return; // once per process, also across hot reloads
  const { QUIRE_OUTBOX_INTERVAL_MS, QUIRE_OUTBOX_FIRST_RETRY_MS } = getEnv();
  let running = false;
  holder.quireBackground = setInterval(() => {
    if (running) return;
    running = true;
    Promise.resolve()
      .then(async () => {
        // Read each pass: the setting is changed in the admin while the process runs.
        const allowPrivate = (await getSettings()).webhooksAllowPrivate === true;
        return processOutbox(
          { email: deliverEmail, webhook: (item) => deliverWebhook(item, { allowPrivate }) },
          { firstRetryMs: QUIRE_OUTBOX_FIRST_RETRY_MS },
        );
      })
      .catch((error: unknown) => logger().error({ err: error, job: "outbox" }, "outbox pass failed"))
      .finally(() => (running = false));
  }, QUIRE_OUTBOX_INTERVAL_MS);
  holder.quireBackground.unref();
  holder.quireSweep = setInterval(() => {
    sweepRateLimits().catch((error: unknown) =>
      logger().error({ err: error, job: "rate-limit-sweep" }, "rate-limit sweep failed"),
    );
  }, SWEEP_EVERY_MS);
  holder.quireSweep.unref();
  startHeartbeat();
  registerAnalyticsFlush();
  holder.quireAnalyticsFlush = setInterval(() => {
    analyticsPass().catch((error: unknown) => console.error("[quire] analytics pass failed", error));
  }, ANALYTICS_FLUSH_MS);
  holder.quireAnalyticsFlush.unref();
}
